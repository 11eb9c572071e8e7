"""Content of a file by organisation and consent: trajecten.zichtbaarheid.inzicht."""

import pytest

from trajecten.services.doorverwijzingen import doorverwijzing_aanmaken
from trajecten.services.notities import toestemming_geven, toestemming_intrekken
from trajecten.services.onthaal import BehoefteInvoer, onthaal_registreren
from trajecten.services.plannen import plan_openen
from trajecten.zichtbaarheid import heeft_toestemming, inzicht

pytestmark = pytest.mark.django_db


@pytest.fixture
def dossier(persoon, alice, vdab, cvo):
    """alice's (CAW) intake, plan and a referral to CVO for the persoon."""
    onthaal = onthaal_registreren(
        verblijf=persoon.verblijven.get(),
        datum=persoon.verblijven.get().van,
        door=alice,
        behoeften=[BehoefteInvoer("werk", "ja", "hoog")],
    )
    return {
        "onthaal": onthaal,
        "behoefte": onthaal.behoeften.get(),
        "plan": plan_openen(gedetineerde=persoon, door=alice),
        "doorverwijzing": doorverwijzing_aanmaken(
            gedetineerde=persoon,
            naar_organisatie=cvo,
            levensdomein="onderwijs",
            plaats="binnen",
            motivatie="NT2",
            door=alice,
        ),
    }


def _leest(user, persoon, dossier):
    kijk = inzicht(user, persoon)
    return {
        "onthaal": kijk.onthaal(dossier["onthaal"]),
        "behoefte": kijk.behoefte(dossier["behoefte"]),
        "plan": kijk.plan(dossier["plan"]),
        "doorverwijzing": kijk.doorverwijzing(dossier["doorverwijzing"]),
        "vrijlating": kijk.vrijlating(),
    }


ALLES = {"onthaal": True, "behoefte": True, "plan": True, "doorverwijzing": True}
NIETS = {"onthaal": False, "behoefte": False, "plan": False, "doorverwijzing": False}


def test_the_owning_organisation_reads_everything(dossier, persoon, alice):
    assert _leest(alice, persoon, dossier) == ALLES | {"vrijlating": True}


def test_another_organisation_reads_nothing_without_consent(dossier, persoon, bob):
    assert _leest(bob, persoon, dossier) == NIETS | {"vrijlating": False}


@pytest.mark.parametrize(
    ("categorie", "opent"),
    [
        ("onthaal", {"onthaal", "behoefte"}),
        ("plan", {"plan"}),
        ("doorverwijzingen", {"doorverwijzing"}),
        ("vrijlating", {"vrijlating"}),
        ("notities", set()),
    ],
)
def test_consent_opens_its_own_category_only(dossier, persoon, bob, vdab, alice, categorie, opent):
    toestemming_geven(gedetineerde=persoon, organisatie=vdab, categorie=categorie, door=alice)
    gelezen = _leest(bob, persoon, dossier)
    assert {naam for naam, mag in gelezen.items() if mag} == opent


def test_a_withdrawal_takes_effect_on_the_next_read(dossier, persoon, bob, vdab, alice):
    toestemming = toestemming_geven(
        gedetineerde=persoon, organisatie=vdab, categorie="plan", door=alice
    )
    assert inzicht(bob, persoon).plan(dossier["plan"])
    assert heeft_toestemming(persoon, vdab.pk, "plan")
    toestemming_intrekken(toestemming=toestemming, door=alice)
    assert not inzicht(bob, persoon).plan(dossier["plan"])
    assert not heeft_toestemming(persoon, vdab.pk, "plan")


def test_the_receiver_of_a_referral_reads_it_only_with_consent(dossier, persoon, cvo, alice):
    from hdv import rollen
    from tests.conftest import _medewerker

    carla = _medewerker("carla", cvo, [persoon.huidige_gevangenis], rollen.HULPVERLENER)
    assert not inzicht(carla, persoon).doorverwijzing(dossier["doorverwijzing"])
    toestemming_geven(
        gedetineerde=persoon, organisatie=cvo, categorie="doorverwijzingen", door=alice
    )
    assert inzicht(carla, persoon).doorverwijzing(dossier["doorverwijzing"])


def test_consent_for_another_organisation_opens_nothing_for_bob(dossier, persoon, cvo, bob, alice):
    toestemming_geven(gedetineerde=persoon, organisatie=cvo, categorie="plan", door=alice)
    assert not inzicht(bob, persoon).plan(dossier["plan"])


def test_a_user_without_an_organisation_reads_nothing(dossier, persoon, django_user_model):
    zonder = django_user_model.objects.create_user("zonder", password="x")
    assert _leest(zonder, persoon, dossier) == NIETS | {"vrijlating": False}
