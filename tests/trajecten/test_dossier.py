"""The person's details in HTML and API: legal status, languages, and the flags only for who may."""

import datetime

import pytest
from django.urls import reverse

from aanbod.models import Doelgroep
from trajecten.services import doelgroepvlag_zetten, gedetineerde_bijwerken, statuut_wijzigen

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def gevlagd(persoon):
    doelgroep, _ = Doelgroep.objects.get_or_create(
        code="veelplegers", defaults={"naam": "Veelplegers"}
    )
    doelgroepvlag_zetten(
        gedetineerde=persoon, doelgroep=doelgroep, bron="onthaal", sinds=D(2026, 1, 10), door=None
    )
    statuut_wijzigen(
        gedetineerde=persoon,
        statuut="beklaagde",
        sinds=D(2026, 1, 5),
        bron="bevolkingsfeed",
        door=None,
    )
    gedetineerde_bijwerken(
        gedetineerde=persoon, talen=["nl", "ar"], strafeinde=D(2029, 1, 1), door=None
    )
    return persoon


def test_the_file_shows_status_languages_and_release_dates(client, alice, gevlagd):
    client.force_login(alice)
    html = client.get(reverse("trajecten:dossier", args=[gevlagd.pk])).content.decode()
    assert "beklaagde" in html
    assert "Nederlands, Arabisch" in html
    assert "01/01/2029" in html


def test_a_case_worker_sees_the_target_groups(client, alice, gevlagd):
    client.force_login(alice)
    html = client.get(reverse("trajecten:dossier", args=[gevlagd.pk])).content.decode()
    assert "Veelplegers" in html


def test_a_provider_does_not_get_the_target_groups_at_all(client, bob, gevlagd):
    client.force_login(bob)
    html = client.get(reverse("trajecten:dossier", args=[gevlagd.pk])).content.decode()
    assert "Veelplegers" not in html
    assert "Doelgroepen" not in html


def test_the_api_gives_the_flags_only_with_the_permission(client, alice, bob, gevlagd):
    url = reverse("api:gedetineerde", args=[gevlagd.pk])
    client.force_login(alice)
    data = client.get(url).json()
    assert data["doelgroepen"] == [
        {"doelgroep": "veelplegers", "bron": "onthaal", "sinds": "2026-01-10"}
    ]
    assert data["statuut"] == "beklaagde"
    assert data["statuutwijzigingen"] == [
        {"statuut": "beklaagde", "sinds": "2026-01-05", "bron": "bevolkingsfeed"}
    ]
    assert data["talen"] == ["nl", "ar"]
    client.force_login(bob)
    data = client.get(url).json()
    assert "doelgroepen" not in data
    assert data["statuut"] == "beklaagde"


def test_the_api_detail_pins_its_queries(client, alice, gevlagd, django_assert_num_queries):
    url = reverse("api:gedetineerde", args=[gevlagd.pk])
    client.force_login(alice)
    client.get(url)
    # session, user, 2× permissions, prisons, person, stays+prisons (2), status history,
    # flags with target group, audit record, session save (3)
    with django_assert_num_queries(14):
        assert client.get(url).status_code == 200
