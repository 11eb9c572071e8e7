"""The demo offer (aanbod.demo): catalogue, availability, rooms, planning, cancellations.

Loaded through ``manage.py demo_data`` at a small scale: every prison still gets its
rooms and at least three group activities; the strike and the gaps in the availability
are there at every scale.
"""

import datetime
import itertools
from collections import defaultdict
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from aanbod.demo.aanbodlijst import CATALOGUS
from aanbod.demo.beschikbaarheid import beschikbaarheden
from aanbod.demo.planning import (
    LOKALEN,
    aantal_activiteiten,
    activiteiten_plannen,
    lokalen_van,
)
from aanbod.models import (
    Aanbod,
    AanbodInGevangenis,
    Activiteit,
    Lokaal,
    Sessie,
    Slot,
    Sluitingsdag,
)
from hdv.demo import GEVANGENISSEN
from hdv.models import Auditrecord, Gevangenis
from tests.rapportage.gedeelde_demo import demo_in_transactie

SCHAAL = "0.05"


@pytest.fixture(scope="module")
def _demo_geladen(django_db_setup, django_db_blocker):
    with demo_in_transactie(django_db_blocker, SCHAAL):
        yield timezone.localdate()


@pytest.fixture
def demo(_demo_geladen, db):
    """Today, in a database with the demo at a twentieth of its scale."""
    return _demo_geladen


def _gegevens(code):
    return next(gegevens for gegevens in GEVANGENISSEN if gegevens.code == code)


def test_it_gives_every_prison_rooms_and_activities_with_past_and_future_sessions(demo):
    vandaag = demo
    for gevangenis in Gevangenis.objects.all():
        assert 5 <= Lokaal.objects.filter(gevangenis=gevangenis).count() <= 12, gevangenis
        activiteiten = Activiteit.objects.filter(gevangenis=gevangenis)
        assert activiteiten.count() >= 3, gevangenis
        sessies = Sessie.objects.filter(activiteit__gevangenis=gevangenis)
        assert sessies.filter(datum__lt=vandaag).exists(), gevangenis
        assert sessies.filter(datum__gt=vandaag).exists(), gevangenis
    assert Lokaal.objects.filter(gevangenis__code="HAR").count() == 12
    assert Lokaal.objects.filter(gevangenis__code="TH-MEC").count() == 5


def test_the_activities_run_on_weekdays_in_office_hours(demo):
    vandaag = demo
    for activiteit in Activiteit.objects.select_related("lokaal", "aanbod"):
        assert activiteit.aanbod.vorm == Aanbod.Vorm.GROEP
        assert activiteit.capaciteit <= activiteit.lokaal.capaciteit
        assert vandaag - datetime.timedelta(weeks=10) <= activiteit.startdatum < vandaag
        assert vandaag + datetime.timedelta(weeks=4) <= activiteit.einddatum
        assert activiteit.einddatum <= vandaag + datetime.timedelta(weeks=20)
        assert 1 <= activiteit.slots.count() <= 3
    for slot in Slot.objects.all():
        assert slot.weekdag < 5
        assert datetime.time(8) <= slot.begintijd < slot.eindtijd <= datetime.time(17)
    for dag in Sluitingsdag.objects.all():
        assert not Sessie.objects.filter(
            activiteit__gevangenis=dag.gevangenis_id, datum=dag.datum
        ).exists(), dag


def test_no_room_and_no_facilitator_is_booked_twice(demo):
    geboekt = defaultdict(list)
    for sessie in Sessie.objects.niet_geannuleerd().prefetch_related("activiteit__begeleiders"):
        sleutels = [("lokaal", sessie.lokaal_id)]
        sleutels += [("begeleider", b.pk) for b in sessie.activiteit.begeleiders.all()]
        for sleutel in sleutels:
            geboekt[(sleutel, sessie.datum)].append((sessie.begintijd, sessie.eindtijd))
    for momenten in geboekt.values():
        momenten.sort()
        for (_, einde), (begin, _) in itertools.pairwise(momenten):
            assert einde <= begin


def test_antwerpen_had_a_strike_day_with_every_session_cancelled(demo):
    vandaag = demo
    for code in ("ANT", "GEN", "HAR"):
        sessies = Sessie.objects.filter(activiteit__gevangenis__code=code)
        dagen = set(
            sessies.filter(annuleringsreden__code="staking").values_list("datum", flat=True)
        )
        assert len(dagen) == 1, code
        (dag,) = dagen
        assert dag < vandaag
        assert dag.weekday() < 5
        op_die_dag = sessies.filter(datum=dag)
        assert op_die_dag.exists()
        assert not op_die_dag.exclude(annuleringsreden__code="staking").exists()
        # Cancelled together: one action, undone as one.
        assert op_die_dag.values("annulering_groep").distinct().count() == 1
    assert (
        Sessie.objects.filter(annuleringsreden__code="staking")
        .values("activiteit__gevangenis")
        .distinct()
        .count()
        == 3
    )


def test_some_single_sessions_are_cancelled_for_other_reasons(demo):
    los = Sessie.objects.filter(annuleringsreden__isnull=False).exclude(
        annuleringsreden__code="staking"
    )
    codes = set(los.values_list("annuleringsreden__code", flat=True))
    assert {"begeleider-afwezig", "lokaal-onbeschikbaar", "andere"} <= codes
    assert "" not in set(
        los.filter(annuleringsreden__code="andere").values_list("annulering_toelichting", flat=True)
    )
    assert not los.filter(annulering_groep__isnull=False).exists()


def test_the_availability_has_gaps_and_the_fpcs_lean_to_mental_health(demo):
    gevangenissen = Gevangenis.objects.count()
    per_aanbod = defaultdict(set)
    for aanbod_id, gevangenis_id in AanbodInGevangenis.objects.values_list(
        "aanbod_id", "gevangenis_id"
    ):
        per_aanbod[aanbod_id].add(gevangenis_id)
    assert any(len(gevangenissen_) < gevangenissen for gevangenissen_ in per_aanbod.values())

    def aandeel_ggz(soort):
        beschikbaar = AanbodInGevangenis.objects.filter(gevangenis__soort=soort)
        ggz = beschikbaar.filter(aanbod__levensdomein="geestelijke_gezondheid").count()
        return ggz / beschikbaar.count()

    assert aandeel_ggz(Gevangenis.Soort.FPC) > aandeel_ggz(Gevangenis.Soort.GEVANGENIS)


def test_the_catalogue_speaks_three_languages_and_names_its_providers(demo):
    titels = set(Aanbod.objects.values_list("titel_nl", flat=True))
    assert 30 <= len(titels) <= 45
    assert titels == {aanbod.titel_nl for aanbod in CATALOGUS}
    vertaald = Aanbod.objects.exclude(titel_fr="").exclude(titel_en="").exclude(beschrijving_fr="")
    assert vertaald.count() > Aanbod.objects.count() / 2
    # CAW works per region: Gent gets the trajectbegeleiding of CAW Oost-Vlaanderen.
    gent = AanbodInGevangenis.objects.get(
        gevangenis__code="GEN", aanbod__titel_nl="Trajectbegeleiding"
    )
    assert gent.aanbod.organisatie.afkorting == "CAW-OVL"
    assert (
        Aanbod.objects.get(titel_nl="Daderhulp zedendelicten")
        .doelgroepen.filter(code="zedendaders")
        .exists()
    )


def test_the_demo_accounts_have_their_planning(demo):
    # The hulpverlener (VDAB) facilitates VDAB groups in their own prisons.
    van_hulpverlener = Activiteit.objects.filter(begeleiders__user__username="hulpverlener")
    assert van_hulpverlener.exists()
    assert set(van_hulpverlener.values_list("aanbod__organisatie__afkorting", flat=True)) == {
        "VDAB"
    }
    assert set(van_hulpverlener.values_list("gevangenis__code", flat=True)) <= {"ANT", "MER", "WOR"}
    # Antwerpen, the organisatieondersteuner's prison, has a room for every kind of use.
    assert Lokaal.objects.filter(gevangenis__code="ANT").count() == len(LOKALEN)


def test_a_second_run_adds_nothing(demo):
    def tellingen():
        return {
            model.__name__: model.objects.count()
            for model in (Aanbod, AanbodInGevangenis, Lokaal, Sluitingsdag, Activiteit, Sessie)
        } | {
            "geannuleerd": Sessie.objects.filter(annuleringsreden__isnull=False).count(),
            "audit": Auditrecord.objects.count(),
        }

    voor = tellingen()

    call_command("demo_data", "--schaal", SCHAAL, stdout=StringIO())

    assert tellingen() == voor


def test_a_larger_scale_adds_activities_and_keeps_the_strike_whole(demo):
    eerst = set(Activiteit.objects.values_list("gevangenis__code", "aanbod__titel_nl", "naam"))

    call_command("demo_data", "--schaal", "0.1", stdout=StringIO())

    daarna = set(Activiteit.objects.values_list("gevangenis__code", "aanbod__titel_nl", "naam"))
    assert eerst < daarna
    stakingsdag = (
        Sessie.objects.filter(activiteit__gevangenis__code="ANT", annuleringsreden__code="staking")
        .values_list("datum", flat=True)
        .first()
    )
    assert not Sessie.objects.filter(
        activiteit__gevangenis__code="ANT", datum=stakingsdag, annuleringsreden__isnull=True
    ).exists()


# The plan itself is pure: no database needed.


def test_the_plan_of_a_prison_is_deterministic_and_sized_by_capacity():
    vandaag = datetime.date(2026, 3, 9)
    for code, verwacht in (("ANT", 60), ("BRG", 60), ("HAR", 60), ("TH-MEC", 21)):
        gegevens = _gegevens(code)
        assert aantal_activiteiten(gegevens) == verwacht
        aanbod = [
            (b.aanbod, b.aanbod.aanbieder_in(code))
            for b in beschikbaarheden(gegevens, vandaag)
            if b.aanbod.vorm == Aanbod.Vorm.GROEP
        ]
        plan = activiteiten_plannen(gegevens, aanbod, vandaag)
        assert plan == activiteiten_plannen(gegevens, aanbod, vandaag)
        assert len(plan) == verwacht, code
        namen = {lokaal.naam for lokaal in lokalen_van(gegevens)}
        assert {gepland.lokaal.naam for gepland in plan} <= namen
    assert [len(lokalen_van(g)) for g in GEVANGENISSEN if g.code in ("HAR", "IEP")] == [12, 5]
