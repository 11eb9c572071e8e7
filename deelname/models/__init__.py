from .aanwezigheden import Aanwezigheid, Aanwezigheidswijziging, Afwezigheidsreden
from .inschrijvingen import (
    LOPEND,
    PLAATS_BEZET,
    Bron,
    Inschrijving,
    Inschrijvingsstap,
    Status,
    Stopreden,
)

__all__ = [
    "LOPEND",
    "PLAATS_BEZET",
    "Aanwezigheid",
    "Aanwezigheidswijziging",
    "Afwezigheidsreden",
    "Bron",
    "Inschrijving",
    "Inschrijvingsstap",
    "Status",
    "Stopreden",
]
