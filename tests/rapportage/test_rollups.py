"""The rollup job: which pairs it recomputes, that a rerun writes nothing, future periods.

The facts are written "two hours ago" (the demo's clock), so that the audit records of
the setup lie before the first run and its look-back; a change made after that run is
the only thing the incremental run sees.
"""

import datetime
from dataclasses import replace

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.utils import timezone

from rapportage import herberekening, rollups
from rapportage.indicatoren import REGISTER
from rapportage.indicatoren.basis import Periode
from rapportage.models import Berekening, Indicatorwaarde
from rapportage.rollups import BerekeningBezig, indicatoren_berekenen, laatste_berekening
from tests.rapportage import feiten
from trajecten.demo.klok import klok
from trajecten.services import gedetineerde_opnemen

VOLLEDIG = Berekening.Aanleiding.VOLLEDIG


def _rijen():
    return list(
        Indicatorwaarde.objects.order_by("pk").values_list(
            "pk",
            "indicator",
            "gevangenis_id",
            "periodesoort",
            "begin",
            "uitsplitsing",
            "sleutel",
            "teller",
            "noemer",
            "waarde",
            "berekend_op",
        )
    )


@pytest.fixture
def vandaag():
    return timezone.localdate()


@pytest.fixture
def feitjes(antwerpen, gent, vandaag):
    """A few people in both prisons since last year, written two hours ago."""
    with klok(timezone.now() - datetime.timedelta(hours=2)):
        for gevangenis in (antwerpen, gent):
            gedetineerde_opnemen(
                detineenummer=f"R{gevangenis.code}1",
                voornaam="Test",
                achternaam=gevangenis.code,
                geboortedatum=datetime.date(1990, 1, 1),
                geslacht="M",
                gevangenis=gevangenis,
                van=vandaag - datetime.timedelta(days=400),
                door=None,
            )
        feiten.gedetineerde(antwerpen, vandaag - datetime.timedelta(days=40))


def test_a_full_run_computes_every_indicator_from_the_first_stay(feitjes, antwerpen, gent, vandaag):
    berekening = indicatoren_berekenen(aanleiding=VOLLEDIG, volledig=True)

    assert berekening.klaar is not None
    assert berekening.fout == ""
    assert berekening.aantal_waarden == Indicatorwaarde.objects.count() > 0
    assert set(Indicatorwaarde.objects.values_list("indicator", flat=True)) == set(REGISTER)
    eerste = vandaag - datetime.timedelta(days=400)
    jaren = Indicatorwaarde.objects.filter(indicator="bereik", periodesoort="jaar", uitsplitsing="")
    assert sorted(set(jaren.values_list("begin", flat=True))) == [
        datetime.date(jaar, 1, 1) for jaar in range(eerste.year, vandaag.year + 1)
    ]
    # Each prison and Flanders (gevangenis empty), never a future period.
    assert set(jaren.values_list("gevangenis_id", flat=True)) == {antwerpen.pk, gent.pk, None}
    assert not Indicatorwaarde.objects.filter(begin__gt=vandaag).exists()
    dagen = Indicatorwaarde.objects.filter(
        indicator="bereik", periodesoort="dag", gevangenis=None, uitsplitsing=""
    )
    assert dagen.count() == herberekening.DAGEN_TERUG
    assert not Indicatorwaarde.objects.filter(indicator="uitval", periodesoort="dag").exists()


def test_flanders_counts_each_person_once(feitjes, antwerpen, gent, vandaag):
    indicatoren_berekenen(aanleiding=VOLLEDIG, volledig=True)

    maand = Indicatorwaarde.objects.filter(
        indicator="bereik", periodesoort="maand", begin=vandaag.replace(day=1), uitsplitsing=""
    )
    noemers = dict(maand.values_list("gevangenis_id", "noemer"))
    assert noemers == {antwerpen.pk: 2, gent.pk: 1, None: 3}


def test_a_second_run_writes_nothing_and_leaves_the_rows_as_they_were(feitjes):
    eerste = indicatoren_berekenen(aanleiding=VOLLEDIG, volledig=True)
    na_eerste = _rijen()

    tweede = indicatoren_berekenen(aanleiding=VOLLEDIG, volledig=True)

    assert _rijen() == na_eerste
    assert tweede.aantal_perioden == eerste.aantal_perioden
    assert tweede.aantal_waarden == 0


def test_an_incremental_run_without_changes_recomputes_nothing(feitjes):
    indicatoren_berekenen(aanleiding=VOLLEDIG, volledig=True)
    na_eerste = _rijen()

    tweede = indicatoren_berekenen(aanleiding=Berekening.Aanleiding.NACHTELIJK)

    assert (tweede.aantal_perioden, tweede.aantal_waarden) == (0, 0)
    assert _rijen() == na_eerste
    assert laatste_berekening() == tweede


def test_an_incremental_run_recomputes_only_the_changed_prison(feitjes, antwerpen, gent, vandaag):
    indicatoren_berekenen(aanleiding=VOLLEDIG, volledig=True)
    antwerpen_voor = _rijen_van(antwerpen)
    gedetineerde_opnemen(
        detineenummer="RNIEUW",
        voornaam="Nieuw",
        achternaam="Persoon",
        geboortedatum=datetime.date(1990, 1, 1),
        geslacht="M",
        gevangenis=gent,
        van=vandaag,
        door=None,
    )

    plan = herberekening.incrementeel_plan(laatste_berekening().gegevens_tot, vandaag)
    berekening = indicatoren_berekenen(aanleiding=Berekening.Aanleiding.NACHTELIJK)

    assert set().union(*plan.perioden.values()) == {gent.pk}
    maanden = [p.begin for p in plan.perioden if p.soort == "maand"]
    assert min(maanden) == herberekening.venster_begin(vandaag)
    assert len(maanden) == herberekening.MAANDEN_TERUG
    assert berekening.aantal_waarden > 0
    assert _rijen_van(antwerpen) == antwerpen_voor
    vandaag_gent = Indicatorwaarde.objects.get(
        indicator="bereik", gevangenis=gent, periodesoort="dag", begin=vandaag, uitsplitsing=""
    )
    assert vandaag_gent.noemer == 2
    assert vandaag_gent.berekend_op == berekening.gegevens_tot


def _rijen_van(gevangenis):
    return [rij for rij in _rijen() if rij[2] == gevangenis.pk]


def test_a_new_day_recomputes_the_recent_periods_of_every_prison(feitjes, antwerpen, gent, vandaag):
    gisteren = timezone.now() - datetime.timedelta(days=1)

    plan = herberekening.incrementeel_plan(gisteren, vandaag)

    assert set().union(*plan.perioden.values()) == {antwerpen.pk, gent.pk}
    dagen = sorted(p.begin for p in plan.perioden if p.soort == "dag")
    assert dagen[-1] == vandaag
    assert Periode.van("jaar", vandaag) in plan.perioden
    assert all(p.begin <= vandaag for p in plan.perioden)


def test_a_new_day_reaches_back_as_far_as_the_longest_deadline(feitjes, settings, vandaag):
    """A transfer's 30 days of continuity pass without any write, as do the intake and
    referral norms: the month where such a deadline started is recomputed too."""
    settings.HDV_ONTHAAL_NORM_DAGEN = 14
    settings.HDV_DOORVERWIJZING_NORM_DAGEN = 10
    assert herberekening.termijn_dagen() == 30
    settings.HDV_DOORVERWIJZING_NORM_DAGEN = 45
    assert herberekening.termijn_dagen() == 45

    gisteren = timezone.now() - datetime.timedelta(days=1)
    plan = herberekening.incrementeel_plan(gisteren, vandaag)

    verste = vandaag - datetime.timedelta(days=1 + 45 + 1)
    assert Periode.van("maand", verste) in plan.perioden


def test_a_change_to_the_catalogue_recomputes_every_prison(feitjes, antwerpen, gent, vandaag):
    from aanbod.services.catalogus import aanbod_opslaan

    indicatoren_berekenen(aanleiding=VOLLEDIG, volledig=True)
    aanbod = feiten.aanbod(feiten.organisatie("CVO"))
    aanbod_opslaan(
        aanbod=aanbod,
        titel_nl="Nieuwe titel",
        beschrijving_nl=aanbod.beschrijving_nl,
        levensdomein="werk",
        organisatie=aanbod.organisatie,
        vorm=aanbod.vorm,
        rapportagecategorie=aanbod.rapportagecategorie,
        door=None,
    )

    plan = herberekening.incrementeel_plan(laatste_berekening().gegevens_tot, vandaag)

    assert set().union(*plan.perioden.values()) == {antwerpen.pk, gent.pk}


def test_a_future_period_is_refused_with_a_clear_message(vandaag, antwerpen):
    volgende_maand = Periode.van("maand", vandaag).volgende()

    with pytest.raises(ValidationError) as fout:
        rollups.waarden_berekenen(
            indicator=REGISTER["bereik"], periode=volgende_maand, gevangenis=antwerpen
        )

    assert "toekomst" in fout.value.message_dict["periode"][0]
    with pytest.raises(ValidationError):
        indicatoren_berekenen(aanleiding=VOLLEDIG, vanaf=vandaag + datetime.timedelta(days=1))
    assert not Berekening.objects.exists()


def test_the_running_period_can_be_computed(feitjes, vandaag, antwerpen):
    cellen = rollups.waarden_berekenen(
        indicator=REGISTER["bereik"], periode=Periode.van("maand", vandaag), gevangenis=antwerpen
    )

    assert cellen[0].noemer == 2


def test_a_run_from_a_date_recomputes_from_there(feitjes, vandaag):
    vanaf = vandaag - datetime.timedelta(days=10)

    indicatoren_berekenen(aanleiding=VOLLEDIG, vanaf=vanaf)

    eerste_maand = Indicatorwaarde.objects.filter(periodesoort="maand").order_by("begin").first()
    assert eerste_maand.begin == vanaf.replace(day=1)


def test_two_runs_never_overlap(feitjes):
    cache.add(rollups.SLOT, "1")
    try:
        with pytest.raises(BerekeningBezig):
            indicatoren_berekenen(aanleiding=VOLLEDIG, volledig=True)
    finally:
        cache.delete(rollups.SLOT)
    Berekening.objects.create(
        aanleiding=VOLLEDIG, gestart=timezone.now(), gegevens_tot=timezone.now()
    )

    with pytest.raises(BerekeningBezig):
        indicatoren_berekenen(aanleiding=VOLLEDIG, volledig=True)

    assert cache.add(rollups.SLOT, "1")  # released after the refusal
    cache.delete(rollups.SLOT)


def test_a_failure_is_recorded_and_the_next_run_starts_from_the_last_success(feitjes, monkeypatch):
    goed = indicatoren_berekenen(aanleiding=VOLLEDIG, volledig=True)

    def stuk(*args):
        raise RuntimeError("kapot")

    monkeypatch.setitem(REGISTER, "bereik", replace(REGISTER["bereik"], bereken_alle=stuk))
    with pytest.raises(RuntimeError):
        indicatoren_berekenen(aanleiding=VOLLEDIG, volledig=True)

    mislukt = Berekening.objects.latest()
    assert mislukt.fout == "RuntimeError: kapot"
    assert mislukt.klaar is not None
    assert laatste_berekening() == goed
