"""The monitoring reports over the API: ask (400 with field errors), follow, download."""

import datetime
from unittest import mock

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from rapportage.models import Monitoringrapport, Periodesoort
from tests.rapportage.rapport_fixtures import K1_2025

pytestmark = pytest.mark.django_db

LIJST = reverse("api:monitoringrapporten")


def _rapport(gevangenissen, **velden):
    rapport = Monitoringrapport.objects.create(
        periodesoort=Periodesoort.KWARTAAL,
        begin=K1_2025,
        einde=datetime.date(2025, 3, 31),
        aangevraagd_op=timezone.now(),
        **velden,
    )
    rapport.gevangenissen.set(gevangenissen)
    return rapport


@pytest.fixture(autouse=True)
def _niet_bouwen():
    with mock.patch("rapportage.rapporten.tasks.monitoringrapport_bouwen.delay"):
        yield


def test_a_central_user_asks_for_a_report(client, frank, antwerpen, gent, rapport_rollups):
    client.force_login(frank)
    response = client.post(
        LIJST,
        {"periodesoort": "kwartaal", "begin": "2025-02-01", "gevangenissen": ["ANT", "GEN"]},
        content_type="application/json",
    )
    assert response.status_code == 202
    data = response.json()
    assert data["begin"] == "2025-01-01"
    assert data["einde"] == "2025-03-31"
    assert data["status"] == "wachtend"
    assert data["voortgang"] == 0
    assert sorted(data["gevangenissen"]) == ["ANT", "GEN"]
    assert data["pdf"] is None
    assert data["aangevraagd_door"] == "Frank " + frank.last_name


@pytest.mark.parametrize(
    ("invoer", "veld"),
    [
        (
            {"periodesoort": "maand", "begin": "2025-01-01", "gevangenissen": ["ANT"]},
            "periodesoort",
        ),
        ({"periodesoort": "kwartaal", "begin": "geen datum", "gevangenissen": ["ANT"]}, "begin"),
        (
            {"periodesoort": "kwartaal", "begin": "2025-01-01", "gevangenissen": ["XXX"]},
            "gevangenissen",
        ),
        ({"periodesoort": "kwartaal", "begin": "2025-01-01", "gevangenissen": []}, "gevangenissen"),
        ({"periodesoort": "jaar", "begin": "2024-01-01", "gevangenissen": ["ANT"]}, "begin"),
        ({}, "periodesoort"),
    ],
)
def test_bad_input_is_a_400_on_the_field(client, frank, antwerpen, rapport_rollups, invoer, veld):
    client.force_login(frank)
    response = client.post(LIJST, invoer, content_type="application/json")
    assert response.status_code == 400
    assert veld in response.json()
    assert not Monitoringrapport.objects.exists()


def test_the_running_quarter_is_a_400_that_says_why(client, frank, antwerpen, rapport_rollups):
    client.force_login(frank)
    vandaag = timezone.localdate().isoformat()
    response = client.post(
        LIJST,
        {"periodesoort": "kwartaal", "begin": vandaag, "gevangenissen": ["ANT"]},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "loopt nog" in response.json()["begin"][0]


def test_a_beleidscoordinator_may_not_ask_or_read(client, dirk, antwerpen, rapport_rollups):
    client.force_login(dirk)
    invoer = {"periodesoort": "kwartaal", "begin": "2025-01-01", "gevangenissen": ["ANT"]}
    assert client.post(LIJST, invoer, content_type="application/json").status_code == 403
    assert client.get(LIJST).status_code == 403


def test_a_beheerder_reads_but_does_not_ask(client, eva, antwerpen, rapport_rollups):
    client.force_login(eva)
    invoer = {"periodesoort": "kwartaal", "begin": "2025-01-01", "gevangenissen": ["ANT"]}
    assert client.post(LIJST, invoer, content_type="application/json").status_code == 403
    assert client.get(LIJST).status_code == 200


def test_the_list_pins_its_queries(client, frank, antwerpen, gent, django_assert_num_queries):
    for _ in range(20):
        _rapport([antwerpen, gent], aangevraagd_door=frank)
    client.force_login(frank)
    # session, user, permissions (user, groups), count, page with requesters, prisons,
    # and the session's renewal (savepoint, update, release)
    with django_assert_num_queries(10):
        response = client.get(LIJST)
    assert response.json()["count"] == 20


def test_the_detail_shows_progress_and_the_files_when_ready(
    client, frank, antwerpen, rapport_media
):
    rapport = _rapport([antwerpen], status="bezig", voortgang=40, stap="PDF opmaken")
    client.force_login(frank)
    url = reverse("api:monitoringrapport", args=[rapport.pk])
    data = client.get(url).json()
    assert (data["status"], data["voortgang"], data["stap"]) == ("bezig", 40, "PDF opmaken")
    assert data["pdf"] is None
    assert client.get(reverse("api:monitoringrapport_pdf", args=[rapport.pk])).status_code == 404

    rapport.pdf.save("x.pdf", ContentFile(b"%PDF-1.7"), save=False)
    rapport.xlsx.save("x.xlsx", ContentFile(b"PK"), save=False)
    rapport.status = "klaar"
    rapport.save()
    data = client.get(url).json()
    assert data["pdf"].endswith(reverse("api:monitoringrapport_pdf", args=[rapport.pk]))
    response = client.get(data["pdf"], HTTP_ACCEPT="application/pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == b"%PDF-1.7"
    response = client.get(data["xlsx"])
    assert "monitoringrapport-2025-K1.xlsx" in response["Content-Disposition"]


def test_the_schema_names_the_report_endpoints(client, frank):
    client.force_login(frank)
    schema = client.get(reverse("api:schema"), {"format": "json"}).json()
    assert "/api/v1/monitoringrapporten/" in schema["paths"]
    pdf = schema["paths"]["/api/v1/monitoringrapporten/{id}/pdf/"]["get"]["responses"]["200"]
    assert "application/pdf" in pdf["content"]
    post = schema["paths"]["/api/v1/monitoringrapporten/"]["post"]
    assert "202" in post["responses"]
    assert "400" in post["responses"]
