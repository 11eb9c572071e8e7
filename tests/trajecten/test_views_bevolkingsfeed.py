"""The beheerder's page of the population feed and the API: upload, progress, report."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.trajecten.test_bevolkingsfeed import KOLOMMEN, _csv, _rij, aankomst
from trajecten.models import Bevolkingsimport, Gedetineerde

pytestmark = pytest.mark.django_db


def test_it_uploads_a_file_and_runs_the_import(
    client, eva, antwerpen, django_capture_on_commit_callbacks
):
    client.force_login(eva)
    bestand = SimpleUploadedFile(
        "feed.csv", _csv(aankomst(), _rij(soort="aankomst", detineenummer="F9"))
    )
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("trajecten:bevolkingsfeed"), {"bestand": bestand})
    bevolkingsimport = Bevolkingsimport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("trajecten:bevolkingsimport", args=[bevolkingsimport.pk])
    assert bevolkingsimport.door == eva
    html = client.get(response["Location"]).content.decode()
    assert "klaar" in html
    assert 'id="geweigerd"' in html
    assert "<td>3</td><td>achternaam</td>" in html
    assert "hx-trigger" not in html  # done: no more polling
    assert Gedetineerde.objects.filter(detineenummer="F0000001").exists()


def test_a_wrong_header_is_refused_on_the_form(client, eva):
    client.force_login(eva)
    bestand = SimpleUploadedFile("feed.csv", b"naam;nummer\nJan;1\n")
    response = client.post(reverse("trajecten:bevolkingsfeed"), {"bestand": bestand})
    assert response.status_code == 200
    assert "De kopregel is niet die van de bevolkingsfeed" in response.content.decode()
    assert not Bevolkingsimport.objects.exists()


def test_a_running_import_is_polled_and_htmx_gets_the_partial(client, eva):
    bezig = Bevolkingsimport.objects.create(bron="bestand", status="bezig", totaal=100, verwerkt=40)
    client.force_login(eva)
    html = client.get(reverse("trajecten:bevolkingsimport", args=[bezig.pk])).content.decode()
    assert 'hx-trigger="every 2s"' in html
    deel = client.get(
        reverse("trajecten:bevolkingsimport", args=[bezig.pk]), headers={"HX-Request": "true"}
    )
    assert deel.content.decode().lstrip().startswith('<div id="status"')
    assert 'value="40"' in deel.content.decode()
    lijst = client.get(reverse("trajecten:bevolkingsfeed")).content.decode()
    assert 'hx-trigger="every 2s"' in lijst


def test_the_list_pins_its_queries(client, eva, django_assert_num_queries):
    for _ in range(15):
        Bevolkingsimport.objects.create(bron="map", status="klaar", door=eva)
    client.force_login(eva)
    url = reverse("trajecten:bevolkingsfeed")
    client.get(url)
    # session, user, 2× permissions, prisons (switcher), count, page with user joined,
    # session save (3)
    with django_assert_num_queries(10):
        assert client.get(url).status_code == 200


def test_the_api_takes_rows_and_answers_202(
    client, eva, antwerpen, django_capture_on_commit_callbacks
):
    client.force_login(eva)
    rij = dict(zip(KOLOMMEN, aankomst().split(";"), strict=True))
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("api:bevolkingsfeed"), {"rijen": [rij]}, content_type="application/json"
        )
    assert response.status_code == 202
    detail = client.get(reverse("api:bevolkingsimport", args=[response.json()["id"]])).json()
    assert (detail["status"], detail["aanvaard"], detail["geweigerde_rijen"]) == ("klaar", 1, [])


@pytest.mark.parametrize("body", [{}, {"rijen": []}, {"rijen": "x"}])
def test_the_api_refuses_a_call_without_rows(client, eva, body):
    client.force_login(eva)
    response = client.post(reverse("api:bevolkingsfeed"), body, content_type="application/json")
    assert response.status_code == 400
    assert "rijen" in response.json()
    assert not Bevolkingsimport.objects.exists()


def test_the_api_list_pins_its_queries(client, eva, django_assert_num_queries):
    for _ in range(15):
        Bevolkingsimport.objects.create(bron="api", status="klaar")
    client.force_login(eva)
    url = reverse("api:bevolkingsfeed")
    client.get(url)
    # session, user, 2× permissions, count, page, session save (3)
    with django_assert_num_queries(9):
        assert client.get(url).json()["count"] == 15


def test_the_schema_still_builds_without_warnings(tmp_path):
    from django.core.management import call_command

    call_command("spectacular", "--fail-on-warn", "--file", str(tmp_path / "schema.yml"))
    assert "/api/v1/bevolkingsfeed/" in (tmp_path / "schema.yml").read_text()


def test_the_nav_link_is_there_only_for_who_may_import(client, eva, alice):
    url = reverse("trajecten:bevolkingsfeed")
    client.force_login(eva)
    assert f'href="{url}"' in client.get(reverse("home")).content.decode()
    client.force_login(alice)
    assert f'href="{url}"' not in client.get(reverse("home")).content.decode()
