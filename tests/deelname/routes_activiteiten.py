"""Route rows (and their objects) of deelname's staff screens: an activity's participants
and waiting list, enrolling, stopping, completing, waiting lists and the provider's view.

Loaded as a plugin (root conftest.py): the route walker needs these fixtures too.
"""

import datetime
from typing import Any

import pytest

from aanbod.models import Aanbod, Rapportagecategorie
from aanbod.services.catalogus import aanbod_in_gevangenis_opnemen, aanbod_opslaan
from deelname.models import Afwezigheidsreden, Bron
from deelname.services.inschrijvingen import inschrijving_aanvragen
from deelname.services.verontschuldigingen import verontschuldiging_registreren
from tests.routetabel import Route


@pytest.fixture
def scherm_individueel(vdab, antwerpen, vandaag):
    """An individual offer of VDAB (bob's organisation) in Antwerpen, three places."""
    aanbod = aanbod_opslaan(
        titel_nl="Trajectbegeleiding naar werk",
        beschrijving_nl="Een consulent begeleidt je naar werk na je vrijlating.",
        levensdomein="werk",
        organisatie=vdab,
        vorm=Aanbod.Vorm.INDIVIDUEEL,
        rapportagecategorie=Rapportagecategorie.objects.get(code="vdab-toeleiding-werk"),
        door=None,
    )
    return aanbod_in_gevangenis_opnemen(
        aanbod=aanbod,
        gevangenis=antwerpen,
        sinds=vandaag - datetime.timedelta(days=100),
        capaciteit=3,
        door=None,
    )


@pytest.fixture
def scherm_inschrijving(activiteit, persoon, olga):
    """Jan Testpersoon, enrolled in the Dutch course of Antwerpen."""
    return inschrijving_aanvragen(
        gedetineerde=persoon, activiteit=activiteit, bron=Bron.TRAJECTBEGELEIDER, door=olga
    )


@pytest.fixture
def scherm_aanvraag(activiteit, olga):
    """A request of someone else for the Dutch course, not placed yet."""
    from tests.factories import GedetineerdeFactory

    return inschrijving_aanvragen(
        gedetineerde=GedetineerdeFactory(huidige_gevangenis=activiteit.gevangenis),
        activiteit=activiteit,
        bron=Bron.EIGEN_AANVRAAG,
        door=olga,
        plaatsen=False,
    )


@pytest.fixture
def scherm_verontschuldiging(scherm_inschrijving, olga, vandaag):
    """Jan Testpersoon excused for the coming week (court)."""
    return verontschuldiging_registreren(
        inschrijving=scherm_inschrijving,
        van=vandaag,
        tot=vandaag + datetime.timedelta(days=7),
        reden=Afwezigheidsreden.objects.get(code="advocaat-rechtbank"),
        door=olga,
    )


def _activiteit(f: Any) -> dict[str, Any]:
    return {"pk": f.getfixturevalue("activiteit").pk}


def _individueel(f: Any) -> dict[str, Any]:
    return {"pk": f.getfixturevalue("scherm_individueel").pk}


def _inschrijving(f: Any) -> dict[str, Any]:
    return {"pk": f.getfixturevalue("scherm_inschrijving").pk}


def _aanvraag(f: Any) -> dict[str, Any]:
    return {"pk": f.getfixturevalue("scherm_aanvraag").pk}


def _verontschuldiging(f: Any) -> dict[str, Any]:
    return {"pk": f.getfixturevalue("scherm_verontschuldiging").pk}


ROUTES: dict[str, Route] = {
    "deelname:activiteit": Route(
        mag="alice", geen_recht="dirk", buiten_scope="charlie", kwargs=_activiteit
    ),
    # eva (beheerder) reads enrolments but does not enrol.
    "deelname:activiteit_inschrijven": Route(
        mag="alice", geen_recht="eva", buiten_scope="charlie", kwargs=_activiteit
    ),
    "deelname:activiteit_volgende": Route(
        mag="olga",
        geen_recht="eva",
        buiten_scope="charlie",
        kwargs=_activiteit,
        methode="post",
        ok_status=302,
    ),
    "deelname:individueel_aanbod": Route(
        mag="bob", geen_recht="dirk", buiten_scope="charlie", kwargs=_individueel
    ),
    "deelname:individueel_inschrijven": Route(
        mag="bob", geen_recht="eva", buiten_scope="charlie", kwargs=_individueel
    ),
    "deelname:individueel_volgende": Route(
        mag="bob",
        geen_recht="eva",
        buiten_scope="charlie",
        kwargs=_individueel,
        methode="post",
        ok_status=302,
    ),
    "deelname:inschrijving_stopzetten": Route(
        mag="olga", geen_recht="eva", buiten_scope="charlie", kwargs=_inschrijving
    ),
    # Placing one person (out of turn only with a reason): the offer's organisation or the
    # organisation support; alice (CAW) enrols but does not place in a CVO course.
    "deelname:inschrijving_plaatsen": Route(
        mag="olga", geen_recht="alice", buiten_scope="charlie", kwargs=_aanvraag
    ),
    "deelname:inschrijving_afronden": Route(
        mag="olga", geen_recht="eva", buiten_scope="charlie", kwargs=_inschrijving
    ),
    "deelname:inschrijving_verontschuldigen": Route(
        mag="alice", geen_recht="eva", buiten_scope="charlie", kwargs=_inschrijving
    ),
    "deelname:verontschuldiging_intrekken": Route(
        mag="olga",
        geen_recht="eva",
        buiten_scope="charlie",
        kwargs=_verontschuldiging,
        methode="post",
        ok_status=302,
    ),
    "deelname:wachtlijsten": Route(mag="alice", geen_recht="dirk"),
    # The overviews live in deelname/views/organisatie.py, which has no table of its own.
    "deelname:organisatie": Route(mag="bob", geen_recht="dirk"),
}
