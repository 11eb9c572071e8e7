"""The screens of the monitoring reports: list, asking, following, downloading."""

import datetime

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone

from rapportage.models import Monitoringrapport, Periodesoort
from tests.factories import GevangenisFactory
from tests.rapportage.rapport_fixtures import K1_2025

pytestmark = pytest.mark.django_db


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


def test_it_lists_who_when_what_and_how_far(client, frank, antwerpen, gent):
    _rapport([antwerpen, gent], aangevraagd_door=frank, status="bezig", voortgang=40)
    _rapport([antwerpen], gepland=True, status="klaar", voortgang=100)
    client.force_login(frank)
    response = client.get(reverse("rapportage:rapporten"))
    tekst = response.content.decode()
    assert response.status_code == 200
    assert "Frank" in tekst
    assert "volgens planning" in tekst
    assert "Antwerpen, Gent" in tekst
    assert 'value="40"' in tekst
    # One is being built: the list polls.
    assert 'hx-trigger="every 2s"' in tekst


@pytest.mark.parametrize("aantal", [3, 30])
def test_the_list_pins_its_queries(
    client, frank, antwerpen, gent, aantal, django_assert_num_queries
):
    for _ in range(aantal):
        _rapport([antwerpen, gent], aangevraagd_door=frank)
    client.force_login(frank)
    # session, user, permissions (user, groups), the user's prisons (layout), count, page
    # of reports with their requester, their prisons, and the session's renewal
    # (savepoint, update, release): as many for 3 reports as for a full page
    with django_assert_num_queries(11):
        response = client.get(reverse("rapportage:rapporten"))
    assert response.status_code == 200
    assert len(response.context["pagina"].object_list) == min(aantal, 25)


def test_the_form_offers_the_last_quarter_and_every_active_prison(client, frank, antwerpen, gent):
    GevangenisFactory(naam="Gesloten", code="GES", actief=False)
    client.force_login(frank)
    response = client.get(reverse("rapportage:rapport_aanvragen"))
    form = response.context["form"]
    assert form["periodesoort"].value() == Periodesoort.KWARTAAL
    assert set(form["gevangenissen"].value()) == {antwerpen.pk, gent.pk}
    assert "Gesloten" not in response.content.decode()


def test_a_central_user_asks_for_a_report(client, frank, antwerpen, gent, rapport_rollups):
    client.force_login(frank)
    response = client.post(
        reverse("rapportage:rapport_aanvragen"),
        {"periodesoort": "kwartaal", "jaar": 2025, "kwartaal": 1, "gevangenissen": [antwerpen.pk]},
    )
    rapport = Monitoringrapport.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("rapportage:rapport", args=[rapport.pk])
    assert (rapport.begin, rapport.aangevraagd_door) == (K1_2025, frank)


def test_a_revision_is_a_box_on_the_form_and_its_page_says_so(
    client, frank, antwerpen, rapport_rollups
):
    client.force_login(frank)
    velden = {"periodesoort": "kwartaal", "jaar": 2025, "kwartaal": 1}
    response = client.post(
        reverse("rapportage:rapport_aanvragen"),
        {**velden, "gevangenissen": [antwerpen.pk], "herziening": "on"},
    )
    rapport = Monitoringrapport.objects.get()
    assert rapport.herziening is True
    pagina = client.get(response["Location"]).content.decode()
    assert "herziening: de nieuwste berekende cijfers" in pagina


def test_a_member_of_the_committee_reads_reports_from_the_home_page(client, ilse):
    client.force_login(ilse)
    home = client.get(reverse("home")).content.decode()
    assert "Monitoringrapporten" in home
    assert reverse("rapportage:rapporten") in home
    assert client.get(reverse("rapportage:rapporten")).status_code == 200
    assert client.get(reverse("rapportage:rapport_aanvragen")).status_code == 403
    assert client.get(reverse("rapportage:vlaanderen")).status_code == 403


def test_a_beleidscoordinator_may_not_ask(client, dirk, antwerpen, rapport_rollups):
    client.force_login(dirk)
    response = client.post(
        reverse("rapportage:rapport_aanvragen"),
        {"periodesoort": "kwartaal", "jaar": 2025, "kwartaal": 1, "gevangenissen": [antwerpen.pk]},
    )
    assert response.status_code == 403
    assert not Monitoringrapport.objects.exists()


def test_a_beheerder_reads_but_does_not_ask(client, eva, antwerpen):
    client.force_login(eva)
    assert client.get(reverse("rapportage:rapporten")).status_code == 200
    assert client.get(reverse("rapportage:rapport_aanvragen")).status_code == 403


def test_the_running_quarter_is_a_field_error(client, frank, antwerpen, rapport_rollups):
    vandaag = timezone.localdate()
    client.force_login(frank)
    response = client.post(
        reverse("rapportage:rapport_aanvragen"),
        {
            "periodesoort": "kwartaal",
            "jaar": vandaag.year,
            "kwartaal": (vandaag.month - 1) // 3 + 1,
            "gevangenissen": [antwerpen.pk],
        },
    )
    assert response.status_code == 200
    assert "loopt nog" in response.context["form"].errors["kwartaal"][0]
    assert not Monitoringrapport.objects.exists()


def test_a_year_without_figures_is_an_error_on_the_year(client, frank, antwerpen, rapport_rollups):
    client.force_login(frank)
    response = client.post(
        reverse("rapportage:rapport_aanvragen"),
        {"periodesoort": "jaar", "jaar": 2024, "gevangenissen": [antwerpen.pk]},
    )
    assert "geen gegevens" in response.context["form"].errors["jaar"][0]


def test_missing_quarter_and_prisons_are_field_errors(client, frank, antwerpen):
    client.force_login(frank)
    response = client.post(
        reverse("rapportage:rapport_aanvragen"), {"periodesoort": "kwartaal", "jaar": "2025"}
    )
    fouten = response.context["form"].errors
    assert fouten["kwartaal"] == ["Kies een kwartaal."]
    assert fouten["gevangenissen"] == ["Kies minstens één gevangenis."]


def test_garbage_is_a_field_error_not_a_500(client, frank, antwerpen):
    client.force_login(frank)
    response = client.post(
        reverse("rapportage:rapport_aanvragen"),
        {"periodesoort": "week", "jaar": "x", "kwartaal": "9", "gevangenissen": ["abc"]},
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {
        "periodesoort",
        "jaar",
        "kwartaal",
        "gevangenissen",
    }


def test_the_detail_polls_while_building_and_htmx_gets_the_part(client, frank, antwerpen):
    rapport = _rapport([antwerpen], status="bezig", voortgang=40, stap="PDF opmaken")
    client.force_login(frank)
    pagina = client.get(reverse("rapportage:rapport", args=[rapport.pk])).content.decode()
    assert 'hx-trigger="every 2s"' in pagina
    assert "PDF opmaken" in pagina
    deel = client.get(reverse("rapportage:rapport", args=[rapport.pk]), HTTP_HX_REQUEST="true")
    tekst = deel.content.decode()
    assert tekst.lstrip().startswith('<div id="status"')
    assert "<nav" not in tekst


def test_a_finished_report_stops_polling_and_offers_its_files(
    client, frank, antwerpen, rapport_media
):
    rapport = _rapport([antwerpen], status="klaar", voortgang=100)
    rapport.pdf.save("x.pdf", ContentFile(b"%PDF-1.7"), save=True)
    rapport.xlsx.save("x.xlsx", ContentFile(b"PK"), save=True)
    client.force_login(frank)
    tekst = client.get(reverse("rapportage:rapport", args=[rapport.pk])).content.decode()
    assert "hx-trigger" not in tekst
    assert reverse("rapportage:rapport_pdf", args=[rapport.pk]) in tekst
    response = client.get(reverse("rapportage:rapport_pdf", args=[rapport.pk]))
    assert response["Content-Type"] == "application/pdf"
    assert 'filename="monitoringrapport-2025-K1.pdf"' in response["Content-Disposition"]
    assert b"".join(response.streaming_content) == b"%PDF-1.7"
    response = client.get(reverse("rapportage:rapport_xlsx", args=[rapport.pk]))
    assert 'filename="monitoringrapport-2025-K1.xlsx"' in response["Content-Disposition"]


def test_a_failed_report_shows_its_error_and_no_files(client, frank, antwerpen):
    rapport = _rapport([antwerpen], status="mislukt", fout="Het rapport kon niet gemaakt worden")
    client.force_login(frank)
    tekst = client.get(reverse("rapportage:rapport", args=[rapport.pk])).content.decode()
    assert "Het rapport kon niet gemaakt worden" in tekst
    assert client.get(reverse("rapportage:rapport_pdf", args=[rapport.pk])).status_code == 404


def test_an_unknown_report_is_a_404(client, frank):
    client.force_login(frank)
    assert client.get(reverse("rapportage:rapport", args=[999])).status_code == 404


def test_the_navigation_shows_reports_to_who_may_read_them(client, frank, dirk):
    url = reverse("rapportage:rapporten")
    client.force_login(frank)
    assert url in client.get(reverse("home")).content.decode()
    client.force_login(dirk)
    assert url not in client.get(reverse("home")).content.decode()
