"""The shares and weights of the demo's participation, in one place.

The figures follow the Court of Audit's study (seed 004): more than half of the CAW and
CGG trajectories stop early, only 56% of course participants sit the exam and most of
them pass, popular courses have waiting lists. Weights are (code, weight) pairs.
"""

from __future__ import annotations

import datetime
import random
from typing import TypeVar

from aanbod.models import Levensdomein
from deelname.models import Bron, Inschrijving

# --- group activities -------------------------------------------------------------------
# How many group activities one person asks to join (0 to 3), by weight. The demo's
# prisons hold 40% of their capacity but plan activities for all of it: places are many,
# people few. So demand is concentrated, as it is in practice: the activities in demand
# (education, work, exams first) fill up and keep a waiting list, the others fill partly.
# Every request is a checked, audited service call (about 4 ms on SQLite): with these
# shares the participation of the full demo loads in about 20 s of ``make demo``.
INTERESSES = ((0, 40), (1, 40), (2, 15), (3, 5))
AANDEEL_IN_TREK = 0.15  # of a prison's activities, at least one
WACHTLIJST_IN_TREK = (0.2, 0.6)  # requests beyond the capacity, as a share of it
VULLING_ANDERE = (0.3, 0.75)
AANDEEL_LATE_AANVRAGEN = 0.3  # asked once the activity ran; the rest before its start
KANS_BUITEN_PROFIEL = 0.05  # a warning overridden for someone outside the profile
# The fate of a place: a course (exam or certificate) is completed per module.
KANS_STOP_CURSUS = 0.25
KANS_AFRONDING_CURSUS = 0.4
KANS_STOP_ANDERE = 0.2
WEKEN_TOT_STOP = (1, 8)
WEKEN_TOT_AFRONDING = (4, 9)
KANS_WACHTENDE_HAAKT_AF = 0.15
WEKEN_TOT_AFHAKEN = (2, 6)
# Results of a completed course: 56% sit the exam, most of them pass.
KANS_EXAMEN = 0.56
KANS_GESLAAGD = 0.82
KANS_ATTEST_ZONDER_EXAMEN = 0.75

# --- attendance -------------------------------------------------------------------------
# Registered for every past session the dashboards show (twelve months back and the
# current month, see ``eerste_registratiedag``), or the attendance rate of a finished
# quarter would read "geen gegevens": a session without a register does not count. The
# demo's activities started at most ten weeks ago, so that is all of their sessions;
# one service call per session (about 8 ms on SQLite) is what it costs.
AANWEZIGHEID_MAANDEN = 12
AFWEZIGHEID = (0.04, 0.3)  # a person's chance to be absent, drawn per person
KANS_TE_LAAT = 0.05
AFWEZIGHEIDSREDENEN = (
    ("ziek", 24),
    ("bezoek", 14),
    ("advocaat-rechtbank", 12),
    ("niet-opgehaald", 16),
    ("werk-in-de-gevangenis", 10),
    ("weigering", 10),
    ("uitgaansvergunning", 5),
    ("andere", 9),
)
TOELICHTINGEN = {
    "andere": ("Op medisch consult.", "Gesprek met de PSD.", "Cel niet opengedaan."),
    "advocaat-rechtbank": ("Zitting van de strafuitvoeringsrechtbank.", "Bezoek van de advocaat."),
    "niet-opgehaald": ("Te weinig personeel op de afdeling.", ""),
    "uitgaansvergunning": ("Uitgaansvergunning voor een gesprek buiten.", ""),
}
# Absences known ahead (a hearing, a leave permit): this share is excused in advance, a
# few days before, by whoever the person tells; the register starts them as absent.
VOORAF_GEMELD = ("advocaat-rechtbank", "uitgaansvergunning")
KANS_VERONTSCHULDIGD = 0.6
DAGEN_VOORAF = (1, 6)

# --- individual trajectories (CAW trajectbegeleiding, CGG behandeling) --------------------
# (title of the offer, share of the people present, share in an FPC, weeks it runs)
TRAJECTEN = (
    ("Trajectbegeleiding", 0.14, 0.14, (6, 26)),
    ("Individuele therapie", 0.07, 0.3, (8, 36)),
)
# A trajectory that had time to end stops early with the first share, else completes; a
# running one stops early with the second. Of the ended ones about half stopped early.
KANS_TRAJECT_STOP = (0.4, 0.08)
KANS_STOP_VOOR_START = 0.05
KANS_OPEN_VRAAG = 0.04  # an own request of the last days, not answered yet
DAGEN_OPEN_VRAAG = (1, 8)
DAGEN_TOT_EERSTE_GESPREK = (3, 21)
MAXIMUM_DAGEN_GELEDEN = 360

# --- who asked, and why a place ended ------------------------------------------------------
BRONNEN_GROEP = (
    (Bron.EIGEN_AANVRAAG, 60),
    (Bron.TOELEIDING_PSD, 12),
    (Bron.TRAJECTBEGELEIDER, 18),
    (Bron.ANDERE, 10),
)
BRONNEN_TRAJECT = {
    "Trajectbegeleiding": ((Bron.EIGEN_AANVRAAG, 60), (Bron.TOELEIDING_PSD, 30), (Bron.ANDERE, 10)),
    "Individuele therapie": (
        (Bron.EIGEN_AANVRAAG, 35),
        (Bron.TOELEIDING_PSD, 35),
        (Bron.TRAJECTBEGELEIDER, 30),
    ),
}
PRIORITEITEN = ((1, 15), (2, 70), (3, 15))
D = Inschrijving.BeslistDoor
# (stop reason code, weight, who decided)
STOPREDENEN = (
    ("eigen-keuze", 34, D.DEELNEMER),
    ("werk-in-de-gevangenis", 18, D.DEELNEMER),
    ("regimeconflict", 16, D.BEGELEIDER),
    ("gezondheid", 9, D.DEELNEMER),
    ("uitsluiting", 7, D.BEGELEIDER),
    ("veiligheid", 4, D.BEGELEIDER),
    ("andere", 12, D.BEGELEIDER),
)
STOP_TOELICHTINGEN = {
    "eigen-keuze": ("Wil niet meer deelnemen.", "Kwam niet meer opdagen.", ""),
    "werk-in-de-gevangenis": ("Werkt nu in de keuken.", "Aan de slag in de werkhuizen.", ""),
    "regimeconflict": ("Overgeplaatst naar een andere afdeling.", "In afzondering geplaatst."),
    "andere": ("Aanbod past niet bij de vraag.", ""),
}
AFHAKEN_TOELICHTING = "Wil niet langer wachten."
STOP_VOOR_START_TOELICHTING = "Niet op de eerste afspraak gekomen."

# Overridden at enrolment when a check fires: staff note why the place is given anyway.
OVERSCHRIJVEN = {
    "botsing": "Afgesproken met de lesgever: de deelnemer haalt de gemiste uren in.",
    "detentie": "Kan de reeks na de vrijlating afmaken (brug binnen-buiten).",
    "taal": "Begrijpt voldoende Nederlands volgens de trajectbegeleider.",
    "niveau": "Niveau mondeling getoetst door de lesgever: voldoende.",
    "doelgroep": "Behoort tot de doelgroep volgens het onthaalgesprek.",
    # Only where a second group makes sense (``TWEEDE_GROEP``): more hours of sport or
    # culture. A second group of a course, a training or a therapy group is the same
    # content twice: the demo gives nobody that (``groepen``).
    "groep": "Wil er vaker bij zijn; er is plaats in beide groepen.",
}
TWEEDE_GROEP = (Levensdomein.SPORT, Levensdomein.CULTUUR)


T = TypeVar("T")


def kies(rng: random.Random, gewogen: tuple[tuple[T, int], ...]) -> T:
    return rng.choices([w for w, _ in gewogen], weights=[g for _, g in gewogen])[0]


def dag_na(rng: random.Random, datum: datetime.date, dagen: tuple[int, int]) -> datetime.date:
    return datum + datetime.timedelta(days=rng.randint(*dagen))


def weken_na(rng: random.Random, datum: datetime.date, weken: tuple[int, int]) -> datetime.date:
    return datum + datetime.timedelta(days=round(rng.uniform(*weken) * 7))


def eerste_registratiedag(vandaag: datetime.date) -> datetime.date:
    """The first day of the month ``AANWEZIGHEID_MAANDEN`` months before today's."""
    maanden = vandaag.year * 12 + vandaag.month - 1 - AANWEZIGHEID_MAANDEN
    return datetime.date(maanden // 12, maanden % 12 + 1, 1)
