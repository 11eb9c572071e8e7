"""Route rows (and their objects) of the attendance register of a session.

Loaded as a plugin (root conftest.py): the route walker needs these fixtures too.
"""

from typing import Any

import pytest

from tests.routetabel import Route


@pytest.fixture
def scherm_sessie(activiteit, vandaag):
    """The last session of the Dutch course that already took place."""
    return activiteit.sessies.filter(datum__lt=vandaag).order_by("datum").last()


def _sessie(f: Any) -> dict[str, Any]:
    return {"pk": f.getfixturevalue("scherm_sessie").pk}


ROUTES: dict[str, Route] = {
    "deelname:sessie_aanwezigheden": Route(
        mag="olga", geen_recht="dirk", buiten_scope="charlie", kwargs=_sessie
    ),
}
