"""Asking for a monitoring report: a past quarter or year with computed figures, at least
one prison; the build runs after commit."""

import datetime
from unittest import mock

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from hdv.models import Auditrecord
from rapportage.indicatoren import Periode
from rapportage.models import Monitoringrapport, Periodesoort
from rapportage.rapporten.services import monitoringrapport_aanvragen
from tests.rapportage.rapport_fixtures import K1_2025, vandaag

pytestmark = pytest.mark.django_db

KWARTAAL = Periodesoort.KWARTAAL


def _aanvragen(door, **velden):
    gegevens = {"periodesoort": KWARTAAL, "begin": K1_2025, **velden}
    return monitoringrapport_aanvragen(door=door, **gegevens)


def _fout(door, **velden):
    with pytest.raises(ValidationError) as fout:
        _aanvragen(door, **velden)
    return fout.value.message_dict


def test_it_asks_for_a_past_quarter(
    frank, antwerpen, gent, rapport_rollups, django_capture_on_commit_callbacks
):
    with (
        mock.patch("rapportage.rapporten.tasks.monitoringrapport_bouwen.delay") as bouwen,
        django_capture_on_commit_callbacks(execute=True),
    ):
        rapport = _aanvragen(frank, gevangenissen=[gent, antwerpen])
    assert rapport.status == Monitoringrapport.Status.WACHTEND
    assert (rapport.begin, rapport.einde) == (K1_2025, datetime.date(2025, 3, 31))
    assert rapport.aangevraagd_door == frank
    assert not rapport.gepland
    assert set(rapport.gevangenissen.all()) == {antwerpen, gent}
    bouwen.assert_called_once_with(rapport.pk)
    audit = Auditrecord.objects.get(object_type="rapportage.Monitoringrapport")
    assert (audit.actie, audit.door) == ("aangevraagd", frank)


def test_it_builds_only_after_commit(
    frank, antwerpen, rapport_rollups, django_capture_on_commit_callbacks
):
    with mock.patch("rapportage.rapporten.tasks.monitoringrapport_bouwen.delay") as bouwen:
        with django_capture_on_commit_callbacks(execute=False) as callbacks:
            _aanvragen(frank, gevangenissen=[antwerpen])
        bouwen.assert_not_called()
    assert len(callbacks) == 1


def test_a_day_inside_the_quarter_means_that_quarter(frank, antwerpen, rapport_rollups):
    rapport = _aanvragen(frank, begin=datetime.date(2025, 2, 17), gevangenissen=[antwerpen])
    assert rapport.begin == K1_2025


def test_a_future_quarter_is_refused(frank, antwerpen, rapport_rollups):
    later = Periode.van(KWARTAAL, vandaag()).volgende()
    fouten = _fout(frank, begin=later.begin, gevangenissen=[antwerpen])
    assert "in de toekomst" in fouten["begin"][0]


def test_the_running_quarter_is_refused(frank, antwerpen, rapport_rollups):
    fouten = _fout(frank, begin=vandaag(), gevangenissen=[antwerpen])
    assert "loopt nog" in fouten["begin"][0]


def test_the_running_year_is_refused(frank, antwerpen, rapport_rollups):
    fouten = _fout(
        frank, periodesoort=Periodesoort.JAAR, begin=vandaag(), gevangenissen=[antwerpen]
    )
    assert "loopt nog" in fouten["begin"][0]


def test_a_period_without_computed_figures_is_refused(frank, antwerpen, rapport_rollups):
    fouten = _fout(frank, periodesoort=Periodesoort.JAAR, begin=K1_2025, gevangenissen=[antwerpen])
    assert fouten["begin"] == [
        "Voor 2025 zijn er geen gegevens: de kernindicatoren van die periode zijn (nog) niet "
        "berekend."
    ]


def test_a_month_is_no_report_period(frank, antwerpen, rapport_rollups):
    fouten = _fout(frank, periodesoort=Periodesoort.MAAND, gevangenissen=[antwerpen])
    assert "kwartaal of een jaar" in fouten["periodesoort"][0]


def test_no_prison_is_refused_with_the_period_errors_too(frank, rapport_rollups):
    later = Periode.van(KWARTAAL, vandaag()).volgende()
    fouten = _fout(frank, begin=later.begin, gevangenissen=[])
    assert fouten["gevangenissen"] == ["Kies minstens één gevangenis."]
    assert "begin" in fouten
    assert not Monitoringrapport.objects.exists()


def test_a_beleidscoordinator_may_not_ask(dirk, antwerpen, rapport_rollups):
    with pytest.raises(PermissionDenied):
        _aanvragen(dirk, gevangenissen=[antwerpen])


def test_a_revision_is_asked_for_and_kept(frank, antwerpen, rapport_rollups):
    with mock.patch("rapportage.rapporten.tasks.monitoringrapport_bouwen.delay"):
        gewoon = _aanvragen(frank, gevangenissen=[antwerpen])
        herzien = _aanvragen(frank, gevangenissen=[antwerpen], herziening=True)

    assert (gewoon.herziening, herzien.herziening) == (False, True)
    audit = Auditrecord.objects.filter(actie="aangevraagd").order_by("pk").last()
    assert "herziening" in audit.velden
