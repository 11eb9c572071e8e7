"""The targets API: list (own prisons and Flanders), set (400 with field errors), read
and remove one; the prison and role matrix; a pinned query count."""

from decimal import Decimal

import pytest
from django.urls import reverse

from hdv.models import Auditrecord
from rapportage.models import Streefcijfer
from rapportage.services.streefcijfers import streefcijfer_zetten
from tests.factories import GevangenisFactory

pytestmark = pytest.mark.django_db

LIJST = reverse("api:streefcijfers")


@pytest.fixture(autouse=True)
def _indicatoren(proefindicatoren):
    return proefindicatoren


def _post(client, data):
    return client.post(LIJST, data, content_type="application/json")


def _detail(streefcijfer):
    return reverse("api:streefcijfer", args=[streefcijfer.pk])


@pytest.fixture
def vlaams(frank, dit_jaar):
    return streefcijfer_zetten(
        indicator="test_bereik", gevangenis=None, jaar=dit_jaar, waarde=50, door=frank
    )


@pytest.fixture
def van_gent(gent, dit_jaar):
    return streefcijfer_zetten(
        indicator="test_bereik", gevangenis=gent, jaar=dit_jaar, waarde=40, door=None
    )


def test_the_list_holds_the_own_prisons_and_flanders(
    client, dirk, streefcijfer_antwerpen, vlaams, van_gent
):
    client.force_login(dirk)
    response = client.get(LIJST)

    assert response.status_code == 200
    rijen = response.json()["results"]
    assert {r["gevangenis"] for r in rijen} == {"ANT", None}
    antwerpen = next(r for r in rijen if r["gevangenis"] == "ANT")
    assert antwerpen == {
        "id": streefcijfer_antwerpen.pk,
        "indicator": "test_bereik",
        "indicator_naam": "Bereik (test)",
        "eenheid": "percentage",
        "gevangenis": "ANT",
        "jaar": streefcijfer_antwerpen.jaar,
        "waarde": 60.0,
        "toelichting": "",
        "gezet_door": None,
        "gewijzigd": antwerpen["gewijzigd"],
    }


def test_the_list_filters(client, frank, streefcijfer_antwerpen, vlaams, van_gent, dit_jaar):
    client.force_login(frank)
    assert response_codes(client.get(LIJST, {"gevangenis": "vlaanderen"})) == [None]
    assert response_codes(client.get(LIJST, {"gevangenis": "GEN"})) == ["GEN"]
    assert response_codes(client.get(LIJST, {"jaar": dit_jaar - 1})) == []


def response_codes(response):
    return [r["gevangenis"] for r in response.json()["results"]]


def test_the_list_pins_its_queries(client, frank, dit_jaar, django_assert_num_queries):
    client.force_login(frank)
    client.get(LIJST)
    for i in range(5):
        gevangenis = GevangenisFactory(naam=f"Extra {i}", code=f"X{i}")
        streefcijfer_zetten(
            indicator="test_bereik", gevangenis=gevangenis, jaar=dit_jaar, waarde=50, door=frank
        )
    # session, user, 2× permissions, count, page with prison and setter joined, session
    # save (3)
    with django_assert_num_queries(9):
        assert len(client.get(LIJST).json()["results"]) == 5


def test_setting_a_target(client, dirk, dit_jaar):
    client.force_login(dirk)
    response = _post(
        client,
        {"indicator": "test_bereik", "gevangenis": "ANT", "jaar": dit_jaar, "waarde": "72.5"},
    )

    assert response.status_code == 200, response.json()
    assert response.json()["waarde"] == 72.5
    assert response.json()["gezet_door"] == "dirk"
    assert Auditrecord.objects.get(actie="streefcijfer gezet").door == dirk

    opnieuw = _post(
        client, {"indicator": "test_bereik", "gevangenis": "ANT", "jaar": dit_jaar, "waarde": 75}
    )
    assert opnieuw.json()["id"] == response.json()["id"]
    assert Streefcijfer.objects.get().waarde == Decimal(75)


def test_a_rate_of_120_is_a_400_on_waarde(client, dirk, dit_jaar):
    client.force_login(dirk)
    response = _post(
        client, {"indicator": "test_bereik", "gevangenis": "ANT", "jaar": dit_jaar, "waarde": 120}
    )

    assert response.status_code == 400
    assert "tussen 0 en 100" in response.json()["waarde"][0]
    assert not Streefcijfer.objects.exists()


def test_an_unknown_indicator_is_a_400_on_indicator(client, dirk, dit_jaar):
    client.force_login(dirk)
    response = _post(
        client, {"indicator": "geen_code", "gevangenis": "ANT", "jaar": dit_jaar, "waarde": 5}
    )

    assert response.status_code == 400
    assert response.json() == {"indicator": ["Onbekende indicator: geen_code."]}


def test_another_prison_is_a_400_with_a_clear_message(client, dirk, gent, dit_jaar):
    client.force_login(dirk)
    response = _post(
        client, {"indicator": "test_bereik", "gevangenis": "GEN", "jaar": dit_jaar, "waarde": 5}
    )

    assert response.status_code == 400
    assert "eigen gevangenis" in response.json()["gevangenis"][0]


def test_flanders_is_central(client, dirk, frank, dit_jaar):
    gegevens = {"indicator": "test_bereik", "gevangenis": None, "jaar": dit_jaar, "waarde": 5}
    client.force_login(dirk)
    assert _post(client, gegevens).status_code == 400
    client.force_login(frank)
    response = _post(client, gegevens)
    assert response.status_code == 200
    assert response.json()["gevangenis"] is None


@pytest.mark.parametrize(
    ("gegevens", "velden"),
    [
        ({}, {"indicator", "gevangenis", "jaar", "waarde"}),
        ({"waarde": "veel"}, {"waarde"}),
        ({"waarde": "1.234"}, {"waarde"}),
        ({"jaar": "volgend"}, {"jaar"}),
        ({"jaar": 1990}, {"jaar"}),
        ({"gevangenis": "BESTAAT-NIET"}, {"gevangenis"}),
        ({"toelichting": "x" * 301}, {"toelichting"}),
    ],
)
def test_bad_input_is_a_400_with_field_errors(client, frank, dit_jaar, antwerpen, gegevens, velden):
    client.force_login(frank)
    geldig = {"indicator": "test_bereik", "gevangenis": "ANT", "jaar": dit_jaar, "waarde": 5}
    response = _post(client, {**geldig, **gegevens} if gegevens else {})

    assert response.status_code == 400
    assert set(response.json()) == velden


def test_reading_and_removing_one(client, dirk, streefcijfer_antwerpen, vlaams):
    client.force_login(dirk)
    assert client.get(_detail(vlaams)).json()["gevangenis"] is None
    assert client.delete(_detail(vlaams)).status_code == 403

    assert client.delete(_detail(streefcijfer_antwerpen)).status_code == 204
    assert list(Streefcijfer.objects.all()) == [vlaams]
    assert Auditrecord.objects.filter(actie="streefcijfer verwijderd").exists()


def test_another_prisons_target_is_a_404(client, greet, streefcijfer_antwerpen):
    client.force_login(greet)
    assert client.get(_detail(streefcijfer_antwerpen)).status_code == 404
    assert client.delete(_detail(streefcijfer_antwerpen)).status_code == 404


def test_roles_without_the_permission_get_403(client, alice, eva, dit_jaar, streefcijfer_antwerpen):
    client.force_login(alice)
    assert client.get(LIJST).status_code == 403
    client.force_login(eva)
    assert client.get(LIJST).status_code == 200
    gegevens = {"indicator": "test_bereik", "gevangenis": "ANT", "jaar": dit_jaar, "waarde": 5}
    assert _post(client, gegevens).status_code == 403
    assert client.delete(_detail(streefcijfer_antwerpen)).status_code == 403
