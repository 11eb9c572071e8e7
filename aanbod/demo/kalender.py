"""Dates of the demo planning: closure days and the strike day, relative to today."""

from __future__ import annotations

import datetime
import random

from hdv.demo import ZAAD, GevangenisGegevens

VORMINGSDAG = "Vormingsdag van het personeel"
# Closure days from this far back to this far ahead: the span of the demo's activities.
VENSTER = (datetime.timedelta(weeks=11), datetime.timedelta(weeks=21))
STAKINGSDAG_GELEDEN = 8  # days; the nearest weekday with sessions is taken


def _pasen(jaar: int) -> datetime.date:
    """Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = jaar % 19, jaar // 100, jaar % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    maand, dag = divmod(h + l_ - 7 * m + 114, 31)
    return datetime.date(jaar, maand, dag + 1)


def feestdagen(jaar: int) -> list[tuple[datetime.date, str]]:
    """The Belgian public holidays, and the Flemish community's day (no offer then)."""
    pasen = _pasen(jaar)
    dag = datetime.timedelta(days=1)
    return [
        (datetime.date(jaar, 1, 1), "Nieuwjaar"),
        (pasen + dag, "Paasmaandag"),
        (datetime.date(jaar, 5, 1), "Dag van de Arbeid"),
        (pasen + 39 * dag, "O.L.H.-Hemelvaart"),
        (pasen + 50 * dag, "Pinkstermaandag"),
        (datetime.date(jaar, 7, 11), "Feestdag van de Vlaamse Gemeenschap"),
        (datetime.date(jaar, 7, 21), "Nationale feestdag"),
        (datetime.date(jaar, 8, 15), "O.L.V.-Hemelvaart"),
        (datetime.date(jaar, 11, 1), "Allerheiligen"),
        (datetime.date(jaar, 11, 11), "Wapenstilstand"),
        (datetime.date(jaar, 12, 25), "Kerstmis"),
    ]


def sluitingsdagen(
    gegevens: GevangenisGegevens, vandaag: datetime.date
) -> list[tuple[datetime.date, str]]:
    """The weekday holidays around today, and one training day of the staff ahead."""
    van, tot = vandaag - VENSTER[0], vandaag + VENSTER[1]
    dagen = [
        (datum, reden)
        for jaar in range(van.year, tot.year + 1)
        for datum, reden in feestdagen(jaar)
        if van <= datum <= tot and datum.weekday() < 5
    ]
    # Demo data, not security: a seeded generator is the point.
    rng = random.Random(f"{ZAAD}-{gegevens.code}-sluiting")  # noqa: S311
    vormingsdag = vandaag + datetime.timedelta(days=rng.randint(14, 70))
    while vormingsdag.weekday() >= 5 or vormingsdag in {datum for datum, _ in dagen}:
        vormingsdag += datetime.timedelta(days=1)
    return sorted([*dagen, (vormingsdag, VORMINGSDAG)])


def stakingsdagen(vandaag: datetime.date) -> list[datetime.date]:
    """Candidate strike days: past weekdays, the one about eight days ago first."""
    rond = vandaag - datetime.timedelta(days=STAKINGSDAG_GELEDEN)
    kandidaten = [vandaag - datetime.timedelta(days=n) for n in range(3, 22)]
    return sorted(
        (datum for datum in kandidaten if datum.weekday() < 5),
        key=lambda datum: (abs((datum - rond).days), datum),
    )
