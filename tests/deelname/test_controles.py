"""The checks at enrolment: each a warning, each overridable with a reason that is stored."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from aanbod.models import Aanbod, Doelgroep, Rapportagecategorie
from aanbod.services.catalogus import aanbod_in_gevangenis_opnemen, aanbod_opslaan
from aanbod.services.planning import SlotInvoer, activiteit_aanmaken
from deelname.controles import controleren
from deelname.models import Bron, Inschrijving, Inschrijvingsstap, Status, Stopreden
from deelname.services.inschrijvingen import (
    Waarschuwingen,
    inschrijving_aanvragen,
    inschrijving_stopzetten,
)
from trajecten.models import Gedetineerde
from trajecten.services.personen import doelgroepvlag_zetten

pytestmark = pytest.mark.django_db


def _aanvragen(persoon, door, **kwargs):
    return inschrijving_aanvragen(
        gedetineerde=persoon, bron=Bron.TRAJECTBEGELEIDER, door=door, **kwargs
    )


def _codes(fout):
    return [w.code for w in fout.value.waarschuwingen]


@pytest.fixture
def koken(cvo, antwerpen, vandaag):
    """Another group course in Antwerpen: a clash with it is a clash and nothing else."""
    aanbod = aanbod_opslaan(
        titel_nl="Koken voor beginners",
        beschrijving_nl="Je leert eenvoudige maaltijden koken.",
        levensdomein="onderwijs",
        organisatie=cvo,
        vorm=Aanbod.Vorm.GROEP,
        rapportagecategorie=Rapportagecategorie.objects.get(code="cvo-ligo-opleiding"),
        talen=["nl"],
        door=None,
    )
    aanbod_in_gevangenis_opnemen(
        aanbod=aanbod,
        gevangenis=antwerpen,
        sinds=vandaag - datetime.timedelta(days=30),
        capaciteit=12,
        door=None,
    )
    return aanbod


def _tweede_groep(aanbod, antwerpen, sportzaal, vandaag, begin, einde, weekdag=0):
    """Another group (of the course, or of another offer), in another room, on Mondays at
    the given hours."""
    return activiteit_aanmaken(
        aanbod=aanbod,
        gevangenis=antwerpen,
        naam="groep 2",
        startdatum=vandaag,
        einddatum=vandaag + datetime.timedelta(weeks=6),
        lokaal=sportzaal,
        capaciteit=10,
        slots=[SlotInvoer(weekdag=weekdag, begintijd=begin, eindtijd=einde)],
        door=None,
    )


def _geweigerd_zonder_spoor(persoon, fout):
    assert isinstance(fout.value, ValidationError)
    assert "waarschuwingen" in fout.value.message_dict
    assert not Inschrijving.objects.filter(gedetineerde=persoon).exists()
    assert not Inschrijvingsstap.objects.filter(inschrijving__gedetineerde=persoon).exists()


def test_no_warnings_for_a_plain_enrolment(persoon, activiteit, nederlands):
    assert controleren(gedetineerde=persoon, aanbod=nederlands, activiteit=activiteit) == []


# --- a clash with another session of the person ------------------------------------------


def test_a_clash_with_another_session_is_a_warning_and_can_be_overridden(
    persoon, activiteit, koken, antwerpen, sportzaal, vandaag, alice
):
    _aanvragen(persoon, alice, activiteit=activiteit)  # Mondays 9–11
    groep2 = _tweede_groep(
        koken, antwerpen, sportzaal, vandaag, datetime.time(10), datetime.time(12)
    )
    with pytest.raises(Waarschuwingen) as fout:
        _aanvragen(persoon, alice, activiteit=groep2)
    assert _codes(fout) == ["botsing"]
    assert "Nederlands tweede taal A1" in fout.value.waarschuwingen[0].tekst
    assert not Inschrijving.objects.filter(activiteit=groep2).exists()

    inschrijving = _aanvragen(
        persoon, alice, activiteit=groep2, overschrijven={"botsing": "  Eerste groep stopt.  "}
    )
    assert inschrijving.status == Status.INGESCHREVEN
    assert inschrijving.overschreven_waarschuwingen == [
        {
            "code": "botsing",
            "tekst": fout.value.waarschuwingen[0].tekst,
            "reden": "Eerste groep stopt.",
        }
    ]
    inschrijving.refresh_from_db()
    assert inschrijving.overschreven_waarschuwingen[0]["reden"] == "Eerste groep stopt."


def test_touching_sessions_and_other_days_are_no_clash(
    persoon, activiteit, koken, antwerpen, sportzaal, vandaag, alice
):
    _aanvragen(persoon, alice, activiteit=activiteit)  # Mon 9–11, Thu 13:30–15:30
    aansluitend = _tweede_groep(
        koken, antwerpen, sportzaal, vandaag, datetime.time(11), datetime.time(12)
    )
    assert controleren(gedetineerde=persoon, aanbod=koken, activiteit=aansluitend) == []
    dinsdag = activiteit_aanmaken(
        aanbod=koken,
        gevangenis=antwerpen,
        naam="groep 3",
        startdatum=vandaag,
        einddatum=vandaag + datetime.timedelta(weeks=6),
        lokaal=sportzaal,
        capaciteit=10,
        slots=[SlotInvoer(weekdag=1, begintijd=datetime.time(9), eindtijd=datetime.time(11))],
        door=None,
    )
    assert controleren(gedetineerde=persoon, aanbod=koken, activiteit=dinsdag) == []


def test_a_waiting_list_entry_is_no_clash(
    persoon, activiteit, koken, antwerpen, sportzaal, vandaag, alice
):
    activiteit.__class__.objects.filter(pk=activiteit.pk).update(capaciteit=0, minimum_deelnemers=0)
    assert _aanvragen(persoon, alice, activiteit=activiteit).status == Status.WACHTLIJST
    groep2 = _tweede_groep(
        koken, antwerpen, sportzaal, vandaag, datetime.time(10), datetime.time(12)
    )
    assert controleren(gedetineerde=persoon, aanbod=koken, activiteit=groep2) == []


# --- another group of the same offer -------------------------------------------------------


@pytest.fixture
def dinsdaggroep(nederlands, antwerpen, sportzaal, vandaag):
    """A second group of the Dutch course, on Tuesdays: no clash with the first."""
    return _tweede_groep(
        nederlands, antwerpen, sportzaal, vandaag, datetime.time(9), datetime.time(11), weekdag=1
    )


def test_another_group_of_the_same_offer_is_a_warning_naming_that_group(
    persoon, activiteit, nederlands, dinsdaggroep, alice
):
    _aanvragen(persoon, alice, activiteit=dinsdaggroep)
    with pytest.raises(Waarschuwingen) as fout:
        _aanvragen(persoon, alice, activiteit=activiteit)
    [waarschuwing] = fout.value.waarschuwingen
    assert waarschuwing.code == "groep"
    assert waarschuwing.tekst == (
        "Loopt al in een andere groep van dit aanbod: Nederlands tweede taal A1 – groep 2 "
        f"({dinsdaggroep.startdatum:%d/%m/%Y}–{dinsdaggroep.einddatum:%d/%m/%Y}, ingeschreven)."
    )
    _geweigerd_zonder_spoor_in(activiteit, persoon)

    inschrijving = _aanvragen(
        persoon,
        alice,
        activiteit=activiteit,
        overschrijven={"groep": "Wisselt naar de maandaggroep."},
    )
    assert inschrijving.status == Status.INGESCHREVEN
    assert inschrijving.overschreven_waarschuwingen == [
        {"code": "groep", "tekst": waarschuwing.tekst, "reden": "Wisselt naar de maandaggroep."}
    ]


def test_waiting_for_another_group_is_a_warning_too(
    persoon, activiteit, nederlands, dinsdaggroep, alice
):
    dinsdaggroep.__class__.objects.filter(pk=dinsdaggroep.pk).update(
        capaciteit=0, minimum_deelnemers=0
    )
    assert _aanvragen(persoon, alice, activiteit=dinsdaggroep).status == Status.WACHTLIJST
    [waarschuwing] = controleren(gedetineerde=persoon, aanbod=nederlands, activiteit=activiteit)
    assert waarschuwing.code == "groep"
    assert "groep 2" in waarschuwing.tekst
    assert "op de wachtlijst" in waarschuwing.tekst


def test_an_ended_enrolment_in_another_group_is_no_warning(
    persoon, activiteit, nederlands, dinsdaggroep, alice
):
    vorige = _aanvragen(persoon, alice, activiteit=dinsdaggroep)
    inschrijving_stopzetten(
        inschrijving=vorige,
        stopreden=Stopreden.objects.get(code="eigen-keuze"),
        beslist_door="deelnemer",
        door=None,
    )
    assert controleren(gedetineerde=persoon, aanbod=nederlands, activiteit=activiteit) == []


def test_a_group_of_another_offer_is_no_such_warning(
    persoon, activiteit, koken, antwerpen, sportzaal, vandaag, alice
):
    _aanvragen(persoon, alice, activiteit=activiteit)
    kookgroep = _tweede_groep(
        koken, antwerpen, sportzaal, vandaag, datetime.time(9), datetime.time(11), weekdag=2
    )
    assert controleren(gedetineerde=persoon, aanbod=koken, activiteit=kookgroep) == []


def _geweigerd_zonder_spoor_in(activiteit, persoon):
    assert not Inschrijving.objects.filter(activiteit=activiteit, gedetineerde=persoon).exists()


# --- remaining detention -----------------------------------------------------------------


def test_a_release_before_the_end_of_the_activity_is_a_warning(persoon, activiteit, alice, vandaag):
    Gedetineerde.objects.filter(pk=persoon.pk).update(
        strafeinde=vandaag + datetime.timedelta(weeks=2)
    )
    with pytest.raises(Waarschuwingen) as fout:
        _aanvragen(persoon, alice, activiteit=activiteit)
    assert _codes(fout) == ["detentie"]
    _geweigerd_zonder_spoor(persoon, fout)

    inschrijving = _aanvragen(
        persoon, alice, activiteit=activiteit, overschrijven={"detentie": "Vervolg buiten via CVO."}
    )
    assert inschrijving.overschreven_waarschuwingen[0]["code"] == "detentie"
    assert inschrijving.overschreven_waarschuwingen[0]["reden"] == "Vervolg buiten via CVO."


def test_a_release_after_the_end_is_fine(persoon, activiteit, nederlands, vandaag):
    Gedetineerde.objects.filter(pk=persoon.pk).update(
        strafeinde=vandaag + datetime.timedelta(weeks=30)
    )
    persoon.refresh_from_db()
    assert controleren(gedetineerde=persoon, aanbod=nederlands, activiteit=activiteit) == []


def test_an_individual_offer_checks_its_duration_and_minimum_detention(
    persoon, cvo, antwerpen, vandaag
):
    aanbod = aanbod_opslaan(
        titel_nl="Werkplekleren",
        beschrijving_nl="Leren op de werkvloer.",
        levensdomein="werk",
        organisatie=cvo,
        vorm=Aanbod.Vorm.INDIVIDUEEL,
        rapportagecategorie=Rapportagecategorie.objects.filter(actief=True).first(),
        duur_weken=12,
        door=None,
    )
    Gedetineerde.objects.filter(pk=persoon.pk).update(
        datum_vi=vandaag + datetime.timedelta(weeks=8)
    )
    persoon.refresh_from_db()
    assert [w.code for w in controleren(gedetineerde=persoon, aanbod=aanbod, activiteit=None)] == [
        "detentie"
    ]
    aanbod_opslaan(aanbod=aanbod, duur_weken=None, minimale_resterende_detentie_weken=10, door=None)
    waarschuwingen = controleren(gedetineerde=persoon, aanbod=aanbod, activiteit=None)
    assert [w.code for w in waarschuwingen] == ["detentie"]
    assert "10 weken" in waarschuwingen[0].tekst
    aanbod_opslaan(aanbod=aanbod, minimale_resterende_detentie_weken=4, door=None)
    assert controleren(gedetineerde=persoon, aanbod=aanbod, activiteit=None) == []


# --- Dutch level and languages -------------------------------------------------------------


@pytest.mark.parametrize(
    ("niveau", "waarschuwing"),
    [("onbekend", True), ("A0", True), ("A2", True), ("B1", False), ("C2", False)],
)
def test_the_dutch_level(persoon, activiteit, nederlands, alice, niveau, waarschuwing):
    aanbod_opslaan(aanbod=nederlands, vereist_nederlandsniveau="B1", door=None)
    Gedetineerde.objects.filter(pk=persoon.pk).update(niveau_nederlands=niveau)
    if not waarschuwing:
        assert _aanvragen(persoon, alice, activiteit=activiteit).status == Status.INGESCHREVEN
        return
    with pytest.raises(Waarschuwingen) as fout:
        _aanvragen(persoon, alice, activiteit=activiteit)
    assert _codes(fout) == ["niveau"]
    _geweigerd_zonder_spoor(persoon, fout)
    inschrijving = _aanvragen(
        persoon, alice, activiteit=activiteit, overschrijven={"niveau": "Test afgenomen: B1."}
    )
    assert inschrijving.overschreven_waarschuwingen[0]["reden"] == "Test afgenomen: B1."


def test_an_offer_in_a_language_the_person_does_not_speak(persoon, activiteit, nederlands, alice):
    aanbod_opslaan(aanbod=nederlands, talen=["fr", "en"], door=None)
    Gedetineerde.objects.filter(pk=persoon.pk).update(talen=["nl", "ar"])
    with pytest.raises(Waarschuwingen) as fout:
        _aanvragen(persoon, alice, activiteit=activiteit)
    assert _codes(fout) == ["taal"]
    assert "en, fr" in fout.value.waarschuwingen[0].tekst
    _geweigerd_zonder_spoor(persoon, fout)
    inschrijving = _aanvragen(
        persoon, alice, activiteit=activiteit, overschrijven={"taal": "Tolk aanwezig."}
    )
    assert inschrijving.overschreven_waarschuwingen[0]["code"] == "taal"


def test_a_shared_language_is_fine(persoon, activiteit, nederlands):
    aanbod_opslaan(aanbod=nederlands, talen=["fr", "en"], door=None)
    Gedetineerde.objects.filter(pk=persoon.pk).update(talen=["ar", "fr"])
    persoon.refresh_from_db()
    nederlands.refresh_from_db()
    assert controleren(gedetineerde=persoon, aanbod=nederlands, activiteit=activiteit) == []


# --- target groups ----------------------------------------------------------------------


def test_a_target_group_restriction(persoon, activiteit, nederlands, alice, vandaag):
    anderstaligen = Doelgroep.objects.get(code="anderstaligen")
    aanbod_opslaan(aanbod=nederlands, doelgroepen=[anderstaligen], door=None)
    with pytest.raises(Waarschuwingen) as fout:
        _aanvragen(persoon, alice, activiteit=activiteit)
    assert _codes(fout) == ["doelgroep"]
    assert "Anderstaligen" in fout.value.waarschuwingen[0].tekst
    _geweigerd_zonder_spoor(persoon, fout)

    doelgroepvlag_zetten(
        gedetineerde=persoon, doelgroep=anderstaligen, bron="onthaal", sinds=vandaag, door=alice
    )
    inschrijving = _aanvragen(persoon, alice, activiteit=activiteit)
    assert inschrijving.overschreven_waarschuwingen == []


def test_a_target_group_warning_overridden(persoon, activiteit, nederlands, alice):
    aanbod_opslaan(
        aanbod=nederlands, doelgroepen=[Doelgroep.objects.get(code="veelplegers")], door=None
    )
    inschrijving = _aanvragen(
        persoon, alice, activiteit=activiteit, overschrijven={"doelgroep": "Op vraag van de PSD."}
    )
    assert inschrijving.overschreven_waarschuwingen[0]["reden"] == "Op vraag van de PSD."


# --- several at once ------------------------------------------------------------------------


def test_each_warning_needs_its_own_non_blank_reason(
    persoon, activiteit, nederlands, alice, vandaag
):
    aanbod_opslaan(
        aanbod=nederlands,
        vereist_nederlandsniveau="B2",
        doelgroepen=[Doelgroep.objects.get(code="anderstaligen")],
        door=None,
    )
    Gedetineerde.objects.filter(pk=persoon.pk).update(
        strafeinde=vandaag + datetime.timedelta(days=20)
    )
    with pytest.raises(Waarschuwingen) as fout:
        _aanvragen(persoon, alice, activiteit=activiteit)
    assert sorted(_codes(fout)) == ["detentie", "doelgroep", "niveau"]
    assert len(fout.value.message_dict["waarschuwingen"]) == 3

    # A blank reason is no reason; an override of one leaves the others standing.
    with pytest.raises(Waarschuwingen) as fout:
        _aanvragen(
            persoon,
            alice,
            activiteit=activiteit,
            overschrijven={"detentie": "Kort maar nuttig.", "niveau": "   "},
        )
    assert sorted(_codes(fout)) == ["doelgroep", "niveau"]
    assert not Inschrijving.objects.exists()

    redenen = {"detentie": "Kort maar nuttig.", "niveau": "Haalt het.", "doelgroep": "PSD vraagt."}
    inschrijving = _aanvragen(persoon, alice, activiteit=activiteit, overschrijven=redenen)
    inschrijving.refresh_from_db()
    assert {w["code"]: w["reden"] for w in inschrijving.overschreven_waarschuwingen} == redenen
