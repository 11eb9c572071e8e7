"""The quarterly schedule: the previous quarter's report for every prison, once."""

import datetime
from unittest import mock

import pytest
from celery.schedules import crontab
from django.conf import settings
from django.db import IntegrityError
from django.utils import timezone

from rapportage.models import Monitoringrapport, Periodesoort
from rapportage.rapporten.services import kwartaalrapport_plannen
from rapportage.rapporten.tasks import kwartaalrapport_plannen as taak
from tests.factories import GevangenisFactory
from tests.rapportage.rapport_fixtures import K1_2025

pytestmark = pytest.mark.django_db

NA_K1 = datetime.date(2025, 4, 5)


@pytest.fixture(autouse=True)
def _niet_bouwen():
    with mock.patch("rapportage.rapporten.tasks.monitoringrapport_bouwen.delay"):
        yield


def test_it_is_scheduled_on_the_fifth_of_each_quarter():
    regel = settings.CELERY_BEAT_SCHEDULE["monitoringrapport-per-kwartaal"]
    assert regel["task"] == "rapportage.kwartaalrapport_plannen"
    schema = regel["schedule"]
    assert isinstance(schema, crontab)
    assert schema.day_of_month == {5}
    assert schema.month_of_year == {1, 4, 7, 10}
    assert (schema.hour, schema.minute) == ({6}, {0})


def test_the_task_is_known_to_the_worker():
    from hdv.celery import app

    assert "rapportage.rapporten.tasks" in app.conf.imports
    assert taak.name in app.tasks


def test_it_asks_for_the_previous_quarter_for_every_active_prison(antwerpen, gent, rapport_rollups):
    GevangenisFactory(naam="Oud", code="OUD", actief=False)
    rapport = kwartaalrapport_plannen(vandaag=NA_K1)
    assert rapport is not None
    assert (rapport.periodesoort, rapport.begin) == (Periodesoort.KWARTAAL, K1_2025)
    assert rapport.gepland
    assert rapport.aangevraagd_door is None
    assert set(rapport.gevangenissen.values_list("code", flat=True)) == {"ANT", "GEN"}


def test_it_asks_once_per_quarter(antwerpen, rapport_rollups):
    assert kwartaalrapport_plannen(vandaag=NA_K1) is not None
    assert kwartaalrapport_plannen(vandaag=NA_K1) is None
    assert kwartaalrapport_plannen(vandaag=NA_K1 + datetime.timedelta(days=20)) is None
    assert Monitoringrapport.objects.count() == 1


def test_a_report_someone_asked_for_does_not_stop_the_schedule(frank, antwerpen, rapport_rollups):
    from rapportage.rapporten.services import monitoringrapport_aanvragen

    monitoringrapport_aanvragen(
        periodesoort=Periodesoort.KWARTAAL, begin=K1_2025, gevangenissen=[antwerpen], door=frank
    )
    assert kwartaalrapport_plannen(vandaag=NA_K1) is not None
    assert Monitoringrapport.objects.filter(gepland=True).count() == 1


def test_the_database_refuses_a_second_scheduled_report_of_a_quarter(antwerpen):
    velden = {
        "periodesoort": Periodesoort.KWARTAAL,
        "begin": K1_2025,
        "einde": datetime.date(2025, 3, 31),
        "gepland": True,
        "aangevraagd_op": timezone.now(),
    }
    Monitoringrapport.objects.create(**velden)
    with pytest.raises(IntegrityError):
        Monitoringrapport.objects.create(**velden)


def test_without_computed_figures_it_asks_nothing_and_says_so(antwerpen, caplog):
    assert kwartaalrapport_plannen(vandaag=NA_K1) is None
    assert not Monitoringrapport.objects.exists()
    assert "Geen gepland monitoringrapport voor K1 2025" in caplog.text


def test_the_task_runs_the_service(antwerpen, rapport_rollups):
    with mock.patch("rapportage.rapporten.services.timezone.localdate", return_value=NA_K1):
        pk = taak.delay().get()
    assert Monitoringrapport.objects.get(pk=pk).begin == K1_2025
