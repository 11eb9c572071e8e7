"""The attendance journey: a session of fifteen registered in one screen — everyone
present, two absences with their reasons — checked in the database and on the page."""

import datetime

import pytest
from django.utils import timezone

from aanbod.models import Aanbod, Rapportagecategorie
from aanbod.services.catalogus import aanbod_in_gevangenis_opnemen, aanbod_opslaan
from aanbod.services.lokalen import lokaal_opslaan
from aanbod.services.planning import SlotInvoer, activiteit_aanmaken
from deelname.models import Aanwezigheid, Bron, Inschrijvingsstap
from deelname.services.inschrijvingen import inschrijving_aanvragen
from hdv import rollen
from hdv.services import medewerker_aanmaken
from tests.deelname.klok import op
from tests.factories import GedetineerdeFactory, GevangenisFactory, OrganisatieFactory

WACHTWOORD = "een-lang-e2e-wachtwoord"


@pytest.fixture
def sessie_van_vijftien(transactional_db, settings):
    """A course with a session today and fifteen people enrolled since its start."""
    settings.AXES_ENABLED = False
    vandaag = timezone.localdate()
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
        aanbod=aanbod, gevangenis=gevangenis, sinds=vandaag - datetime.timedelta(days=30), door=None
    )
    lokaal = lokaal_opslaan(
        gevangenis=gevangenis, naam="PC-lokaal", soort="klaslokaal", capaciteit=20, door=None
    )
    planner = medewerker_aanmaken(
        gebruikersnaam="planner",
        voornaam="Petra",
        achternaam="Planner",
        email="",
        wachtwoord=WACHTWOORD,
        organisatie=agentschap,
        gevangenissen=[gevangenis],
        rollen=[rollen.ORGANISATIEONDERSTEUNER],
        door=None,
    ).user
    activiteit = activiteit_aanmaken(
        aanbod=aanbod,
        gevangenis=gevangenis,
        startdatum=vandaag - datetime.timedelta(days=7),
        einddatum=vandaag + datetime.timedelta(weeks=8),
        lokaal=lokaal,
        capaciteit=15,
        slots=[
            SlotInvoer(
                weekdag=vandaag.weekday(),
                begintijd=datetime.time(9),
                eindtijd=datetime.time(11),
            )
        ],
        begeleiders=[],
        door=planner,
    )
    inschrijvingen = []
    for nummer in range(15):
        inschrijving = inschrijving_aanvragen(
            gedetineerde=GedetineerdeFactory(
                huidige_gevangenis=gevangenis, achternaam=f"Deelnemer{nummer:02d}"
            ),
            activiteit=activiteit,
            bron=Bron.EIGEN_AANVRAAG,
            door=planner,
        )
        inschrijvingen.append(inschrijving)
    Inschrijvingsstap.objects.update(datum=activiteit.startdatum)
    # The register opens when the session has started: the clock (also the live server's,
    # same process) stands at 10:00 today, whatever hour the suite runs.
    with op(vandaag, 10):
        yield activiteit.sessies.get(datum=vandaag), inschrijvingen


def test_a_session_of_fifteen_is_registered_in_one_screen(page, sessie_van_vijftien, tmp_path):
    sessie, inschrijvingen = sessie_van_vijftien
    ziek, advocaat = inschrijvingen[3], inschrijvingen[11]

    page.goto("/aanmelden/")
    page.get_by_label("Gebruikersnaam").fill("planner")
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_url("**/")

    # From the activity's participants to the register of today's session.
    page.goto(f"/deelname/activiteiten/{sessie.activiteit_id}/")
    assert "15 van 15 bezet" in page.locator("#capaciteit").inner_text()
    page.locator("#sessies a").first.click()
    page.wait_for_load_state()
    register = page.locator("table.aanwezigheden")
    assert register.locator("tbody tr").count() == 15
    assert page.locator("input[type='radio'][value='aanwezig']:checked").count() == 15

    # One exception by keyboard: from "aanwezig", the arrow keys move to "afwezig".
    page.locator(f"input[name='status-{ziek.pk}'][value='aanwezig']").focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("ArrowRight")
    assert page.locator(f"input[name='status-{ziek.pk}'][value='afwezig']").is_checked()
    page.keyboard.press("Tab")
    page.locator(f"select[name='reden-{ziek.pk}']").select_option("ziek")
    # The other with the mouse.
    page.locator(f"input[name='status-{advocaat.pk}'][value='afwezig']").check()
    page.locator(f"select[name='reden-{advocaat.pk}']").select_option(label="Advocaat of rechtbank")
    page.get_by_role("button", name="Aanwezigheden opslaan").click()
    page.get_by_text("De aanwezigheden zijn geregistreerd.").wait_for()
    page.screenshot(path=str(tmp_path / "aanwezigheden.png"), full_page=True)

    rijen = {a.inschrijving_id: a for a in Aanwezigheid.objects.filter(sessie=sessie)}
    assert len(rijen) == 15
    assert sum(a.status == "aanwezig" for a in rijen.values()) == 13
    assert (rijen[ziek.pk].status, rijen[ziek.pk].reden.code) == ("afwezig", "ziek")
    assert rijen[advocaat.pk].reden.code == "advocaat-rechtbank"

    # Reloaded, the page shows what was registered, and the history of the changes.
    page.reload()
    assert page.locator("input[type='radio'][value='aanwezig']:checked").count() == 13
    assert page.locator(f"input[name='status-{ziek.pk}'][value='afwezig']").is_checked()
    assert page.locator(f"select[name='reden-{advocaat.pk}']").input_value() == "advocaat-rechtbank"
    assert page.locator("#historiek tbody tr").count() == 15
    assert "Advocaat of rechtbank" in page.locator("#historiek").inner_text()
