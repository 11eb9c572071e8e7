"""Sections other apps add to a person's file, without trajecten importing them.

Deelname (enrolments, attendance, results) depends on trajecten, not the other way
round, so it registers its section in its ``AppConfig.ready``::

    dossiersecties.registreer(
        naam="inschrijvingen", sectie=inschrijvingen_sectie, template="deelname/dossier/_inschrijvingen.html"
    )

``sectie(request, gedetineerde, inzicht) -> dict`` returns the context its template
needs (a fixed, small number of queries), or ``{}`` to show nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Sectie:
    naam: str
    sectie: Callable[..., dict[str, Any]]
    template: str


_SECTIES: dict[str, Sectie] = {}


def registreer(*, naam: str, sectie: Callable[..., dict[str, Any]], template: str) -> None:
    _SECTIES[naam] = Sectie(naam, sectie, template)  # ready() may run twice: same key


def secties() -> list[Sectie]:
    return list(_SECTIES.values())
