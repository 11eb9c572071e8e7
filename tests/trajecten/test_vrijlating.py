"""Release preparation: the checklist, the daily job, freezing, sharing the handover."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from hdv.models import Auditrecord
from tests.factories import GedetineerdeFactory, OrganisatieFactory
from trajecten.models import Checklistpunt, Vrijlatingsvoorbereiding
from trajecten.services import gedetineerde_vrijlaten
from trajecten.services.notities import toestemming_geven
from trajecten.services.plannen import doel_toevoegen, plan_openen
from trajecten.services.vrijlating import (
    checklistpunt_bijwerken,
    overdracht_delen,
    vrijlating_voorbereiden,
    vrijlatingen_voorbereiden,
)

pytestmark = pytest.mark.django_db

D = datetime.date
dag = datetime.timedelta(days=1)


@pytest.fixture
def ocmw(db):
    return OrganisatieFactory(
        naam="OCMW Antwerpen", afkorting="OCMW-ANT", soort="extern", sector="welzijn"
    )


@pytest.fixture
def voorbereiding(persoon, alice):
    persoon.strafeinde = timezone.localdate() + 40 * dag
    persoon.save()
    return vrijlating_voorbereiden(gedetineerde=persoon, door=alice)


def test_preparing_opens_a_checklist_for_the_current_stay(voorbereiding, persoon):
    assert voorbereiding.verblijf == persoon.verblijven.get()
    assert voorbereiding.verwachte_datum == persoon.strafeinde
    assert voorbereiding.geopend_op == timezone.localdate()
    assert sorted(voorbereiding.punten.values_list("onderwerp", flat=True)) == sorted(
        Checklistpunt.Onderwerp.values
    )
    assert set(voorbereiding.punten.values_list("status", flat=True)) == {"te_doen"}


def test_preparing_twice_returns_the_same_checklist(voorbereiding, persoon, alice):
    opnieuw = vrijlating_voorbereiden(gedetineerde=persoon, door=alice)
    assert opnieuw == voorbereiding
    assert Vrijlatingsvoorbereiding.objects.count() == 1
    assert Checklistpunt.objects.count() == len(Checklistpunt.Onderwerp.values)
    assert Auditrecord.objects.filter(actie="vrijlating voorbereid").count() == 1


def test_someone_released_gets_no_new_checklist(persoon, alice):
    gedetineerde_vrijlaten(
        gedetineerde=persoon, datum=D(2026, 2, 1), vrijlatingssoort="strafeinde", door=None
    )
    with pytest.raises(ValidationError):
        vrijlating_voorbereiden(gedetineerde=persoon, door=alice)
    assert not Vrijlatingsvoorbereiding.objects.exists()


def test_the_daily_job_picks_whoever_enters_the_window(antwerpen, gent, settings):
    settings.HDV_VRIJLATING_VOORBEREIDING_DAGEN = 30
    vandaag = D(2026, 6, 1)

    def persoon(gevangenis=antwerpen, **data):
        return GedetineerdeFactory(huidige_gevangenis=gevangenis, **data)

    strafeinde = persoon(strafeinde=vandaag + 30 * dag)
    vi = persoon(gevangenis=gent, datum_vi=vandaag, strafeinde=vandaag + 900 * dag)
    persoon(strafeinde=vandaag + 31 * dag)  # not yet
    persoon(strafeinde=vandaag - dag)  # passed
    persoon()  # no dates
    vrij = persoon(strafeinde=vandaag + 10 * dag)
    gedetineerde_vrijlaten(
        gedetineerde=vrij, datum=D(2026, 5, 1), vrijlatingssoort="vrijspraak", door=None
    )

    assert vrijlatingen_voorbereiden(vandaag) == 2
    voorbereid = Vrijlatingsvoorbereiding.objects.order_by("gedetineerde_id")
    assert [v.gedetineerde for v in voorbereid] == [strafeinde, vi]
    assert [v.verwachte_datum for v in voorbereid] == [vandaag + 30 * dag, vandaag]
    assert {v.geopend_op for v in voorbereid} == {vandaag}
    # Safe to run twice.
    assert vrijlatingen_voorbereiden(vandaag) == 0
    assert Vrijlatingsvoorbereiding.objects.count() == 2


def test_the_daily_job_leaves_a_running_checklist_alone(voorbereiding):
    assert vrijlatingen_voorbereiden() == 0
    assert Vrijlatingsvoorbereiding.objects.get() == voorbereiding


def test_a_checklist_item_is_updated(voorbereiding, alice, ocmw):
    punt = voorbereiding.punten.get(onderwerp="inkomen")
    checklistpunt_bijwerken(
        punt=punt,
        status="bezig",
        organisatie=ocmw,
        verantwoordelijke=alice,
        toelichting=" aanvraag leefloon ",
        door=alice,
    )
    punt.refresh_from_db()
    assert (punt.status, punt.organisatie, punt.verantwoordelijke, punt.toelichting) == (
        "bezig",
        ocmw,
        alice,
        "aanvraag leefloon",
    )
    record = Auditrecord.objects.get(actie="checklistpunt bijgewerkt")
    assert record.velden == ["organisatie", "status", "toelichting", "verantwoordelijke"]

    checklistpunt_bijwerken(punt=punt, status="geregeld", door=alice, organisatie=ocmw)
    punt.refresh_from_db()
    assert (punt.status, punt.verantwoordelijke, punt.toelichting) == ("geregeld", None, "")


def test_an_unknown_status_is_refused(voorbereiding, alice):
    punt = voorbereiding.punten.first()
    with pytest.raises(ValidationError) as fout:
        checklistpunt_bijwerken(punt=punt, status="half", door=alice)
    assert "status" in fout.value.message_dict
    punt.refresh_from_db()
    assert punt.status == "te_doen"


def test_a_frozen_checklist_refuses_updates(voorbereiding, persoon, alice):
    gedetineerde_vrijlaten(
        gedetineerde=persoon, datum=D(2026, 3, 1), vrijlatingssoort="strafeinde", door=alice
    )
    punt = voorbereiding.punten.get(onderwerp="wonen")
    with pytest.raises(ValidationError) as fout:
        checklistpunt_bijwerken(punt=punt, status="geregeld", door=alice)
    assert "vrijgelaten" in fout.value.messages[0]
    punt.refresh_from_db()
    assert punt.status == "te_doen"


def test_sharing_the_handover_needs_consent_for_release(voorbereiding, persoon, alice, ocmw):
    with pytest.raises(ValidationError) as fout:
        overdracht_delen(voorbereiding=voorbereiding, organisatie=ocmw, door=alice)
    assert "toestemming" in fout.value.message_dict["organisatie"][0]
    assert not Auditrecord.objects.filter(actie__startswith="overdracht gedeeld").exists()

    toestemming_geven(gedetineerde=persoon, organisatie=ocmw, categorie="plan", door=alice)
    with pytest.raises(ValidationError):
        overdracht_delen(voorbereiding=voorbereiding, organisatie=ocmw, door=alice)

    toestemming_geven(gedetineerde=persoon, organisatie=ocmw, categorie="vrijlating", door=alice)
    inhoud = overdracht_delen(voorbereiding=voorbereiding, organisatie=ocmw, door=alice)
    assert inhoud["gevangenis"] == "Antwerpen"
    assert len(inhoud["checklist"]) == len(Checklistpunt.Onderwerp.values)
    record = Auditrecord.objects.get(actie="overdracht gedeeld met OCMW-ANT")
    assert (record.door, record.persoon_id) == (alice, persoon.pk)


def test_after_the_release_the_frozen_handover_is_shared(voorbereiding, persoon, alice, ocmw):
    plan = plan_openen(gedetineerde=persoon, door=alice)
    gedetineerde_vrijlaten(
        gedetineerde=persoon, datum=D(2026, 3, 1), vrijlatingssoort="strafeinde", door=alice
    )
    # A change after the release is not part of what was handed over.
    doel_toevoegen(
        plan=plan, levensdomein="wonen", omschrijving="Later", plaats="buiten", door=alice
    )
    toestemming_geven(gedetineerde=persoon, organisatie=ocmw, categorie="vrijlating", door=alice)
    inhoud = overdracht_delen(voorbereiding=voorbereiding, organisatie=ocmw, door=alice)
    assert inhoud["plan"]["doelen"] == []
