from .doorverwijzingen import Doorverwijzing, Doorverwijzingsstap
from .notities import Casusoverleg, Categorie, Notitie, Toestemming
from .onthaal import Behoefte, Onthaal
from .personen import (
    Bevolkingsimport,
    Doelgroepvlag,
    Gedetineerde,
    NiveauNederlands,
    Statuut,
    Statuutwijziging,
    Verblijf,
    taalcode_validator,
)
from .plannen import Doel, HdvPlan, Plaats, Planversie, Stap
from .vrijlating import Checklistpunt, Taak, Vrijlatingsvoorbereiding

__all__ = [
    "Behoefte",
    "Bevolkingsimport",
    "Casusoverleg",
    "Categorie",
    "Checklistpunt",
    "Doel",
    "Doelgroepvlag",
    "Doorverwijzing",
    "Doorverwijzingsstap",
    "Gedetineerde",
    "HdvPlan",
    "NiveauNederlands",
    "Notitie",
    "Onthaal",
    "Plaats",
    "Planversie",
    "Stap",
    "Statuut",
    "Statuutwijziging",
    "Taak",
    "Toestemming",
    "Verblijf",
    "Vrijlatingsvoorbereiding",
    "taalcode_validator",
]
