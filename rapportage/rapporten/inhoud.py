"""Everything a monitoring report says, gathered once from the rollups into plain data.

The PDF's template and the XLSX writer both render the one ``Rapportinhoud`` made here:
the two files cannot disagree on a figure. Only rollups are read (the report's period and
the periods before it, for the trend), never the facts, and only through the report's
momentopname (``rapportage.rapporten.momentopname``): the same parameters give the same
figures, also after the rollups changed. Every figure goes through
``rapportage.afscherming``: the report is an output above prison level.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import Any

from django.conf import settings
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from hdv.models import Gevangenis
from rapportage import grafieken, plannen_lezen, selectors
from rapportage.afscherming import Cijfer as AfgeschermdCijfer
from rapportage.afscherming import selectie_afschermen
from rapportage.indicatoren import Indicator, Periode
from rapportage.indicatoren.basis import UITSPLITSINGEN, Eenheid
from rapportage.models import Actiestatus, Indicatorwaarde, Monitoringrapport, Periodesoort
from rapportage.rapporten.momentopname import Momentopname, momentopname_voor
from rapportage.rapporten.onderdelen import (
    Actieregel,
    Cijfer,
    Definitie,
    Doelstelling,
    Getal,
    Gevangenispagina,
    Gevangenisregel,
    Indicatorsectie,
    Plan,
    Rapportinhoud,
    Rij,
    Streef,
    Telling,
    Uitsplitsing,
    Uitsplitsingsrij,
)

# The trend: a quarter with the three before it, a year with the two before it.
REEKS: dict[str, int] = {Periodesoort.KWARTAAL: 4, Periodesoort.JAAR: 3}
# Breakdowns with a short, fixed list of cells; per offer or provider would fill pages.
UITSPLITSINGEN_IN_RAPPORT = ("domein", "statuut", "doelgroep", "reden")

Plaats = tuple[int | None, str, str]
NIET_VAN_TOEPASSING = Getal(None, "aantal", "—")


def afschermregel(drempel: int) -> str:
    return _(
        "Aantallen van 1 tot %(grens)s staan er als '<%(drempel)s'. Ook een cijfer waaruit "
        "zo'n aantal terug te rekenen is (een totaal min de andere cellen) staat er niet: "
        "dat staat als 'x'. Een percentage of mediaan volgt zijn aantallen. Zo identificeert "
        "geen enkel cijfer een persoon."
    ) % {"grens": drempel - 1, "drempel": drempel}


def _getal(waarde: float | int | None, eenheid: str, teken: str) -> Getal:
    return Getal(None if teken else waarde, eenheid, teken)


def _cijfer(gevonden: AfgeschermdCijfer | None, eenheid: str) -> Cijfer:
    """A rollup figure after suppression; none at all is "geen gegevens" (never 0 %)."""
    if gevonden is None:
        cijfer = Cijfer(waarde=Getal(None, eenheid))
    else:
        cijfer = Cijfer(
            teller=_getal(gevonden.teller, "aantal", gevonden.teller_teken),
            noemer=_getal(gevonden.noemer, "aantal", gevonden.noemer_teken),
            waarde=_getal(gevonden.waarde, eenheid, gevonden.waarde_teken),
        )
    return zonder_lege_delen(cijfer, eenheid)


def zonder_lege_delen(cijfer: Cijfer, eenheid: str) -> Cijfer:
    """A count has no noemer, a median no teller: "—", not "geen gegevens"."""
    if eenheid == Eenheid.AANTAL:
        return replace(cijfer, noemer=NIET_VAN_TOEPASSING)
    if eenheid == Eenheid.DAGEN:
        return replace(cijfer, teller=NIET_VAN_TOEPASSING)
    return cijfer


def _definitie(indicator: Indicator) -> Definitie:
    return Definitie(
        code=indicator.code,
        naam=str(indicator.naam),
        beschrijving=str(indicator.beschrijving),
        teller=str(indicator.teller),
        noemer=str(indicator.noemer),
        eenheid=indicator.eenheid,
        periode_regel=str(indicator.periode_regel),
        hoger_is_beter=indicator.hoger_is_beter,
    )


def _streef(
    indicator: Indicator, periode: Periode, waarde: Getal, streefcijfer: Any, eenheid: str
) -> Streef:
    """Against the year's target; a hidden figure is not judged (that would tell its range),
    nor a count of a quarter against the year's target (as on the dashboard)."""
    if streefcijfer is None:
        return Streef(eenheid=eenheid)
    doel = streefcijfer.waarde
    if (
        waarde.afgeschermd
        or waarde.waarde is None
        or not selectors.streefcijfer_geldt(indicator, periode)
    ):
        return Streef(doel, None, eenheid)
    return Streef(doel, plannen_lezen.gehaald(indicator, float(waarde.waarde), doel), eenheid)


class _Cijfers:
    """The report's figures as the Flanders dashboard shows them (the same suppression,
    ``selectors.afgeschermd``, for a reader who knows no prison: the committee), from the
    rows of the report's momentopname."""

    def __init__(
        self,
        perioden: Sequence[Periode],
        breakdowns: bool,
        momentopname: Momentopname,
        drempel: int,
    ) -> None:
        self.perioden = perioden
        self.lezer = selectors.Lezer(frozenset(), drempel)
        self.breakdowns = breakdowns
        self.rijen = momentopname.rijen
        begins = {p.begin for p in perioden}
        totaalrijen = [r for r in self.rijen if r.uitsplitsing == "" and r.begin in begins]
        self.totalen: dict[tuple[str, datetime.date, int | None], AfgeschermdCijfer] = {
            (code, begin, gevangenis_id): cijfer
            for (code, begin), cijfers in selectors.afgeschermd(totaalrijen, self.lezer).items()
            for (gevangenis_id, _u, _s), cijfer in cijfers.items()
        }

    def van(
        self, code: str, periode: Periode, gevangenis_id: int | None
    ) -> AfgeschermdCijfer | None:
        return self.totalen.get((code, periode.begin, gevangenis_id))

    def per_gevangenis(self, code: str, periode: Periode) -> dict[int, AfgeschermdCijfer]:
        return {
            g: c
            for (i, b, g), c in self.totalen.items()
            if i == code and b == periode.begin and g is not None
        }

    def uitsplitsingen(self, indicator: Indicator) -> tuple[Uitsplitsing, ...]:
        """Flanders' breakdowns in the report's period (the selection's would need a
        suppression of their own); one query per indicator."""
        codes = [c for c in UITSPLITSINGEN_IN_RAPPORT if c in indicator.uitsplitsingen]
        if not (self.breakdowns and codes):
            return ()
        begin = self.perioden[-1].begin
        rijen = [
            r
            for r in self.rijen
            if r.indicator == indicator.code and r.begin == begin and r.uitsplitsing in ("", *codes)
        ]
        cijfers = selectors.afgeschermd(rijen, self.lezer).get((indicator.code, begin), {})
        lijsten = []
        for code in codes:
            cellen = sorted(
                (c for (g, u, _s), c in cijfers.items() if g is None and u == code),
                key=lambda c: (c.label.lower(), c.sleutel),
            )
            if cellen:
                lijsten.append(
                    Uitsplitsing(
                        str(UITSPLITSINGEN.get(code, code)),
                        tuple(
                            Uitsplitsingsrij(c.label, _cijfer(c, indicator.eenheid)) for c in cellen
                        ),
                    )
                )
        return tuple(lijsten)


def _sectie(
    indicator: Indicator,
    cijfers: _Cijfers,
    gevangenissen: Sequence[Gevangenis],
    alle: bool,
    streefcijfers: dict[tuple[str, int | None], Any],
) -> Indicatorsectie:
    eenheid = indicator.eenheid
    code = indicator.code
    ids = [g.pk for g in gevangenissen]
    totalen = []
    for periode in cijfers.perioden:
        if alle:
            totalen.append(_cijfer(cijfers.van(code, periode, None), eenheid))
        else:
            gekozen = cijfers.per_gevangenis(code, periode)
            totalen.append(_cijfer(selectie_afschermen(eenheid, gekozen, ids), eenheid))
    totaal = Rij(
        naam=_("Vlaanderen") if alle else _("Gekozen gevangenissen samen"),
        code="",
        cijfers=tuple(totalen),
        streef=_streef(
            indicator,
            cijfers.perioden[-1],
            totalen[-1].waarde,
            streefcijfers.get((code, None)),
            eenheid,
        ),
    )
    rijen = []
    for gevangenis in gevangenissen:
        reeks_g = tuple(
            _cijfer(cijfers.van(code, periode, gevangenis.pk), eenheid)
            for periode in cijfers.perioden
        )
        doel = streefcijfers.get((code, gevangenis.pk)) or streefcijfers.get((code, None))
        rijen.append(
            Rij(
                naam=gevangenis.naam,
                code=gevangenis.code,
                cijfers=reeks_g,
                streef=_streef(indicator, cijfers.perioden[-1], reeks_g[-1].waarde, doel, eenheid),
            )
        )
    return Indicatorsectie(
        definitie=_definitie(indicator),
        totaal=totaal,
        gevangenissen=tuple(rijen),
        uitsplitsingen=cijfers.uitsplitsingen(indicator),
        grafiek=_grafiek(indicator, totaal, rijen, cijfers.perioden[-1]),
        trend=_trend(indicator, totaal, cijfers.perioden),
    )


def _grafiek(indicator: Indicator, totaal: Rij, rijen: Sequence[Rij], periode: Periode) -> str:
    """The report's period per prison, the total on top: the figures of the table below."""
    staven = [
        grafieken.Staaf(
            rij.naam,
            None if rij.cijfer.waarde.afgeschermd else rij.cijfer.waarde.waarde,
            rij.cijfer.waarde.teken,
        )
        for rij in (totaal, *rijen)
    ]
    titel = _("%(naam)s per gevangenis, %(periode)s") % {
        "naam": indicator.naam,
        "periode": periode.naam,
    }
    return str(
        grafieken.staven(
            f"grafiek-{indicator.code}", staven, eenheid=indicator.eenheid, titel=titel
        )
    )


def _trend(indicator: Indicator, totaal: Rij, perioden: Sequence[Periode]) -> str:
    """The total (Flanders, or the chosen prisons together) over the series' periods,
    against the target of the report's year: the figures of the XLSX's series."""
    punten = [
        grafieken.TrendPunt(
            periode.naam,
            None if cijfer.waarde.afgeschermd else cijfer.waarde.waarde,
            cijfer.waarde.teken,
        )
        for periode, cijfer in zip(perioden, totaal.cijfers, strict=True)
    ]
    streefcijfer = totaal.streef.streefcijfer
    if not selectors.streefcijfer_geldt(indicator, perioden[-1]):
        streefcijfer = None  # a quarter's count against the year's target says nothing
    titel = _("%(naam)s, %(totaal)s, de laatste %(n)s perioden") % {
        "naam": indicator.naam,
        "totaal": totaal.naam,
        "n": len(punten),
    }
    return str(
        grafieken.trend(
            f"trend-{indicator.code}",
            punten,
            eenheid=indicator.eenheid,
            titel=titel,
            streefcijfer=float(streefcijfer) if streefcijfer is not None else None,
            label=totaal.naam,
            # Drawn at the size it is printed (half a column): WeasyPrint scales an SVG's
            # width, not its height, so a wide chart would print with tiny labels.
            breedte=300,
            hoogte=150,
        )
    )


def _telling(telling: dict[str, int]) -> Telling:
    return tuple(
        (str(Actiestatus(status).label), telling.get(status, 0)) for status in Actiestatus.values
    )


def _actieregels(regels: Iterable[Any]) -> tuple[Actieregel, ...]:
    # The note's text and date; never who wrote it.
    return tuple(
        Actieregel(
            nummer=getattr(r.actie, "nummer", ""),
            titel=r.actie.titel,
            status=str(r.actie.get_status_display()),
            laatste_notitie=r.laatste_notitie.tekst if r.laatste_notitie else "",
            notitie_datum=r.laatste_notitie.datum if r.laatste_notitie else None,
        )
        for r in regels
    )


def _plannen(
    gevangenissen: Sequence[Gevangenis], jaar: int
) -> tuple[Plan | None, tuple[Plan, ...]]:
    overzicht = plannen_lezen.strategisch_plan_overzicht()
    strategisch = None
    if overzicht.doelstellingen:
        strategisch = Plan(
            titel=_("Strategisch plan"),
            telling=_telling(overzicht.telling),
            doelstellingen=tuple(
                Doelstelling(
                    titel=str(d.doelstelling),
                    telling=_telling(d.telling),
                    acties=_actieregels(d.acties),
                )
                for d in overzicht.doelstellingen
            ),
        )
    doelen = [d.doelstelling for d in overzicht.doelstellingen]
    lokaal = tuple(
        Plan(
            titel=_("Lokaal actieplan %(gevangenis)s %(jaar)s")
            % {"gevangenis": p.plan.gevangenis.naam, "jaar": jaar},
            telling=_telling(p.telling),
            doelstellingen=tuple(
                Doelstelling(str(d.doelstelling), _telling(d.telling), _actieregels(d.acties))
                for d in p.per_doelstelling(doelen)
                if d.acties
            ),
        )
        for p in plannen_lezen.lokale_actieplannen(gevangenissen, jaar)
    )
    return strategisch, lokaal


def gegevens_van(perioden: Sequence[Periode]) -> datetime.datetime | None:
    """The time of the rollup data: the last finished run, else the rows' own time."""
    berekening = selectors.gegevens_van()
    if berekening is not None:
        return timezone.localtime(berekening.gegevens_tot)
    laatste: datetime.datetime | None = Indicatorwaarde.objects.filter(
        periodesoort=perioden[-1].soort, begin__in=[p.begin for p in perioden]
    ).aggregate(laatste=Max("berekend_op"))["laatste"]
    # Local time: the XLSX writes it as text, as the PDF does.
    return timezone.localtime(laatste) if laatste else None


def rapportinhoud_verzamelen(rapport: Monitoringrapport) -> Rapportinhoud:
    """What the report says, from its momentopname (taken now when it has none)."""
    periode = Periode.van(rapport.periodesoort, rapport.begin)
    perioden = selectors.perioden_tot(periode, REEKS[periode.soort])
    momentopname = momentopname_voor(
        rapport,
        perioden,
        UITSPLITSINGEN_IN_RAPPORT,
        settings.HDV_KLEINSTE_AANTAL,
        gegevens_van(perioden),
    )
    gevangenissen = sorted(rapport.gevangenissen.all(), key=lambda g: g.naam)
    actief = set(Gevangenis.objects.filter(actief=True).values_list("pk", flat=True))
    alle = actief <= {g.pk for g in gevangenissen}
    # A threshold raised since is applied to the kept rows too: privacy goes first.
    drempel = max(momentopname.drempel, settings.HDV_KLEINSTE_AANTAL)
    cijfers = _Cijfers(perioden, breakdowns=alle, momentopname=momentopname, drempel=drempel)
    streefcijfers = momentopname.streefcijfers
    secties = tuple(
        _sectie(indicator, cijfers, gevangenissen, alle, streefcijfers)
        for indicator in selectors.indicatoren_voor(periode.soort)
    )
    paginas = tuple(
        Gevangenispagina(
            naam=g.naam,
            code=g.code,
            regels=tuple(
                Gevangenisregel(s.code, s.definitie.naam, s.gevangenissen[i]) for s in secties
            ),
        )
        for i, g in enumerate(gevangenissen)
    )
    strategisch, lokaal = _plannen(gevangenissen, periode.begin.year)
    return Rapportinhoud(
        titel=_("Monitoringrapport hulp- en dienstverlening aan gedetineerden"),
        periode=periode.naam,
        periodesoort=periode.soort,
        begin=periode.begin,
        einde=periode.einde,
        perioden=tuple(p.naam for p in perioden),
        gevangenissen=tuple(g.naam for g in gevangenissen),
        alle_gevangenissen=alle,
        gemaakt_op=timezone.localtime(),
        gegevens_van=momentopname.gegevens_van,
        drempel=drempel,
        afschermregel=afschermregel(drempel),
        secties=secties,
        gevangenispaginas=paginas,
        strategisch_plan=strategisch,
        lokale_plannen=lokaal,
    )
