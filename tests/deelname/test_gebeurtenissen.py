"""A transfer, a release or another end of the stay (death, other) ends the running
enrolments and waiting-list entries in the prison the person left, as the system's decision,
answers the open requests there, and tells the activities' supervisors.

The stay changes here are made by alice (CAW) or the feed: neither manages the CVO's course,
and the system's stop does not ask them to (deelname.beheer)."""

import datetime

import pytest

from aanbod.models import Aanbod, Activiteit, Rapportagecategorie
from aanbod.services.catalogus import aanbod_in_gevangenis_opnemen, aanbod_opslaan
from aanbod.services.planning import SlotInvoer, activiteit_aanmaken
from deelname.models import Aanvraag, Bron, Inschrijving, Inschrijvingsstap, Status, Stopreden
from deelname.services.aanvragen import aanvraag_indienen, terminalaccount_aanmaken
from deelname.services.inschrijvingen import inschrijving_aanvragen, inschrijving_afronden
from tests.factories import GedetineerdeFactory
from trajecten.bevolkingsfeed import KOLOMMEN
from trajecten.bevolkingsimport import bevolkingsimport_uit_bestand, bevolkingsimport_verwerken
from trajecten.models import Taak
from trajecten.services import (
    gedetineerde_overplaatsen,
    gedetineerde_vrijlaten,
    verblijf_beeindigen,
)

pytestmark = pytest.mark.django_db

S = Status


def _aanvragen(persoon, activiteit, door):
    return inschrijving_aanvragen(
        gedetineerde=persoon,
        activiteit=activiteit,
        bron=Bron.TRAJECTBEGELEIDER,
        door=door,
        # The person is in several groups of the same course on purpose.
        overschrijven={"groep": "Testopstelling"},
    )


@pytest.fixture
def volzette_groep(nederlands, antwerpen, sportzaal, vandaag, olga):
    """A second group, without places: whoever asks waits."""
    groep = activiteit_aanmaken(
        aanbod=nederlands,
        gevangenis=antwerpen,
        naam="groep 2",
        startdatum=vandaag,
        einddatum=vandaag + datetime.timedelta(weeks=4),
        lokaal=sportzaal,
        capaciteit=1,
        slots=[SlotInvoer(weekdag=4, begintijd=datetime.time(9), eindtijd=datetime.time(11))],
        begeleiders=[olga.medewerker],
        door=olga,
    )
    Activiteit.objects.filter(pk=groep.pk).update(capaciteit=0, minimum_deelnemers=0)
    return groep


@pytest.fixture
def deelnames(persoon, antwerpen, activiteit, volzette_groep, olga, alice):
    """The person: placed in one group, waiting for another, done with a third; and someone
    else placed in the same group."""
    geplaatst = _aanvragen(persoon, activiteit, alice)
    wachtend = _aanvragen(persoon, volzette_groep, alice)
    assert (geplaatst.status, wachtend.status) == (S.INGESCHREVEN, S.WACHTLIJST)
    afgerond_in = activiteit_aanmaken(
        aanbod=activiteit.aanbod,
        gevangenis=antwerpen,
        naam="vorige reeks",
        startdatum=activiteit.startdatum,
        einddatum=activiteit.einddatum,
        lokaal=activiteit.lokaal,
        capaciteit=5,
        slots=[SlotInvoer(weekdag=2, begintijd=datetime.time(9), eindtijd=datetime.time(11))],
        door=olga,
    )
    afgerond = inschrijving_afronden(
        inschrijving=_aanvragen(persoon, afgerond_in, alice), door=olga, attest=True
    )
    ander = _aanvragen(GedetineerdeFactory(huidige_gevangenis=antwerpen), activiteit, alice)
    return {"geplaatst": geplaatst, "wachtend": wachtend, "afgerond": afgerond, "ander": ander}


def _status(inschrijving):
    inschrijving.refresh_from_db()
    return inschrijving.status


def _gestopt_door_het_systeem(inschrijving, reden, datum, door):
    inschrijving.refresh_from_db()
    assert inschrijving.status == S.STOPGEZET
    assert inschrijving.stopreden.code == reden
    assert inschrijving.gestopt_door == Inschrijving.BeslistDoor.SYSTEEM
    stap = Inschrijvingsstap.objects.filter(inschrijving=inschrijving).last()
    assert (stap.naar_status, stap.datum, stap.door) == (S.STOPGEZET, datum, door)


def _onaangeroerd(deelnames):
    assert _status(deelnames["afgerond"]) == S.AFGEROND
    assert _status(deelnames["ander"]) == S.INGESCHREVEN


def test_a_transfer_ends_the_enrolments_in_the_old_prison(
    persoon, gent, deelnames, alice, olga, antwerpen, vandaag
):
    gedetineerde_overplaatsen(gedetineerde=persoon, naar=gent, datum=vandaag, door=alice)

    for sleutel in ("geplaatst", "wachtend"):
        _gestopt_door_het_systeem(deelnames[sleutel], "overplaatsing", vandaag, alice)
    _onaangeroerd(deelnames)

    taak = Taak.objects.get(toegewezen_aan=olga)
    assert (taak.soort, taak.gevangenis, taak.gedetineerde) == (
        Taak.Soort.OVERPLAATSING,
        antwerpen,
        persoon,
    )
    assert persoon.detineenummer in taak.titel
    assert "overplaatsing" in taak.titel
    assert taak.inhoud.splitlines() == [
        "Nederlands tweede taal A1",
        "Nederlands tweede taal A1 – groep 2",
    ]


def test_a_release_ends_them_with_the_release_reason(persoon, deelnames, alice, olga, vandaag):
    gedetineerde_vrijlaten(
        gedetineerde=persoon, datum=vandaag, vrijlatingssoort="strafeinde", door=alice
    )
    for sleutel in ("geplaatst", "wachtend"):
        _gestopt_door_het_systeem(deelnames[sleutel], "vrijlating", vandaag, alice)
    _onaangeroerd(deelnames)
    taak = Taak.objects.get(toegewezen_aan=olga)
    assert taak.soort == Taak.Soort.VRIJLATING
    assert "vrijlating" in taak.titel


def test_enrolments_in_another_prison_are_left_alone(persoon, gent, deelnames, alice, vandaag):
    # Left over from an earlier stay in Gent (imported history): not the prison being left.
    elders = Inschrijving.objects.create(
        gedetineerde=persoon,
        gevangenis=gent,
        aanbod=deelnames["geplaatst"].aanbod,
        bron=Bron.ANDERE,
        status=S.INGESCHREVEN,
        aangevraagd_op=deelnames["geplaatst"].aangevraagd_op,
    )
    gedetineerde_vrijlaten(
        gedetineerde=persoon, datum=vandaag, vrijlatingssoort="strafeinde", door=alice
    )
    assert _status(elders) == S.INGESCHREVEN
    assert _status(deelnames["geplaatst"]) == S.STOPGEZET


def test_no_enrolments_no_task(persoon, gent, alice, olga, activiteit, vandaag):
    gedetineerde_overplaatsen(gedetineerde=persoon, naar=gent, datum=vandaag, door=alice)
    assert not Taak.objects.filter(toegewezen_aan=olga).exists()


def test_a_supervisor_elsewhere_gets_no_task(persoon, gent, deelnames, alice, olga, vandaag):
    olga.medewerker.gevangenissen.set([gent])
    gedetineerde_overplaatsen(gedetineerde=persoon, naar=gent, datum=vandaag, door=alice)
    assert _status(deelnames["geplaatst"]) == S.STOPGEZET
    assert not Taak.objects.filter(toegewezen_aan=olga).exists()


# --- through the population feed ----------------------------------------------------------


def _rij(**waarden):
    return ";".join(waarden.get(kolom, "") for kolom in KOLOMMEN)


def test_the_population_feed_ends_them_too(
    persoon, antwerpen, gent, activiteit, deelnames, olga, alice, vandaag
):
    tweede = GedetineerdeFactory(huidige_gevangenis=antwerpen)
    van_tweede = _aanvragen(tweede, activiteit, alice)
    datum = vandaag.isoformat()
    inhoud = "\n".join(
        [
            ";".join(KOLOMMEN),
            _rij(
                soort="overplaatsing",
                detineenummer=persoon.detineenummer,
                gevangenis="GEN",
                afdeling="C",
                datum=datum,
            ),
            _rij(
                soort="vrijlating",
                detineenummer=tweede.detineenummer,
                datum=datum,
                vrijlatingssoort="strafeinde",
            ),
            "",
        ]
    ).encode()
    bevolkingsimport = bevolkingsimport_uit_bestand(
        inhoud=inhoud, bestandsnaam="feed.csv", door=None
    )
    bevolkingsimport = bevolkingsimport_verwerken(bevolkingsimport_id=bevolkingsimport.pk)
    assert (bevolkingsimport.aanvaard, bevolkingsimport.geweigerd) == (2, 0)

    for sleutel in ("geplaatst", "wachtend"):
        _gestopt_door_het_systeem(deelnames[sleutel], "overplaatsing", vandaag, None)
    _gestopt_door_het_systeem(van_tweede, "vrijlating", vandaag, None)
    assert _status(deelnames["afgerond"]) == S.AFGEROND
    assert _status(deelnames["ander"]) == S.INGESCHREVEN
    assert sorted(
        Taak.objects.filter(toegewezen_aan=olga).values_list("soort", flat=True)
    ) == sorted([Taak.Soort.OVERPLAATSING, Taak.Soort.VRIJLATING])

    # The same file again changes nothing: no second stop, no second task.
    opnieuw = bevolkingsimport_uit_bestand(inhoud=inhoud, bestandsnaam="feed.csv", door=None)
    opnieuw = bevolkingsimport_verwerken(bevolkingsimport_id=opnieuw.pk)
    assert (opnieuw.ongewijzigd, opnieuw.geweigerd) == (2, 0)
    assert Taak.objects.filter(toegewezen_aan=olga).count() == 2


# --- another end of the stay: death, or another reason ------------------------------------


@pytest.fixture
def open_aanvraag(persoon, caw, antwerpen, vandaag):
    """The person's own request for an individual offer, not answered yet."""
    aanbod = aanbod_opslaan(
        titel_nl="Psychosociale begeleiding",
        beschrijving_nl="Je praat met iemand over wat moeilijk is.",
        levensdomein="welzijn",
        organisatie=caw,
        vorm=Aanbod.Vorm.INDIVIDUEEL,
        rapportagecategorie=Rapportagecategorie.objects.first(),
        door=None,
    )
    aanbod_in_gevangenis_opnemen(
        aanbod=aanbod, gevangenis=antwerpen, sinds=vandaag - datetime.timedelta(days=10), door=None
    )
    return aanvraag_indienen(
        gedetineerde=persoon, aanbod=aanbod, bron=Aanvraag.Bron.PAPIER, door=None
    )


@pytest.fixture
def terminal(persoon):
    return terminalaccount_aanmaken(
        gedetineerde=persoon,
        gebruikersnaam="jan.terminal",
        wachtwoord="Gevangenis-Terminal-2026",
        door=None,
    )


@pytest.mark.parametrize("eindreden", ["overlijden", "andere"])
def test_another_end_of_the_stay_ends_them_as_a_release_with_its_own_reason(
    persoon, antwerpen, deelnames, open_aanvraag, terminal, bob, olga, vandaag, eindreden
):
    verblijf_beeindigen(
        verblijf=persoon.verblijven.get(tot__isnull=True),
        tot=vandaag,
        eindreden=eindreden,
        door=bob,  # VDAB: manages nothing of the CVO's course, the system stops anyway
    )
    for sleutel in ("geplaatst", "wachtend"):
        _gestopt_door_het_systeem(deelnames[sleutel], "verblijf-beeindigd", vandaag, bob)
    _onaangeroerd(deelnames)
    open_aanvraag.refresh_from_db()
    assert open_aanvraag.status == Aanvraag.Status.GEWEIGERD
    assert "verblijf beëindigd" in open_aanvraag.reden
    terminal.user.refresh_from_db()
    assert not terminal.user.is_active
    taak = Taak.objects.get(toegewezen_aan=olga)
    assert (taak.soort, taak.gevangenis, taak.gedetineerde) == (
        Taak.Soort.ANDERE,
        antwerpen,
        persoon,
    )
    assert "verblijf beëindigd" in taak.titel


def test_a_transfer_keeps_the_terminal_account(persoon, gent, deelnames, terminal, vandaag):
    gedetineerde_overplaatsen(gedetineerde=persoon, naar=gent, datum=vandaag, door=None)
    terminal.user.refresh_from_db()
    assert terminal.user.is_active


def test_the_stop_reason_is_in_the_table(db):
    reden = Stopreden.objects.get(code="verblijf-beeindigd")
    assert (reden.naam, reden.actief) == ("Verblijf beëindigd", True)
