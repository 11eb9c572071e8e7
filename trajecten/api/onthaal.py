"""The intake of a person (onthaal) and the needs detected per life domain.

Content (what was asked and answered) is for the organisation that did the intake and
for organisations with the person's consent for "onthaal"; others see that an intake
took place, when, and by which organisation.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from aanbod.api.toegang import PermissiePerMethode
from aanbod.models import Levensdomein
from trajecten.api.dossier import Afgeschermd, PersoonView
from trajecten.api.velden import keuzeveld
from trajecten.models import Behoefte, Gedetineerde, Onthaal, Verblijf, taalcode_validator
from trajecten.services.onthaal import (
    BehoefteInvoer,
    behoefte_vastleggen,
    onthaal_overslaan,
    onthaal_registreren,
)

Onthaalstatus = keuzeveld(Onthaal.Status, "Onthaalstatus")
Overslaanreden = keuzeveld(Onthaal.Reden, "Overslaanreden", leeg=True)
Antwoord = keuzeveld(Behoefte.Antwoord, "Behoefteantwoord")
Prioriteit = keuzeveld(Behoefte.Prioriteit, "Behoefteprioriteit", leeg=True)


class BehoefteOutput(Afgeschermd, serializers.ModelSerializer):
    """A need; ``levensdomein`` and what follows only for its readers."""

    levensdomein = serializers.ChoiceField(choices=Levensdomein.choices)
    antwoord = Antwoord()
    prioriteit = Prioriteit()

    inhoudsvelden = ("levensdomein", "antwoord", "prioriteit", "notitie", "door")

    class Meta:
        model = Behoefte
        fields = [
            "id", "onthaal", "vastgesteld_op", "organisatie",
            "levensdomein", "antwoord", "prioriteit", "notitie", "door",
        ]  # fmt: skip

    def lezen(self, inzicht: Any, instance: Behoefte) -> bool:
        return bool(inzicht.behoefte(instance))


class OnthaalOutput(Afgeschermd, serializers.ModelSerializer):
    """An intake, done or skipped; what was said and the needs only for its readers."""

    status = Onthaalstatus()
    reden_overslaan = Overslaanreden()
    behoeften = BehoefteOutput(many=True)

    inhoudsvelden = (
        "door", "taal", "tolk_nodig", "info_aanbod_gegeven", "reden_overslaan", "opmerking",
        "behoeften",
    )  # fmt: skip

    class Meta:
        model = Onthaal
        fields = [
            "id", "verblijf", "status", "datum", "organisatie",
            "door", "taal", "tolk_nodig", "info_aanbod_gegeven", "reden_overslaan", "opmerking",
            "behoeften",
        ]  # fmt: skip

    def lezen(self, inzicht: Any, instance: Onthaal) -> bool:
        return bool(inzicht.onthaal(instance))


class BehoefteInput(serializers.Serializer):
    levensdomein = serializers.ChoiceField(choices=Levensdomein.choices)
    antwoord = Antwoord()
    prioriteit = Prioriteit(default="", help_text="Alleen bij antwoord ja.")
    notitie = serializers.CharField(allow_blank=True, default="")


class OnthaalBehoefteInput(BehoefteInput):
    def validate(self, attrs: dict[str, Any]) -> BehoefteInvoer:  # type: ignore[override]
        return BehoefteInvoer(**attrs)


class OnthaalInput(serializers.Serializer):
    datum = serializers.DateField()
    taal = serializers.CharField(
        max_length=3,
        allow_blank=True,
        default="",
        validators=[taalcode_validator],
        help_text="Taal van het gesprek (ISO 639-code).",
    )
    tolk_nodig = serializers.BooleanField(default=False)
    info_aanbod_gegeven = serializers.BooleanField(default=False)
    opmerking = serializers.CharField(allow_blank=True, default="")
    behoeften = OnthaalBehoefteInput(
        many=True, default=list, help_text="De behoeftedetectie: één per levensdomein."
    )


class OverslaanInput(serializers.Serializer):
    reden_overslaan = Overslaanreden()
    datum = serializers.DateField(required=False, help_text="Standaard vandaag.")
    opmerking = serializers.CharField(allow_blank=True, default="")


def _open_verblijf(gedetineerde: Gedetineerde) -> Verblijf:
    verblijf = gedetineerde.verblijven.filter(tot__isnull=True).order_by("-van", "-id").first()
    if verblijf is None:
        raise ValidationError(_("Deze persoon verblijft niet (meer) in een gevangenis."))
    return verblijf


def _onthaal_output(view: PersoonView, onthaal: Onthaal) -> Response:
    onthaal = Onthaal.objects.prefetch_related("behoeften").get(pk=onthaal.pk)
    return Response(
        OnthaalOutput(onthaal, context=view.get_serializer_context()).data,
        status=status.HTTP_201_CREATED,
    )


class OnthaalLijst(PermissiePerMethode, PersoonView, generics.ListAPIView):
    """The person's intakes, newest first, each with the needs detected in it."""

    serializer_class = OnthaalOutput
    permissies = {"GET": "trajecten.view_onthaal", "POST": "trajecten.add_onthaal"}

    def get_queryset(self) -> Any:
        if self.schema_zonder_persoon():
            return Onthaal.objects.none()
        return (
            Onthaal.objects.zichtbaar_voor(self.request.user)
            .filter(gedetineerde=self.persoon())
            .prefetch_related("behoeften")
            .order_by("-datum", "-id")
        )

    @extend_schema(request=OnthaalInput, responses={201: OnthaalOutput})
    def post(self, request: Request, pk: int) -> Response:
        """Register the intake of the current stay, with its needs detection."""
        persoon = self.persoon()
        invoer = OnthaalInput(data=request.data)
        invoer.is_valid(raise_exception=True)
        onthaal = onthaal_registreren(
            verblijf=_open_verblijf(persoon), door=request.user, **invoer.validated_data
        )
        return _onthaal_output(self, onthaal)


class OnthaalOverslaan(PersoonView):
    """Skip the intake of the current stay, with a reason."""

    serializer_class = OnthaalOutput
    vereiste_permissie = "trajecten.add_onthaal"

    @extend_schema(request=OverslaanInput, responses={201: OnthaalOutput})
    def post(self, request: Request, pk: int) -> Response:
        persoon = self.persoon()
        invoer = OverslaanInput(data=request.data)
        invoer.is_valid(raise_exception=True)
        gegevens = invoer.validated_data
        onthaal = onthaal_overslaan(
            verblijf=_open_verblijf(persoon),
            reden=gegevens["reden_overslaan"],
            datum=gegevens.get("datum"),
            opmerking=gegevens["opmerking"],
            door=request.user,
        )
        return _onthaal_output(self, onthaal)


class BehoefteLijst(PermissiePerMethode, PersoonView, generics.ListAPIView):
    """All needs of the person (at intake and later), per life domain, newest first."""

    serializer_class = BehoefteOutput
    permissies = {"GET": "trajecten.view_onthaal", "POST": "trajecten.add_behoefte"}

    def get_queryset(self) -> Any:
        if self.schema_zonder_persoon():
            return Behoefte.objects.none()
        return Behoefte.objects.zichtbaar_voor(self.request.user).filter(
            gedetineerde=self.persoon()
        )

    @extend_schema(request=BehoefteInput, responses={201: BehoefteOutput})
    def post(self, request: Request, pk: int) -> Response:
        """A need detected after the intake."""
        persoon = self.persoon()
        invoer = BehoefteInput(data=request.data)
        invoer.is_valid(raise_exception=True)
        behoefte = behoefte_vastleggen(
            gedetineerde=persoon, door=request.user, **invoer.validated_data
        )
        return Response(
            BehoefteOutput(behoefte, context=self.get_serializer_context()).data,
            status=status.HTTP_201_CREATED,
        )
