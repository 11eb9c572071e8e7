"""What the participation of one prison is written with, shared by ``groepen`` and ``trajecten``."""

from __future__ import annotations

import datetime
from collections import Counter
from dataclasses import dataclass
from typing import Any

from deelname.models import Afwezigheidsreden, Stopreden
from hdv.models import Gevangenis
from trajecten.demo.medewerkers import Team
from trajecten.models import Doorverwijzing

from .kandidaten import Kandidaat


@dataclass
class Omgeving:
    gevangenis: Gevangenis
    team: Team | None
    ondersteuner: Any | None  # the organisatieondersteuner of the demo, where they work
    kandidaten: list[Kandidaat]
    # Accepted referrals to an offer, by (person, offer): the enrolment that follows.
    doorverwijzingen: dict[tuple[int, int], Doorverwijzing]
    stopredenen: dict[str, Stopreden]
    afwezigheidsredenen: dict[str, Afwezigheidsreden]
    vandaag: datetime.date
    nieuw: Counter[str]

    def medewerker_van(self, afkorting: str) -> Any | None:
        """Who of the organisation works here; else the organisation support, else the system.

        Only they place, stop and complete an offer's enrolments (``deelname.beheer``).
        """
        if self.team is None:
            return None
        return self.team.eerste(afkorting) or self.ondersteuner

    @property
    def trajectbegeleider(self) -> Any | None:
        return self.team.eerste(self.team.caw) if self.team else None
