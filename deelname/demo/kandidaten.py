"""Who can take part: the people present in a prison, as the demo chooses among them.

The service checks every enrolment (clash, remaining detention, language, level, target
group) and refuses what is not overridden. The demo chooses its people so that most
enrolments raise no warning, as staff would: the checks are mirrored here in memory,
on data loaded once per prison. Target groups are the person's flags, as the service
reads them (set with the people, ``trajecten.demo.doelgroepen``).
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
from trajecten.models import Gedetineerde, NiveauNederlands, Verblijf
from trajecten.services.plannen import verwachte_vrijlating

Blok = tuple[datetime.time, datetime.time]


@dataclass
class Kandidaat:
    gedetineerde: Gedetineerde
    aanwezig_sinds: datetime.date
    interesses: int = 0  # group activities still to ask for
    afwezigheid: float = 0.0
    doelgroepen: frozenset[str] = frozenset()  # codes of the person's target-group flags
    # Weekday → time blocks of the activities the person asked for.
    bezet: dict[int, list[Blok]] = field(default_factory=lambda: defaultdict(list))
    aanbod: set[int] = field(default_factory=set)  # offers (ids) of the groups asked for

    def past(self, aanbod: Aanbod, doelgroepen: list[str], tot: datetime.date) -> bool:
        """No check of the service would fire (but a clash, see ``vrij``)."""
        g = self.gedetineerde
        if doelgroepen and not self.doelgroepen.intersection(doelgroepen):
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
        .prefetch_related("gedetineerde__doelgroepvlaggen__doelgroep")
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
            doelgroepen=frozenset(
                vlag.doelgroep.code for vlag in gedetineerde.doelgroepvlaggen.all()
            ),
        )
        kandidaten.append(kandidaat)
    return kandidaten


def blokken_van(activiteit: Activiteit) -> list[tuple[int, Blok]]:
    """The weekly time blocks of an activity (both weeks of a rota: the safe side)."""
    return [(slot.weekdag, (slot.begintijd, slot.eindtijd)) for slot in activiteit.slots.all()]
