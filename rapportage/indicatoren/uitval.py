"""Uitval: how many of the enrolments that ended in the period ended early, and why.

The Court of Audit: more than half of the CAW/CGG trajectories stop early, and VDAB does
not register stops or their reasons. Enrolments cover group activities and individual
offers alike, so CAW trajectbegeleiding and CGG treatments (individual trajectories) are
in this figure.

Decisions:
- A stop decided by the system (gestopt_door = systeem) is the end of the person's stay
  (transfer, release, or another end: deelname.gebeurtenissen), not a dropout: it is left out above and below the
  line. The continuity indicators follow those.
- Only enrolments that had a place (ingeschreven or actief) count: a request or a
  waiting-list entry that stopped never started (the waiting-list figures follow those).
- The unit is an enrolment, not a person: who stops two courses, stopped twice. Flanders
  is every prison's enrolments together.
- Per reason: the share of all ended enrolments that stopped for that reason, so the
  reasons add up to the total.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import NamedTuple

from django.db.models import Max, Min, Q
from django.utils.translation import gettext_lazy as _

from aanbod.models import Levensdomein
from deelname.models import PLAATS_BEZET, Inschrijving, Status
from rapportage.indicatoren import tellen
from rapportage.indicatoren.basis import (
    Cel,
    Eenheid,
    Indicator,
    Periode,
    berekening_alle,
    registreren,
)

registreren(
    Indicator(
        code="uitval",
        naam=_("Uitval"),
        beschrijving=_(
            "Hoeveel van de inschrijvingen die in de periode eindigden, voortijdig stopgezet "
            "werden (door de deelnemer of de begeleider), in groepsaanbod en in individuele "
            "trajecten (zoals trajectbegeleiding of een CGG-behandeling). Een stopzetting "
            "door het systeem bij een overplaatsing, een vrijlating of een ander einde van "
            "het verblijf is geen uitval en telt "
            "niet mee, ook niet in de noemer. Per reden: het deel van alle beëindigde "
            "inschrijvingen dat om die reden stopte."
        ),
        teller=_("Inschrijvingen die in de periode stopgezet werden (niet door het systeem)"),
        noemer=_(
            "Inschrijvingen die in de periode afgerond of stopgezet werden (niet door het "
            "systeem) en een plaats hadden gekregen"
        ),
        eenheid=Eenheid.PERCENTAGE,
        periode_regel=_(
            "De dag van de afronding of stopzetting ligt in de periode, in de gevangenis van de "
            "inschrijving. Een aanvraag of wachtende inschrijving die stopte, telt niet: die "
            "begon nooit. Elke inschrijving telt één keer: wie twee opleidingen stopt, telt "
            "twee keer. Voor Vlaanderen alle inschrijvingen van alle gevangenissen samen."
        ),
        uitsplitsingen=("reden", "domein", "aanbieder"),
        hoger_is_beter=False,
    )
)


class Einde(NamedTuple):
    inschrijving: int
    gevangenis: int
    gestopt: bool
    reden: str
    redennaam: str
    domein: str
    aanbieder: str
    aanbiedernaam: str


def _beeindigd(periode: Periode, ids: Collection[int], vlaanderen: bool) -> list[Einde]:
    rijen = (
        tellen.binnen(
            Inschrijving.objects.filter(status__in=[Status.AFGEROND, Status.STOPGEZET]),
            "gevangenis_id",
            ids,
            vlaanderen,
        )
        .exclude(gestopt_door=Inschrijving.BeslistDoor.SYSTEEM)
        .annotate(
            einde=Max(
                "stappen__datum",
                filter=Q(stappen__naar_status__in=[Status.AFGEROND, Status.STOPGEZET]),
            ),
            geplaatst=Min("stappen__datum", filter=Q(stappen__naar_status__in=PLAATS_BEZET)),
        )
        .filter(einde__range=(periode.begin, tellen.peildatum(periode)), geplaatst__isnull=False)
        .order_by()
        .values_list(
            "pk",
            "gevangenis_id",
            "status",
            "stopreden__code",
            "stopreden__naam",
            "aanbod__levensdomein",
            "aanbod__organisatie__afkorting",
            "aanbod__organisatie__naam",
        )
    )
    return [
        Einde(pk, g, status == Status.STOPGEZET, code or "", naam or "", *rest)
        for pk, g, status, code, naam, *rest in rijen
    ]


@berekening_alle("uitval")
def uitval(periode: Periode, ids: Collection[int], vlaanderen: bool) -> dict[int | None, list[Cel]]:
    rijen = _beeindigd(periode, ids, vlaanderen)
    labels = {
        "reden": {r.reden: r.redennaam for r in rijen},
        "domein": {d.value: str(d.label) for d in Levensdomein},
        "aanbieder": {r.aanbieder: r.aanbiedernaam for r in rijen},
    }
    resultaat: dict[int | None, list[Cel]] = {}
    for waar, groep in tellen.per_gevangenis(
        rijen, lambda r: r.gevangenis, ids, vlaanderen
    ).items():
        gestopt = [r for r in groep if r.gestopt]
        cellen = [Cel.ratio(len(gestopt), len(groep))]
        cellen += tellen.ratio_per_sleutel(
            "reden",
            tellen.groeperen((r.reden, r.inschrijving) for r in gestopt),
            len(groep),
            labels["reden"],
        )
        for uitsplitsing in ("domein", "aanbieder"):
            cellen += tellen.ratio_per_sleutel(
                uitsplitsing,
                tellen.groeperen((getattr(r, uitsplitsing), r.inschrijving) for r in gestopt),
                tellen.groeperen((getattr(r, uitsplitsing), r.inschrijving) for r in groep),
                labels[uitsplitsing],
            )
        resultaat[waar] = cellen
    return resultaat
