"""Rows of the route walker for aanbod (afdrukken): the weekly programme and the brochure.

Every role may read the offer, so the 403 comes from ``zonder_rol`` (staff of Antwerpen
without a role yet, tests/aanbod/routes_planning.py). The printouts take their prison
from the user's active prison or ``?gevangenis=<code>``, not from the path, so the walker
has no object to be outside of: the 404 for another prison's code is in
tests/aanbod/test_afdrukken.py.
"""

from tests.routetabel import Route

ROUTES: dict[str, Route] = {
    "aanbod:weekprogramma": Route(mag="alice", geen_recht="zonder_rol"),
    "aanbod:weekprogramma_pdf": Route(mag="alice", geen_recht="zonder_rol"),
    "aanbod:brochure": Route(mag="alice", geen_recht="zonder_rol"),
    "aanbod:brochure_pdf": Route(mag="alice", geen_recht="zonder_rol"),
}
