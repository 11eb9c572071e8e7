"""Fixtures shared across test folders, loaded as plugins.

The route walker (tests/test_routes.py) needs the aanbod cast and the objects of each
route table as much as tests/aanbod does, so they cannot live in a folder's conftest.
"""

pytest_plugins = [
    "tests.aanbod.fixtures",
    "tests.aanbod.routes_planning",
    "tests.aanbod.routes_afdrukken",
    "tests.aanbod.routes_api",
    "tests.trajecten.routes",
    "tests.trajecten.routes_dossier",
    "tests.trajecten.routes_plan",
    "tests.trajecten.routes_doorverwijzingen",
    "tests.trajecten.routes_api_dossier",
    "tests.deelname.routes_activiteiten",
    "tests.deelname.routes_aanwezigheden",
    "tests.deelname.routes_bewegingslijsten",
    "tests.deelname.routes_aanvragen",
    "tests.deelname.routes_api",
    "tests.rapportage.routes_dashboards",
    "tests.rapportage.rapport_fixtures",
    "tests.rapportage.routes_rapporten",
    "tests.rapportage.routes_plannen",
]
