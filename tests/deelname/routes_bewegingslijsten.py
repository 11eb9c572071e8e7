"""Rows of the route walker for the movement lists (deelname/views/bewegingslijsten.py).

The list names detainees and their wing for the whole prison: the organisatieondersteuner
reads it; the beleidscoördinator (no access to persons) gets 403; an organisatieondersteuner
of Gent gets 404 for Antwerpen's list.
"""

from typing import Any

from tests.routetabel import Route


def _antwerpen(f: Any) -> dict[str, Any]:
    return {"pk": f.getfixturevalue("antwerpen").pk}


ROUTES: dict[str, Route] = {
    "deelname:bewegingslijst": Route(mag="olga", geen_recht="dirk"),
    "deelname:bewegingslijst_gevangenis": Route(
        mag="olga", geen_recht="dirk", buiten_scope="gert", kwargs=_antwerpen
    ),
    "deelname:bewegingslijst_pdf": Route(
        mag="olga", geen_recht="dirk", buiten_scope="gert", kwargs=_antwerpen
    ),
}
