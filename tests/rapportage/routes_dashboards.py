"""Route rows of the dashboards and the indicator API.

Who is who: dirk (beleidscoördinator, Antwerpen) opens Antwerpen's dashboard and the
Flanders overview; gina (beleidscoördinator, Gent) is the outsider, for whom Antwerpen's
dashboard is a 404; frank (centrale medewerker) opens everything and may recompute;
alice (trajectbegeleider) reads no indicators (403).
"""

from typing import Any

import pytest

from hdv import rollen
from tests.conftest import _medewerker
from tests.rapportage.indicatorwaarden import proefregister  # noqa: F401 (a fixture)
from tests.routetabel import Route


@pytest.fixture
def gina(gent, agentschap):
    return _medewerker("gina", agentschap, [gent], rollen.BELEIDSCOORDINATOR)


def _antwerpen(f: Any) -> dict[str, Any]:
    return {"pk": f.getfixturevalue("antwerpen").pk}


def _indicator_van_antwerpen(f: Any) -> dict[str, Any]:
    f.getfixturevalue("proefregister")
    return {**_antwerpen(f), "code": "proef_bereik"}


def _indicator(f: Any) -> dict[str, Any]:
    f.getfixturevalue("proefregister")
    return {"code": "proef_bereik"}


ROUTES: dict[str, Route] = {
    # The start sends to the dashboard of the prison one works in.
    "rapportage:dashboard": Route(mag="dirk", geen_recht="alice", ok_status=302),
    "rapportage:dashboard_gevangenis": Route(
        mag="dirk", geen_recht="alice", buiten_scope="gina", kwargs=_antwerpen
    ),
    "rapportage:indicator": Route(
        mag="dirk", geen_recht="alice", buiten_scope="gina", kwargs=_indicator_van_antwerpen
    ),
    "rapportage:vlaanderen": Route(mag="dirk", geen_recht="alice"),
    # The central level's waiting lists: the indicator of the running month.
    "rapportage:wachtlijsten_vlaanderen": Route(mag="frank", geen_recht="dirk", ok_status=302),
    # Flanders' breakdown: aggregate and suppressed, no prison to be outside of.
    "rapportage:vlaanderen_indicator": Route(
        mag="frank", geen_recht="alice", kwargs=_indicator, vlaams=True
    ),
    "rapportage:bijwerken": Route(mag="frank", geen_recht="dirk", methode="post", ok_status=302),
    "api:indicatoren": Route(mag="dirk", geen_recht="alice", api=True),
    "api:indicatorwaarden": Route(mag="dirk", geen_recht="alice", api=True),
}
