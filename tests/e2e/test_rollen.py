"""Each demo role signs in through the real login page and lands on its own home page."""

import pytest
from django.core.management import call_command

from hdv.demo import DEMO_WACHTWOORD

# username → what that role's home page must show
ROLLEN = {
    "trajectbegeleider": ["Trajectbegeleider", "Nieuwe aankomsten"],
    "organisatieondersteuner": ["Organisatieondersteuner", "Bezetting"],
    "hulpverlener": ["Hulpverlener", "Nieuwe aankomsten"],
    "beleidscoordinator": ["Beleidscoördinator", "Bezetting"],
    "centraal": ["Centrale medewerker", "Vlaanderen en Brussel"],
    "beheerder": ["Beheerder", "Geblokkeerde aanmeldingen"],
    "commissie": ["Lid Gemengde Commissie", "Monitoringrapporten"],
}


@pytest.fixture
def demo(transactional_db, settings):
    settings.AXES_ENABLED = False
    call_command("demo_data", schaal=0.02, verbosity=0)


def test_every_demo_role_sees_its_home_page(page, demo, tmp_path):
    for gebruikersnaam, verwacht in ROLLEN.items():
        page.goto("/")
        assert page.url.endswith("/aanmelden/?next=/")
        page.get_by_label("Gebruikersnaam").fill(gebruikersnaam)
        page.get_by_label("Wachtwoord").fill(DEMO_WACHTWOORD)
        page.get_by_role("button", name="Aanmelden").click()
        page.wait_for_url("**/")
        heading = page.get_by_role("heading", level=1)
        assert heading.inner_text().startswith("Welkom"), gebruikersnaam
        tekst = page.locator("main").inner_text()
        for stuk in verwacht:
            assert stuk in tekst, f"{gebruikersnaam}: '{stuk}' ontbreekt"
        page.screenshot(path=str(tmp_path / f"home-{gebruikersnaam}.png"), full_page=True)
        page.get_by_role("button", name="Afmelden").click()
        page.wait_for_url("**/aanmelden/")
        assert "U bent afgemeld." in page.locator("main").inner_text()


def test_the_switcher_changes_the_prison(page, demo):
    page.goto("/aanmelden/")
    page.get_by_label("Gebruikersnaam").fill("trajectbegeleider")
    page.get_by_label("Wachtwoord").fill(DEMO_WACHTWOORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_url("**/")
    page.get_by_label("Gevangenis").select_option(label="Hoogstraten")
    page.get_by_role("button", name="Wisselen").click()
    page.wait_for_load_state()
    assert "U werkt nu in Hoogstraten." in page.locator("main").inner_text()
    page.get_by_role("link", name="Personen").click()
    assert "Hoogstraten" in page.get_by_role("heading", level=1).inner_text()


def test_a_wrong_password_is_explained_in_dutch(page, demo):
    page.goto("/aanmelden/")
    page.get_by_label("Gebruikersnaam").fill("trajectbegeleider")
    page.get_by_label("Wachtwoord").fill("niet-het-juiste")
    page.get_by_role("button", name="Aanmelden").click()
    assert "Gebruikersnaam of wachtwoord is niet juist" in page.locator("main").inner_text()
