"""The daily job that plans sessions ahead: scheduled, idempotent, run by a real worker in CI."""

import pytest
from django.conf import settings

from aanbod.tasks import sessies_vooruit_plannen_taak


def test_it_is_scheduled_daily():
    planning = settings.CELERY_BEAT_SCHEDULE["sessies-vooruit-plannen"]
    assert planning["task"] == sessies_vooruit_plannen_taak.name
    assert planning["schedule"] == 24 * 60 * 60


@pytest.mark.django_db
def test_it_fills_the_horizon_again_and_is_safe_twice(activiteit, vandaag):
    activiteit.sessies.filter(datum__gt=vandaag).delete()
    assert sessies_vooruit_plannen_taak.delay().get(timeout=30) > 0
    aantal = activiteit.sessies.count()
    assert sessies_vooruit_plannen_taak.delay().get(timeout=30) == 0
    assert activiteit.sessies.count() == aantal


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_plans_the_sessions(activiteit, vandaag):
    activiteit.sessies.filter(datum__gt=vandaag).delete()
    assert sessies_vooruit_plannen_taak.apply_async().get(timeout=60) > 0
    assert activiteit.sessies.filter(datum__gt=vandaag).exists()
