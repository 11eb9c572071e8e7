from .indicatoren import Berekening, Indicatorwaarde, Periodesoort
from .rapporten import Monitoringrapport
from .strategie import (
    Actie,
    Actiestatus,
    LokaalActieplan,
    LokaleActie,
    StrategischeDoelstelling,
    Voortgangsnotitie,
)
from .streefcijfers import Streefcijfer

__all__ = [
    "Actie",
    "Actiestatus",
    "Berekening",
    "Indicatorwaarde",
    "LokaalActieplan",
    "LokaleActie",
    "Monitoringrapport",
    "Periodesoort",
    "StrategischeDoelstelling",
    "Streefcijfer",
    "Voortgangsnotitie",
]
