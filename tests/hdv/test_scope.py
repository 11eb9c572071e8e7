"""The prison scope and the active-prison switcher."""

import re

import pytest
from django.http import Http404
from django.urls import reverse

from hdv.scope import get_in_scope_or_404, gevangenis_ids
from tests.factories import GedetineerdeFactory
from trajecten.models import Gedetineerde, Verblijf

pytestmark = pytest.mark.django_db


def test_it_shows_only_people_of_ones_own_prisons(alice, charlie, persoon, persoon_gent):
    assert list(Gedetineerde.objects.zichtbaar_voor(alice)) == [persoon]
    assert list(Gedetineerde.objects.zichtbaar_voor(charlie)) == [persoon_gent]


def test_it_follows_the_path_to_the_prison_for_records(alice, persoon, persoon_gent):
    assert set(Verblijf.objects.zichtbaar_voor(alice)) == set(persoon.verblijven.all())


def test_it_shows_nothing_to_staff_without_prisons(frank, persoon):
    assert gevangenis_ids(frank) == frozenset()
    assert not Gedetineerde.objects.zichtbaar_voor(frank).exists()


def test_it_shows_nothing_to_anonymous_users(persoon):
    from django.contrib.auth.models import AnonymousUser

    assert not Gedetineerde.objects.zichtbaar_voor(AnonymousUser()).exists()


def test_it_answers_404_outside_the_scope(charlie, persoon):
    with pytest.raises(Http404):
        get_in_scope_or_404(Gedetineerde.objects.all(), charlie, pk=persoon.pk)


def test_it_answers_404_for_a_malformed_id(alice):
    with pytest.raises(Http404):
        get_in_scope_or_404(Gedetineerde.objects.all(), alice, pk="abc")


def test_it_lists_only_the_active_prison(client, eva, antwerpen, gent, persoon, persoon_gent):
    client.force_login(eva)
    response = client.get(reverse("trajecten:gedetineerden"))
    assert persoon.achternaam in response.text
    assert persoon_gent.achternaam not in response.text

    response = client.post(
        reverse("gevangenis_wisselen"), {"gevangenis": gent.pk, "next": "/personen/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/personen/"
    response = client.get(reverse("trajecten:gedetineerden"))
    assert persoon_gent.achternaam in response.text
    assert persoon.achternaam not in response.text


@pytest.mark.parametrize("waarde", ["999999", "abc", ""])
def test_it_refuses_an_unknown_prison_in_the_switcher(client, alice, gent, waarde):
    client.force_login(alice)
    response = client.post(reverse("gevangenis_wisselen"), {"gevangenis": waarde}, follow=True)
    assert response.status_code == 200
    assert "U kunt niet naar die gevangenis wisselen." in response.text


def test_it_refuses_a_prison_one_does_not_work_in(client, alice, gent):
    client.force_login(alice)
    response = client.post(reverse("gevangenis_wisselen"), {"gevangenis": gent.pk}, follow=True)
    assert "U kunt niet naar die gevangenis wisselen." in response.text
    assert client.session.get("hdv_actieve_gevangenis") is None


def test_it_ignores_an_unsafe_next_url(client, eva, gent):
    client.force_login(eva)
    response = client.post(
        reverse("gevangenis_wisselen"), {"gevangenis": gent.pk, "next": "https://elders.example/"}
    )
    assert response["Location"] == reverse("home")


def test_it_shows_the_switcher_only_to_staff_of_several_prisons(client, alice, eva):
    client.force_login(alice)
    assert 'id="wisselaar-gevangenis"' not in client.get(reverse("home")).text
    client.force_login(eva)
    assert 'id="wisselaar-gevangenis"' in client.get(reverse("home")).text


def test_it_moves_people_along_with_a_transfer(alice, charlie, persoon, gent):
    from trajecten.services import gedetineerde_overplaatsen

    gedetineerde_overplaatsen(
        gedetineerde=persoon, naar=gent, datum=persoon.verblijven.get().van, door=alice
    )
    assert not Gedetineerde.objects.zichtbaar_voor(alice).filter(pk=persoon.pk).exists()
    assert Gedetineerde.objects.zichtbaar_voor(charlie).filter(pk=persoon.pk).exists()


def test_the_person_list_pins_its_queries(client, alice, antwerpen, django_assert_num_queries):
    GedetineerdeFactory.create_batch(30, huidige_gevangenis=antwerpen)
    client.force_login(alice)
    client.get(reverse("trajecten:gedetineerden"))  # warm the session
    # session, user, user permissions, group permissions, the user's prisons (scope,
    # active prison and switcher at once), count, page; then the session is saved
    # (savepoint, update, release) because inactivity counts from the last request.
    with django_assert_num_queries(10):
        response = client.get(reverse("trajecten:gedetineerden"))
    assert response.status_code == 200
    assert len(re.findall(r'href="/personen/\d+/"', response.text)) == 25


def test_the_roles_command_restores_the_default_permissions(db):
    from django.contrib.auth.models import Group, Permission
    from django.core.management import call_command

    groep = Group.objects.get(name="trajectbegeleider")
    groep.permissions.remove(Permission.objects.get(codename="view_gedetineerde"))
    call_command("rollen_installeren", verbosity=0)
    assert not groep.permissions.filter(
        codename="view_gedetineerde"
    ).exists()  # the admin's change stays
    call_command("rollen_installeren", "--herstel", verbosity=0)
    assert groep.permissions.filter(codename="view_gedetineerde").exists()
