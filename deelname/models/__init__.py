from .aanvragen import Aanvraag, Gedetineerdeaccount
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
from .verontschuldigingen import Verontschuldiging

__all__ = [
    "LOPEND",
    "PLAATS_BEZET",
    "Aanvraag",
    "Aanwezigheid",
    "Aanwezigheidswijziging",
    "Afwezigheidsreden",
    "Bron",
    "Gedetineerdeaccount",
    "Inschrijving",
    "Inschrijvingsstap",
    "Status",
    "Stopreden",
    "Verontschuldiging",
]
