"""Route rows of the person's file, the intake, the worklist and the search, and their fixtures.

A hulpverlener (bob) reads files but does no intake: the intake routes are his 403.
dirk, the beleidscoördinator, has no access to persons or worklists at all.
"""

from typing import Any

import pytest

from tests.routetabel import Route
from trajecten.models import Taak
from trajecten.services.taken import taak_aanmaken


@pytest.fixture
def taak_alice(alice, antwerpen, persoon):
    """A handover task addressed to alice in Antwerpen."""
    return taak_aanmaken(
        gevangenis=antwerpen,
        soort=Taak.Soort.OVERDRACHT,
        titel="Overdracht na overplaatsing",
        inhoud="Neem het plan over.",
        gedetineerde=persoon,
        toegewezen_aan=alice,
    )


def _persoon(f: Any) -> dict[str, Any]:
    return {"pk": f.getfixturevalue("persoon").pk}


def _taak(f: Any) -> dict[str, Any]:
    return {"pk": f.getfixturevalue("taak_alice").pk}


_ONTHAAL = Route(mag="alice", geen_recht="bob", buiten_scope="charlie", kwargs=_persoon)

ROUTES = {
    "trajecten:dossier": Route(
        mag="alice", geen_recht="dirk", buiten_scope="charlie", kwargs=_persoon
    ),
    "trajecten:zoeken": Route(mag="alice", geen_recht="dirk"),
    "trajecten:onthaal": _ONTHAAL,
    "trajecten:onthaal_overslaan": _ONTHAAL,
    "trajecten:behoefte_nieuw": _ONTHAAL,
    "trajecten:werklijst": Route(mag="alice", geen_recht="dirk"),
    "trajecten:taak_afhandelen": Route(
        mag="alice",
        geen_recht="dirk",
        buiten_scope="charlie",
        kwargs=_taak,
        methode="post",
        ok_status=302,
    ),
}
