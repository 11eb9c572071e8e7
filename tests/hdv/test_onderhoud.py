"""Housekeeping: expired sessions and stale failed logins go, current ones stay."""

import datetime
import os

import pytest
from django.contrib.sessions.backends.db import SessionStore
from django.contrib.sessions.models import Session
from django.utils import timezone

from hdv.tasks import verlopen_sessies_opruimen_taak


def _sessies():
    verlopen = SessionStore()
    verlopen["x"] = 1
    verlopen.set_expiry(1)
    verlopen.create()
    Session.objects.filter(session_key=verlopen.session_key).update(
        expire_date=timezone.now() - datetime.timedelta(minutes=5)
    )
    geldig = SessionStore()
    geldig["x"] = 1
    geldig.create()
    return verlopen.session_key, geldig.session_key


@pytest.mark.django_db
def test_it_removes_only_expired_sessions():
    _, geldig = _sessies()
    resultaat = verlopen_sessies_opruimen_taak.delay().get(timeout=30)
    assert resultaat["sessies"] == 1
    assert list(Session.objects.values_list("session_key", flat=True)) == [geldig]
    assert verlopen_sessies_opruimen_taak.delay().get(timeout=30)["sessies"] == 0  # safe twice


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True)
def test_a_real_worker_runs_it_against_the_same_database():
    assert os.environ.get("CELERY_BROKER_URL"), "a worker needs a broker"
    _, geldig = _sessies()
    resultaat = verlopen_sessies_opruimen_taak.apply_async().get(timeout=60)
    assert resultaat["sessies"] == 1
    assert Session.objects.filter(session_key=geldig).exists()
