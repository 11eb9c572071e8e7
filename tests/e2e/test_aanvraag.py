"""The digital rapportbriefje: a detainee asks on the terminal, in French; staff accept the
request into a group; the detainee sees the answer. Through the real pages in Chromium."""

import datetime

import pytest
from django.utils import timezone

from aanbod.models import Aanbod, Rapportagecategorie
from aanbod.services.catalogus import aanbod_in_gevangenis_opnemen, aanbod_opslaan
from aanbod.services.lokalen import lokaal_opslaan
from aanbod.services.planning import SlotInvoer, activiteit_aanmaken
from deelname.models import Aanvraag, Bron, Inschrijving
from deelname.services.aanvragen import terminalaccount_aanmaken
from hdv import rollen
from hdv.services import medewerker_aanmaken
from tests.factories import GedetineerdeFactory, GevangenisFactory, OrganisatieFactory

WACHTWOORD = "een-lang-e2e-wachtwoord"


@pytest.fixture
def gevangenis(transactional_db, settings):
    settings.AXES_ENABLED = False
    vandaag = timezone.localdate()
    gevangenis = GevangenisFactory(naam="Antwerpen", code="ANT")
    cvo = OrganisatieFactory(naam="CVO Antwerpen", afkorting="CVO", sector="onderwijs")
    agentschap = OrganisatieFactory(
        naam="Agentschap", afkorting="AJH", soort="administratie", sector="justitie"
    )
    aanbod = aanbod_opslaan(
        titel_nl="Digitale vaardigheden",
        titel_fr="Compétences numériques",
        beschrijving_nl="Je leert werken met een computer.",
        beschrijving_fr="Vous apprenez à utiliser un ordinateur.",
        levensdomein="onderwijs",
        organisatie=cvo,
        vorm=Aanbod.Vorm.GROEP,
        rapportagecategorie=Rapportagecategorie.objects.get(code="cvo-ligo-opleiding"),
        door=None,
    )
    aanbod_in_gevangenis_opnemen(
        aanbod=aanbod,
        gevangenis=gevangenis,
        sinds=vandaag - datetime.timedelta(days=30),
        door=None,
    )
    lokaal = lokaal_opslaan(
        gevangenis=gevangenis, naam="PC-lokaal", soort="klaslokaal", capaciteit=12, door=None
    )
    activiteit_aanmaken(
        aanbod=aanbod,
        gevangenis=gevangenis,
        startdatum=vandaag,
        einddatum=vandaag + datetime.timedelta(weeks=6),
        lokaal=lokaal,
        capaciteit=8,
        slots=[SlotInvoer(weekdag=1, begintijd=datetime.time(9), eindtijd=datetime.time(11))],
        naam="groep 1",
        door=None,
    )
    medewerker_aanmaken(
        gebruikersnaam="olga",
        voornaam="Olga",
        achternaam="Organisator",
        email="",
        wachtwoord=WACHTWOORD,
        organisatie=agentschap,
        gevangenissen=[gevangenis],
        rollen=[rollen.ORGANISATIEONDERSTEUNER],
        door=None,
    )
    persoon = GedetineerdeFactory(
        huidige_gevangenis=gevangenis, voornaam="Karim", achternaam="Terminal", talen=["fr"]
    )
    terminalaccount_aanmaken(
        gedetineerde=persoon, gebruikersnaam="karim", wachtwoord=WACHTWOORD, door=None
    )
    return gevangenis


def _aanmelden(page, gebruikersnaam):
    page.goto("/aanmelden/")
    page.get_by_label("Gebruikersnaam").fill(gebruikersnaam)
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_load_state()


def test_a_detainees_request_is_accepted_and_seen_by_the_detainee(page, gevangenis, tmp_path):
    # The detainee signs in on the terminal and lands on their own page, in French.
    _aanmelden(page, "karim")
    page.wait_for_url("**/deelname/terminal/")
    assert page.get_by_role("heading", level=1).inner_text() == "Hallo Karim"
    page.get_by_role("link", name="Compétences numériques").click()
    assert "Vous apprenez à utiliser un ordinateur." in page.locator("main").inner_text()
    page.get_by_role("button", name="Ik wil deelnemen").click()
    page.wait_for_load_state()
    assert "wacht op antwoord" in page.locator("#antwoord").inner_text()
    page.screenshot(path=str(tmp_path / "terminal-gevraagd.png"), full_page=True)
    aanvraag = Aanvraag.objects.get()
    assert aanvraag.bron == Aanvraag.Bron.TERMINAL
    page.get_by_role("button", name="Afmelden").click()
    page.wait_for_url("**/aanmelden/")

    # Staff find it in their queue and accept it into group 1.
    _aanmelden(page, "olga")
    page.goto("/deelname/aanvragen/")
    page.get_by_role("link", name="Terminal, Karim").click()
    page.locator("select[name='activiteit']").select_option(index=1)
    page.get_by_role("button", name="Aanvaarden").click()
    page.wait_for_load_state()
    assert "aanvaard" in page.locator("main").inner_text()
    inschrijving = Inschrijving.objects.get()
    assert inschrijving.bron == Bron.EIGEN_AANVRAAG
    assert inschrijving.activiteit.naam == "groep 1"
    page.get_by_role("button", name="Afmelden").click()
    page.wait_for_url("**/aanmelden/")

    # The detainee sees the answer and the enrolment.
    _aanmelden(page, "karim")
    page.wait_for_url("**/deelname/terminal/")
    assert "ja" in page.locator("#aanvragen").inner_text()
    assert "Compétences numériques" in page.locator("#inschrijvingen").inner_text()
    assert "ingeschreven" in page.locator("#inschrijvingen").inner_text()
    page.screenshot(path=str(tmp_path / "terminal-aanvaard.png"), full_page=True)
