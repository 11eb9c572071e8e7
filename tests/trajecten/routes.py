"""trajecten's rows of the route walker (tests/test_routes.py) and the fixtures they need.

Loaded as a plugin by the root conftest.py. A population import covers all prisons, so
it is not in the prison scope: ``vlaams``, and guarded by ``importeer_bevolking`` (eva,
the beheerder, has it; alice, a trajectbegeleider, gets 403).
"""

from typing import Any

import pytest

from tests.routetabel import Route
from trajecten.models import Bevolkingsimport


@pytest.fixture
def bevolkingsimport(db):
    return Bevolkingsimport.objects.create(
        bron=Bevolkingsimport.Bron.BESTAND,
        bestandsnaam="feed.csv",
        status=Bevolkingsimport.Status.KLAAR,
        totaal=2,
        verwerkt=2,
        aanvaard=1,
        geweigerd=1,
        geweigerde_rijen=[{"rij": 3, "veld": "datum", "reden": "Geen geldige datum (JJJJ-MM-DD)."}],
    )


def _import(f: Any) -> dict[str, Any]:
    return {"pk": f.getfixturevalue("bevolkingsimport").pk}


ROUTES = {
    "trajecten:bevolkingsfeed": Route(mag="eva", geen_recht="alice"),
    "trajecten:bevolkingsimport": Route(mag="eva", geen_recht="alice", kwargs=_import, vlaams=True),
    "api:bevolkingsfeed": Route(mag="eva", geen_recht="alice", api=True),
    "api:bevolkingsimport": Route(
        mag="eva", geen_recht="alice", api=True, kwargs=_import, vlaams=True
    ),
}
