"""Who can take part: the people present in a prison, as the demo chooses among them.

The service checks every enrolment (clash, remaining detention, language, level, target
group) and refuses what is not overridden. The demo chooses its people so that most
enrolments raise no warning, as staff would: the checks are mirrored here in memory,
on data loaded once per prison. The demo's people carry no target-group flags, so the
profile of a target group is read from what the file does say (language, sex, age,
status, earlier detentions) or, where it says nothing, drawn once per person.
"""

from __future__ import annotations

import datetime
import random
from collections import defaultdict
from dataclasses import dataclass, field

from aanbod.models import Aanbod, Activiteit
from deelname.controles import NIVEAUS
from hdv.demo import ZAAD
from hdv.models import Gevangenis
from trajecten.models import Gedetineerde, NiveauNederlands, Statuut, Verblijf
from trajecten.services.plannen import verwachte_vrijlating

Blok = tuple[datetime.time, datetime.time]

# Target groups the file says nothing about: this share of the people belongs to them.
GETROKKEN_DOELGROEPEN = {
    "verslaafden": 0.3,
    "daders-intrafamiliaal-geweld": 0.12,
    "zedendaders": 0.06,
    "geradicaliseerden": 0.02,
}


@dataclass
class Kandidaat:
    gedetineerde: Gedetineerde
    aanwezig_sinds: datetime.date
    interesses: int = 0  # group activities still to ask for
    afwezigheid: float = 0.0
    # Weekday → time blocks of the activities the person asked for.
    bezet: dict[int, list[Blok]] = field(default_factory=lambda: defaultdict(list))

    def in_doelgroep(self, code: str, vandaag: datetime.date) -> bool:
        g = self.gedetineerde
        if code == "anderstaligen":
            return "nl" not in (g.talen or [])
        if code == "vrouwen":
            return g.geslacht == Gedetineerde.Geslacht.VROUW
        if code == "jongvolwassenen":
            return (vandaag - g.geboortedatum).days < 26 * 365
        if code == "geinterneerden":
            return g.statuut == Statuut.GEINTERNEERDE
        if code == "veelplegers":
            return g.eerdere_detenties >= 2
        drempel = GETROKKEN_DOELGROEPEN.get(code, 0.0)
        # Drawn from the number, not from ``rng``: the same answer for every activity.
        eigen = random.Random(f"{ZAAD}-{g.detineenummer}-{code}")  # noqa: S311
        return eigen.random() < drempel

    def past(self, aanbod: Aanbod, doelgroepen: list[str], tot: datetime.date) -> bool:
        """No check of the service would fire (but a clash, see ``vrij``)."""
        g = self.gedetineerde
        if doelgroepen and not any(self.in_doelgroep(code, tot) for code in doelgroepen):
            return False
        vereist = aanbod.vereist_nederlandsniveau
        if vereist and (
            g.niveau_nederlands == NiveauNederlands.ONBEKEND
            or NIVEAUS.index(g.niveau_nederlands) < NIVEAUS.index(vereist)
        ):
            return False
        talen = set(aanbod.talen or [])
        if talen and "nl" not in talen and not talen & set(g.talen or []):
            return False
        vrijlating = verwachte_vrijlating(g, self.aanwezig_sinds)
        return vrijlating is None or vrijlating >= tot

    def vrij(self, blokken: list[tuple[int, Blok]]) -> bool:
        return not any(
            begin < blok[1] and blok[0] < einde
            for dag, blok in blokken
            for begin, einde in self.bezet[dag]
        )

    def boeken(self, blokken: list[tuple[int, Blok]]) -> None:
        for dag, blok in blokken:
            self.bezet[dag].append(blok)


def kandidaten_van(gevangenis: Gevangenis) -> list[Kandidaat]:
    """The people present, by number; each draws their wishes from a generator of their own."""
    from .keuzes import AFWEZIGHEID, INTERESSES, kies

    verblijven = (
        Verblijf.objects.filter(gevangenis=gevangenis, tot__isnull=True)
        .select_related("gedetineerde")
        .order_by("gedetineerde__detineenummer")
    )
    kandidaten = []
    for verblijf in verblijven:
        gedetineerde = verblijf.gedetineerde
        # Demo data, not security: a seeded generator is the point.
        rng = random.Random(f"{ZAAD}-{gedetineerde.detineenummer}-deelname")  # noqa: S311
        kandidaat = Kandidaat(
            gedetineerde=gedetineerde,
            aanwezig_sinds=verblijf.van,
            interesses=kies(rng, INTERESSES),
            afwezigheid=rng.uniform(*AFWEZIGHEID),
        )
        kandidaten.append(kandidaat)
    return kandidaten


def blokken_van(activiteit: Activiteit) -> list[tuple[int, Blok]]:
    """The weekly time blocks of an activity (both weeks of a rota: the safe side)."""
    return [(slot.weekdag, (slot.begintijd, slot.eindtijd)) for slot in activiteit.slots.all()]
