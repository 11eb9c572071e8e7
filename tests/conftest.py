"""The fixed cast, as in healthchecks: people and staff in two prisons.

- antwerpen, gent: two prisons
- alice: trajectbegeleider (CAW) in Antwerpen — the one who can
- bob: hulpverlener (VDAB) in Antwerpen — a colleague of another organisation
- charlie: trajectbegeleider in Gent — the outsider, for whom Antwerpen is a 404
- dirk: beleidscoördinator in Antwerpen — signed in, but without access to persons (403)
- eva: beheerder in Antwerpen and Gent
- hanna: beheerder in Gent only
- frank: centrale medewerker, no prison
"""

import os

import pytest

from hdv import rollen
from tests.factories import (
    GedetineerdeFactory,
    GevangenisFactory,
    MedewerkerFactory,
    OrganisatieFactory,
    UserFactory,
)


@pytest.fixture(autouse=True)
def _axes_uit(settings):
    # Lockouts are tested on purpose in test_auth; elsewhere failed logins don't count.
    settings.AXES_ENABLED = False


@pytest.fixture(autouse=True)
def _taken_in_proces(request):
    """Tasks run in-process, inside the test's transaction, unless a test needs the worker."""
    from hdv.celery import app

    if "celery_worker" in request.keywords:
        yield
        return
    vorige = app.conf.task_always_eager
    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = vorige


@pytest.fixture
def antwerpen(db):
    return GevangenisFactory(naam="Antwerpen", code="ANT", capaciteit=700)


@pytest.fixture
def gent(db):
    return GevangenisFactory(naam="Gent", code="GEN", capaciteit=400)


@pytest.fixture
def caw(db):
    return OrganisatieFactory(naam="CAW Antwerpen", afkorting="CAW-ANT")


@pytest.fixture
def vdab(db):
    return OrganisatieFactory(naam="VDAB", afkorting="VDAB", sector="werk")


@pytest.fixture
def agentschap(db):
    return OrganisatieFactory(
        naam="Agentschap Justitie en Handhaving",
        afkorting="AJH",
        soort="administratie",
        sector="justitie",
    )


def _medewerker(username, organisatie, gevangenissen, rol):
    return MedewerkerFactory(
        user=UserFactory(username=username, first_name=username.capitalize()),
        organisatie=organisatie,
        gevangenissen=gevangenissen,
        rollen=[rol],
    ).user


@pytest.fixture
def alice(antwerpen, caw):
    return _medewerker("alice", caw, [antwerpen], rollen.TRAJECTBEGELEIDER)


@pytest.fixture
def bob(antwerpen, vdab):
    return _medewerker("bob", vdab, [antwerpen], rollen.HULPVERLENER)


@pytest.fixture
def charlie(gent, caw):
    return _medewerker("charlie", caw, [gent], rollen.TRAJECTBEGELEIDER)


@pytest.fixture
def dirk(antwerpen, agentschap):
    return _medewerker("dirk", agentschap, [antwerpen], rollen.BELEIDSCOORDINATOR)


@pytest.fixture
def eva(antwerpen, gent, agentschap):
    return _medewerker("eva", agentschap, [antwerpen, gent], rollen.BEHEERDER)


@pytest.fixture
def hanna(gent, agentschap):
    """A beheerder of Gent only: Antwerpen's files are a 404 for her."""
    return _medewerker("hanna", agentschap, [gent], rollen.BEHEERDER)


@pytest.fixture
def frank(agentschap):
    return _medewerker("frank", agentschap, [], rollen.CENTRALE_MEDEWERKER)


@pytest.fixture
def ilse(agentschap):
    """A member of the Gemengde Commissie: reads and receives the monitoring reports."""
    return _medewerker("ilse", agentschap, [], rollen.GEMENGDE_COMMISSIE)


@pytest.fixture
def persoon(antwerpen):
    """Someone held in Antwerpen."""
    return GedetineerdeFactory(
        huidige_gevangenis=antwerpen, voornaam="Jan", achternaam="Testpersoon"
    )


@pytest.fixture
def persoon_gent(gent):
    return GedetineerdeFactory(huidige_gevangenis=gent)


def pytest_collection_modifyitems(config, items):
    # Tests that need a real worker run only where one was started (CI does).
    if os.environ.get("HDV_CELERY_WORKER") == "1":
        return
    overslaan = pytest.mark.skip(
        reason="geen Celery-worker: zet HDV_CELERY_WORKER=1 met een draaiende worker"
    )
    for item in items:
        if "celery_worker" in item.keywords:
            item.add_marker(overslaan)
