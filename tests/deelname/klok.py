"""The clock of a test: ``timezone.now()`` (and with it ``localdate()`` and ``auto_now``) set.

As the demo's clock (``trajecten.demo.klok``), but also ahead of the real one: whether a
session has started must not depend on the hour the suite happens to run.
"""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import Iterator
from unittest import mock

from django.utils import timezone

from trajecten.demo.klok import moment


@contextlib.contextmanager
def klok_op(tijdstip: datetime.datetime) -> Iterator[datetime.datetime]:
    with mock.patch.object(timezone, "now", return_value=tijdstip):
        yield tijdstip


@contextlib.contextmanager
def op(datum: datetime.date, uur: int, minuut: int = 0) -> Iterator[datetime.datetime]:
    """The clock at ``uur:minuut`` local time on ``datum``."""
    with klok_op(moment(datum, uur, minuut)) as tijdstip:
        yield tijdstip
