"""Rows of the route walker for the HDV-plan and the release preparation, and their fixtures.

Loaded as a plugin by the root conftest.py. alice (trajectbegeleider, CAW Antwerpen)
keeps the plan and the checklist; charlie (trajectbegeleider in Gent) gets 404 for a
person of Antwerpen. Reading the plan needs ``view_hdvplan``: dirk has none, 403.
Changing it needs ``change_hdvplan``: bob (hulpverlener) reads but may not write, 403.
The release preparation is the trajectbegeleiders' work: bob gets 403 there as well.
"""

from typing import Any

import pytest

from aanbod.models import Levensdomein
from tests.routetabel import Route
from trajecten.models import Checklistpunt, Plaats
from trajecten.services.plannen import doel_toevoegen, plan_openen, plan_vastleggen
from trajecten.services.vrijlating import vrijlating_voorbereiden


@pytest.fixture
def plan_met_doel(persoon, alice):
    """Jan's plan, kept by alice: one goal (werk, binnen) with one step."""
    plan = plan_openen(gedetineerde=persoon, door=alice)
    doel_toevoegen(
        plan=plan,
        levensdomein=Levensdomein.WERK,
        omschrijving="Een opleiding lassen volgen",
        plaats=Plaats.BINNEN,
        door=alice,
        stappen=["Inschrijven bij de VDAB-consulent"],
    )
    return plan


@pytest.fixture
def doel_in_plan(plan_met_doel):
    return plan_met_doel.doelen.get()


@pytest.fixture
def stap_in_doel(doel_in_plan):
    return doel_in_plan.stappen.get()


@pytest.fixture
def vastgelegde_versie(plan_met_doel, alice):
    return plan_vastleggen(plan=plan_met_doel, door=alice, aanleiding="Eerste gesprek")


@pytest.fixture
def voorbereiding_vrijlating(persoon, alice):
    return vrijlating_voorbereiden(gedetineerde=persoon, door=alice)


@pytest.fixture
def punt_van_checklist(voorbereiding_vrijlating):
    return voorbereiding_vrijlating.punten.get(onderwerp=Checklistpunt.Onderwerp.WONEN)


def _persoon_met_plan(f: Any) -> dict[str, Any]:
    f.getfixturevalue("plan_met_doel")
    return {"pk": f.getfixturevalue("persoon").pk}


def _persoon_met_voorbereiding(f: Any) -> dict[str, Any]:
    f.getfixturevalue("voorbereiding_vrijlating")
    return {"pk": f.getfixturevalue("persoon").pk}


def _doel(f: Any) -> dict[str, Any]:
    return {"pk": f.getfixturevalue("doel_in_plan").pk}


def _stap(f: Any) -> dict[str, Any]:
    return {"pk": f.getfixturevalue("stap_in_doel").pk}


def _versie(f: Any) -> dict[str, Any]:
    return {"pk": f.getfixturevalue("vastgelegde_versie").pk}


def _punt(f: Any) -> dict[str, Any]:
    return {"pk": f.getfixturevalue("punt_van_checklist").pk}


LEZEN = {"mag": "alice", "geen_recht": "dirk", "buiten_scope": "charlie"}
SCHRIJVEN = {"mag": "alice", "geen_recht": "bob", "buiten_scope": "charlie"}
POST = {"methode": "post", "ok_status": 302}

ROUTES: dict[str, Route] = {
    "trajecten:plan": Route(**LEZEN, kwargs=_persoon_met_plan),
    "trajecten:plan_pdf": Route(**LEZEN, kwargs=_persoon_met_plan),
    "trajecten:planversie": Route(**LEZEN, kwargs=_versie),
    "trajecten:doel_nieuw": Route(**SCHRIJVEN, kwargs=_persoon_met_plan),
    "trajecten:doel_bewerken": Route(**SCHRIJVEN, kwargs=_doel),
    "trajecten:doel_status": Route(**SCHRIJVEN, kwargs=_doel),
    "trajecten:stap_nieuw": Route(**SCHRIJVEN, kwargs=_doel),
    "trajecten:stap_afvinken": Route(**SCHRIJVEN, **POST, kwargs=_stap),
    "trajecten:plan_vastleggen": Route(**SCHRIJVEN, **POST, kwargs=_persoon_met_plan),
    "trajecten:plan_overnemen": Route(**SCHRIJVEN, **POST, kwargs=_persoon_met_plan),
    "trajecten:vrijlating": Route(**SCHRIJVEN, kwargs=_persoon_met_voorbereiding),
    "trajecten:checklistpunt": Route(**SCHRIJVEN, kwargs=_punt),
    "trajecten:overdracht_pdf": Route(**SCHRIJVEN, kwargs=_persoon_met_voorbereiding),
}
