"""Notes with three levels, the detainee's consent, and case conferences."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from hdv import rollen
from hdv.models import Auditrecord
from tests.conftest import _medewerker
from trajecten.models import Casusoverleg, Notitie, Toestemming
from trajecten.services.notities import (
    casusoverleg_vastleggen,
    notitie_schrijven,
    toestemming_geven,
    toestemming_intrekken,
)
from trajecten.zichtbaarheid import zichtbare_casusoverleggen, zichtbare_notities

pytestmark = pytest.mark.django_db

N = Notitie.Niveau
D = datetime.date


@pytest.fixture
def anna(antwerpen, caw):
    """alice's colleague at the CAW in Antwerpen."""
    return _medewerker("anna", caw, [antwerpen], rollen.TRAJECTBEGELEIDER)


@pytest.fixture
def albert(antwerpen, caw):
    """Another colleague at the CAW in Antwerpen, never named."""
    return _medewerker("albert", caw, [antwerpen], rollen.TRAJECTBEGELEIDER)


@pytest.fixture
def vic(antwerpen, vdab):
    """bob's colleague at VDAB."""
    return _medewerker("vic", vdab, [antwerpen], rollen.HULPVERLENER)


@pytest.fixture
def notities(persoon, alice, anna, charlie):
    """One note of each level by alice; the secret one names anna (and charlie, in Gent)."""
    return {
        N.GEDEELD: notitie_schrijven(gedetineerde=persoon, niveau=N.GEDEELD, tekst="g", door=alice),
        N.ORGANISATIE: notitie_schrijven(
            gedetineerde=persoon, niveau=N.ORGANISATIE, tekst="o", door=alice
        ),
        N.BEROEPSGEHEIM: notitie_schrijven(
            gedetineerde=persoon,
            niveau=N.BEROEPSGEHEIM,
            tekst="b",
            door=alice,
            gedeeld_met=[anna, charlie],
        ),
    }


def _niveaus(user):
    return sorted(zichtbare_notities(user).values_list("niveau", flat=True))


def test_it_writes_a_note_of_the_authors_organisation(persoon, alice, anna, caw):
    notitie = notitie_schrijven(
        gedetineerde=persoon,
        niveau=N.BEROEPSGEHEIM,
        tekst=" vertrouwelijk ",
        door=alice,
        gedeeld_met=[anna],
    )
    notitie.refresh_from_db()
    assert (notitie.tekst, notitie.organisatie, notitie.auteur) == ("vertrouwelijk", caw, alice)
    assert list(notitie.gedeeld_met.all()) == [anna]
    record = Auditrecord.objects.get(actie="notitie geschreven")
    assert record.velden == ["gedeeld_met", "niveau", "tekst"]  # names, never the text


def test_a_note_is_checked(persoon, alice, anna, bob):
    with pytest.raises(ValidationError) as fout:
        notitie_schrijven(gedetineerde=persoon, niveau="geheim", tekst=" ", door=alice)
    assert set(fout.value.message_dict) == {"niveau", "tekst"}
    with pytest.raises(ValidationError) as fout:
        notitie_schrijven(
            gedetineerde=persoon, niveau=N.GEDEELD, tekst="x", door=alice, gedeeld_met=[anna]
        )
    assert "beroepsgeheim" in fout.value.message_dict["gedeeld_met"][0]
    with pytest.raises(ValidationError) as fout:
        notitie_schrijven(
            gedetineerde=persoon, niveau=N.BEROEPSGEHEIM, tekst="x", door=alice, gedeeld_met=[bob]
        )
    assert "eigen organisatie" in fout.value.message_dict["gedeeld_met"][0]
    assert not Notitie.objects.exists()


def test_the_author_reads_all_three_levels(notities, alice):
    assert _niveaus(alice) == ["beroepsgeheim", "gedeeld", "organisatie"]


def test_a_named_colleague_reads_the_secret_note(notities, anna):
    assert _niveaus(anna) == ["beroepsgeheim", "gedeeld", "organisatie"]


def test_a_colleague_not_named_reads_the_shared_and_organisation_notes(notities, albert):
    assert _niveaus(albert) == ["gedeeld", "organisatie"]


def test_another_organisation_reads_nothing_without_consent(notities, bob):
    assert _niveaus(bob) == []


def test_a_colleague_in_another_prison_reads_nothing_even_when_named(notities, charlie):
    assert _niveaus(charlie) == []


def test_consent_for_notes_opens_only_the_shared_notes(notities, persoon, bob, vic, vdab, alice):
    toestemming = toestemming_geven(
        gedetineerde=persoon, organisatie=vdab, categorie="notities", door=alice
    )
    assert _niveaus(bob) == ["gedeeld"]
    assert _niveaus(vic) == ["gedeeld"]  # consent is per organisation

    toestemming_intrekken(toestemming=toestemming, door=alice)
    assert _niveaus(bob) == []


def test_consent_for_another_category_opens_no_notes(notities, persoon, bob, vdab, alice):
    toestemming_geven(gedetineerde=persoon, organisatie=vdab, categorie="plan", door=alice)
    assert _niveaus(bob) == []


def test_consent_of_another_person_opens_nothing(notities, antwerpen, bob, vdab, alice):
    from tests.factories import GedetineerdeFactory

    ander = GedetineerdeFactory(huidige_gevangenis=antwerpen)
    toestemming_geven(gedetineerde=ander, organisatie=vdab, categorie="notities", door=alice)
    assert _niveaus(bob) == []


def test_a_note_is_listed_once_whatever_the_joins(notities, persoon, alice, anna, albert, vdab):
    eerst = toestemming_geven(
        gedetineerde=persoon,
        organisatie=vdab,
        categorie="notities",
        door=alice,
        gegeven_op=D(2026, 2, 1),
    )
    toestemming_intrekken(toestemming=eerst, door=alice, ingetrokken_op=D(2026, 3, 1))
    toestemming_geven(gedetineerde=persoon, organisatie=vdab, categorie="notities", door=alice)
    notitie_schrijven(
        gedetineerde=persoon,
        niveau=N.BEROEPSGEHEIM,
        tekst="2",
        door=alice,
        gedeeld_met=[anna, albert],
    )
    assert zichtbare_notities(alice).count() == 4
    assert zichtbare_notities(anna).count() == 4


def test_a_second_active_consent_is_refused(persoon, vdab, alice):
    toestemming_geven(gedetineerde=persoon, organisatie=vdab, categorie="notities", door=alice)
    with pytest.raises(ValidationError) as fout:
        toestemming_geven(gedetineerde=persoon, organisatie=vdab, categorie="notities", door=alice)
    assert "al gegeven" in fout.value.message_dict["categorie"][0]
    assert Toestemming.objects.count() == 1
    assert Auditrecord.objects.filter(actie="toestemming gegeven").count() == 1


def test_after_a_withdrawal_consent_can_be_given_again(persoon, vdab, alice):
    eerst = toestemming_geven(
        gedetineerde=persoon,
        organisatie=vdab,
        categorie="plan",
        door=alice,
        gegeven_op=D(2026, 2, 1),
    )
    ingetrokken = toestemming_intrekken(toestemming=eerst, door=alice)
    assert (ingetrokken.ingetrokken_op, ingetrokken.ingetrokken_door) == (
        timezone.localdate(),
        alice,
    )
    assert not ingetrokken.actief
    opnieuw = toestemming_geven(
        gedetineerde=persoon, organisatie=vdab, categorie="plan", door=alice
    )
    assert opnieuw.actief
    with pytest.raises(ValidationError):
        toestemming_intrekken(toestemming=eerst, door=alice)


def test_consent_dates_are_checked(persoon, vdab, alice):
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as fout:
        toestemming_geven(
            gedetineerde=persoon, organisatie=vdab, categorie="x", door=alice, gegeven_op=morgen
        )
    assert set(fout.value.message_dict) == {"categorie", "gegeven_op"}
    toestemming = toestemming_geven(
        gedetineerde=persoon,
        organisatie=vdab,
        categorie="plan",
        door=alice,
        gegeven_op=D(2026, 3, 1),
    )
    with pytest.raises(ValidationError) as fout:
        toestemming_intrekken(toestemming=toestemming, door=alice, ingetrokken_op=D(2026, 2, 1))
    assert "ingetrokken_op" in fout.value.message_dict
    assert Toestemming.objects.get().actief


@pytest.fixture
def overleg(persoon, alice, bob):
    return casusoverleg_vastleggen(
        gedetineerde=persoon,
        datum=D(2026, 3, 2),
        onderwerp=" Werk en wonen ",
        besluiten=" VDAB start in april ",
        deelnemers=[bob],
        externe_deelnemers="PSD",
        door=alice,
    )


def test_a_case_conference_keeps_its_participants(overleg, alice, bob, caw):
    overleg.refresh_from_db()
    assert (overleg.onderwerp, overleg.besluiten, overleg.organisatie) == (
        "Werk en wonen",
        "VDAB start in april",
        caw,
    )
    assert set(overleg.deelnemers.all()) == {alice, bob}
    assert Auditrecord.objects.filter(actie="casusoverleg vastgelegd").count() == 1


def test_a_case_conference_is_for_its_participants_and_the_organiser(
    overleg, alice, anna, bob, vic, charlie
):
    for user in (alice, anna, bob):
        assert list(zichtbare_casusoverleggen(user)) == [overleg], user
    for user in (vic, charlie):
        assert not zichtbare_casusoverleggen(user).exists(), user


def test_a_case_conference_is_checked(persoon, alice, charlie):
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as fout:
        casusoverleg_vastleggen(
            gedetineerde=persoon,
            datum=morgen,
            onderwerp=" ",
            besluiten="",
            deelnemers=[charlie],
            door=alice,
        )
    assert set(fout.value.message_dict) == {"datum", "onderwerp", "besluiten", "deelnemers"}
    assert not Casusoverleg.objects.exists()
