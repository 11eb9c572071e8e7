"""The API of people: same scope and audit as the HTML."""

import pytest
from django.urls import reverse

from tests.factories import GedetineerdeFactory

pytestmark = pytest.mark.django_db


def test_it_lists_only_people_of_ones_own_prisons(client, alice, persoon, persoon_gent):
    client.force_login(alice)
    data = client.get(reverse("api:gedetineerden")).json()
    assert [p["id"] for p in data["results"]] == [persoon.pk]
    assert data["results"][0]["gevangenis"] == "ANT"


def test_a_filter_on_another_prison_gives_nothing(client, alice, persoon_gent):
    client.force_login(alice)
    data = client.get(reverse("api:gedetineerden"), {"gevangenis": "GEN"}).json()
    assert data["count"] == 0


def test_the_list_pins_its_queries(client, alice, antwerpen, django_assert_num_queries):
    GedetineerdeFactory.create_batch(20, huidige_gevangenis=antwerpen)
    client.force_login(alice)
    client.get(reverse("api:gedetineerden"))
    # session, user, 2× permissions, prisons, count, page with prison joined, session save (3)
    with django_assert_num_queries(10):
        data = client.get(reverse("api:gedetineerden")).json()
    assert data["count"] == 20


def test_the_detail_shows_the_stays(client, alice, persoon):
    client.force_login(alice)
    data = client.get(reverse("api:gedetineerde", args=[persoon.pk])).json()
    assert data["detineenummer"] == persoon.detineenummer
    assert data["verblijven"][0]["gevangenis"] == "ANT"


def test_me_tells_roles_prisons_and_permissions(client, alice):
    client.force_login(alice)
    data = client.get(reverse("api:mij")).json()
    assert data["rollen"] == ["trajectbegeleider"]
    assert [g["code"] for g in data["gevangenissen"]] == ["ANT"]
    assert "trajecten.view_gedetineerde" in data["permissies"]


def test_the_schema_is_valid_openapi(client, alice):
    client.force_login(alice)
    response = client.get(reverse("api:schema"), {"format": "json"})
    assert response.status_code == 200
    schema = response.json()
    assert schema["openapi"].startswith("3.")
    assert "/api/v1/gedetineerden/" in schema["paths"]


def test_bad_paging_input_is_not_a_500(client, alice, persoon):
    client.force_login(alice)
    assert client.get(reverse("api:gedetineerden"), {"page": "abc"}).status_code == 404
    assert client.get(reverse("api:gedetineerden"), {"page_size": "-3"}).status_code == 200


def test_the_schema_builds_without_warnings(tmp_path):
    from django.core.management import call_command

    call_command("spectacular", "--fail-on-warn", "--file", str(tmp_path / "schema.yml"))
    assert "/api/v1/gedetineerden/{id}/" in (tmp_path / "schema.yml").read_text()
