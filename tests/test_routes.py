"""Every route of the project, HTML and API, against the three answers of the scope rules.

- anonymous: HTML sends to the login page, the API answers 401;
- signed in without the permission: 403;
- signed in with the permission, object in another prison: 404;
- and the right user: 200.

A route that is not in ROUTES fails ``test_every_route_is_in_the_table``: a new
feature is covered the day its URL is added.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from tests.aanbod.routes import ROUTES as AANBOD_ROUTES
from tests.deelname.routes_aanvragen import ROUTES as AANVRAAG_ROUTES
from tests.deelname.routes_aanwezigheden import ROUTES as AANWEZIGHEID_ROUTES
from tests.deelname.routes_activiteiten import ROUTES as DEELNAME_ROUTES
from tests.deelname.routes_api import ROUTES as DEELNAME_API_ROUTES
from tests.deelname.routes_bewegingslijsten import ROUTES as BEWEGINGSLIJST_ROUTES
from tests.rapportage.routes_dashboards import ROUTES as DASHBOARD_ROUTES
from tests.rapportage.routes_plannen import ROUTES as PLANNEN_ROUTES
from tests.rapportage.routes_rapporten import ROUTES as RAPPORT_ROUTES
from tests.routetabel import Route
from tests.trajecten.routes import ROUTES as TRAJECTEN_ROUTES
from tests.trajecten.routes_api_dossier import ROUTES as DOSSIER_API_ROUTES
from tests.trajecten.routes_doorverwijzingen import ROUTES as DOORVERWIJZING_ROUTES
from tests.trajecten.routes_dossier import ROUTES as DOSSIER_ROUTES
from tests.trajecten.routes_plan import ROUTES as PLAN_ROUTES


def _persoon(f: Any) -> dict[str, Any]:
    return {"pk": f.getfixturevalue("persoon").pk}


def _gevangenis(f: Any) -> dict[str, Any]:
    return {"pk": f.getfixturevalue("antwerpen").pk}


ROUTES: dict[str, Route] = {
    "home": Route(mag="alice"),
    "login": Route(mag=None),
    "logout": Route(mag="alice", methode="post", ok_status=302),
    "gevangenis_wisselen": Route(mag="alice", methode="post", ok_status=302),
    "gezondheid": Route(mag=None),
    "instellingen": Route(mag="alice"),
    "trajecten:gedetineerden": Route(mag="alice", geen_recht="dirk"),
    "trajecten:dossier": Route(
        mag="alice", geen_recht="dirk", buiten_scope="charlie", kwargs=_persoon
    ),
    "trajecten:audit": Route(mag="eva", geen_recht="alice", buiten_scope="hanna", kwargs=_persoon),
    "api:schema": Route(mag="alice", api=True),
    "api:docs": Route(mag="alice", api=True),
    "api:mij": Route(mag="alice", api=True),
    "api:gevangenissen": Route(mag="alice", api=True),
    "api:gevangenis": Route(mag="alice", api=True, kwargs=_gevangenis, vlaams=True),
    "api:organisaties": Route(mag="alice", api=True),
    "api:gedetineerden": Route(mag="alice", geen_recht="dirk", api=True),
    "api:gedetineerde": Route(
        mag="alice", geen_recht="dirk", buiten_scope="charlie", api=True, kwargs=_persoon
    ),
}

ROUTES.update(AANBOD_ROUTES)
ROUTES.update(TRAJECTEN_ROUTES)
ROUTES.update(DOSSIER_ROUTES)
ROUTES.update(PLAN_ROUTES)
ROUTES.update(DOORVERWIJZING_ROUTES)
ROUTES.update(DOSSIER_API_ROUTES)
ROUTES.update(DEELNAME_ROUTES)
ROUTES.update(AANWEZIGHEID_ROUTES)
ROUTES.update(BEWEGINGSLIJST_ROUTES)
ROUTES.update(AANVRAAG_ROUTES)
ROUTES.update(DEELNAME_API_ROUTES)
ROUTES.update(DASHBOARD_ROUTES)
ROUTES.update(RAPPORT_ROUTES)
ROUTES.update(PLANNEN_ROUTES)

# The Django admin checks its own access (the beheerder's permission); tested in
# tests/hdv/test_admin.py. Its many generated routes are not listed one by one.
EIGEN_CONTROLE = {"admin"}


def _route_namen(resolver: URLResolver, prefix: str = "") -> list[str]:
    namen = []
    for patroon in resolver.url_patterns:
        if isinstance(patroon, URLResolver):
            namespace = patroon.namespace
            if namespace in EIGEN_CONTROLE:
                continue
            namen += _route_namen(patroon, f"{prefix}{namespace}:" if namespace else prefix)
        elif isinstance(patroon, URLPattern):
            namen.append(
                f"{prefix}{patroon.name}" if patroon.name else f"<naamloos {patroon.pattern}>"
            )
    return namen


def test_every_route_is_in_the_table():
    gevonden = set(_route_namen(get_resolver()))
    assert gevonden - set(ROUTES) == set(), "routes zonder regel in ROUTES"
    assert set(ROUTES) - gevonden == set(), "regels in ROUTES zonder route"


def _vraag(client, route: Route, url: str):
    return getattr(client, route.methode)(url)


@pytest.mark.parametrize("naam", sorted(ROUTES))
def test_anonymous(naam, client, request, db):
    route = ROUTES[naam]
    url = reverse(naam, kwargs=route.kwargs(request))
    response = _vraag(client, route, url)
    if route.mag is None:
        assert response.status_code == 200
    elif route.api:
        assert response.status_code == 401
    else:
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))


@pytest.mark.parametrize("naam", sorted(n for n, r in ROUTES.items() if r.mag))
def test_the_right_user(naam, client, request):
    route = ROUTES[naam]
    client.force_login(request.getfixturevalue(route.mag))
    response = _vraag(client, route, reverse(naam, kwargs=route.kwargs(request)))
    assert response.status_code == route.ok_status


@pytest.mark.parametrize("naam", sorted(n for n, r in ROUTES.items() if r.geen_recht))
def test_without_permission_403(naam, client, request):
    route = ROUTES[naam]
    client.force_login(request.getfixturevalue(route.geen_recht))
    response = _vraag(client, route, reverse(naam, kwargs=route.kwargs(request)))
    assert response.status_code == 403


@pytest.mark.parametrize("naam", sorted(n for n, r in ROUTES.items() if r.buiten_scope))
def test_other_prison_404(naam, client, request):
    route = ROUTES[naam]
    client.force_login(request.getfixturevalue(route.buiten_scope))
    response = _vraag(client, route, reverse(naam, kwargs=route.kwargs(request)))
    assert response.status_code == 404


def test_objects_with_an_id_declare_who_is_outside():
    # A route with an object in a prison must say who gets 404, except reference data.
    for naam, route in ROUTES.items():
        if route.kwargs(_GeenFixtures()) and not route.vlaams:
            assert route.buiten_scope, naam


class _GeenFixtures:
    def getfixturevalue(self, naam: str) -> Any:
        return type("X", (), {"pk": 1})()
