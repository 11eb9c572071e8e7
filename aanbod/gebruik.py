"""Which sessions are already in use (attendance, people excused in advance…).

aanbod cannot know about participation: deelname registers a check here at start-up
(AppConfig.ready) and aanbod asks it before it removes or cancels a session.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

_controles: list[Callable[[list[int]], set[int]]] = []


def registreer_gebruikscontrole(controle: Callable[[list[int]], set[int]]) -> None:
    if controle not in _controles:
        _controles.append(controle)


def sessies_in_gebruik(sessie_ids: Iterable[int]) -> set[int]:
    ids = list(sessie_ids)
    if not ids:
        return set()
    in_gebruik: set[int] = set()
    for controle in _controles:
        in_gebruik |= controle(ids)
    return in_gebruik
