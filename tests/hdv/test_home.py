"""Each role's home page shows what needs that role's attention."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import GedetineerdeFactory

pytestmark = pytest.mark.django_db


def _home(client, user):
    client.force_login(user)
    response = client.get(reverse("home"))
    assert response.status_code == 200
    return response.text


def test_a_trajectbegeleider_sees_new_arrivals_in_their_prison(client, alice, antwerpen, gent):
    nieuw = GedetineerdeFactory(
        huidige_gevangenis=antwerpen, achternaam="Nieuwkomer", verblijf__van=timezone.localdate()
    )
    GedetineerdeFactory(
        huidige_gevangenis=antwerpen,
        achternaam="Oudgediende",
        verblijf__van=datetime.date(2024, 1, 1),
    )
    GedetineerdeFactory(
        huidige_gevangenis=gent, achternaam="Elders", verblijf__van=timezone.localdate()
    )
    tekst = _home(client, alice)
    assert "Nieuwe aankomsten" in tekst
    assert "Nieuwkomer" in tekst
    assert reverse("trajecten:dossier", args=[nieuw.pk]) in tekst
    assert "Oudgediende" not in tekst
    assert "Elders" not in tekst


def test_a_beleidscoordinator_sees_the_occupation_but_no_names(client, dirk, persoon):
    tekst = _home(client, dirk)
    assert "Bezetting" in tekst
    assert persoon.achternaam not in tekst
    assert "Personen" not in tekst  # no link to the person list in the navigation


def test_a_centrale_medewerker_sees_flemish_totals_only(client, frank, persoon, persoon_gent):
    tekst = _home(client, frank)
    assert "Vlaanderen en Brussel" in tekst
    assert "2 personen aanwezig" in tekst
    assert persoon.achternaam not in tekst


def test_a_beheerder_sees_the_admin_panel(client, eva):
    tekst = _home(client, eva)
    assert "Geblokkeerde aanmeldingen" in tekst
    assert reverse("admin:index") in tekst


def test_a_user_without_a_role_is_told_what_to_do(client, django_user_model):
    user = django_user_model.objects.create_user(
        "zonderrol", password="een-lang-testwachtwoord-2026"
    )
    tekst = _home(client, user)
    assert "vraag dat dan aan de beheerder" in tekst


def test_the_home_page_pins_its_queries(client, alice, antwerpen, django_assert_num_queries):
    for _ in range(15):
        GedetineerdeFactory(huidige_gevangenis=antwerpen, verblijf__van=timezone.localdate())
    client.force_login(alice)
    client.get(reverse("home"))
    # session, user, groups (roles), 2× permissions, prisons, arrivals (10) and their
    # count, present count; the worklist panel: the staff profile (organisation) and four
    # counts (intakes due, reviews due, inbox, open tasks); then the session save
    # (savepoint, update, release).
    with django_assert_num_queries(17):
        client.get(reverse("home"))


def test_a_recent_transfer_is_one_arrival(client, alice, antwerpen, gent):
    from trajecten.services import gedetineerde_overplaatsen

    persoon = GedetineerdeFactory(
        huidige_gevangenis=gent, achternaam="Overgeplaatst", verblijf__van=timezone.localdate()
    )
    gedetineerde_overplaatsen(
        gedetineerde=persoon, naar=antwerpen, datum=timezone.localdate(), door=None
    )
    tekst = _home(client, alice)
    assert tekst.count("Overgeplaatst") == 1
    assert "1 nieuwe aankomst in Antwerpen" in tekst
