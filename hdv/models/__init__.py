from .audit import Auditrecord
from .gevangenissen import Gevangenis
from .medewerkers import Medewerker
from .organisaties import Organisatie

__all__ = ["Auditrecord", "Gevangenis", "Medewerker", "Organisatie"]
