"""The Gemengde Commissie's report: a central user asks for a quarter's report, follows
its progress, downloads the PDF, and finds in it the figures of the Flanders dashboard.

The build is held back (its task only notes the report) and run by the test while the
page polls: that is what a worker does, and it lets the test see the page move from
"in de wachtrij" over a step to "klaar". The page's requests go through a Playwright
route while the test touches the database itself: the route runs only inside Playwright
calls, so the live server and the test never use the (shared, in-memory SQLite)
connection at the same time.
"""

import os
import re
import shutil
import subprocess
from unittest import mock

import pytest
from playwright.sync_api import expect

from hdv import rollen
from hdv.services import medewerker_aanmaken
from rapportage.models import Monitoringrapport
from rapportage.rapporten.bouwen import monitoringrapport_bouwen
from tests.factories import GevangenisFactory, OrganisatieFactory
from tests.rapportage.rapport_fixtures import K1_2025, K4_2024, waarde

WACHTWOORD = "een-lang-e2e-wachtwoord"


@pytest.fixture
def commissie(transactional_db, settings, tmp_path):
    settings.AXES_ENABLED = False
    settings.MEDIA_ROOT = tmp_path / "media"
    antwerpen = GevangenisFactory(naam="Antwerpen", code="ANT")
    gent = GevangenisFactory(naam="Gent", code="GEN")
    agentschap = OrganisatieFactory(
        naam="Agentschap", afkorting="AJH", soort="administratie", sector="justitie"
    )
    medewerker_aanmaken(
        gebruikersnaam="frank",
        voornaam="Frank",
        achternaam="Centraal",
        email="frank@example.org",
        wachtwoord=WACHTWOORD,
        organisatie=agentschap,
        gevangenissen=[],
        rollen=[rollen.CENTRALE_MEDEWERKER],
        door=None,
    )
    for gevangenis, k1, k4 in ((antwerpen, (80, 100), (70, 100)), (gent, (30, 40), (20, 40))):
        waarde("aanwezigheidsgraad", gevangenis, K1_2025, *k1)
        waarde("aanwezigheidsgraad", gevangenis, K4_2024, *k4)
    waarde("aanwezigheidsgraad", None, K1_2025, 110, 140)
    waarde("aanwezigheidsgraad", None, K4_2024, 90, 140)
    waarde("sessies_geannuleerd", antwerpen, K1_2025, 12)
    waarde("sessies_geannuleerd", gent, K1_2025, 3)
    waarde("sessies_geannuleerd", None, K1_2025, 15)
    # A median: 21 and 30 days, 24 for Flanders (each person once).
    waarde("wachtlijst_mediaan_dagen", antwerpen, K1_2025, None, 12, waarde=21.0)
    waarde("wachtlijst_mediaan_dagen", gent, K1_2025, None, 8, waarde=30.0)
    waarde("wachtlijst_mediaan_dagen", None, K1_2025, None, 20, waarde=24.0)
    return antwerpen, gent


def _pdf_tekst(pad) -> str:
    pdftotext = shutil.which("pdftotext")
    if pdftotext is None:
        bericht = "Geen pdftotext: installeer Debian's pakket 'poppler-utils'."
        if os.environ.get("HDV_BROWSER_TESTS") == "required":
            pytest.fail(bericht)
        pytest.skip(bericht)
    uit = subprocess.run(
        [pdftotext, "-layout", str(pad), "-"], capture_output=True, check=True, text=True
    )
    return uit.stdout


def _via_playwright(route):
    # The request is made here, inside a Playwright call: see the module's docstring.
    route.fulfill(response=route.fetch())


def test_a_central_user_asks_follows_and_downloads_the_report(page, commissie, tmp_path):
    gevraagd: list[int] = []
    with mock.patch(
        "rapportage.rapporten.tasks.monitoringrapport_bouwen.delay", side_effect=gevraagd.append
    ):
        page.goto("/aanmelden/")
        page.get_by_label("Gebruikersnaam").fill("frank")
        page.get_by_label("Wachtwoord").fill(WACHTWOORD)
        page.get_by_role("button", name="Aanmelden").click()
        page.wait_for_url("**/")

        page.get_by_text("Beleid", exact=True).click()
        # The menu's entry (the home page's panel links to the reports too).
        navigatie = page.get_by_role("navigation", name="Hoofdnavigatie")
        navigatie.get_by_role("link", name="Monitoringrapporten", exact=True).click()
        page.get_by_role("link", name="Rapport aanvragen").click()
        page.get_by_label("een kwartaal").check()
        page.locator("select[name=jaar]").select_option("2025")
        page.locator("select[name=kwartaal]").select_option("1")
        # Every prison is ticked by default.
        expect(page.get_by_label("Antwerpen")).to_be_checked()
        expect(page.get_by_label("Gent")).to_be_checked()
        page.route("**/rapportage/rapporten/**", _via_playwright)
        page.get_by_role("button", name="Aanvragen").click()
        page.wait_for_url("**/rapportage/rapporten/*/")

        status = page.locator("#status")
        expect(status).to_contain_text("in de wachtrij")
        rapport = Monitoringrapport.objects.get()
        assert gevraagd == [rapport.pk]

        # The worker starts: the page follows without a reload.
        Monitoringrapport.objects.filter(pk=rapport.pk).update(
            status="bezig", voortgang=40, stap="PDF opmaken"
        )
        expect(status).to_contain_text("wordt gemaakt", timeout=10_000)
        expect(status).to_contain_text("40%")
        expect(status.locator("progress")).to_have_attribute("value", "40")
        page.screenshot(path=str(tmp_path / "rapport-bezig.png"), full_page=True)

        monitoringrapport_bouwen(rapport_id=rapport.pk)
        expect(status).to_contain_text("klaar", timeout=10_000)
        page.unroute("**/rapportage/rapporten/**")
        page.screenshot(path=str(tmp_path / "rapport-klaar.png"), full_page=True)

        with page.expect_download() as download:
            page.get_by_role("link", name="PDF downloaden").click()
        assert download.value.suggested_filename == "monitoringrapport-2025-K1.pdf"
        pdf = tmp_path / "rapport.pdf"
        download.value.save_as(pdf)

    tekst = _pdf_tekst(pdf)
    assert "K1 2025" in tekst
    assert "Frank" not in tekst
    assert "Centraal" not in tekst

    # The Flanders dashboard of the same quarter, as frank sees it.
    page.goto("/rapportage/vlaanderen/?soort=kwartaal&periode=2025-K1")
    kop = [t.strip() for t in page.locator("table thead th").all_inner_texts()][1:]
    rijen = {}
    for rij in page.locator("table tbody tr").all():
        naam = rij.locator("th").inner_text().strip()
        rijen[naam] = [t.strip() for t in rij.locator("td").all_inner_texts()]
    vlaanderen = dict(zip(kop, rijen["Vlaanderen"], strict=True))
    assert vlaanderen["Aanwezigheidsgraad"] == "78,6 %"
    assert vlaanderen["Wachttijd (mediaan)"] == "24 dagen"

    # Every Flanders figure of the dashboard is the report's summary figure.
    samenvatting = tekst[tekst.index("Samenvatting\n") : tekst.index("De kernindicatoren\n")]
    for naam, figuur in vlaanderen.items():
        regel = re.search(rf"^\s*{re.escape(naam)}\s{{2,}}(.+?)(?:\s{{2,}}|$)", samenvatting, re.M)
        assert regel is not None, naam
        assert regel.group(1) == figuur, (naam, regel.group(1), figuur)
    # And each prison's figure in the indicator's table, suppressed the same way.
    for naam in ("Antwerpen", "Gent"):
        per_prison = dict(zip(kop, rijen[naam], strict=True))
        for indicator in ("Aanwezigheidsgraad", "Geannuleerde sessies", "Wachttijd (mediaan)"):
            sectie = tekst[tekst.index(f"{indicator} per gevangenis, K1 2025") :]
            regel = re.search(rf"^\s*{naam}\s{{2,}}(.*)$", sectie, re.M)
            assert regel is not None, (naam, indicator)
            velden = re.split(r"\s{2,}", regel.group(1).strip())
            # Gevangenis | teller | noemer | waarde | vorige periode | ...
            assert velden[2] == per_prison[indicator], (naam, indicator, velden)
