"""A provider's view of its own enrolments across its prisons; the way to the waiting lists
of all of Flanders in the main menu."""

import pytest
from django.urls import reverse
from django.utils import timezone

from deelname.models import Bron, Status, Stopreden
from deelname.services.inschrijvingen import inschrijving_aanvragen, inschrijving_stopzetten
from tests.factories import GedetineerdeFactory

pytestmark = pytest.mark.django_db


def _inschrijven(door, aantal, **doel):
    gevangenis = doel["activiteit"].gevangenis if "activiteit" in doel else doel.pop("gevangenis")
    return [
        inschrijving_aanvragen(
            gedetineerde=GedetineerdeFactory(huidige_gevangenis=gevangenis),
            bron=Bron.DOORVERWIJZING,
            door=door,
            **doel,
        )
        for _ in range(aantal)
    ]


@pytest.fixture
def vdab_inschrijvingen(bob, antwerpen, scherm_individueel):
    return _inschrijven(bob, 3, aanbod=scherm_individueel.aanbod, gevangenis=antwerpen)


def test_a_provider_sees_only_its_own_offers_enrolments(
    client, bob, olga, activiteit, vdab_inschrijvingen
):
    _inschrijven(olga, 2, activiteit=activiteit)  # CVO's course, not VDAB's
    client.force_login(bob)
    response = client.get(reverse("deelname:organisatie"))
    assert response.status_code == 200
    assert set(response.context["pagina"].object_list) == set(vdab_inschrijvingen)
    assert "Trajectbegeleiding naar werk" in response.text
    assert "Nederlands tweede taal" not in response.text


def test_it_filters_by_status(client, bob, vdab_inschrijvingen):
    inschrijving_stopzetten(
        inschrijving=vdab_inschrijvingen[0],
        stopreden=Stopreden.objects.get(code="vrijlating"),
        beslist_door="systeem",
        door=bob,
    )
    client.force_login(bob)
    response = client.get(reverse("deelname:organisatie"), {"status": Status.STOPGEZET})
    assert list(response.context["pagina"].object_list) == [vdab_inschrijvingen[0]]
    assert "Vrijlating" in response.text
    response = client.get(reverse("deelname:organisatie"), {"status": "lopend"})
    assert len(response.context["pagina"].object_list) == 2
    response = client.get(reverse("deelname:organisatie"), {"status": "onzin"})
    assert response.context["status"] == ""


def test_enrolments_of_prisons_the_user_does_not_work_in_stay_out(
    client, bob, gent, vdab, vdab_inschrijvingen, vandaag
):
    from aanbod.services.catalogus import aanbod_in_gevangenis_opnemen

    aanbod = vdab_inschrijvingen[0].aanbod
    aanbod_in_gevangenis_opnemen(aanbod=aanbod, gevangenis=gent, sinds=vandaag, door=None)
    (in_gent,) = _inschrijven(None, 1, aanbod=aanbod, gevangenis=gent)
    client.force_login(bob)  # works in Antwerpen only
    response = client.get(reverse("deelname:organisatie"))
    assert in_gent not in response.context["pagina"].object_list


def test_the_list_is_paginated_with_a_fixed_number_of_queries(
    client, bob, antwerpen, scherm_individueel, settings, django_assert_num_queries
):
    settings.HDV_PAGE_SIZE = 5
    scherm_individueel.capaciteit = None
    scherm_individueel.save()
    _inschrijven(bob, 7, aanbod=scherm_individueel.aanbod, gevangenis=antwerpen)
    client.force_login(bob)
    client.get(reverse("deelname:organisatie"))
    # session, user, permissions (2), prisons, staff profile, organisation (title), count,
    # page, session save (3)
    with django_assert_num_queries(12):
        response = client.get(reverse("deelname:organisatie"))
    assert len(response.context["pagina"].object_list) == 5
    assert response.context["pagina"].paginator.count == 7


def test_the_heading_names_the_organisation(client, alice):
    client.force_login(alice)
    response = client.get(reverse("deelname:organisatie"))
    assert "Inschrijvingen van mijn organisatie · CAW Antwerpen" in response.text
    assert "CAW-ANT" not in response.text


def test_an_individual_offer_is_not_followed_by_the_word_individueel(
    client, bob, vdab_inschrijvingen
):
    client.force_login(bob)
    response = client.get(reverse("deelname:organisatie"))
    assert "Trajectbegeleiding naar werk" in response.text
    assert ">individueel<" not in response.text


def _menu(response):
    return response.text.split('aria-label="Hoofdnavigatie"', 1)[1].split("</nav>", 1)[0]


def test_the_central_level_finds_the_flanders_waiting_lists_in_the_menu(client, frank):
    client.force_login(frank)
    menu = _menu(client.get(reverse("home")))
    assert f'href="{reverse("rapportage:wachtlijsten_vlaanderen")}"' in menu
    assert "Wachtlijsten Vlaanderen" in menu
    # One source for these counts: the waiting-list indicator of the running month,
    # suppressed (a second, live table per offer would give back what it hides).
    response = client.get(reverse("rapportage:wachtlijsten_vlaanderen"))
    assert response.status_code == 302
    assert response["Location"].startswith(
        reverse("rapportage:vlaanderen_indicator", args=["wachtlijst_wachtend"])
    )
    assert f"periode={timezone.localdate():%Y-%m}" in response["Location"]


@pytest.mark.parametrize("gebruiker", ["alice", "bob", "dirk"])
def test_others_do_not_get_the_flanders_entry(client, request, gebruiker):
    client.force_login(request.getfixturevalue(gebruiker))
    menu = _menu(client.get(reverse("home")))
    assert reverse("rapportage:wachtlijsten_vlaanderen") not in menu
