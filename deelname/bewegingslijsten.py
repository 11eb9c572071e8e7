"""Movement lists (bewegingslijsten): per prison and day, who goes from which wing to which room.

The guards who fetch people from their cells work wing by wing, so every time slot is one
list sorted by wing, then by name, each row saying where the person goes.

Left off the list:

- cancelled sessions (counted, so the page can say how many);
- people excused for a session: those excused in advance for that day
  (``deelname.models.Verontschuldiging``, counted as "verontschuldigd"), and those with an
  attendance already registered as *afwezig* for it (counted as "afgemeld"; this takes
  effect when the list is printed again on the day itself). A registered attendance is
  the fact: someone excused who was registered present anyway is on the list.

Who is on it: enrolments that hold a place in the session's activity now (ingeschreven
or actief), placed on or before the day, of people whose open stay is in this prison. One
day's list is short (the sessions of one prison × their capacity): it is not paginated,
it is printed.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef, Subquery

from aanbod.models import Sessie
from deelname.models import (
    PLAATS_BEZET,
    Aanwezigheid,
    Inschrijving,
    Inschrijvingsstap,
    Status,
    Verontschuldiging,
)
from hdv.models import Gevangenis
from trajecten.models import Gedetineerde, Verblijf


@dataclass(frozen=True)
class Beweging:
    """One person to take from their wing to a session's room."""

    afdeling: str  # "" when the stay names no wing
    gedetineerde: Gedetineerde
    sessie: Sessie


@dataclass(frozen=True)
class Sessieregel:
    sessie: Sessie
    deelnemers: int
    afgemeld: int  # registered absent for this session: left off the list
    verontschuldigd: int = 0  # excused in advance for the day: left off the list


@dataclass(frozen=True)
class Tijdslot:
    begintijd: datetime.time
    eindtijd: datetime.time
    sessies: list[Sessieregel]
    bewegingen: list[Beweging]


@dataclass(frozen=True)
class Bewegingslijst:
    gevangenis: Gevangenis
    datum: datetime.date
    tijdsloten: list[Tijdslot]
    geannuleerd: int  # cancelled sessions of the day, left off

    @property
    def aantal(self) -> int:
        return sum(len(slot.bewegingen) for slot in self.tijdsloten)


def _afdeling_sleutel(afdeling: str) -> tuple[Any, ...]:
    """Wings in natural order (A2 before A10); a person without a wing comes last."""
    delen = re.split(r"(\d+)", afdeling.casefold())
    return (afdeling == "", *((0, int(d)) if d.isdigit() else (1, d) for d in delen))


def _naam_sleutel(beweging: Beweging) -> tuple[Any, ...]:
    persoon = beweging.gedetineerde
    return (
        _afdeling_sleutel(beweging.afdeling),
        persoon.achternaam.casefold(),
        persoon.voornaam.casefold(),
        persoon.detineenummer,
        beweging.sessie.lokaal.naam.casefold(),
    )


def _deelnemers(
    *, user: Any, gevangenis: Gevangenis, datum: datetime.date, activiteit_ids: set[int]
) -> list[Inschrijving]:
    """The enrolments holding a place on ``datum``, each annotated with ``afdeling``: the wing."""
    open_verblijf = Verblijf.objects.filter(
        gedetineerde=OuterRef("gedetineerde"), gevangenis=gevangenis, tot__isnull=True
    )
    geplaatst = (
        Inschrijvingsstap.objects.filter(
            inschrijving=OuterRef("pk"), naar_status=Status.INGESCHREVEN
        )
        .order_by("datum")
        .values("datum")[:1]
    )
    return list(
        Inschrijving.objects.zichtbaar_voor(user)
        .filter(gevangenis=gevangenis, activiteit_id__in=activiteit_ids, status__in=PLAATS_BEZET)
        .annotate(
            geplaatst_op=Subquery(geplaatst),
            afdeling=Subquery(open_verblijf.values("afdeling")[:1]),
        )
        .filter(Exists(open_verblijf), geplaatst_op__lte=datum)
        .select_related("gedetineerde")
    )


def bewegingslijst(*, user: Any, gevangenis: Gevangenis, datum: datetime.date) -> Bewegingslijst:
    """The movement list of one prison on one day, per time slot (begintijd–eindtijd).

    Four queries whatever the number of sessions and people: the day's sessions, the
    enrolments with their wing, the attendance already registered, the day's excusals.
    """
    sessies = list(
        Sessie.objects.zichtbaar_voor(user)
        .in_gevangenis(gevangenis)
        .filter(datum=datum)
        .select_related("activiteit__aanbod", "lokaal")
        .order_by("begintijd", "eindtijd", "lokaal__naam", "id")
    )
    doorgaand = [s for s in sessies if not s.geannuleerd]
    inschrijvingen = _deelnemers(
        user=user,
        gevangenis=gevangenis,
        datum=datum,
        activiteit_ids={s.activiteit_id for s in doorgaand},
    )
    geregistreerd = {
        (sessie_id, inschrijving_id): status
        for sessie_id, inschrijving_id, status in Aanwezigheid.objects.filter(
            sessie_id__in=[s.pk for s in doorgaand]
        ).values_list("sessie_id", "inschrijving_id", "status")
    }
    verontschuldigd = set(
        Verontschuldiging.objects.filter(
            inschrijving_id__in=[i.pk for i in inschrijvingen], van__lte=datum, tot__gte=datum
        ).values_list("inschrijving_id", flat=True)
    )
    per_activiteit: dict[int, list[Inschrijving]] = {}
    for inschrijving in inschrijvingen:
        per_activiteit.setdefault(inschrijving.activiteit_id or 0, []).append(inschrijving)

    sloten: dict[tuple[datetime.time, datetime.time], Tijdslot] = {}
    for sessie in doorgaand:
        slot = sloten.setdefault(
            (sessie.begintijd, sessie.eindtijd),
            Tijdslot(sessie.begintijd, sessie.eindtijd, sessies=[], bewegingen=[]),
        )
        ingeschreven = per_activiteit.get(sessie.activiteit_id, [])
        gaan: list[Inschrijving] = []
        afgemeld = excuus = 0
        for i in ingeschreven:
            status = geregistreerd.get((sessie.pk, i.pk))
            if status == Aanwezigheid.Status.AFWEZIG:
                afgemeld += 1
            elif status is None and i.pk in verontschuldigd:
                excuus += 1
            else:
                gaan.append(i)
        slot.sessies.append(Sessieregel(sessie, len(gaan), afgemeld, excuus))
        slot.bewegingen.extend(
            Beweging(i.afdeling or "", i.gedetineerde, sessie)  # type: ignore[attr-defined]
            for i in gaan
        )
    for slot in sloten.values():
        slot.bewegingen.sort(key=_naam_sleutel)
    return Bewegingslijst(
        gevangenis=gevangenis,
        datum=datum,
        tijdsloten=list(sloten.values()),
        geannuleerd=len(sessies) - len(doorgaand),
    )
