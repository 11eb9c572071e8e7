"""Rows of the route walker for the deelname API.

Who is who: alice (trajectbegeleider, Antwerpen) reads and enrols; olga
(organisatieondersteuner, Antwerpen) also places from the waiting list, stops and completes
(alice, of CAW, does not: the course is CVO's) and registers attendance; dirk (beleidscoördinator) reads no enrolments (403); eva (beheerder) reads
but does not enrol (403 on writes); charlie and gert are of Gent, so Antwerpen's
objects are a 404 for them.

The walker sends no body: a write that needs one answers 400 for the right user, which
still proves the caller got past sign-in, permission and prison scope.
"""

from collections.abc import Callable
from typing import Any

import pytest

from deelname.models import Bron
from deelname.services.inschrijvingen import inschrijving_aanvragen
from tests.routetabel import Route


@pytest.fixture
def api_inschrijving(persoon, activiteit, olga):
    """Jan, enrolled (ingeschreven) in the Dutch course of Antwerpen."""
    return inschrijving_aanvragen(
        gedetineerde=persoon, activiteit=activiteit, bron=Bron.TRAJECTBEGELEIDER, door=olga
    )


def _pk(fixture: str) -> Callable[[Any], dict[str, Any]]:
    return lambda f: {"pk": f.getfixturevalue(fixture).pk}


def _lezen(**kwargs: Any) -> Route:
    return Route(mag="alice", geen_recht="dirk", buiten_scope="charlie", api=True, **kwargs)


def _overgang(**kwargs: Any) -> Route:
    return Route(
        mag="olga",
        geen_recht="eva",
        buiten_scope="charlie",
        api=True,
        methode="post",
        kwargs=_pk("api_inschrijving"),
        **kwargs,
    )


ROUTES: dict[str, Route] = {
    "api:inschrijvingen": Route(mag="alice", geen_recht="dirk", api=True),
    "api:inschrijving": _lezen(kwargs=_pk("api_inschrijving")),
    # Jan already has a place: placing him again is refused, past every check.
    "api:inschrijving_plaatsen": _overgang(ok_status=400),
    # A stop without a reason is refused.
    "api:inschrijving_stopzetten": _overgang(ok_status=400),
    # Nothing is required to complete an enrolment (an offer without exam).
    "api:inschrijving_afronden": _overgang(),
    "api:activiteit_wachtlijst": _lezen(kwargs=_pk("activiteit")),
    # Nobody waits: refused, past every check.
    "api:volgende_plaatsen": Route(
        mag="olga",
        geen_recht="eva",
        buiten_scope="gert",
        api=True,
        methode="post",
        kwargs=_pk("activiteit"),
        ok_status=400,
    ),
    "api:sessie_aanwezigheden": _lezen(kwargs=_pk("sessie")),
    # Reference tables: any signed-in user.
    "api:afwezigheidsredenen": Route(mag="alice", api=True),
    "api:stopredenen": Route(mag="alice", api=True),
}
