"""Targets: set and change them through the service, every bad input a clear error, each
write audited; and the reads the dashboards and the monitoring report use."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from hdv.models import Auditrecord
from rapportage.models import Streefcijfer
from rapportage.plannen_lezen import (
    gehaald,
    streefcijfer_voor,
    streefcijfers_voor_jaar,
)
from rapportage.services.streefcijfers import streefcijfer_verwijderen, streefcijfer_zetten

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _indicatoren(proefindicatoren):
    return proefindicatoren


def _zetten(door, gevangenis, waarde, indicator="test_bereik", jaar=None, **kwargs):
    return streefcijfer_zetten(
        indicator=indicator,
        gevangenis=gevangenis,
        jaar=jaar or datetime.date.today().year,
        waarde=waarde,
        door=door,
        **kwargs,
    )


def _fout(excinfo):
    return excinfo.value.message_dict


def test_it_sets_a_target_for_the_own_prison_and_audits_it(dirk, antwerpen, dit_jaar):
    streefcijfer = _zetten(dirk, antwerpen, "72.5", toelichting="Afspraak lokaal overleg")

    assert streefcijfer.waarde == Decimal("72.50")
    assert streefcijfer.gezet_door == dirk
    record = Auditrecord.objects.get(object_type="rapportage.Streefcijfer")
    assert record.actie == "streefcijfer gezet"
    assert record.door == dirk
    assert record.gevangenis == antwerpen
    assert "waarde" in record.velden


def test_setting_it_again_changes_the_same_row(dirk, antwerpen):
    eerste = _zetten(dirk, antwerpen, 60)
    tweede = _zetten(dirk, antwerpen, 65)

    assert tweede.pk == eerste.pk
    assert Streefcijfer.objects.get().waarde == Decimal(65)
    gewijzigd = Auditrecord.objects.get(actie="streefcijfer gewijzigd")
    assert gewijzigd.velden == ["waarde"]


def test_the_same_value_again_writes_nothing(dirk, antwerpen):
    _zetten(dirk, antwerpen, 60)
    _zetten(dirk, antwerpen, "60.00")

    assert Auditrecord.objects.filter(object_type="rapportage.Streefcijfer").count() == 1


def test_a_rate_of_120_is_refused_with_a_clear_message(dirk, antwerpen):
    with pytest.raises(ValidationError) as excinfo:
        _zetten(dirk, antwerpen, 120)

    bericht = _fout(excinfo)["waarde"][0]
    assert "percentage" in bericht
    assert "tussen 0 en 100" in bericht
    assert not Streefcijfer.objects.exists()
    assert not Auditrecord.objects.exists()


@pytest.mark.parametrize("waarde", [-1, "-0.5", 100.01])
def test_a_rate_outside_0_to_100_is_refused(dirk, antwerpen, waarde):
    with pytest.raises(ValidationError) as excinfo:
        _zetten(dirk, antwerpen, waarde)
    assert "waarde" in _fout(excinfo)


@pytest.mark.parametrize("waarde", [0, 100, "0.00", "99.99"])
def test_the_edges_of_a_rate_are_fine(dirk, antwerpen, waarde):
    assert _zetten(dirk, antwerpen, waarde).waarde == Decimal(str(waarde))


@pytest.mark.parametrize("indicator", ["test_deelnemers", "test_wachttijd"])
def test_a_count_or_days_can_be_above_100_but_not_negative(dirk, antwerpen, indicator):
    assert _zetten(dirk, antwerpen, 350, indicator=indicator).waarde == Decimal(350)
    with pytest.raises(ValidationError) as excinfo:
        _zetten(dirk, antwerpen, -3, indicator=indicator)
    assert "negatief" in _fout(excinfo)["waarde"][0]


@pytest.mark.parametrize(
    ("waarde", "stuk"),
    [("abc", "geen getal"), ("NaN", "geen getal"), ("Infinity", "geen getal"),
     ("12.345", "twee cijfers"), (None, "Geef een streefcijfer"), ("", "Geef een streefcijfer"),
     ("1e30", "te groot"), ("-1e30", "te groot")],
)  # fmt: skip
def test_a_value_that_is_no_number_is_refused(dirk, antwerpen, waarde, stuk):
    with pytest.raises(ValidationError) as excinfo:
        _zetten(dirk, antwerpen, waarde)
    assert stuk in _fout(excinfo)["waarde"][0]


def test_an_unknown_indicator_code_is_refused(dirk, antwerpen):
    with pytest.raises(ValidationError) as excinfo:
        _zetten(dirk, antwerpen, 50, indicator="bestaat_niet")

    assert _fout(excinfo)["indicator"] == ["Onbekende indicator: bestaat_niet."]


@pytest.mark.parametrize("jaar", [2012, 1999, 2100, "2026"])
def test_a_year_outside_the_sensible_range_is_refused(dirk, antwerpen, jaar):
    with pytest.raises(ValidationError) as excinfo:
        _zetten(dirk, antwerpen, 50, jaar=jaar)
    assert "Kies een jaar van 2013" in _fout(excinfo)["jaar"][0]


def test_another_prison_is_refused_for_a_beleidscoordinator(dirk, gent):
    with pytest.raises(ValidationError) as excinfo:
        _zetten(dirk, gent, 50)

    assert "eigen gevangenis" in _fout(excinfo)["gevangenis"][0]
    assert not Streefcijfer.objects.exists()


def test_flanders_is_for_the_central_level_only(dirk, frank):
    with pytest.raises(ValidationError) as excinfo:
        _zetten(dirk, None, 50)
    assert "heel Vlaanderen" in _fout(excinfo)["gevangenis"][0]

    vlaams = _zetten(frank, None, 50)
    assert vlaams.gevangenis is None
    assert Auditrecord.objects.get(object_type="rapportage.Streefcijfer").gevangenis is None


def test_the_central_level_sets_any_prison(frank, gent):
    assert _zetten(frank, gent, 55).gevangenis == gent


def test_an_inactive_prison_gets_no_target(frank, gent):
    gent.actief = False
    gent.save()
    with pytest.raises(ValidationError) as excinfo:
        _zetten(frank, gent, 55)
    assert "niet actief" in _fout(excinfo)["gevangenis"][0]


def test_every_bad_field_is_reported_at_once(dirk, gent):
    with pytest.raises(ValidationError) as excinfo:
        _zetten(dirk, gent, 120, jaar=1990, toelichting="x" * 301)
    assert set(_fout(excinfo)) == {"waarde", "jaar", "toelichting", "gevangenis"}


def test_flanders_has_one_target_per_indicator_and_year(frank):
    _zetten(frank, None, 50)
    _zetten(frank, None, 55)
    assert Streefcijfer.objects.filter(gevangenis__isnull=True).count() == 1


def test_removing_a_target_is_audited(dirk, antwerpen):
    streefcijfer = _zetten(dirk, antwerpen, 60)
    streefcijfer_verwijderen(streefcijfer=streefcijfer, door=dirk)

    assert not Streefcijfer.objects.exists()
    record = Auditrecord.objects.get(actie="streefcijfer verwijderd")
    assert record.gevangenis == antwerpen


def test_another_prisons_target_is_not_removed(greet, streefcijfer_antwerpen):
    with pytest.raises(ValidationError):
        streefcijfer_verwijderen(streefcijfer=streefcijfer_antwerpen, door=greet)
    assert Streefcijfer.objects.exists()


# --- reads ------------------------------------------------------------------------------


def test_streefcijfer_voor_falls_back_to_flanders_when_asked(frank, antwerpen, gent, dit_jaar):
    vlaams = _zetten(frank, None, 50)
    eigen = _zetten(frank, antwerpen, 70)

    assert streefcijfer_voor("test_bereik", antwerpen, dit_jaar) == eigen
    assert streefcijfer_voor("test_bereik", gent, dit_jaar) is None
    assert streefcijfer_voor("test_bereik", gent, dit_jaar, met_vlaanderen=True) == vlaams
    assert streefcijfer_voor("test_bereik", antwerpen, dit_jaar, met_vlaanderen=True) == eigen
    assert streefcijfer_voor("test_bereik", None, dit_jaar) == vlaams


def test_streefcijfers_voor_jaar_is_one_query(
    frank, antwerpen, gent, dit_jaar, django_assert_num_queries
):
    _zetten(frank, None, 50)
    _zetten(frank, antwerpen, 70)
    _zetten(frank, gent, 40, indicator="test_uitval")
    _zetten(frank, gent, 40, jaar=dit_jaar - 1)

    with django_assert_num_queries(1):
        doelen = streefcijfers_voor_jaar(dit_jaar, [antwerpen])

    assert set(doelen) == {("test_bereik", None), ("test_bereik", antwerpen.pk)}


def test_gehaald_follows_the_direction_of_the_indicator(proefindicatoren):
    bereik, uitval = proefindicatoren["test_bereik"], proefindicatoren["test_uitval"]
    assert gehaald(bereik, 72.5, Decimal(70)) is True
    assert gehaald(bereik, 69.9, Decimal(70)) is False
    assert gehaald(uitval, 30.0, Decimal(35)) is True
    assert gehaald(uitval, 40.0, Decimal(35)) is False
    assert gehaald(bereik, None, Decimal(70)) is None
    assert gehaald(bereik, 50.0, None) is None
