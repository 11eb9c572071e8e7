"""The target-group flags of the demo's people: what the file says, and what intake found.

Enrolment checks a person's flags against the offer's target groups; without flags,
every enrolment in a target-group offer carried an overridden warning. The flags follow
the person's own data where the federal file says it (sex, age, legal status, earlier
detentions, languages) and are drawn once per person where it says nothing (addiction,
the offence, radicalisation), from a generator seeded with the number: the same flags at
every scale and on every run, and adding them reshuffled nobody. Set through the service
when the person is taken in, so a person who exists keeps what they have.
"""

from __future__ import annotations

import datetime
import random

from aanbod.models import Doelgroep
from hdv.demo import ZAAD
from trajecten.models import Gedetineerde, Statuut
from trajecten.services import doelgroepvlag_zetten

BRON_FEED = "SIDIS Suite"
BRON_ONTHAAL = "onthaalgesprek"
BRON_PSD = "psychosociale dienst"

JONGVOLWASSEN_TOT = 26  # years: 18 to 25, as the plan's young adults
VEELPLEGER_VANAF = 3  # earlier detentions: about one in ten of the demo's people

# (code, share among men, share among women, who knows it): the file says nothing of these.
GETROKKEN = (
    ("verslaafden", 0.30, 0.30, BRON_ONTHAAL),
    ("daders-intrafamiliaal-geweld", 0.12, 0.05, BRON_PSD),
    ("zedendaders", 0.07, 0.01, BRON_PSD),
    ("geradicaliseerden", 0.02, 0.01, BRON_PSD),
)


def doelgroepen_van(
    gedetineerde: Gedetineerde, aangekomen: datetime.date, vandaag: datetime.date
) -> list[tuple[str, str, datetime.date]]:
    """(code, source, since) of every target group the person belongs to."""
    # Demo data, not security: a seeded generator is the point.
    rng = random.Random(f"{ZAAD}-{gedetineerde.detineenummer}-doelgroepen")  # noqa: S311
    # Intake is in the first two weeks; drawn for everyone, so nobody's draws shift.
    na_onthaal = min(aangekomen + datetime.timedelta(days=rng.randint(1, 14)), vandaag)
    trekkingen = [rng.random() for _ in GETROKKEN]
    vrouw = gedetineerde.geslacht == Gedetineerde.Geslacht.VROUW
    leeftijd = (vandaag - gedetineerde.geboortedatum).days / 365.25

    vlaggen = []
    if vrouw:
        vlaggen.append(("vrouwen", BRON_FEED, aangekomen))
    if leeftijd < JONGVOLWASSEN_TOT:
        vlaggen.append(("jongvolwassenen", BRON_FEED, aangekomen))
    if gedetineerde.statuut == Statuut.GEINTERNEERDE:
        vlaggen.append(("geinterneerden", BRON_FEED, aangekomen))
    if gedetineerde.eerdere_detenties >= VEELPLEGER_VANAF:
        vlaggen.append(("veelplegers", BRON_FEED, aangekomen))
    if "nl" not in (gedetineerde.talen or []):
        vlaggen.append(("anderstaligen", BRON_ONTHAAL, na_onthaal))
    for (code, mannen, vrouwen, bron), trekking in zip(GETROKKEN, trekkingen, strict=True):
        if trekking < (vrouwen if vrouw else mannen):
            vlaggen.append((code, bron, na_onthaal))
    return vlaggen


def doelgroepvlaggen_zetten(
    *,
    gedetineerde: Gedetineerde,
    aangekomen: datetime.date,
    doelgroepen: dict[str, Doelgroep],
    vandaag: datetime.date,
) -> int:
    """Flag a person just taken in; a group missing from the reference data is skipped."""
    gezet = 0
    for code, bron, sinds in doelgroepen_van(gedetineerde, aangekomen, vandaag):
        doelgroep = doelgroepen.get(code)
        if doelgroep is None:
            continue
        doelgroepvlag_zetten(
            gedetineerde=gedetineerde, doelgroep=doelgroep, bron=bron, sinds=sinds, door=None
        )
        gezet += 1
    return gezet
