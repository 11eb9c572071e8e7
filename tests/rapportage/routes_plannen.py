"""Fixtures and route rows of the targets, the strategic plan and the local action plans.

Who is who: dirk (beleidscoördinator, Antwerpen) sets Antwerpen's targets and keeps its
local plan; greet (beleidscoördinator, Gent) is the outsider, for whom Antwerpen's
targets and plans are a 404; frank (centrale medewerker) sets every target and keeps the
strategic plan's actions, and reads every local plan without keeping one (403 on its
writes); eva (beheerder) reads; alice (trajectbegeleider) has none of it (403).

Indicators: the register is filled by the indicator modules; these tests bring their
own four (a rate, a lower-is-better rate, a count, a number of days), so they do not
depend on which the register holds.
"""

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest
from django.utils import timezone

from hdv import rollen
from rapportage.indicatoren import REGISTER, Indicator
from rapportage.indicatoren.basis import Eenheid
from rapportage.models import Actie, StrategischeDoelstelling
from rapportage.services.strategie import lokaal_actieplan_aanmaken, lokale_actie_toevoegen
from rapportage.services.streefcijfers import streefcijfer_zetten
from rapportage.strategisch_plan import strategisch_plan_laden
from tests.conftest import _medewerker
from tests.routetabel import Route

TEST_INDICATOREN = (
    Indicator(
        code="test_bereik",
        naam="Bereik (test)",
        beschrijving="",
        teller="",
        noemer="",
        eenheid=Eenheid.PERCENTAGE,
        periode_regel="",
    ),
    Indicator(
        code="test_uitval",
        naam="Uitval (test)",
        beschrijving="",
        teller="",
        noemer="",
        eenheid=Eenheid.PERCENTAGE,
        periode_regel="",
        hoger_is_beter=False,
    ),
    Indicator(
        code="test_deelnemers",
        naam="Deelnemers (test)",
        beschrijving="",
        teller="",
        noemer="",
        eenheid=Eenheid.AANTAL,
        periode_regel="",
    ),
    Indicator(
        code="test_wachttijd",
        naam="Wachttijd (test)",
        beschrijving="",
        teller="",
        noemer="",
        eenheid=Eenheid.DAGEN,
        periode_regel="",
        hoger_is_beter=False,
    ),
)


@pytest.fixture
def proefindicatoren(monkeypatch):
    """The four test indicators in the register, for this test only."""
    for indicator in TEST_INDICATOREN:
        monkeypatch.setitem(REGISTER, indicator.code, indicator)
    return {indicator.code: indicator for indicator in TEST_INDICATOREN}


@pytest.fixture
def dit_jaar():
    return timezone.localdate().year


@pytest.fixture
def greet(gent, agentschap):
    return _medewerker("greet", agentschap, [gent], rollen.BELEIDSCOORDINATOR)


@pytest.fixture
def streefcijfer_antwerpen(proefindicatoren, antwerpen, dit_jaar):
    return streefcijfer_zetten(
        indicator="test_bereik", gevangenis=antwerpen, jaar=dit_jaar, waarde=Decimal(60), door=None
    )


@pytest.fixture
def strategisch_plan(db):
    """The plan as the data migration loads it; a browser test's flush (transactional_db)
    empties the tables for the tests after it in the same database, so load what is gone."""
    strategisch_plan_laden(StrategischeDoelstelling, Actie)


@pytest.fixture
def plan_actie(strategisch_plan):
    """An action of the strategic plan, as the data migration loaded it."""
    return Actie.objects.get(nummer="2.1.1")


@pytest.fixture
def actieplan_antwerpen(antwerpen, dit_jaar):
    return lokaal_actieplan_aanmaken(gevangenis=antwerpen, jaar=dit_jaar, door=None)


@pytest.fixture
def lokale_actie_antwerpen(actieplan_antwerpen, strategisch_plan):
    return lokale_actie_toevoegen(
        plan=actieplan_antwerpen,
        doelstelling=StrategischeDoelstelling.objects.get(nummer=2),
        titel="Extra reeks Nederlands",
        eigenaar="CVO",
        door=None,
    )


def _pk(fixture: str) -> Callable[[Any], dict[str, Any]]:
    return lambda f: {"pk": f.getfixturevalue(fixture).pk}


def _plan_van_antwerpen(f: Any) -> dict[str, Any]:
    return {"gevangenis": f.getfixturevalue("antwerpen").pk, "jaar": f.getfixturevalue("dit_jaar")}


def _bestaand_plan(f: Any) -> dict[str, Any]:
    f.getfixturevalue("actieplan_antwerpen")
    return _plan_van_antwerpen(f)


ROUTES: dict[str, Route] = {
    "rapportage:streefcijfers": Route(mag="dirk", geen_recht="alice"),
    "rapportage:streefcijfer_zetten": Route(mag="dirk", geen_recht="eva"),
    "rapportage:streefcijfer_verwijderen": Route(
        mag="dirk",
        geen_recht="eva",
        buiten_scope="greet",
        kwargs=_pk("streefcijfer_antwerpen"),
        methode="post",
        ok_status=302,
    ),
    "rapportage:strategisch_plan": Route(mag="dirk", geen_recht="alice"),
    # The plan is Flanders' own: no prison to be outside of.
    "rapportage:actie": Route(
        mag="frank", geen_recht="alice", kwargs=_pk("plan_actie"), vlaams=True
    ),
    "rapportage:actieplannen": Route(mag="dirk", geen_recht="alice"),
    "rapportage:actieplan": Route(
        mag="dirk", geen_recht="alice", buiten_scope="greet", kwargs=_plan_van_antwerpen
    ),
    "rapportage:actieplan_aanmaken": Route(
        mag="dirk",
        geen_recht="frank",
        buiten_scope="greet",
        kwargs=_plan_van_antwerpen,
        methode="post",
        ok_status=302,
    ),
    "rapportage:lokale_actie_toevoegen": Route(
        mag="dirk", geen_recht="frank", buiten_scope="greet", kwargs=_bestaand_plan
    ),
    "rapportage:lokale_actie": Route(
        mag="dirk", geen_recht="alice", buiten_scope="greet", kwargs=_pk("lokale_actie_antwerpen")
    ),
    "api:streefcijfers": Route(mag="dirk", geen_recht="alice", api=True),
    "api:streefcijfer": Route(
        mag="dirk",
        geen_recht="alice",
        buiten_scope="greet",
        api=True,
        kwargs=_pk("streefcijfer_antwerpen"),
    ),
    "api:strategisch_plan": Route(mag="dirk", geen_recht="alice", api=True),
    "api:actieplannen": Route(mag="dirk", geen_recht="alice", api=True),
    "api:actieplan": Route(
        mag="dirk",
        geen_recht="alice",
        buiten_scope="greet",
        api=True,
        kwargs=_pk("actieplan_antwerpen"),
    ),
}
