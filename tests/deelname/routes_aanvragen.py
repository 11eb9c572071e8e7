"""Route rows and fixtures of detainees' requests: the terminal and staff's queue.

terminal_jan is the terminal account of ``persoon`` (Antwerpen), terminal_gent that of
``persoon_gent``: for the terminal, "another prison" is another person, a 404. Staff
without the terminal permission (alice) get 403 there; olga (organisatieondersteuner)
answers requests, gert (the same role in Gent) gets 404 for Antwerpen's.
"""

from typing import Any

import pytest

from deelname.models import Aanvraag
from deelname.services.aanvragen import aanvraag_indienen, terminalaccount_aanmaken
from tests.routetabel import Route

TERMINAL_WACHTWOORD = "een-lang-terminalwachtwoord"


@pytest.fixture
def terminal_jan(persoon):
    return terminalaccount_aanmaken(
        gedetineerde=persoon, gebruikersnaam="jan", wachtwoord=TERMINAL_WACHTWOORD, door=None
    ).user


@pytest.fixture
def terminal_gent(persoon_gent):
    return terminalaccount_aanmaken(
        gedetineerde=persoon_gent, gebruikersnaam="gent1", wachtwoord=TERMINAL_WACHTWOORD, door=None
    ).user


@pytest.fixture
def aanvraag_antwerpen(persoon, nederlands):
    """A paper request of persoon (Antwerpen) for the group course."""
    return aanvraag_indienen(
        gedetineerde=persoon, aanbod=nederlands, bron=Aanvraag.Bron.PAPIER, door=None
    )


def _aanbod(f: Any) -> dict[str, Any]:
    return {"pk": f.getfixturevalue("nederlands").pk}


def _aanvraag(f: Any) -> dict[str, Any]:
    return {"pk": f.getfixturevalue("aanvraag_antwerpen").pk}


def _persoon(f: Any) -> dict[str, Any]:
    return {"pk": f.getfixturevalue("persoon").pk}


ROUTES: dict[str, Route] = {
    "deelname:terminal": Route(mag="terminal_jan", geen_recht="alice"),
    "deelname:terminal_aanbod": Route(
        mag="terminal_jan", geen_recht="alice", buiten_scope="terminal_gent", kwargs=_aanbod
    ),
    "deelname:terminal_deelnemen": Route(
        mag="terminal_jan",
        geen_recht="alice",
        buiten_scope="terminal_gent",
        kwargs=_aanbod,
        methode="post",
        ok_status=302,
    ),
    "deelname:terminal_aanvraag": Route(
        mag="terminal_jan", geen_recht="alice", buiten_scope="terminal_gent", kwargs=_aanvraag
    ),
    "deelname:aanvragen": Route(mag="olga", geen_recht="dirk"),
    "deelname:aanvraag": Route(
        mag="olga", geen_recht="dirk", buiten_scope="gert", kwargs=_aanvraag
    ),
    # An empty answer shows the form again with its errors.
    "deelname:aanvraag_aanvaarden": Route(
        mag="olga", geen_recht="alice", buiten_scope="gert", kwargs=_aanvraag, methode="post"
    ),
    "deelname:aanvraag_weigeren": Route(
        mag="olga", geen_recht="alice", buiten_scope="gert", kwargs=_aanvraag, methode="post"
    ),
    "deelname:aanvraag_registreren": Route(
        mag="olga", geen_recht="dirk", buiten_scope="gert", kwargs=_persoon
    ),
}
