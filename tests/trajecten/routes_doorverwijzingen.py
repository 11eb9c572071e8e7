"""Route rows for referrals, the inbox, notes, consents and case conferences, with their fixtures.

Loaded as a plugin by the root conftest.py, so the fixtures serve the tests of these
screens too. Everything is built through the services, as a worker would:

- toestemming_vdab: Jan (persoon, Antwerpen) lets alice's CAW share referrals with VDAB;
- concept_naar_vdab / verstuurd_naar_vdab: alice's referral of Jan to VDAB (bob's);
- overleg_alice: a case conference alice organised with bob;
- anke: a second trajectbegeleider of CAW Antwerpen, alice's colleague.
"""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.utils import timezone

from hdv import rollen
from tests.conftest import _medewerker
from tests.routetabel import Route
from trajecten.models import Categorie
from trajecten.services.doorverwijzingen import doorverwijzing_aanmaken, doorverwijzing_versturen
from trajecten.services.notities import casusoverleg_vastleggen, toestemming_geven


@pytest.fixture
def anke(antwerpen, caw):
    return _medewerker("anke", caw, [antwerpen], rollen.TRAJECTBEGELEIDER)


@pytest.fixture
def toestemming_vdab(persoon, vdab, alice):
    return toestemming_geven(
        gedetineerde=persoon,
        organisatie=vdab,
        categorie=Categorie.DOORVERWIJZINGEN,
        gegeven_op=timezone.localdate() - datetime.timedelta(days=2),
        door=alice,
    )


@pytest.fixture
def concept_naar_vdab(persoon, vdab, alice):
    return doorverwijzing_aanmaken(
        gedetineerde=persoon,
        naar_organisatie=vdab,
        levensdomein="werk",
        plaats="binnen",
        motivatie="Wil na de vrijlating als heftruckchauffeur werken.",
        door=alice,
    )


@pytest.fixture
def verstuurd_naar_vdab(concept_naar_vdab, toestemming_vdab, alice):
    return doorverwijzing_versturen(doorverwijzing=concept_naar_vdab, door=alice)


@pytest.fixture
def overleg_alice(persoon, alice, bob):
    return casusoverleg_vastleggen(
        gedetineerde=persoon,
        datum=timezone.localdate(),
        onderwerp="Afstemming werk en schuldhulp",
        besluiten="VDAB start de screening; CAW volgt de schulden op.",
        deelnemers=[bob],
        door=alice,
    )


def _pk(fixture: str) -> Any:
    return lambda f: {"pk": f.getfixturevalue(fixture).pk}


def _versturen(f: Any) -> dict[str, Any]:
    f.getfixturevalue("toestemming_vdab")
    return {"pk": f.getfixturevalue("concept_naar_vdab").pk, "actie": "versturen"}


def _dossier(**kwargs: Any) -> Route:
    """A screen of the person's file: alice can, dirk has no access, charlie is in Gent."""
    return Route(**{"mag": "alice", "geen_recht": "dirk", "buiten_scope": "charlie", **kwargs})


ROUTES = {
    "trajecten:doorverwijzing_nieuw": _dossier(kwargs=_pk("persoon")),
    "trajecten:doorverwijzing": _dossier(kwargs=_pk("verstuurd_naar_vdab")),
    "trajecten:doorverwijzing_actie": _dossier(kwargs=_versturen, methode="post", ok_status=302),
    "trajecten:inbox": Route(mag="bob", geen_recht="dirk"),
    "trajecten:notitie_nieuw": _dossier(kwargs=_pk("persoon")),
    "trajecten:toestemmingen": _dossier(kwargs=_pk("persoon")),
    # bob (hulpverlener) reads consents but does not manage them. GET is the confirmation
    # page; the POST that withdraws is tested in test_views_notities.py.
    "trajecten:toestemming_intrekken": _dossier(geen_recht="bob", kwargs=_pk("toestemming_vdab")),
    "trajecten:casusoverleg_nieuw": _dossier(kwargs=_pk("persoon")),
    "trajecten:casusoverleg": _dossier(kwargs=_pk("overleg_alice")),
}
