"""Transfers, releases and other ends of a stay as events: other apps subscribe,
trajecten never imports them.

Dependencies point one way (``deelname → trajecten``), so trajecten cannot call
deelname when a person leaves. Instead an app registers a handler in its
``AppConfig.ready``::

    gebeurtenissen.bij_overplaatsing(inschrijvingen_beeindigen)              # in the transaction
    gebeurtenissen.bij_vrijlating(betrokkenen_verwittigen, na_commit=True)   # after commit
    gebeurtenissen.bij_verblijf_beeindigd(inschrijvingen_beeindigen)         # death, other

A stay that ends for another reason than a transfer or a release (``Verblijf.Eindreden``:
overlijden, andere) is a ``VerblijfBeeindigd``: the person is no longer in that prison,
so what runs there for them ends as well.

Two moments, chosen per handler:

- **in the transaction** (default): the handler runs inside the service's transaction,
  right after the stay changed. What must stay consistent with the stay (ending open
  enrolments, closing waiting-list entries, moving the plan along) goes here: if the
  handler fails, the transfer or release is rolled back with it, and a feed row is
  rejected as a whole rather than half applied.
- **after commit** (``na_commit=True``): through ``transaction.on_commit(robust=True)``;
  for e-mails, tasks and other side effects that must not happen for a rollback and may
  not undo the change. A failing handler is logged and does not stop the others.

Handlers receive a small frozen dataclass of ids and a date, never model instances:
what a handler needs it loads itself (and can hand the ids on to a Celery task).
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, TypeVar

from django.db import transaction


@dataclass(frozen=True)
class Overplaatsing:
    gedetineerde_id: int
    oud_verblijf_id: int
    nieuw_verblijf_id: int
    datum: datetime.date
    door_id: int | None


@dataclass(frozen=True)
class Vrijlating:
    gedetineerde_id: int
    verblijf_id: int
    datum: datetime.date
    vrijlatingssoort: str
    door_id: int | None


@dataclass(frozen=True)
class VerblijfBeeindigd:
    """A stay ended for another reason than a transfer or a release (death, other)."""

    gedetineerde_id: int
    verblijf_id: int
    datum: datetime.date
    eindreden: str
    door_id: int | None


Gebeurtenis = Overplaatsing | Vrijlating | VerblijfBeeindigd
E = TypeVar("E", Overplaatsing, Vrijlating, VerblijfBeeindigd)
Handler = Callable[[Any], None]


@dataclass
class _Abonnementen:
    in_transactie: list[Handler]
    na_commit: list[Handler]


_ABONNEMENTEN: dict[type, _Abonnementen] = {
    Overplaatsing: _Abonnementen([], []),
    Vrijlating: _Abonnementen([], []),
    VerblijfBeeindigd: _Abonnementen([], []),
}


def _abonneren(soort: type, handler: Handler, na_commit: bool) -> Handler:
    abonnementen = _ABONNEMENTEN[soort]
    lijst = abonnementen.na_commit if na_commit else abonnementen.in_transactie
    if handler not in lijst:  # ready() may run twice (tests, autoreload)
        lijst.append(handler)
    return handler


def bij_overplaatsing(handler: Handler, *, na_commit: bool = False) -> Handler:
    """Call ``handler(Overplaatsing)`` on every transfer."""
    return _abonneren(Overplaatsing, handler, na_commit)


def bij_vrijlating(handler: Handler, *, na_commit: bool = False) -> Handler:
    """Call ``handler(Vrijlating)`` on every release."""
    return _abonneren(Vrijlating, handler, na_commit)


def bij_verblijf_beeindigd(handler: Handler, *, na_commit: bool = False) -> Handler:
    """Call ``handler(VerblijfBeeindigd)`` on every other end of a stay (death, other)."""
    return _abonneren(VerblijfBeeindigd, handler, na_commit)


def afmelden(handler: Handler) -> None:
    """Remove a handler wherever it was registered (for tests)."""
    for abonnementen in _ABONNEMENTEN.values():
        for lijst in (abonnementen.in_transactie, abonnementen.na_commit):
            while handler in lijst:
                lijst.remove(handler)


def melden(gebeurtenis: Gebeurtenis) -> None:
    """Called by the services inside their transaction, after the stay was written."""
    abonnementen = _ABONNEMENTEN[type(gebeurtenis)]
    for handler in list(abonnementen.in_transactie):
        handler(gebeurtenis)
    for handler in list(abonnementen.na_commit):
        transaction.on_commit(partial(handler, gebeurtenis), robust=True)
