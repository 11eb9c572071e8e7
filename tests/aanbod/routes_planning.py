"""Rows of the route walker for aanbod (planning): the HTML screens of the offer.

Who is who (tests/aanbod/fixtures.py): olga plans in Antwerpen, gert plans in Gent
(Antwerpen's objects are a 404 for him), alice may look but not plan (403 on writes).
Every role may read the offer, so reads get their 403 from ``zonder_rol``: staff of
Antwerpen without a role yet.

The fixtures below are the objects of these rows; the root conftest.py loads this module
as a plugin, so the route walker (tests/test_routes.py) and tests/aanbod both see them.
"""

import datetime

import pytest

from aanbod.models import AanbodInGevangenis
from aanbod.services.lokalen import sluitingsdag_toevoegen
from tests.factories import MedewerkerFactory, UserFactory
from tests.routetabel import Route


@pytest.fixture
def zonder_rol(antwerpen, agentschap):
    return MedewerkerFactory(
        user=UserFactory(username="zonder_rol"), organisatie=agentschap, gevangenissen=[antwerpen]
    ).user


@pytest.fixture
def sessie(activiteit, vandaag):
    """The activity's first session after today: one that can still be cancelled."""
    return activiteit.sessies.filter(datum__gt=vandaag).order_by("datum", "begintijd").first()


@pytest.fixture
def sluitingsdag(antwerpen, vandaag):
    return sluitingsdag_toevoegen(
        gevangenis=antwerpen,
        datum=vandaag + datetime.timedelta(days=30),
        reden="Inventaris",
        door=None,
    )


@pytest.fixture
def beschikbaarheid(nederlands, antwerpen):
    return AanbodInGevangenis.objects.get(aanbod=nederlands, gevangenis=antwerpen)


def _pk(fixture: str):
    return lambda f: {"pk": f.getfixturevalue(fixture).pk}


def _lezen(**kwargs) -> Route:
    return Route(mag="alice", geen_recht="zonder_rol", **kwargs)


def _plannen(**kwargs) -> Route:
    return Route(mag="olga", geen_recht="alice", **kwargs)


ROUTES: dict[str, Route] = {
    # The catalogue is Flanders-wide reference data: no prison, so nobody is outside it.
    "aanbod:catalogus": _lezen(),
    "aanbod:aanbod": _lezen(kwargs=_pk("nederlands"), vlaams=True),
    "aanbod:aanbod_nieuw": _plannen(),
    "aanbod:aanbod_bewerken": _plannen(kwargs=_pk("nederlands"), vlaams=True),
    "aanbod:aanbod_archiveren": _plannen(
        kwargs=_pk("nederlands"), methode="post", ok_status=302, vlaams=True
    ),
    "aanbod:beschikbaarheid": _lezen(),
    "aanbod:beschikbaarheid_opnemen": _plannen(),
    "aanbod:beschikbaarheid_bewerken": _plannen(buiten_scope="gert", kwargs=_pk("beschikbaarheid")),
    "aanbod:lokalen": _lezen(),
    "aanbod:lokaal_nieuw": _plannen(),
    "aanbod:lokaal_bewerken": _plannen(buiten_scope="gert", kwargs=_pk("klaslokaal")),
    "aanbod:sluitingsdagen": _lezen(),
    # An empty form comes back with its errors.
    "aanbod:sluitingsdag_toevoegen": _plannen(methode="post"),
    "aanbod:sluitingsdag_verwijderen": _plannen(
        buiten_scope="gert", kwargs=_pk("sluitingsdag"), methode="post", ok_status=302
    ),
    "aanbod:planning": _lezen(),
    "aanbod:activiteiten": _lezen(),
    "aanbod:activiteit": _lezen(buiten_scope="gert", kwargs=_pk("activiteit")),
    "aanbod:activiteit_nieuw": _plannen(),
    "aanbod:activiteit_bewerken": _plannen(buiten_scope="gert", kwargs=_pk("activiteit")),
    "aanbod:sessie_annuleren": _plannen(buiten_scope="gert", kwargs=_pk("sessie")),
    # Undoing a session that is not cancelled says so and goes back: a redirect.
    "aanbod:annulering_ongedaan": _plannen(
        buiten_scope="gert", kwargs=_pk("sessie"), methode="post", ok_status=302
    ),
    "aanbod:dag_annuleren": _plannen(),
}
