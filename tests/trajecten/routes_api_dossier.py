"""Rows of the route walker for the API of a person's file, and the fixtures they need.

Loaded as a plugin by the root conftest.py; the fixtures carry an ``api_`` prefix so
they never shadow those of the HTML route tables. Objects are made through the
services, by alice (trajectbegeleider, CAW Antwerpen) for ``persoon`` (Antwerpen).

Who is who in the rows: dirk (beleidscoördinator) reads no files (403); bob (hulpverlener,
VDAB) reads files but keeps no intake, plan, consent or release checklist (403 on those
writes); charlie works in Gent, where Antwerpen's people are a 404.

The walker sends no body: a POST that needs one answers 400 for the right user, which
still proves the caller got past sign-in, permission and prison scope.
"""

from collections.abc import Callable
from typing import Any

import pytest

from aanbod.models import Levensdomein
from tests.routetabel import Route
from trajecten.models import Categorie, Plaats, Taak
from trajecten.services.doorverwijzingen import doorverwijzing_aanmaken
from trajecten.services.notities import toestemming_geven
from trajecten.services.plannen import doel_toevoegen, plan_openen
from trajecten.services.taken import taak_aanmaken
from trajecten.services.vrijlating import vrijlating_voorbereiden


@pytest.fixture
def api_plan(persoon, alice):
    plan = plan_openen(gedetineerde=persoon, door=alice)
    doel_toevoegen(
        plan=plan,
        levensdomein=Levensdomein.WERK,
        omschrijving="Een opleiding lassen volgen",
        plaats=Plaats.BINNEN,
        door=alice,
        stappen=["Inschrijven bij VDAB"],
    )
    return plan


@pytest.fixture
def api_doel(api_plan):
    return api_plan.doelen.get()


@pytest.fixture
def api_stap(api_doel):
    return api_doel.stappen.get()


@pytest.fixture
def api_toestemming(persoon, alice, vdab):
    return toestemming_geven(
        gedetineerde=persoon, organisatie=vdab, categorie=Categorie.DOORVERWIJZINGEN, door=alice
    )


@pytest.fixture
def api_doorverwijzing(persoon, alice, vdab, api_toestemming):
    """A concept from alice's CAW to VDAB, which the person consented to share with."""
    return doorverwijzing_aanmaken(
        gedetineerde=persoon,
        naar_organisatie=vdab,
        levensdomein=Levensdomein.WERK,
        plaats=Plaats.BINNEN,
        motivatie="Wil na de vrijlating werken; zoekt een opleiding.",
        door=alice,
    )


@pytest.fixture
def api_voorbereiding(persoon, alice):
    return vrijlating_voorbereiden(gedetineerde=persoon, door=alice)


@pytest.fixture
def api_checklistpunt(api_voorbereiding):
    return api_voorbereiding.punten.first()


@pytest.fixture
def api_taak(antwerpen, alice, persoon):
    return taak_aanmaken(
        gevangenis=antwerpen,
        soort=Taak.Soort.ANDERE,
        titel="Bel de advocaat terug",
        gedetineerde=persoon,
        toegewezen_aan=alice,
    )


def _persoon(fixture: str = "persoon") -> Callable[[Any], dict[str, Any]]:
    """The person's id, after making ``fixture`` (an object of their file)."""

    def kwargs(f: Any) -> dict[str, Any]:
        f.getfixturevalue(fixture)
        return {"pk": f.getfixturevalue("persoon").pk}

    return kwargs


def _pk(fixture: str) -> Callable[[Any], dict[str, Any]]:
    return lambda f: {"pk": f.getfixturevalue(fixture).pk}


def _lezen(**kwargs: Any) -> Route:
    """A read of the file: every care worker of the prison."""
    return Route(mag="alice", geen_recht="dirk", buiten_scope="charlie", api=True, **kwargs)


def _begeleiden(**kwargs: Any) -> Route:
    """A write only the trajectbegeleider makes."""
    return Route(mag="alice", geen_recht="bob", buiten_scope="charlie", api=True, **kwargs)


ROUTES: dict[str, Route] = {
    "api:onthalen": _lezen(kwargs=_persoon()),
    "api:onthaal_overslaan": _begeleiden(kwargs=_persoon(), methode="post", ok_status=400),
    "api:behoeften": _lezen(kwargs=_persoon()),
    "api:plan": _lezen(kwargs=_persoon("api_plan")),
    "api:plan_doelen": _begeleiden(kwargs=_persoon("api_plan"), methode="post", ok_status=400),
    "api:plan_vastleggen": _begeleiden(kwargs=_persoon("api_plan"), methode="post", ok_status=201),
    "api:planversies": _lezen(kwargs=_persoon("api_plan")),
    "api:doel": _begeleiden(kwargs=_pk("api_doel"), methode="patch"),
    "api:doel_status": _begeleiden(kwargs=_pk("api_doel"), methode="post", ok_status=400),
    "api:doel_stappen": _begeleiden(kwargs=_pk("api_doel"), methode="post", ok_status=400),
    "api:stap_afvinken": _begeleiden(kwargs=_pk("api_stap"), methode="post"),
    "api:doorverwijzingen": _lezen(kwargs=_persoon()),
    "api:doorverwijzingen_inbox": Route(mag="bob", geen_recht="dirk", api=True),
    "api:doorverwijzing": _lezen(kwargs=_pk("api_doorverwijzing")),
    "api:doorverwijzing_versturen": _lezen(kwargs=_pk("api_doorverwijzing"), methode="post"),
    # Without a body there is no answer: 400, past every check (bob's VDAB receives it).
    "api:doorverwijzing_beantwoorden": Route(
        mag="bob",
        geen_recht="dirk",
        buiten_scope="charlie",
        api=True,
        kwargs=_pk("api_doorverwijzing"),
        methode="post",
        ok_status=400,
    ),
    # A concept cannot be closed: refused by the workflow, past every check.
    "api:doorverwijzing_afronden": _lezen(
        kwargs=_pk("api_doorverwijzing"), methode="post", ok_status=400
    ),
    "api:doorverwijzing_intrekken": _lezen(kwargs=_pk("api_doorverwijzing"), methode="post"),
    "api:notities": _lezen(kwargs=_persoon()),
    "api:toestemmingen": _lezen(kwargs=_persoon()),
    "api:toestemming_intrekken": _begeleiden(kwargs=_pk("api_toestemming"), methode="post"),
    "api:casusoverleggen": _lezen(kwargs=_persoon()),
    "api:vrijlating": _lezen(kwargs=_persoon("api_voorbereiding")),
    "api:checklistpunt": _begeleiden(kwargs=_pk("api_checklistpunt"), methode="patch"),
    "api:taken": Route(mag="alice", geen_recht="dirk", api=True),
    "api:taak_afhandelen": _lezen(kwargs=_pk("api_taak"), methode="post"),
}
