"""The demo's people have a legal status, languages and release dates."""

import pytest

from tests.rapportage.gedeelde_demo import demo_in_transactie
from trajecten.models import Gedetineerde, Statuutwijziging


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with demo_in_transactie(django_db_blocker, "0.1") as uitvoer:
        yield uitvoer


@pytest.fixture
def db_demo(demo, db):
    return demo


def test_every_person_has_a_status_with_its_history(db_demo):
    assert not Gedetineerde.objects.filter(statuut="").exists()
    assert Statuutwijziging.objects.count() == Gedetineerde.objects.count()
    statuten = set(Gedetineerde.objects.values_list("statuut", flat=True))
    assert statuten == {"beklaagde", "veroordeelde", "geinterneerde"}


def test_the_sentenced_have_release_dates_and_people_speak_languages(db_demo):
    veroordeeld = Gedetineerde.objects.filter(statuut="veroordeelde")
    assert not veroordeeld.filter(strafeinde__isnull=True).exists()
    assert all(p.datum_vi < p.strafeinde for p in veroordeeld[:50])
    assert not Gedetineerde.objects.filter(talen=[]).exists()
    assert Gedetineerde.objects.exclude(niveau_nederlands__in=["B2", "C1", "C2"]).exists()
