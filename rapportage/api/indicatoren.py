"""The key indicators through the API: their definitions, and their values.

Values are aggregates from the rollups, suppressed like the Flanders dashboard: the
caller's own prisons as they are, every other figure through ``rapportage.afscherming``
(a hidden count is null with its mark: "<5" or "x"). A value null without a mark is "geen
gegevens", never 0. Bad filters are a 400 with the error on the field.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.exceptions import NotFound
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from hdv.models import Gevangenis
from hdv.scope import gevangenis_ids
from rapportage import selectors
from rapportage.afscherming import Cijfer
from rapportage.indicatoren import REGISTER, Indicator, Periode
from rapportage.indicatoren.basis import UITSPLITSINGEN
from rapportage.models import Indicatorwaarde, Periodesoort
from rapportage.plantoegang import is_centraal
from rapportage.views.periodekeuze import EERSTE_JAAR

LEZEN = "rapportage.view_indicatorwaarde"
VLAANDEREN = "vlaanderen"
# The periods one request may span: the suppression runs per indicator and period.
MEESTE_PERIODEN = 36
SOORTEN = [Periodesoort.MAAND, Periodesoort.KWARTAAL, Periodesoort.JAAR]
TEKEN_UITLEG = (
    "Leeg: getoond. '<5' (volgens HDV_KLEINSTE_AANTAL): een klein aantal; 'x': afgeschermd."
)


class IndicatorOutput(serializers.Serializer):
    code = serializers.CharField()
    naam = serializers.CharField()
    beschrijving = serializers.CharField()
    teller = serializers.CharField(help_text="Wat boven de streep geteld wordt.")
    noemer = serializers.CharField(help_text="Wat onder de streep staat; leeg voor een aantal.")
    eenheid = serializers.ChoiceField(choices=["percentage", "aantal", "dagen"])
    periode_regel = serializers.CharField(help_text="Welke gegevens in een periode tellen.")
    uitsplitsingen = serializers.ListField(child=serializers.CharField())
    periodesoorten = serializers.ListField(child=serializers.CharField())
    hoger_is_beter = serializers.BooleanField()
    onderdelen = serializers.ListField(
        child=serializers.CharField(), help_text="Codes van indicatoren die erbij horen."
    )


def _definitie(indicator: Indicator) -> dict[str, Any]:
    return {
        "code": indicator.code,
        "naam": str(indicator.naam),
        "beschrijving": str(indicator.beschrijving),
        "teller": str(indicator.teller),
        "noemer": str(indicator.noemer),
        "eenheid": indicator.eenheid,
        "periode_regel": str(indicator.periode_regel),
        "uitsplitsingen": list(indicator.uitsplitsingen),
        "periodesoorten": [str(s) for s in indicator.periodesoorten],
        "hoger_is_beter": indicator.hoger_is_beter,
        "onderdelen": list(indicator.onderdelen),
    }


class IndicatorLijst(APIView):
    """Every key indicator, defined in plain words: what is counted, over what, per period."""

    vereiste_permissie = LEZEN

    @extend_schema(responses=IndicatorOutput(many=True))
    def get(self, request: Request) -> Response:
        indicatoren = sorted(REGISTER.values(), key=lambda i: i.code)
        return Response(IndicatorOutput([_definitie(i) for i in indicatoren], many=True).data)


class WaardenFilter(serializers.Serializer):
    indicator = serializers.CharField(
        required=False, max_length=40, help_text="De code van een kernindicator; leeg: alle."
    )
    gevangenis = serializers.CharField(
        required=False,
        max_length=20,
        help_text=f"De code van een gevangenis, of '{VLAANDEREN}'; leeg: alle en Vlaanderen.",
    )
    periodesoort = serializers.ChoiceField(choices=SOORTEN, default=Periodesoort.MAAND)
    van = serializers.DateField(
        required=False, help_text="De vroegste periode (die deze dag bevat); standaard 12 terug."
    )
    tot = serializers.DateField(
        required=False, help_text="De laatste periode (die deze dag bevat); standaard de lopende."
    )
    uitsplitsing = serializers.ChoiceField(
        choices=list(UITSPLITSINGEN),
        required=False,
        allow_blank=True,
        default="",
        help_text=(
            "Een uitsplitsing (met indicator); leeg: de totalen. Alleen van de gevangenissen "
            "die u leest; per aanbod alleen van uw eigen gevangenissen (niet afgeschermd)."
        ),
    )

    def validate_indicator(self, code: str) -> str:
        if code not in REGISTER:
            raise serializers.ValidationError(_("Onbekende indicator: %(code)s.") % {"code": code})
        return code

    def validate_gevangenis(self, code: str) -> str:
        if code.lower() == VLAANDEREN:
            return VLAANDEREN
        if code not in self.context["gevangenissen"]:
            raise serializers.ValidationError(_("Onbekende gevangenis: %(code)s.") % {"code": code})
        return code

    def validate(self, gegevens: dict[str, Any]) -> dict[str, Any]:
        # Nothing is counted before the platform's first year; a date near year 1 would
        # also overflow when the periods before it are listed.
        vroeg = {
            veld: _("Er zijn geen gegevens van voor %(jaar)s.") % {"jaar": EERSTE_JAAR}
            for veld in ("van", "tot")
            if gegevens.get(veld) and gegevens[veld].year < EERSTE_JAAR
        }
        if vroeg:
            raise serializers.ValidationError(vroeg)
        soort = gegevens["periodesoort"]
        vandaag = timezone.localdate()
        tot = Periode.van(soort, gegevens.get("tot") or vandaag)
        van = Periode.van(soort, gegevens["van"]) if gegevens.get("van") else None
        fouten: dict[str, str] = {}
        if tot.is_toekomst():
            fouten["tot"] = _("%(p)s ligt in de toekomst: daarvan zijn nog geen gegevens.") % {
                "p": tot.naam
            }
        perioden = selectors.perioden_tot(tot, 12)
        if van is None:
            van = perioden[0]
        elif van.begin > tot.begin:
            fouten["van"] = _("De eerste periode ligt na de laatste.")
        elif van.begin < selectors.perioden_tot(tot, MEESTE_PERIODEN)[0].begin:
            fouten["van"] = _("Vraag hoogstens %(n)s perioden tegelijk.") % {"n": MEESTE_PERIODEN}
        uitsplitsing = gegevens.get("uitsplitsing", "")
        indicator = gegevens.get("indicator")
        if uitsplitsing and not indicator:
            fouten["indicator"] = _("Een uitsplitsing vraagt één indicator.")
        elif uitsplitsing and indicator and uitsplitsing not in REGISTER[indicator].uitsplitsingen:
            fouten["uitsplitsing"] = _("%(i)s wordt niet uitgesplitst per %(u)s.") % {
                "i": indicator,
                "u": uitsplitsing,
            }
        if indicator and soort not in REGISTER[indicator].periodesoorten:
            fouten["periodesoort"] = _("%(i)s bestaat niet per %(s)s.") % {
                "i": indicator,
                "s": soort,
            }
        if fouten:
            raise serializers.ValidationError(fouten)
        return {**gegevens, "van_periode": van, "tot_periode": tot}


class WaardeOutput(serializers.Serializer):
    indicator = serializers.CharField()
    gevangenis = serializers.CharField(
        allow_null=True, help_text="De code van de gevangenis; null voor heel Vlaanderen."
    )
    periodesoort = serializers.CharField()
    begin = serializers.DateField()
    einde = serializers.DateField()
    uitsplitsing = serializers.CharField(help_text="Leeg voor het totaal.")
    sleutel = serializers.CharField()
    label = serializers.CharField()  # type: ignore[assignment]  # a field, not Field.label
    teller = serializers.IntegerField(allow_null=True)
    noemer = serializers.IntegerField(allow_null=True)
    waarde = serializers.FloatField(
        allow_null=True, help_text="Null: afgeschermd (zie waarde_teken) of geen gegevens."
    )
    teller_teken = serializers.CharField(help_text=TEKEN_UITLEG)
    noemer_teken = serializers.CharField(help_text=TEKEN_UITLEG)
    waarde_teken = serializers.CharField(help_text=TEKEN_UITLEG)
    afgeschermd = serializers.BooleanField()
    geen_gegevens = serializers.BooleanField(help_text="Er was niets te tellen (nooit 0 %).")


def _uitvoer(cijfer: Cijfer, codes: dict[int, str]) -> dict[str, Any]:
    return {
        **asdict(cijfer),
        "gevangenis": codes.get(cijfer.gevangenis_id) if cijfer.gevangenis_id else None,
        "afgeschermd": cijfer.afgeschermd,
        "geen_gegevens": cijfer.geen_gegevens,
    }


class IndicatorwaardeLijst(generics.ListAPIView):
    """The values of the key indicators per prison and for Flanders, by period, oldest
    first: the totals, or one indicator's breakdown. Aggregate and suppressed."""

    serializer_class = WaardeOutput
    vereiste_permissie = LEZEN
    filter_backends: list[Any] = []
    # Read through the selectors; the schema only needs a model.
    queryset = Indicatorwaarde.objects.none()

    @extend_schema(parameters=[WaardenFilter])
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        codes = dict(Gevangenis.objects.values_list("id", "code"))
        filter_ = WaardenFilter(
            data=request.query_params, context={"gevangenissen": set(codes.values())}
        )
        filter_.is_valid(raise_exception=True)
        gegevens = filter_.validated_data
        gevangenis = gegevens.get("gevangenis")
        per_code = {code: pk for pk, code in codes.items()}
        # As on the pages: the totals of every prison are the Flanders overview, which
        # every reader sees (suppressed); one prison asked for, or a breakdown, is for
        # the prisons the caller reads: another prison's is a 404, as if it did not exist.
        leesbaar = None if is_centraal(request.user) else gevangenis_ids(request.user)
        een_gevangenis = gevangenis and gevangenis != VLAANDEREN
        if leesbaar is not None and een_gevangenis and per_code[gevangenis] not in leesbaar:
            raise NotFound
        van: Periode = gegevens["van_periode"]
        tot: Periode = gegevens["tot_periode"]
        lijst = selectors.cijfers(
            selectors.Lezer.van(request.user),
            periodesoort=gegevens["periodesoort"],
            van=van.begin,
            tot=tot.begin,
            indicator=gegevens.get("indicator"),
            gevangenis_id=per_code.get(gevangenis) if gevangenis else None,
            alleen_vlaanderen=gevangenis == VLAANDEREN,
            uitsplitsing=gegevens.get("uitsplitsing", ""),
        )
        if leesbaar is not None and gegevens.get("uitsplitsing"):
            lijst = [c for c in lijst if c.gevangenis_id is None or c.gevangenis_id in leesbaar]
        pagina = self.paginate_queryset(lijst)
        data = [_uitvoer(c, codes) for c in (pagina if pagina is not None else lijst)]
        return self.get_paginated_response(WaardeOutput(data, many=True).data)
