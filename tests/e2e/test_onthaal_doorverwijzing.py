"""The trajectbegeleider's journey: a new arrival on the worklist, the intake with needs
per domain, the person's consent, referrals to a CGG offer and a VDAB course, and both
in the person's file, through the real pages in Chromium."""

import datetime

import pytest
from django.utils import timezone

from aanbod.models import Aanbod, Rapportagecategorie
from aanbod.services.catalogus import aanbod_in_gevangenis_opnemen, aanbod_opslaan
from hdv import rollen
from hdv.services import medewerker_aanmaken
from tests.factories import GevangenisFactory, OrganisatieFactory
from trajecten.models import Behoefte, Doorverwijzing, Onthaal
from trajecten.services import gedetineerde_opnemen

WACHTWOORD = "een-lang-e2e-wachtwoord"


def _aanbod(*, titel, organisatie, levensdomein, categorie, vorm, gevangenis):
    aanbod = aanbod_opslaan(
        titel_nl=titel,
        beschrijving_nl=f"{titel}: in eenvoudige taal.",
        levensdomein=levensdomein,
        organisatie=organisatie,
        vorm=vorm,
        rapportagecategorie=Rapportagecategorie.objects.get(code=categorie),
        door=None,
    )
    aanbod_in_gevangenis_opnemen(
        aanbod=aanbod,
        gevangenis=gevangenis,
        sinds=timezone.localdate() - datetime.timedelta(days=60),
        door=None,
    )
    return aanbod


@pytest.fixture
def aankomst(transactional_db, settings):
    settings.AXES_ENABLED = False
    gevangenis = GevangenisFactory(naam="Antwerpen", code="ANT")
    caw = OrganisatieFactory(naam="CAW Antwerpen", afkorting="CAW", sector="welzijn")
    cgg = OrganisatieFactory(naam="CGG Antwerpen", afkorting="CGG", sector="geestelijke_gezondheid")
    vdab = OrganisatieFactory(naam="VDAB", afkorting="VDAB", sector="werk")
    _aanbod(
        titel="Individuele therapie",
        organisatie=cgg,
        levensdomein="geestelijke_gezondheid",
        categorie=Rapportagecategorie.objects.filter(levensdomein="geestelijke_gezondheid")
        .values_list("code", flat=True)
        .first(),
        vorm=Aanbod.Vorm.INDIVIDUEEL,
        gevangenis=gevangenis,
    )
    _aanbod(
        titel="Opleiding heftruckchauffeur",
        organisatie=vdab,
        levensdomein="werk",
        categorie=Rapportagecategorie.objects.filter(levensdomein="werk")
        .values_list("code", flat=True)
        .first(),
        vorm=Aanbod.Vorm.GROEP,
        gevangenis=gevangenis,
    )
    medewerker_aanmaken(
        gebruikersnaam="begeleider",
        voornaam="Lotte",
        achternaam="Begeleider",
        email="",
        wachtwoord=WACHTWOORD,
        organisatie=caw,
        gevangenissen=[gevangenis],
        rollen=[rollen.TRAJECTBEGELEIDER],
        door=None,
    )
    return gedetineerde_opnemen(
        detineenummer="E2E-0001",
        voornaam="Sam",
        achternaam="Peeters",
        geboortedatum=datetime.date(1990, 5, 1),
        geslacht="M",
        gevangenis=gevangenis,
        van=timezone.localdate() - datetime.timedelta(days=2),
        door=None,
    )


def _toestemming(page, persoon, organisatie):
    page.goto(f"/personen/{persoon.pk}/toestemmingen/")
    optie = page.locator("select[name='organisatie'] option", has_text=f"({organisatie})").first
    page.locator("select[name='organisatie']").select_option(value=optie.get_attribute("value"))
    page.locator("select[name='categorie']").select_option(value="doorverwijzingen")
    page.locator("input[name='gegeven_op']").fill(timezone.localdate().isoformat())
    page.get_by_role("button", name="Registreren").click()
    page.wait_for_load_state()


def _doorverwijzen(page, persoon, aanbod_titel, behoefte_label, motivatie):
    page.goto(f"/personen/{persoon.pk}/doorverwijzingen/nieuw/")
    optie = page.locator("select[name='aanbod'] option", has_text=aanbod_titel).first
    page.locator("select[name='aanbod']").select_option(value=optie.get_attribute("value"))
    page.locator("input[name='plaats'][value='binnen']").check()
    behoefte = page.locator("select[name='behoefte'] option", has_text=behoefte_label).first
    page.locator("select[name='behoefte']").select_option(value=behoefte.get_attribute("value"))
    page.locator("textarea[name='motivatie']").fill(motivatie)
    page.get_by_role("button", name="Versturen").click()
    page.wait_for_load_state()


def test_a_trajectbegeleider_takes_in_a_new_arrival_and_refers_to_cgg_and_vdab(
    page, aankomst, tmp_path
):
    persoon = aankomst
    page.goto("/aanmelden/")
    page.get_by_label("Gebruikersnaam").fill("begeleider")
    page.get_by_label("Wachtwoord").fill(WACHTWOORD)
    page.get_by_role("button", name="Aanmelden").click()
    page.wait_for_url("**/")

    # The new arrival waits on the worklist for an intake.
    page.get_by_role("link", name="Werklijst", exact=True).click()
    page.wait_for_load_state()
    assert "Peeters, Sam" in page.locator("main").inner_text()
    page.get_by_role("link", name="Onthaal", exact=True).first.click()
    page.wait_for_load_state()

    # The intake, with needs for mental health (high priority) and work.
    page.locator("select[name='taal']").select_option("nl")
    page.locator("input[name='info_aanbod_gegeven']").check()
    page.locator("select[name='geestelijke_gezondheid_antwoord']").select_option("ja")
    page.locator("select[name='geestelijke_gezondheid_prioriteit']").select_option("hoog")
    page.locator("select[name='werk_antwoord']").select_option("ja")
    page.locator("select[name='werk_prioriteit']").select_option("gemiddeld")
    page.locator("select[name='wonen_antwoord']").select_option("nee")
    page.screenshot(path=str(tmp_path / "onthaal.png"), full_page=True)
    page.get_by_role("button", name="Onthaal registreren").click()
    page.wait_for_load_state()
    onthaal = Onthaal.objects.get(gedetineerde=persoon)
    assert onthaal.status == Onthaal.Status.AFGEROND
    assert set(
        onthaal.behoeften.filter(antwoord=Behoefte.Antwoord.JA).values_list(
            "levensdomein", flat=True
        )
    ) == {"geestelijke_gezondheid", "werk"}

    # The person consents to referrals being shared with CGG and VDAB; then the referrals.
    _toestemming(page, persoon, "CGG")
    _toestemming(page, persoon, "VDAB")
    _doorverwijzen(
        page,
        persoon,
        "Individuele therapie",
        "geestelijke gezondheid",
        "Vraagt hulp bij piekeren en slapen.",
    )
    _doorverwijzen(
        page,
        persoon,
        "Opleiding heftruckchauffeur",
        "werk",
        "Wil een attest halen voor werk na de vrijlating.",
    )
    verstuurd = Doorverwijzing.objects.filter(
        gedetineerde=persoon, status=Doorverwijzing.Status.VERSTUURD
    )
    assert sorted(verstuurd.values_list("naar_organisatie__afkorting", flat=True)) == [
        "CGG",
        "VDAB",
    ]

    # Both are in the person's file, with the intake.
    page.goto(f"/personen/{persoon.pk}/")
    dossier = page.locator("main").inner_text()
    page.screenshot(path=str(tmp_path / "dossier.png"), full_page=True)
    assert "Individuele therapie" in dossier
    assert "Opleiding heftruckchauffeur" in dossier
    assert "verstuurd" in dossier.lower()
    assert "E2E-0001" in dossier
