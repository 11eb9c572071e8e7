"""The planner's journey: a new weekly activity, its sessions in the planning grid, a
strike day cancelled and undone, all through the real pages in Chromium."""

import datetime

import pytest
from django.utils import timezone

from aanbod.models import Aanbod, Rapportagecategorie, Sessie
from aanbod.services.catalogus import aanbod_in_gevangenis_opnemen, aanbod_opslaan
from aanbod.services.lokalen import lokaal_opslaan
from hdv import rollen
from hdv.services import medewerker_aanmaken
from tests.factories import GevangenisFactory, OrganisatieFactory

WACHTWOORD = "een-lang-e2e-wachtwoord"


@pytest.fixture
def planner(transactional_db, settings):
    settings.AXES_ENABLED = False
    gevangenis = GevangenisFactory(naam="Antwerpen", code="ANT")
    cvo = OrganisatieFactory(naam="CVO Antwerpen", afkorting="CVO", sector="onderwijs")
    agentschap = OrganisatieFactory(
        naam="Agentschap", afkorting="AJH", soort="administratie", sector="justitie"
    )
    aanbod = aanbod_opslaan(
        titel_nl="Digitale vaardigheden",
        beschrijving_nl="Je leert werken met een computer.",
        levensdomein="onderwijs",
        organisatie=cvo,
        vorm=Aanbod.Vorm.GROEP,
        rapportagecategorie=Rapportagecategorie.objects.get(code="cvo-ligo-opleiding"),
        door=None,
    )
    aanbod_in_gevangenis_opnemen(
        aanbod=aanbod,
        gevangenis=gevangenis,
        sinds=timezone.localdate() - datetime.timedelta(days=30),
        door=None,
    )
    lokaal_opslaan(
        gevangenis=gevangenis, naam="PC-lokaal", soort="klaslokaal", capaciteit=12, door=None
    )
    medewerker_aanmaken(
        gebruikersnaam="planner",
        voornaam="Petra",
        achternaam="Planner",
        email="",
        wachtwoord=WACHTWOORD,
        organisatie=agentschap,
        gevangenissen=[gevangenis],
        rollen=[rollen.ORGANISATIEONDERSTEUNER],
        door=None,
    )
    return gevangenis


def test_a_planner_creates_a_weekly_activity_and_cancels_a_strike_day(page, planner, tmp_path):
    vandaag = timezone.localdate()
    volgende_dinsdag = vandaag + datetime.timedelta(days=(1 - vandaag.weekday()) % 7 or 7)

    page.goto("/aanmelden/")
    page.get_by_label("Gebruikersnaam").fill("planner")
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_url("**/")

    # A weekly activity on Tuesdays, 9:00–11:30.
    page.goto("/aanbod/activiteiten/nieuw/")
    page.locator("select[name='aanbod']").select_option(index=1)
    page.locator("input[name='naam']").fill("groep 1")
    page.locator("input[name='startdatum']").fill(vandaag.isoformat())
    page.locator("input[name='einddatum']").fill(
        (vandaag + datetime.timedelta(weeks=8)).isoformat()
    )
    page.locator("select[name='lokaal']").select_option(index=1)
    page.locator("input[name='capaciteit']").fill("10")
    page.locator("select[name='slots-0-weekdag']").select_option(label="dinsdag")
    page.locator("input[name='slots-0-begintijd']").fill("09:00")
    page.locator("input[name='slots-0-eindtijd']").fill("11:30")
    page.get_by_role("button", name="Opslaan").last.click()
    page.wait_for_load_state()
    assert "Digitale vaardigheden – groep 1" in page.get_by_role("heading", level=1).inner_text()
    assert Sessie.objects.filter(activiteit__naam="groep 1", datum=volgende_dinsdag).exists()

    # The planning grid of that week shows the session.
    week = f"{volgende_dinsdag.isocalendar().year}-W{volgende_dinsdag.isocalendar().week:02d}"
    page.goto(f"/aanbod/planning/?week={week}")
    raster = page.locator("table.weekplanning")
    assert "Digitale vaardigheden" in raster.inner_text()
    assert "09:00" in raster.inner_text()
    page.screenshot(path=str(tmp_path / "planning.png"), full_page=True)

    # A strike on that Tuesday cancels every session of the prison that day.
    page.goto(f"/aanbod/dag-annuleren/?datum={volgende_dinsdag.isoformat()}")
    page.locator("input[name='datum']").fill(volgende_dinsdag.isoformat())
    page.locator("select[name='reden']").select_option(label="Staking")
    page.get_by_role("button", name="Alle sessies van die dag annuleren").click()
    page.wait_for_load_state()
    assert "geannuleerd" in page.locator("main").inner_text()
    sessie = Sessie.objects.get(datum=volgende_dinsdag)
    assert sessie.annuleringsreden.code == "staking"

    page.goto(f"/aanbod/planning/?week={week}")
    assert "Staking" in page.locator("table.weekplanning").inner_text()
    page.screenshot(path=str(tmp_path / "planning-staking.png"), full_page=True)
