"""The status workflows of trajecten, as data. Services enforce them; nothing else."""

from __future__ import annotations

from trajecten.models import Doel, Doorverwijzing

D = Doorverwijzing.Status

# concept → verstuurd → aanvaard / geweigerd → afgerond / ingetrokken
DOORVERWIJZING_OVERGANGEN: dict[str, frozenset[str]] = {
    D.CONCEPT: frozenset({D.VERSTUURD, D.INGETROKKEN}),
    D.VERSTUURD: frozenset({D.AANVAARD, D.GEWEIGERD, D.INGETROKKEN}),
    D.AANVAARD: frozenset({D.AFGEROND, D.INGETROKKEN}),
    D.GEWEIGERD: frozenset(),
    D.AFGEROND: frozenset(),
    D.INGETROKKEN: frozenset(),
}

# The receiving organisation answers; the referring side sends, withdraws and closes.
DOORVERWIJZING_DOOR_ONTVANGER: frozenset[str] = frozenset({D.AANVAARD, D.GEWEIGERD})

G = Doel.Status

DOEL_OVERGANGEN: dict[str, frozenset[str]] = {
    G.OPEN: frozenset({G.IN_UITVOERING, G.BEREIKT, G.NIET_BEREIKT, G.STOPGEZET}),
    G.IN_UITVOERING: frozenset({G.OPEN, G.BEREIKT, G.NIET_BEREIKT, G.STOPGEZET}),
    # A goal closed by mistake, or taken up again after a transfer, can be reopened.
    G.BEREIKT: frozenset({G.IN_UITVOERING}),
    G.NIET_BEREIKT: frozenset({G.OPEN, G.IN_UITVOERING}),
    G.STOPGEZET: frozenset({G.OPEN, G.IN_UITVOERING}),
}


def doorverwijzing_mag(van: str, naar: str) -> bool:
    return naar in DOORVERWIJZING_OVERGANGEN.get(van, frozenset())


def doel_mag(van: str, naar: str) -> bool:
    return naar in DOEL_OVERGANGEN.get(van, frozenset())
