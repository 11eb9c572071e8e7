"""aanbod's rows of the route walker; each part of the app keeps its own module."""

from tests.aanbod.routes_afdrukken import ROUTES as AFDRUKKEN
from tests.aanbod.routes_api import ROUTES as API
from tests.aanbod.routes_planning import ROUTES as PLANNING

ROUTES = {**PLANNING, **AFDRUKKEN, **API}
