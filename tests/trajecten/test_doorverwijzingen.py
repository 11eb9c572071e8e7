"""Referrals: to an organisation or an offer, sent under consent, answered by the receiver."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aanbod.services.catalogus import aanbod_archiveren
from hdv import rollen
from hdv.models import Auditrecord
from tests.conftest import _medewerker
from tests.factories import GedetineerdeFactory, OrganisatieFactory
from trajecten.models import Doorverwijzing, Doorverwijzingsstap
from trajecten.services.doorverwijzingen import (
    doorverwijzing_aanmaken,
    doorverwijzing_afronden,
    doorverwijzing_beantwoorden,
    doorverwijzing_intrekken,
    doorverwijzing_versturen,
)
from trajecten.services.notities import toestemming_geven, toestemming_intrekken
from trajecten.services.onthaal import behoefte_vastleggen

pytestmark = pytest.mark.django_db

S = Doorverwijzing.Status


@pytest.fixture
def ocmw(db):
    return OrganisatieFactory(
        naam="OCMW Antwerpen", afkorting="OCMW-ANT", soort="extern", sector="welzijn"
    )


@pytest.fixture
def vera(antwerpen, vdab):
    """Of VDAB in Antwerpen, but not allowed to answer referrals."""
    return _medewerker("vera", vdab, [antwerpen], rollen.ORGANISATIEONDERSTEUNER)


@pytest.fixture
def toestemming_vdab(persoon, vdab, alice):
    return toestemming_geven(
        gedetineerde=persoon, organisatie=vdab, categorie="doorverwijzingen", door=alice
    )


def _naar_vdab(persoon, alice, vdab, **extra):
    return doorverwijzing_aanmaken(
        gedetineerde=persoon,
        naar_organisatie=vdab,
        levensdomein="werk",
        plaats="binnen",
        motivatie=" Wil werken in de gevangenis ",
        door=alice,
        **extra,
    )


@pytest.fixture
def verstuurd(persoon, alice, vdab, toestemming_vdab):
    return _naar_vdab(persoon, alice, vdab, versturen=True)


def _stappen(doorverwijzing):
    return list(
        Doorverwijzingsstap.objects.filter(doorverwijzing=doorverwijzing).values_list(
            "van_status", "naar_status"
        )
    )


def test_a_referral_to_an_offer_goes_to_its_organisation(persoon, alice, caw, cvo, nederlands):
    doorverwijzing = doorverwijzing_aanmaken(
        gedetineerde=persoon, aanbod=nederlands, plaats="binnen", motivatie="NT2", door=alice
    )
    doorverwijzing.refresh_from_db()
    assert (doorverwijzing.naar_organisatie, doorverwijzing.levensdomein) == (cvo, "onderwijs")
    assert (doorverwijzing.van_organisatie, doorverwijzing.aangemaakt_door) == (caw, alice)
    assert (doorverwijzing.status, doorverwijzing.verstuurd_op) == (S.CONCEPT, None)
    assert _stappen(doorverwijzing) == [("", S.CONCEPT)]
    assert Auditrecord.objects.filter(actie="doorverwijzing aangemaakt").count() == 1


def test_an_offer_of_another_organisation_than_named_is_refused(persoon, alice, vdab, nederlands):
    with pytest.raises(ValidationError) as fout:
        doorverwijzing_aanmaken(
            gedetineerde=persoon,
            aanbod=nederlands,
            naar_organisatie=vdab,
            plaats="binnen",
            motivatie="NT2",
            door=alice,
        )
    assert "naar_organisatie" in fout.value.message_dict
    assert not Doorverwijzing.objects.exists()


def test_an_archived_offer_is_refused(persoon, alice, nederlands):
    gearchiveerd = aanbod_archiveren(aanbod=nederlands, door=None)
    with pytest.raises(ValidationError) as fout:
        doorverwijzing_aanmaken(
            gedetineerde=persoon, aanbod=gearchiveerd, plaats="binnen", motivatie="NT2", door=alice
        )
    assert "gearchiveerd" in fout.value.message_dict["aanbod"][0]
    assert not Doorverwijzing.objects.exists()


def test_a_need_of_another_person_is_refused(persoon, antwerpen, alice, vdab):
    ander = GedetineerdeFactory(huidige_gevangenis=antwerpen)
    behoefte = behoefte_vastleggen(
        gedetineerde=ander, levensdomein="werk", antwoord="ja", door=alice
    )
    with pytest.raises(ValidationError) as fout:
        _naar_vdab(persoon, alice, vdab, behoefte=behoefte)
    assert "andere persoon" in fout.value.message_dict["behoefte"][0]
    assert not Doorverwijzing.objects.exists()


def test_a_need_of_the_person_gives_the_domain(persoon, alice, vdab):
    behoefte = behoefte_vastleggen(
        gedetineerde=persoon, levensdomein="wonen", antwoord="ja", door=alice
    )
    doorverwijzing = doorverwijzing_aanmaken(
        gedetineerde=persoon,
        naar_organisatie=vdab,
        behoefte=behoefte,
        plaats="buiten",
        motivatie="Woonst",
        door=alice,
    )
    assert (doorverwijzing.behoefte, doorverwijzing.levensdomein) == (behoefte, "wonen")


def test_the_fields_are_checked_together(persoon, alice):
    with pytest.raises(ValidationError) as fout:
        doorverwijzing_aanmaken(gedetineerde=persoon, plaats="", motivatie=" ", door=alice)
    assert set(fout.value.message_dict) == {
        "naar_organisatie",
        "levensdomein",
        "plaats",
        "motivatie",
    }


def test_sending_needs_the_consent_of_the_receiving_organisation(persoon, alice, vdab):
    doorverwijzing = _naar_vdab(persoon, alice, vdab)
    with pytest.raises(ValidationError) as fout:
        doorverwijzing_versturen(doorverwijzing=doorverwijzing, door=alice)
    assert "toestemming" in fout.value.message_dict["naar_organisatie"][0]
    doorverwijzing.refresh_from_db()
    assert (doorverwijzing.status, doorverwijzing.verstuurd_op) == (S.CONCEPT, None)
    assert _stappen(doorverwijzing) == [("", S.CONCEPT)]


def test_sending_at_once_without_consent_saves_nothing(persoon, alice, vdab):
    with pytest.raises(ValidationError):
        _naar_vdab(persoon, alice, vdab, versturen=True)
    assert not Doorverwijzing.objects.exists()


def test_a_referral_within_the_own_organisation_needs_no_consent(persoon, alice, caw):
    doorverwijzing = doorverwijzing_aanmaken(
        gedetineerde=persoon,
        naar_organisatie=caw,
        levensdomein="welzijn",
        plaats="binnen",
        motivatie="Psychosociaal",
        door=alice,
        versturen=True,
    )
    assert doorverwijzing.status == S.VERSTUURD


def test_the_full_lifecycle_is_kept_with_its_times(persoon, alice, bob, vdab, toestemming_vdab):
    doorverwijzing = _naar_vdab(persoon, alice, vdab)
    doorverwijzing = doorverwijzing_versturen(doorverwijzing=doorverwijzing, door=alice)
    assert doorverwijzing.status == S.VERSTUURD
    assert doorverwijzing.verstuurd_op is not None
    assert doorverwijzing.beantwoord_op is None

    doorverwijzing = doorverwijzing_beantwoorden(
        doorverwijzing=doorverwijzing, aanvaard=True, antwoord=" Op de wachtlijst ", door=bob
    )
    assert (doorverwijzing.status, doorverwijzing.antwoord) == (S.AANVAARD, "Op de wachtlijst")
    assert doorverwijzing.beantwoord_op >= doorverwijzing.verstuurd_op
    assert doorverwijzing.antwoordtijd == doorverwijzing.beantwoord_op - doorverwijzing.verstuurd_op
    assert doorverwijzing.antwoordtijd >= datetime.timedelta(0)
    assert doorverwijzing.afgesloten_op is None
    assert doorverwijzing.open

    doorverwijzing = doorverwijzing_afronden(
        doorverwijzing=doorverwijzing, door=alice, toelichting="Werkt in de keuken"
    )
    doorverwijzing.refresh_from_db()
    assert doorverwijzing.status == S.AFGEROND
    assert doorverwijzing.afgesloten_op >= doorverwijzing.beantwoord_op
    assert not doorverwijzing.open
    assert _stappen(doorverwijzing) == [
        ("", S.CONCEPT),
        (S.CONCEPT, S.VERSTUURD),
        (S.VERSTUURD, S.AANVAARD),
        (S.AANVAARD, S.AFGEROND),
    ]
    stappen = list(doorverwijzing.stappen.all())
    assert [s.door for s in stappen] == [alice, alice, bob, alice]
    assert stappen[2].toelichting == "Op de wachtlijst"
    assert stappen[3].toelichting == "Werkt in de keuken"
    acties = set(Auditrecord.objects.values_list("actie", flat=True))
    assert {"doorverwijzing verstuurd", "doorverwijzing aanvaard", "doorverwijzing afgerond"} <= (
        acties
    )


def test_a_refusal_needs_a_reason_and_closes_it(verstuurd, bob):
    with pytest.raises(ValidationError) as fout:
        doorverwijzing_beantwoorden(doorverwijzing=verstuurd, aanvaard=False, door=bob)
    assert "weigerreden" in fout.value.message_dict
    assert Doorverwijzing.objects.get(pk=verstuurd.pk).status == S.VERSTUURD

    doorverwijzing = doorverwijzing_beantwoorden(
        doorverwijzing=verstuurd, aanvaard=False, weigerreden="geen_plaats", door=bob
    )
    doorverwijzing.refresh_from_db()
    assert (doorverwijzing.status, doorverwijzing.weigerreden) == (S.GEWEIGERD, "geen_plaats")
    assert doorverwijzing.beantwoord_op is not None
    assert doorverwijzing.afgesloten_op is not None


def test_illegal_transitions_are_refused(persoon, alice, bob, vdab, toestemming_vdab):
    concept = _naar_vdab(persoon, alice, vdab)
    with pytest.raises(ValidationError) as fout:
        doorverwijzing_beantwoorden(doorverwijzing=concept, aanvaard=True, door=bob)
    assert "status" in fout.value.message_dict
    with pytest.raises(ValidationError):
        doorverwijzing_afronden(doorverwijzing=concept, door=alice)

    verstuurd = doorverwijzing_versturen(doorverwijzing=concept, door=alice)
    with pytest.raises(ValidationError):
        doorverwijzing_versturen(doorverwijzing=verstuurd, door=alice)
    with pytest.raises(ValidationError):
        doorverwijzing_afronden(doorverwijzing=verstuurd, door=alice)

    ingetrokken = doorverwijzing_intrekken(doorverwijzing=verstuurd, door=alice, toelichting="weg")
    assert ingetrokken.afgesloten_op is not None
    for actie in (
        lambda: doorverwijzing_beantwoorden(doorverwijzing=ingetrokken, aanvaard=True, door=bob),
        lambda: doorverwijzing_intrekken(doorverwijzing=ingetrokken, door=alice),
        lambda: doorverwijzing_afronden(doorverwijzing=ingetrokken, door=alice),
    ):
        with pytest.raises(ValidationError):
            actie()
    ingetrokken.refresh_from_db()
    assert ingetrokken.status == S.INGETROKKEN
    assert len(_stappen(ingetrokken)) == 3


def test_only_the_receiver_with_the_permission_answers(verstuurd, alice, vera, charlie):
    for door in (alice, vera, charlie):
        with pytest.raises(PermissionDenied):
            doorverwijzing_beantwoorden(doorverwijzing=verstuurd, aanvaard=True, door=door)
    verstuurd.refresh_from_db()
    assert (verstuurd.status, verstuurd.beantwoord_op) == (S.VERSTUURD, None)


def test_only_the_referrer_sends_and_withdraws(persoon, alice, bob, vdab, toestemming_vdab):
    doorverwijzing = _naar_vdab(persoon, alice, vdab)
    with pytest.raises(PermissionDenied):
        doorverwijzing_versturen(doorverwijzing=doorverwijzing, door=bob)
    with pytest.raises(PermissionDenied):
        doorverwijzing_intrekken(doorverwijzing=doorverwijzing, door=bob)
    assert Doorverwijzing.objects.get(pk=doorverwijzing.pk).status == S.CONCEPT


def test_for_an_outside_partner_the_referrer_records_the_answer(persoon, alice, bob, ocmw):
    toestemming_geven(
        gedetineerde=persoon, organisatie=ocmw, categorie="doorverwijzingen", door=alice
    )
    doorverwijzing = doorverwijzing_aanmaken(
        gedetineerde=persoon,
        naar_organisatie=ocmw,
        levensdomein="wonen",
        plaats="buiten",
        motivatie="Leefloon na de vrijlating",
        door=alice,
        versturen=True,
    )
    with pytest.raises(PermissionDenied):
        doorverwijzing_beantwoorden(doorverwijzing=doorverwijzing, aanvaard=True, door=bob)
    doorverwijzing = doorverwijzing_beantwoorden(
        doorverwijzing=doorverwijzing, aanvaard=True, antwoord="Telefonisch bevestigd", door=alice
    )
    assert doorverwijzing.status == S.AANVAARD
    assert doorverwijzing.stappen.last().door == alice


def test_a_withdrawn_consent_stops_the_receiver_from_answering(
    verstuurd, toestemming_vdab, alice, bob
):
    toestemming_intrekken(toestemming=toestemming_vdab, door=alice)
    with pytest.raises(PermissionDenied):
        doorverwijzing_beantwoorden(doorverwijzing=verstuurd, aanvaard=True, door=bob)
    verstuurd.refresh_from_db()
    assert (verstuurd.status, verstuurd.beantwoord_op) == (S.VERSTUURD, None)


def test_the_receiver_closes_an_accepted_referral_only_under_consent(
    verstuurd, toestemming_vdab, alice, bob, antwerpen, cvo
):
    carla = _medewerker("carla", cvo, [antwerpen], rollen.HULPVERLENER)
    aanvaard = doorverwijzing_beantwoorden(doorverwijzing=verstuurd, aanvaard=True, door=bob)
    with pytest.raises(PermissionDenied):
        doorverwijzing_afronden(doorverwijzing=aanvaard, door=carla)  # not involved
    toestemming_intrekken(toestemming=toestemming_vdab, door=alice)
    with pytest.raises(PermissionDenied):
        doorverwijzing_afronden(doorverwijzing=aanvaard, door=bob)
    assert Doorverwijzing.objects.get(pk=aanvaard.pk).status == S.AANVAARD
    # The referrer owns it and still closes it.
    assert doorverwijzing_afronden(doorverwijzing=aanvaard, door=alice).status == S.AFGEROND


def test_the_receiver_closes_an_accepted_referral(verstuurd, bob):
    aanvaard = doorverwijzing_beantwoorden(doorverwijzing=verstuurd, aanvaard=True, door=bob)
    afgerond = doorverwijzing_afronden(doorverwijzing=aanvaard, door=bob, toelichting="klaar")
    assert (afgerond.status, afgerond.stappen.last().door) == (S.AFGEROND, bob)
