"""Taking part in mental-health care is for the offer's organisation and the planners;
requests left behind by a transfer are answered; Flanders-wide counts hide small numbers."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from aanbod.models import Aanbod, Rapportagecategorie
from aanbod.services.catalogus import aanbod_in_gevangenis_opnemen, aanbod_opslaan
from deelname.models import Aanvraag, Inschrijving
from deelname.services.aanvragen import aanvraag_indienen
from deelname.services.inschrijvingen import inschrijving_aanvragen
from tests.factories import OrganisatieFactory
from trajecten.services import gedetineerde_overplaatsen

pytestmark = pytest.mark.django_db


@pytest.fixture
def therapie(antwerpen):
    cgg = OrganisatieFactory(naam="CGG Antwerpen", afkorting="CGG", sector="geestelijke_gezondheid")
    aanbod = aanbod_opslaan(
        titel_nl="Individuele therapie",
        beschrijving_nl="Gesprekken met een psycholoog.",
        levensdomein="geestelijke_gezondheid",
        organisatie=cgg,
        vorm=Aanbod.Vorm.INDIVIDUEEL,
        rapportagecategorie=Rapportagecategorie.objects.get(code="cgg-behandeling"),
        door=None,
    )
    aanbod_in_gevangenis_opnemen(
        aanbod=aanbod,
        gevangenis=antwerpen,
        sinds=timezone.localdate() - datetime.timedelta(days=30),
        door=None,
    )
    return aanbod


@pytest.fixture
def in_therapie(persoon, therapie, olga):
    return inschrijving_aanvragen(
        gedetineerde=persoon, aanbod=therapie, bron="trajectbegeleider", door=olga
    )


def test_other_organisations_do_not_see_who_is_in_therapy(bob, olga, in_therapie):
    assert not Inschrijving.objects.zichtbaar_voor(bob).filter(pk=in_therapie.pk).exists()
    assert Inschrijving.objects.zichtbaar_voor(olga).filter(pk=in_therapie.pk).exists()


def test_the_file_says_there_is_a_confidential_enrolment_not_which(client, bob, in_therapie):
    client.force_login(bob)
    html = client.get(reverse("trajecten:dossier", args=[in_therapie.gedetineerde_id])).text
    assert "Individuele therapie" not in html
    assert "vertrouwelijk aanbod" in html


def test_the_offers_page_of_a_confidential_offer_is_refused_to_others(client, bob, in_therapie):
    from aanbod.models import AanbodInGevangenis

    beschikbaarheid = AanbodInGevangenis.objects.get(aanbod=in_therapie.aanbod)
    client.force_login(bob)
    response = client.get(reverse("deelname:individueel_aanbod", args=[beschikbaarheid.pk]))
    assert response.status_code == 403


def test_an_open_request_is_answered_when_the_person_leaves(persoon, therapie, olga, gent):
    aanvraag = aanvraag_indienen(gedetineerde=persoon, aanbod=therapie, bron="papier", door=olga)
    gedetineerde_overplaatsen(
        gedetineerde=persoon, naar=gent, datum=timezone.localdate(), door=None
    )
    aanvraag.refresh_from_db()
    assert aanvraag.status == Aanvraag.Status.GEWEIGERD
    assert "niet meer in deze gevangenis" in aanvraag.reden
