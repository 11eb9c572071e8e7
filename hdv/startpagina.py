"""The home page is made of panels that each app contributes.

An app registers a panel in its AppConfig.ready(); a panel shows only for users with
its permission and says what needs their attention. hdv knows nothing of the apps,
so the dependency still points one way.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.http import HttpRequest


@dataclass(frozen=True)
class Paneel:
    naam: str
    permissie: str
    template: str
    context: Callable[[HttpRequest], dict[str, Any]]
    volgorde: int = 50


_panelen: dict[str, Paneel] = {}


def registreer(paneel: Paneel) -> None:
    _panelen[paneel.naam] = paneel


def panelen_voor(request: HttpRequest) -> list[tuple[Paneel, dict[str, Any]]]:
    zichtbaar = [p for p in _panelen.values() if request.user.has_perm(p.permissie)]
    return [(p, p.context(request)) for p in sorted(zichtbaar, key=lambda p: (p.volgorde, p.naam))]
