"""The timeline of a file: what happened, newest first, content only where the user may read it."""

import datetime

import pytest
from django.utils import timezone

from aanbod.models import Levensdomein
from hdv.scope import gevangenis_ids
from tests.factories import OrganisatieFactory
from trajecten.models import Categorie, Notitie
from trajecten.services import gedetineerde_overplaatsen, gedetineerde_vrijlaten, statuut_wijzigen
from trajecten.services.doorverwijzingen import doorverwijzing_aanmaken
from trajecten.services.notities import (
    casusoverleg_vastleggen,
    notitie_schrijven,
    toestemming_geven,
    toestemming_intrekken,
)
from trajecten.services.onthaal import BehoefteInvoer, behoefte_vastleggen, onthaal_registreren
from trajecten.services.plannen import doel_toevoegen, plan_openen, plan_vastleggen
from trajecten.tijdlijn import Soort, tijdlijn
from trajecten.zichtbaarheid import inzicht

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def cgg(db):
    return OrganisatieFactory(naam="CGG De Pont", afkorting="CGG")


def _onthaal(persoon, alice):
    return onthaal_registreren(
        verblijf=persoon.verblijven.get(tot__isnull=True),
        datum=D(2026, 1, 8),
        door=alice,
        taal="nl",
        behoeften=[
            BehoefteInvoer("wonen", "ja", "hoog", "zoekt een adres"),
            BehoefteInvoer("werk", "nee"),
        ],
    )


def _plan(persoon, alice):
    plan = plan_openen(gedetineerde=persoon, door=alice)
    doel_toevoegen(
        plan=plan,
        levensdomein="wonen",
        omschrijving="Een woning vinden",
        plaats="buiten",
        door=alice,
    )
    plan_vastleggen(plan=plan, door=alice, aanleiding="eerste plan met de persoon")
    return plan


def _dossier_vol(persoon, alice, cgg):
    """A file with something of every kind, all written by alice's CAW."""
    statuut_wijzigen(
        gedetineerde=persoon, statuut="veroordeelde", sinds=D(2026, 1, 6), bron="manueel", door=None
    )
    _onthaal(persoon, alice)
    behoefte_vastleggen(
        gedetineerde=persoon, levensdomein="geestelijke_gezondheid", antwoord="ja", door=alice
    )
    _plan(persoon, alice)
    doorverwijzing_aanmaken(
        gedetineerde=persoon,
        plaats="binnen",
        motivatie="Wil praten over zijn angsten.",
        naar_organisatie=cgg,
        levensdomein=Levensdomein.GEESTELIJKE_GEZONDHEID,
        door=alice,
    )
    notitie_schrijven(
        gedetineerde=persoon, niveau=Notitie.Niveau.GEDEELD, tekst="Gedeelde notitie", door=alice
    )
    notitie_schrijven(
        gedetineerde=persoon,
        niveau=Notitie.Niveau.ORGANISATIE,
        tekst="Alleen voor het CAW",
        door=alice,
    )
    casusoverleg_vastleggen(
        gedetineerde=persoon,
        datum=timezone.localdate(),
        onderwerp="Afstemming wonen",
        besluiten="CAW zoekt een woning.",
        deelnemers=[],
        door=alice,
    )


def _tijdlijn(user, persoon):
    return tijdlijn(user=user, gedetineerde=persoon, inzicht=inzicht(user, persoon))


def _tekst(gebeurtenissen):
    return "\n".join(f"{g.titel} | {g.detail}" for g in gebeurtenissen)


def test_it_shows_every_kind_of_event_to_the_owner(persoon, alice, cgg):
    _dossier_vol(persoon, alice, cgg)

    gebeurtenissen = _tijdlijn(alice, persoon)

    soorten = {g.soort for g in gebeurtenissen}
    assert soorten == {
        Soort.VERBLIJF,
        Soort.STATUUT,
        Soort.ONTHAAL,
        Soort.BEHOEFTE,
        Soort.PLAN,
        Soort.DOORVERWIJZING,
        Soort.NOTITIE,
        Soort.CASUSOVERLEG,
    }
    tekst = _tekst(gebeurtenissen)
    assert "Aankomst in Antwerpen" in tekst
    assert "Statuut: veroordeelde" in tekst
    assert "Onthaal afgerond in Antwerpen" in tekst
    assert "Behoeften: wonen (hoog)." in tekst
    assert "Behoefte vastgesteld: geestelijke gezondheid (ja)" in tekst
    assert "HDV-plan versie 1 vastgelegd | eerste plan met de persoon" in tekst
    assert "Doorverwijzing: status concept | geestelijke gezondheid → CGG" in tekst
    assert "Gedeelde notitie" in tekst
    assert "Alleen voor het CAW" in tekst
    assert "Casusoverleg: Afstemming wonen | CAW zoekt een woning." in tekst
    assert all(g.inhoud_zichtbaar for g in gebeurtenissen)


def test_it_is_newest_first(persoon, alice, cgg):
    _dossier_vol(persoon, alice, cgg)

    gebeurtenissen = _tijdlijn(alice, persoon)

    sleutels = [(g.datum, g.tijdstip.timestamp() if g.tijdstip else 0) for g in gebeurtenissen]
    assert [d for d, _ in sleutels] == sorted((d for d, _ in sleutels), reverse=True)
    assert gebeurtenissen[-1].titel == "Aankomst in Antwerpen"
    # The referral step was made after the plan version on the same day.
    titels = [g.titel for g in gebeurtenissen]
    assert titels.index("Doorverwijzing: status concept") < titels.index(
        "HDV-plan versie 1 vastgelegd"
    )


def test_without_consent_another_organisation_sees_only_that_records_exist(
    persoon, alice, bob, cgg
):
    _dossier_vol(persoon, alice, cgg)

    gebeurtenissen = _tijdlijn(bob, persoon)

    tekst = _tekst(gebeurtenissen)
    assert "HDV-plan versie 1 vastgelegd" in tekst
    assert "eerste plan met de persoon" not in tekst
    assert "Doorverwijzing: status concept" in tekst
    assert "CGG" not in tekst
    assert "geestelijke gezondheid" not in tekst
    assert "Onthaal afgerond in Antwerpen" in tekst
    assert "wonen" not in tekst
    assert "Behoefte vastgesteld |" in tekst
    # Notes and case conferences of the CAW are not readable for VDAB: not even shown.
    assert "notitie" not in tekst.lower()
    assert "Casusoverleg" not in tekst
    verborgen = [g for g in gebeurtenissen if not g.inhoud_zichtbaar]
    assert {g.soort for g in verborgen} == {
        Soort.ONTHAAL,
        Soort.BEHOEFTE,
        Soort.PLAN,
        Soort.DOORVERWIJZING,
    }


def test_with_consent_the_other_organisation_reads_the_content(persoon, alice, bob, cgg):
    _dossier_vol(persoon, alice, cgg)
    vdab = bob.medewerker.organisatie
    for categorie in (
        Categorie.ONTHAAL,
        Categorie.PLAN,
        Categorie.DOORVERWIJZINGEN,
        Categorie.NOTITIES,
    ):
        toestemming_geven(gedetineerde=persoon, organisatie=vdab, categorie=categorie, door=alice)

    gebeurtenissen = _tijdlijn(bob, persoon)

    tekst = _tekst(gebeurtenissen)
    assert "HDV-plan versie 1 vastgelegd | eerste plan met de persoon" in tekst
    assert "geestelijke gezondheid → CGG" in tekst
    assert "Behoeften: wonen (hoog)." in tekst
    assert "Gedeelde notitie" in tekst
    # A note for the organisation only is never shared by consent.
    assert "Alleen voor het CAW" not in tekst
    assert "Toestemming gegeven: HDV-plan delen met VDAB" in tekst


def test_a_withdrawn_consent_hides_the_content_again_and_shows_the_withdrawal(
    persoon, alice, bob, cgg
):
    _plan(persoon, alice)
    toestemming = toestemming_geven(
        gedetineerde=persoon,
        organisatie=bob.medewerker.organisatie,
        categorie=Categorie.PLAN,
        door=alice,
    )
    toestemming_intrekken(toestemming=toestemming, door=alice)

    tekst = _tekst(_tijdlijn(bob, persoon))

    assert "eerste plan met de persoon" not in tekst
    assert "Toestemming ingetrokken: HDV-plan delen met VDAB" in tekst


def test_stays_tell_the_transfer_and_the_release_with_its_kind(persoon, alice, gent):
    gedetineerde_overplaatsen(gedetineerde=persoon, naar=gent, datum=D(2026, 2, 1), door=None)
    gedetineerde_vrijlaten(
        gedetineerde=persoon,
        datum=D(2026, 3, 1),
        vrijlatingssoort="voorwaardelijke_invrijheidstelling",
        door=None,
    )

    verblijven = [g for g in _tijdlijn(alice, persoon) if g.soort == Soort.VERBLIJF]

    assert [(g.datum, g.titel, g.detail) for g in verblijven] == [
        (D(2026, 3, 1), "Vrijlating uit Gent", "voorwaardelijke invrijheidstelling"),
        (D(2026, 2, 1), "Overplaatsing van Antwerpen naar Gent", ""),
        (D(2026, 1, 5), "Aankomst in Antwerpen", "afdeling A1"),
    ]


def test_a_role_without_the_view_permissions_sees_only_stays_and_status(persoon, alice, eva, cgg):
    _dossier_vol(persoon, alice, cgg)

    soorten = {g.soort for g in _tijdlijn(eva, persoon)}

    assert soorten == {Soort.VERBLIJF, Soort.STATUUT}


def test_the_timeline_pins_its_queries(persoon, alice, cgg, django_assert_num_queries):
    _dossier_vol(persoon, alice, cgg)
    for i in range(5):  # more notes: the count does not grow
        notitie_schrijven(gedetineerde=persoon, niveau="gedeeld", tekst=f"n{i}", door=alice)
    zicht = inzicht(alice, persoon)
    # Loaded once per request anyway (opening the file needs them): permissions, prisons.
    alice.get_all_permissions()
    gevangenis_ids(alice)

    # stays, status changes, needs, intakes, plan versions, referral steps, notes,
    # case conferences, consents
    with django_assert_num_queries(9):
        tijdlijn(user=alice, gedetineerde=persoon, inzicht=zicht)


def test_a_consent_given_and_withdrawn_the_same_day_reads_in_that_order(persoon, alice, vdab):
    onthaal_registreren(
        verblijf=persoon.verblijven.get(), datum=timezone.localdate(), door=alice, behoeften=[]
    )
    toestemming = toestemming_geven(
        gedetineerde=persoon, organisatie=vdab, categorie="plan", door=alice
    )
    toestemming_intrekken(toestemming=toestemming, door=alice)
    titels = [
        g.titel for g in tijdlijn(user=alice, gedetineerde=persoon, inzicht=inzicht(alice, persoon))
    ]
    ingetrokken = next(i for i, t in enumerate(titels) if t.startswith("Toestemming ingetrokken"))
    gegeven = next(i for i, t in enumerate(titels) if t.startswith("Toestemming gegeven"))
    onthaal = next(i for i, t in enumerate(titels) if "nthaal" in t)
    assert ingetrokken < gegeven < onthaal  # newest first
