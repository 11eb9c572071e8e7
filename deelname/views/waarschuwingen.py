"""The warnings of an enrolment on a form: the reasons staff gave to override them.

The service answers with the warnings still open only. A form that showed just those
would drop the reasons given for the others, and ask for them again on the next round:
so every reason given travels along until the enrolment is saved.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from django.utils.translation import gettext_lazy

VOORVOEGSEL = "overschrijven_"
MAX_REDEN = 300
# The codes of deelname.controles; anything else in a post is not a warning of ours.
_CODE = re.compile(r"[a-z]{1,30}")
_MAX_CODES = 10

SOORTEN = {
    "botsing": gettext_lazy("Botsing met een andere activiteit"),
    "groep": gettext_lazy("Al in een andere groep"),
    "detentie": gettext_lazy("Resterende detentie"),
    "taal": gettext_lazy("Taal van het aanbod"),
    "niveau": gettext_lazy("Niveau Nederlands"),
    "doelgroep": gettext_lazy("Doelgroep"),
}


def soort(code: str) -> str:
    """The kind of a warning in words, for a reason shown without its warning's text."""
    return str(SOORTEN.get(code, gettext_lazy("Waarschuwing")))


def gegeven_redenen(data: Mapping[str, Any]) -> dict[str, str]:
    """The reasons posted, per warning code (empty ones too: they mean "asked, not given")."""
    redenen: dict[str, str] = {}
    for sleutel in data:
        code = str(sleutel).removeprefix(VOORVOEGSEL)
        if code != sleutel and _CODE.fullmatch(code) and len(redenen) < _MAX_CODES:
            redenen[code] = str(data.get(sleutel) or "")[:MAX_REDEN]
    return redenen


def behouden(redenen: Mapping[str, str], getoond: set[str]) -> list[dict[str, str]]:
    """The reasons already given whose warning the form does not show again: kept hidden."""
    return [
        {"code": code, "soort": soort(code), "reden": reden.strip()}
        for code, reden in redenen.items()
        if code not in getoond and reden.strip()
    ]
