from .activiteiten import Activiteit, Slot
from .catalogus import Aanbod, AanbodInGevangenis, Doelgroep, Levensdomein, Rapportagecategorie
from .lokalen import Lokaal, Sluitingsdag
from .sessies import Annuleringsreden, Sessie

__all__ = [
    "Aanbod",
    "AanbodInGevangenis",
    "Activiteit",
    "Annuleringsreden",
    "Doelgroep",
    "Levensdomein",
    "Lokaal",
    "Rapportagecategorie",
    "Sessie",
    "Slot",
    "Sluitingsdag",
]
