"""The rollup job's doors: ``manage.py indicatoren_berekenen`` and the Celery task (eager)."""

import datetime
from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.utils import timezone

from rapportage import rollups
from rapportage.models import Berekening, Indicatorwaarde
from rapportage.tasks import indicatoren_bijwerken
from tests.rapportage import feiten


@pytest.fixture
def aanwezig(antwerpen):
    return feiten.gedetineerde(antwerpen, timezone.localdate() - datetime.timedelta(days=60))


def _berekenen(*args):
    uitvoer = StringIO()
    call_command("indicatoren_berekenen", *args, stdout=uitvoer)
    return uitvoer.getvalue()


def test_the_command_computes_everything_then_nothing(aanwezig):
    eerst = _berekenen("--volledig")
    daarna = _berekenen("--volledig")

    assert "perioden herberekend" in eerst
    assert "Niets veranderd" not in eerst
    assert "0 waarden geschreven" in daarna
    assert "Niets veranderd sinds de vorige berekening." in daarna
    assert list(Berekening.objects.values_list("aanleiding", flat=True)) == ["volledig"] * 2


def test_the_command_without_options_is_incremental(aanwezig):
    _berekenen("--volledig")

    uitvoer = _berekenen()

    # Nothing was written since (the facts here have no audit records): nothing to redo.
    assert uitvoer.startswith("Indicatoren berekend: 0 perioden herberekend, 0 waarden")
    assert Berekening.objects.latest().aanleiding == Berekening.Aanleiding.OP_VRAAG


def test_the_command_refuses_a_future_date(aanwezig):
    morgen = timezone.localdate() + datetime.timedelta(days=1)

    with pytest.raises(CommandError, match="toekomst"):
        _berekenen("--vanaf", morgen.isoformat())

    with pytest.raises(CommandError):
        _berekenen("--vanaf", "gisteren")
    assert not Berekening.objects.exists()


def test_the_task_runs_the_service_and_records_who_asked(aanwezig, dirk):
    resultaat = indicatoren_bijwerken.delay(aanleiding="op_vraag", door_id=dirk.pk, volledig=True)

    berekening = Berekening.objects.get(pk=resultaat.get())
    assert berekening.gevraagd_door == dirk
    assert berekening.aanleiding == "op_vraag"
    assert Indicatorwaarde.objects.exists()


def test_the_task_is_safe_to_run_twice(aanwezig):
    eerste = indicatoren_bijwerken.delay(volledig=True).get()
    tweede = Berekening.objects.get(pk=indicatoren_bijwerken.delay().get())

    assert Berekening.objects.get(pk=eerste).aanleiding == "nachtelijk"
    assert tweede.aantal_waarden == 0


def test_the_task_does_nothing_while_another_run_holds_the_lock(aanwezig):
    cache.add(rollups.SLOT, "1")
    try:
        assert indicatoren_bijwerken.delay().get() is None
    finally:
        cache.delete(rollups.SLOT)
    assert not Berekening.objects.exists()


def test_the_nightly_schedule_names_the_task(settings):
    from hdv.celery import app

    assert settings.CELERY_BEAT_SCHEDULE["indicatoren-bijwerken"]["task"] in app.tasks
