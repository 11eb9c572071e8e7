"""Rows of the route walker for aanbod (api).

The users and objects are the fixtures of tests/aanbod/routes_planning.py (olga, gert,
alice, zonder_rol; nederlands, beschikbaarheid, klaslokaal, sluitingsdag, activiteit,
sessie), which the walker sees through that module.

The walker sends no body: a POST that needs one answers 400 for the right user, which
still proves the caller got past sign-in, permission and prison scope.
"""

from collections.abc import Callable
from typing import Any

from tests.routetabel import Route


def _pk(fixture: str) -> Callable[[Any], dict[str, Any]]:
    return lambda f: {"pk": f.getfixturevalue(fixture).pk}


def _lezen(**kwargs: Any) -> Route:
    return Route(mag="alice", geen_recht="zonder_rol", api=True, **kwargs)


def _plannen(**kwargs: Any) -> Route:
    return Route(mag="olga", geen_recht="alice", api=True, **kwargs)


ROUTES: dict[str, Route] = {
    # The catalogue is Flanders-wide reference data: no prison, so nobody is outside it.
    "api:aanbod": _lezen(),
    "api:aanbod_detail": _lezen(kwargs=_pk("nederlands"), vlaams=True),
    "api:aanbod_archiveren": _plannen(kwargs=_pk("nederlands"), methode="post", vlaams=True),
    "api:beschikbaarheden": _lezen(),
    # Everyone reads who offers what; only the prison's own staff change it.
    "api:beschikbaarheid": _plannen(
        buiten_scope="gert", kwargs=_pk("beschikbaarheid"), methode="patch"
    ),
    "api:lokalen": _lezen(),
    "api:lokaal": _lezen(buiten_scope="gert", kwargs=_pk("klaslokaal")),
    "api:sluitingsdagen": _lezen(),
    "api:sluitingsdag": _plannen(
        buiten_scope="gert", kwargs=_pk("sluitingsdag"), methode="delete", ok_status=204
    ),
    "api:activiteiten": _lezen(),
    "api:activiteit": _lezen(buiten_scope="gert", kwargs=_pk("activiteit")),
    "api:activiteit_botsingen": _plannen(methode="post", ok_status=400),
    "api:sessies": _lezen(),
    "api:sessie": _lezen(buiten_scope="gert", kwargs=_pk("sessie")),
    "api:sessie_annuleren": _plannen(
        buiten_scope="gert", kwargs=_pk("sessie"), methode="post", ok_status=400
    ),
    # Undoing a session that is not cancelled is refused: still past every check.
    "api:annulering_ongedaan": _plannen(
        buiten_scope="gert", kwargs=_pk("sessie"), methode="post", ok_status=400
    ),
    "api:dag_annuleren": _plannen(methode="post", ok_status=400),
    # Reference tables: any signed-in user.
    "api:rapportagecategorieen": Route(mag="alice", api=True),
    "api:doelgroepen": Route(mag="alice", api=True),
    "api:annuleringsredenen": Route(mag="alice", api=True),
}
