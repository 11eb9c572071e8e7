"""Leaving a prison with help on the way: a transfer with a plan, a prepared release.

What the indicators ask about a move is what ran on its day: did the person have an
HDV-plan when transferred (``continuiteit_overplaatsing``), was the release checklist
complete when released (``vrijlating_voorbereid``)? Both must exist before the move, and
the files (``dossiers``) are written later, for the people present now. So these two
stories are told with the person, in the order they happened, by the staff of the
prison the person left: the plan, then the transfer; the checklist, then the release.

Who gets which is drawn from a generator of the person's own (``ZAAD`` and the number),
so adding these stories reshuffled nobody, and a smaller scale is a prefix of a larger.
"""

from __future__ import annotations

import datetime
import random
from collections import Counter
from dataclasses import dataclass

from django.db.models import F

from aanbod.models import Levensdomein
from hdv.demo import ZAAD, kern_laden
from hdv.models import Organisatie
from trajecten.models import Checklistpunt, Statuut, Verblijf
from trajecten.services.vrijlating import checklistpunt_bijwerken
from trajecten.services.vrijlating import vrijlating_voorbereiden as voorbereiding_openen

from . import teksten
from .klok import klok, moment
from .medewerkers import Team, medewerkers_aanmaken, teams
from .omgeving import Omgeving
from .verloop import plan_maken

# Of the people transferred, this share had a plan agreed in the prison they left; the
# rest had nothing running yet (a short stay, or no intake done).
AANDEEL_OVERPLAATSING_MET_PLAN = 0.55
DAGEN_TOT_BEHOEFTEN = (3, 14)  # after the arrival: the needs the plan starts from
# (complete, partly done when they left); the rest had no checklist. A release from
# remand (by the council chamber) often comes unannounced: fewer were prepared.
VOORBEREID: dict[str, tuple[float, float]] = {Statuut.BEKLAAGDE: (0.35, 0.15)}
VOORBEREID_ANDERS = (0.65, 0.15)
DAGEN_VOORBEREIDING = (30, 90)  # the checklist opened this long before the release
AANDEEL_NIET_NODIG = 0.3  # of the items of a complete checklist
P = Checklistpunt.Status


@dataclass
class Vertrek:
    """The staff who write these stories: the team of every prison."""

    teams: dict[str, Team]
    organisaties: dict[str, Organisatie]
    nieuw: Counter[str]

    @classmethod
    def laden(cls) -> tuple[Vertrek, int]:
        """The teams of every prison, with the regional colleagues (made if missing)."""
        kern = kern_laden()
        nieuw = medewerkers_aanmaken(kern)
        return cls(teams=teams(kern), organisaties=kern.organisaties, nieuw=Counter()), nieuw

    def _omgeving(self, code: str, vertrekdag: datetime.date) -> Omgeving:
        # "Today" is the day before the move: nothing in the prison left behind comes later.
        return Omgeving(
            team=self.teams[code],
            organisaties=self.organisaties,
            aanbod={},
            vandaag=vertrekdag - datetime.timedelta(days=1),
            nieuw=self.nieuw,
        )

    def plan_voor_overplaatsing(self, verblijf: Verblijf, code: str, datum: datetime.date) -> None:
        """Maybe a plan, agreed in prison ``code`` (the stay ``verblijf``) before ``datum``."""
        gedetineerde = verblijf.gedetineerde
        # Demo data, not security: a seeded generator is the point.
        rng = random.Random(f"{ZAAD}-{gedetineerde.detineenummer}-overplaatsing")  # noqa: S311
        if rng.random() >= AANDEEL_OVERPLAATSING_MET_PLAN:
            return
        omgeving = self._omgeving(code, datum)
        sinds = verblijf.van + datetime.timedelta(days=rng.randint(*DAGEN_TOT_BEHOEFTEN))
        if sinds > omgeving.vandaag:
            return
        noden = rng.sample(list(Levensdomein.values), rng.randint(1, 3))
        plan_maken(omgeving, gedetineerde, sinds, noden, rng, omgeving.team.trajectbegeleider)
        self.nieuw["overplaatsingen met plan"] += 1

    def voorbereiden(self, verblijf: Verblijf, code: str, datum: datetime.date) -> None:
        """Maybe the release checklist of ``verblijf``, filled in up to the release on ``datum``."""
        gedetineerde = verblijf.gedetineerde
        rng = random.Random(f"{ZAAD}-{gedetineerde.detineenummer}-vrijlating")  # noqa: S311
        keuze = rng.random()
        aandeel, half = VOORBEREID.get(gedetineerde.statuut, VOORBEREID_ANDERS)
        if keuze >= aandeel + half:
            return
        volledig = keuze < aandeel
        omgeving = self._omgeving(code, datum)
        geopend = max(
            verblijf.van + datetime.timedelta(days=1),
            datum - datetime.timedelta(days=rng.randint(*DAGEN_VOORBEREIDING)),
        )
        if geopend > omgeving.vandaag:
            return
        # Opened by the daily job, taken up by the trajectbegeleider of the prison.
        with klok(moment(geopend, 6)):
            voorbereiding = voorbereiding_openen(
                gedetineerde=gedetineerde, door=None, vandaag=geopend
            )
        tb = omgeving.team.trajectbegeleider
        verloop = (omgeving.vandaag - geopend).days
        for punt in voorbereiding.punten.order_by("id"):
            status = _status(rng, volledig)
            if status == Checklistpunt.Status.TE_DOEN:
                continue
            partner, toelichting = teksten.CHECKLIST[Checklistpunt.Onderwerp(punt.onderwerp)]
            with klok(moment(omgeving.dag(geopend, rng, verloop), rng.randint(9, 16))):
                checklistpunt_bijwerken(
                    punt=punt,
                    status=status,
                    door=tb,
                    organisatie=omgeving.partner(partner),
                    verantwoordelijke=tb,
                    toelichting="" if status == Checklistpunt.Status.NIET_NODIG else toelichting,
                )
        self.nieuw["vrijlatingen voorbereid" if volledig else "vrijlatingen half voorbereid"] += 1


def _status(rng: random.Random, volledig: bool) -> str:
    if volledig:
        return P.NIET_NODIG if rng.random() < AANDEEL_NIET_NODIG else P.GEREGELD
    return rng.choice((P.TE_DOEN, P.BEZIG, P.GEREGELD, P.NIET_NODIG))


def volledig_voorbereid() -> int:
    """Releases with every item of their checklist settled (as the indicator counts them)."""
    open_punten = Checklistpunt.objects.filter(
        status__in=[Checklistpunt.Status.TE_DOEN, Checklistpunt.Status.BEZIG]
    ).values("voorbereiding__verblijf_id")
    return (
        Verblijf.objects.filter(
            eindreden=Verblijf.Eindreden.VRIJLATING, vrijlatingsvoorbereiding__isnull=False
        )
        .exclude(pk__in=open_punten)
        .count()
    )


def met_plan_overgeplaatst() -> int:
    """Transfers of people whose plan was opened on or before the transfer day."""
    return Verblijf.objects.filter(
        eindreden=Verblijf.Eindreden.OVERPLAATSING,
        gedetineerde__hdv_plan__aangemaakt__date__lte=F("tot"),
    ).count()
