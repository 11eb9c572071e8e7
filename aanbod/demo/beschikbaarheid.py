"""Which prison has which offer: the availability matrix of the demo, with its gaps."""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass

from hdv.demo import ZAAD, GevangenisGegevens
from hdv.models import Gevangenis

from .aanbodlijst import CATALOGUS
from .catalogus import GROEP, DemoAanbod

# Individual offers: how many people the provider follows at once (its caseload), per
# 100 places of the prison, and in an FPC, a care setting with more therapists. The
# demo holds 40% of a prison's capacity in people, so the CAW and the CGG, whom many ask
# for, are tight on purpose: some prisons keep a waiting list, as the Court of Audit
# found; the others are asked for by referral only and seldom full.
PLAATSEN_PER_100 = {
    "Trajectbegeleiding": (2.5, 2.5),
    "Individuele therapie": (2.0, 5.0),
    "Budgetbegeleiding": (1.0, 1.0),
    "Begeleiding naar werk": (1.0, 1.0),
    "Eerstelijns juridisch advies": (1.0, 1.0),
}
MINIMUM_PLAATSEN = 2


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
        capaciteit = (
            aanbod.groepsgrootte * plaatsen if aanbod.vorm == GROEP else caseload(aanbod, gegevens)
        )
        resultaat.append(
            Beschikbaarheid(aanbod, vandaag - datetime.timedelta(days=dagen), capaciteit)
        )
    return resultaat


def caseload(aanbod: DemoAanbod, gegevens: GevangenisGegevens) -> int | None:
    """The places of an individual offer in a prison; None (no limit) if not listed."""
    per_100 = PLAATSEN_PER_100.get(aanbod.titel_nl)
    if per_100 is None:
        return None
    gewoon, in_fpc = per_100
    per_100_hier = in_fpc if gegevens.soort == Gevangenis.Soort.FPC else gewoon
    return max(MINIMUM_PLAATSEN, round(gegevens.capaciteit * per_100_hier / 100))
