"""Which prison has which offer: the availability matrix of the demo, with its gaps."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from hdv.demo import ZAAD, GevangenisGegevens

from .aanbodlijst import CATALOGUS
from .catalogus import GROEP, DemoAanbod


@dataclass(frozen=True)
class Beschikbaarheid:
    """That a prison has an offer (the availability matrix), before it is in the database."""

    aanbod: DemoAanbod
    sinds: datetime.date
    capaciteit: int | None


def beschikbaarheden(gegevens: GevangenisGegevens, vandaag: datetime.date) -> list[Beschikbaarheid]:
    """Which offers a prison has: deterministic per prison, the same at every scale."""
    # Demo data, not security: a seeded generator is the point.
    rng = random.Random(f"{ZAAD}-{gegevens.code}-aanbod")  # noqa: S311
    resultaat = []
    for aanbod in CATALOGUS:
        # Draw the same numbers for every offer, taken or not: adding one to the catalogue
        # then changes only what comes after it.
        trekking, dagen, plaatsen = rng.random(), rng.randint(90, 1500), rng.randint(1, 3)
        if trekking >= aanbod.kans(gegevens):
            continue
        capaciteit = aanbod.groepsgrootte * plaatsen if aanbod.vorm == GROEP else None
        resultaat.append(
            Beschikbaarheid(aanbod, vandaag - datetime.timedelta(days=dagen), capaciteit)
        )
    return resultaat
