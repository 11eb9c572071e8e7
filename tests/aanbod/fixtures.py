"""Shared fixtures (loaded by the root conftest.py). The cast of the planning: a catalogue item offered in Antwerpen, rooms, an activity.

Dates are relative to today, so "past" and "future" sessions exist whatever the date.
alice (trajectbegeleider) may look but not plan; olga (organisatieondersteuner,
Antwerpen) plans; gert (organisatieondersteuner, Gent) is the outsider for Antwerpen.
"""

import datetime

import pytest
from django.utils import timezone

from aanbod.models import Aanbod, Annuleringsreden, Rapportagecategorie
from aanbod.services.catalogus import aanbod_in_gevangenis_opnemen, aanbod_opslaan
from aanbod.services.lokalen import lokaal_opslaan
from aanbod.services.planning import SlotInvoer, activiteit_aanmaken
from hdv import rollen
from tests.conftest import _medewerker


@pytest.fixture
def vandaag():
    return timezone.localdate()


@pytest.fixture
def olga(antwerpen, agentschap):
    return _medewerker("olga", agentschap, [antwerpen], rollen.ORGANISATIEONDERSTEUNER)


@pytest.fixture
def gert(gent, agentschap):
    return _medewerker("gert", agentschap, [gent], rollen.ORGANISATIEONDERSTEUNER)


@pytest.fixture
def cvo(db):
    from tests.factories import OrganisatieFactory

    return OrganisatieFactory(naam="CVO Antwerpen", afkorting="CVO-ANT", sector="onderwijs")


@pytest.fixture
def nederlands(cvo, antwerpen, vandaag):
    """A group course offered in Antwerpen since last year."""
    aanbod = aanbod_opslaan(
        titel_nl="Nederlands tweede taal A1",
        titel_fr="Néerlandais langue seconde A1",
        titel_en="Dutch as a second language A1",
        beschrijving_nl="Je leert Nederlands spreken en lezen.",
        beschrijving_fr="Vous apprenez à parler et lire le néerlandais.",
        beschrijving_en="You learn to speak and read Dutch.",
        levensdomein="onderwijs",
        organisatie=cvo,
        vorm=Aanbod.Vorm.GROEP,
        rapportagecategorie=Rapportagecategorie.objects.get(code="cvo-ligo-opleiding"),
        talen=["nl"],
        duur_weken=20,
        met_examen=True,
        door=None,
    )
    aanbod_in_gevangenis_opnemen(
        aanbod=aanbod,
        gevangenis=antwerpen,
        sinds=vandaag - datetime.timedelta(days=365),
        capaciteit=24,
        door=None,
    )
    return aanbod


@pytest.fixture
def klaslokaal(antwerpen):
    return lokaal_opslaan(
        gevangenis=antwerpen, naam="Klas 1", soort="klaslokaal", capaciteit=12, door=None
    )


@pytest.fixture
def sportzaal(antwerpen):
    return lokaal_opslaan(
        gevangenis=antwerpen, naam="Sportzaal", soort="sportzaal", capaciteit=30, door=None
    )


@pytest.fixture
def lokaal_gent(gent):
    return lokaal_opslaan(
        gevangenis=gent, naam="Klas G", soort="klaslokaal", capaciteit=12, door=None
    )


@pytest.fixture
def maandag_en_donderdag():
    return [
        SlotInvoer(weekdag=0, begintijd=datetime.time(9), eindtijd=datetime.time(11)),
        SlotInvoer(weekdag=3, begintijd=datetime.time(13, 30), eindtijd=datetime.time(15, 30)),
    ]


@pytest.fixture
def activiteit(nederlands, antwerpen, klaslokaal, maandag_en_donderdag, vandaag, olga):
    """Started three weeks ago, runs ten more weeks: past and future sessions."""
    return activiteit_aanmaken(
        aanbod=nederlands,
        gevangenis=antwerpen,
        startdatum=vandaag - datetime.timedelta(weeks=3),
        einddatum=vandaag + datetime.timedelta(weeks=10),
        lokaal=klaslokaal,
        capaciteit=10,
        slots=maandag_en_donderdag,
        begeleiders=[olga.medewerker],
        door=olga,
    )


@pytest.fixture
def staking(db):
    return Annuleringsreden.objects.get(code="staking")


@pytest.fixture
def andere_reden(db):
    return Annuleringsreden.objects.get(code="andere")
