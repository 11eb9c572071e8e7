"""The enrolment workflow, as data. Services enforce it; nothing else."""

from __future__ import annotations

from deelname.models import Status

S = Status

# aangevraagd → wachtlijst → ingeschreven → actief → afgerond | stopgezet
INSCHRIJVING_OVERGANGEN: dict[str, frozenset[str]] = {
    S.AANGEVRAAGD: frozenset({S.WACHTLIJST, S.INGESCHREVEN, S.STOPGEZET}),
    S.WACHTLIJST: frozenset({S.INGESCHREVEN, S.STOPGEZET}),
    S.INGESCHREVEN: frozenset({S.ACTIEF, S.AFGEROND, S.STOPGEZET}),
    S.ACTIEF: frozenset({S.AFGEROND, S.STOPGEZET}),
    S.AFGEROND: frozenset(),
    S.STOPGEZET: frozenset(),
}


def mag(van: str, naar: str) -> bool:
    return naar in INSCHRIJVING_OVERGANGEN.get(van, frozenset())
