"""The demo's people and their files: every kind of record, through the services, twice."""

import datetime
import itertools
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from hdv.demo import EMAIL_DOMEIN, kern_laden
from hdv.models import Auditrecord, Medewerker, Organisatie
from tests.rapportage.gedeelde_demo import demo_in_transactie
from trajecten import workflow
from trajecten.demo import dossiers_laden, teksten
from trajecten.demo.personen import ACHTERNAMEN, VOORNAMEN_M, VOORNAMEN_V
from trajecten.models import (
    Behoefte,
    Casusoverleg,
    Checklistpunt,
    Doel,
    Doelgroepvlag,
    Doorverwijzing,
    Gedetineerde,
    HdvPlan,
    Notitie,
    Onthaal,
    Planversie,
    Stap,
    Statuutwijziging,
    Taak,
    Toestemming,
    Verblijf,
    Vrijlatingsvoorbereiding,
)
from trajecten.zichtbaarheid import inzicht

SCHAAL = "0.05"


@pytest.fixture(scope="module")
def demo(django_db_setup, django_db_blocker):
    with demo_in_transactie(django_db_blocker, SCHAAL) as uitvoer:
        # A no-op once ``demo_data`` loads the files itself; until then the test loads them.
        dossiers_laden(kern=kern_laden(), vandaag=timezone.localdate())
        yield uitvoer


@pytest.fixture
def db_demo(demo, db):
    return demo


def _tellingen() -> dict[str, int]:
    modellen = (
        Medewerker, Doelgroepvlag, Onthaal, Behoefte, HdvPlan, Doel, Stap, Planversie, Doorverwijzing,
        Toestemming, Notitie, Casusoverleg, Vrijlatingsvoorbereiding, Checklistpunt, Taak,
        Auditrecord,
    )  # fmt: skip
    tellingen = {model.__name__: model.objects.count() for model in modellen}
    tellingen["afgehandeld"] = Taak.objects.filter(afgehandeld_op__isnull=False).count()
    tellingen["ingetrokken"] = Toestemming.objects.filter(ingetrokken_op__isnull=False).count()
    return tellingen


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


def test_people_carry_target_group_flags_that_fit_their_file(db_demo):
    vlaggen = Doelgroepvlag.objects.select_related("gedetineerde", "doelgroep")
    codes = set(vlaggen.values_list("doelgroep__code", flat=True))
    assert {"anderstaligen", "verslaafden", "veelplegers"} <= codes
    assert "ouderen" not in codes  # no offer of the demo is for them
    for vlag in vlaggen:
        persoon = vlag.gedetineerde
        if vlag.doelgroep.code == "anderstaligen":
            assert "nl" not in persoon.talen
        elif vlag.doelgroep.code == "vrouwen":
            assert persoon.geslacht == Gedetineerde.Geslacht.VROUW
        elif vlag.doelgroep.code == "geinterneerden":
            assert persoon.statuut == "geinterneerde"
        assert vlag.bron
        assert vlag.sinds <= timezone.localdate()
    # Most people belong to a group or two, not to all; everyone who speaks no Dutch does.
    assert Doelgroepvlag.objects.count() < 3 * Gedetineerde.objects.count()
    zonder_nl = [p for p in Gedetineerde.objects.all() if "nl" not in p.talen]
    assert zonder_nl
    assert all(p.doelgroepvlaggen.filter(doelgroep__code="anderstaligen") for p in zonder_nl)
    assert Auditrecord.objects.filter(actie="doelgroepvlag_gezet").count() == vlaggen.count()


def test_it_adds_the_partners_outside_and_a_cgg_colleague_in_antwerpen(db_demo):
    extern = Organisatie.objects.filter(soort=Organisatie.Soort.EXTERN)
    assert {"OCMW-ANT", "JH-GEN", "TANDEM", "SVK-ANT"} <= set(
        extern.values_list("afkorting", flat=True)
    )
    assert not extern.filter(sector="").exists()
    cgg = Medewerker.objects.get(user__username="hulpverlener.cgg")
    assert cgg.organisatie.afkorting == "CGG-ANT"
    assert list(cgg.gevangenissen.values_list("code", flat=True)) == ["ANT"]
    assert list(cgg.user.groups.values_list("name", flat=True)) == ["hulpverlener"]


def test_intakes_are_done_skipped_due_and_overdue(db_demo):
    vandaag = timezone.localdate()
    assert Onthaal.objects.filter(status=Onthaal.Status.AFGEROND).exists()
    assert (
        Onthaal.objects.filter(status=Onthaal.Status.OVERGESLAGEN)
        .exclude(reden_overslaan="")
        .exists()
    )
    assert not Onthaal.objects.filter(datum__gt=vandaag).exists()
    assert set(Behoefte.objects.values_list("antwoord", flat=True)) == set(Behoefte.Antwoord)
    # Every completed intake asks about every life domain.
    afgerond = Onthaal.objects.filter(status=Onthaal.Status.AFGEROND).first()
    assert afgerond.behoeften.count() == 10
    te_doen = Verblijf.objects.filter(tot__isnull=True, onthaal__isnull=True)
    norm = vandaag - datetime.timedelta(days=14)
    assert te_doen.filter(van__gte=norm).exists(), "nog op tijd"
    assert te_doen.filter(van__lt=norm).exists(), "te laat"
    assert Onthaal.objects.count() > te_doen.count() * 3


def test_plans_have_goals_steps_statuses_and_versions(db_demo):
    assert HdvPlan.objects.exists()
    statussen = set(Doel.objects.values_list("status", flat=True))
    assert {"open", "in_uitvoering", "bereikt", "stopgezet"} <= statussen
    assert not Doel.objects.filter(status="stopgezet", stopreden="").exists()
    assert Stap.objects.filter(gedaan_op__isnull=False).exists()
    assert Stap.objects.filter(tegen__isnull=False).exists()
    assert HdvPlan.objects.filter(versie__gte=2).exists()
    assert Planversie.objects.count() >= HdvPlan.objects.count()


def test_referrals_in_every_status_to_offers_and_partners_outside(db_demo):
    assert set(Doorverwijzing.objects.values_list("status", flat=True)) == set(
        Doorverwijzing.Status
    )
    naar_aanbod = Doorverwijzing.objects.filter(aanbod__isnull=False).select_related("gedetineerde")
    assert naar_aanbod.exists()
    for doorverwijzing in naar_aanbod[:20]:
        assert doorverwijzing.aanbod.beschikbaarheden.filter(
            gevangenis=doorverwijzing.gedetineerde.huidige_gevangenis, tot__isnull=True
        ).exists()
    assert Doorverwijzing.objects.filter(
        naar_organisatie__soort=Organisatie.Soort.EXTERN, status="afgerond"
    ).exists()
    assert Doorverwijzing.objects.filter(status="geweigerd").exclude(weigerreden="").exists()
    # Answered after they were sent, some fast and some slow; every step on record.
    beantwoord = Doorverwijzing.objects.filter(beantwoord_op__isnull=False)
    tijden = {d.antwoordtijd.days for d in beantwoord}
    assert all(tijd >= 0 for tijd in tijden)
    assert min(tijden) <= 5 < 14 <= max(tijden)
    for doorverwijzing in Doorverwijzing.objects.prefetch_related("stappen")[:30]:
        stappen = list(doorverwijzing.stappen.all())
        assert stappen[-1].naar_status == doorverwijzing.status
        for vorige, stap in itertools.pairwise(stappen):
            assert workflow.doorverwijzing_mag(vorige.naar_status, stap.naar_status)


def test_consents_notes_and_case_conferences(db_demo):
    assert Toestemming.objects.filter(ingetrokken_op__isnull=True).exists()
    assert Toestemming.objects.filter(ingetrokken_op__isnull=False).exists()
    assert set(Notitie.objects.values_list("niveau", flat=True)) == set(Notitie.Niveau)
    geheim = Notitie.objects.filter(niveau="beroepsgeheim", gedeeld_met__isnull=False).first()
    assert geheim is not None
    for collega in geheim.gedeeld_met.all():
        assert collega.medewerker.organisatie_id == geheim.organisatie_id
    overleg = Casusoverleg.objects.first()
    assert overleg is not None
    assert overleg.deelnemers.count() >= 2
    assert not Notitie.objects.filter(aangemaakt__gt=timezone.now()).exists()


def test_release_preparations_and_handled_tasks(db_demo):
    assert Vrijlatingsvoorbereiding.objects.exists()
    assert Checklistpunt.objects.exclude(status="te_doen").exists()
    assert Checklistpunt.objects.filter(status="te_doen").exists()
    assert Taak.objects.filter(soort="overdracht", afgehandeld_op__isnull=False).exists()
    assert Taak.objects.filter(soort="overdracht", afgehandeld_op__isnull=True).exists()


def test_the_files_are_written_by_staff_of_the_prison_and_audited(db_demo):
    for onthaal in Onthaal.objects.select_related("gedetineerde", "door__medewerker")[:50]:
        assert onthaal.door.medewerker.gevangenissen.filter(
            pk=onthaal.gedetineerde.huidige_gevangenis_id
        ).exists()
        assert onthaal.organisatie.afkorting.startswith("CAW-")
    assert Auditrecord.objects.filter(
        actie="onthaal geregistreerd", door__isnull=False
    ).count() == (Onthaal.objects.filter(status="afgerond").count())
    # The audit record is stamped on the day of the write, not the day of the load.
    onthaal = Onthaal.objects.filter(datum__lt=timezone.localdate()).first()
    record = Auditrecord.objects.get(actie="onthaal geregistreerd", object_id=str(onthaal.pk))
    assert timezone.localdate(record.tijdstip) == onthaal.datum


def test_the_cgg_reads_plans_only_with_consent(db_demo):
    leesbaar = set()
    for plan in HdvPlan.objects.select_related("gedetineerde"):
        psycholoog = Medewerker.objects.filter(
            organisatie__afkorting__startswith="CGG-",
            gevangenissen=plan.gedetineerde.huidige_gevangenis_id,
        ).first()
        leesbaar.add(inzicht(psycholoog.user, plan.gedetineerde).plan(plan))
    assert leesbaar == {True, False}


def test_nothing_identifies_a_real_person(db_demo):
    namen = set(VOORNAMEN_M) | set(VOORNAMEN_V)
    for medewerker in (
        Medewerker.objects.select_related("user")
        .filter(user__username__contains=".")
        .exclude(user__username__in=["trajectbegeleider.gent", "hulpverlener.cgg"])
    ):
        assert medewerker.user.first_name in namen
        assert medewerker.user.last_name in ACHTERNAMEN
    assert not get_user_model().objects.exclude(email__endswith=f"@{EMAIL_DOMEIN}").exists()
    bekende_teksten = (
        set(teksten.NOTITIES_GEDEELD)
        | set(teksten.NOTITIES_ORGANISATIE)
        | set(teksten.NOTITIES_BEROEPSGEHEIM)
    )
    assert set(Notitie.objects.values_list("tekst", flat=True)) <= bekende_teksten
    assert set(Doorverwijzing.objects.values_list("motivatie", flat=True)) <= set(
        teksten.MOTIVATIES.values()
    )


def test_it_writes_nothing_the_second_time(db_demo):
    voor = _tellingen()

    call_command("demo_data", "--schaal", SCHAAL, stdout=StringIO())
    regels = dossiers_laden(kern=kern_laden(), vandaag=timezone.localdate())

    assert _tellingen() == voor
    assert all(regel.nieuw in (None, 0) for regel in regels)
