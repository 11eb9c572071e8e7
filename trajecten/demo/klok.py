"""The demo's clock: services called as on a past day.

The services stamp what they write with ``timezone.now()`` (when a referral was sent
and answered, when a note was written, the audit record). A demo written entirely
"now" would show every note and every answer of today, and no response times. So the
demo calls each service as it would have been called on its day: it sets the clock
back around the call. Only the demo does this, in one command, in one thread.
"""

from __future__ import annotations

import contextlib
import datetime
from collections.abc import Iterator
from unittest import mock

from django.utils import timezone


def moment(datum: datetime.date, uur: int = 10, minuut: int = 0) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(datum, datetime.time(uur, minuut)))


@contextlib.contextmanager
def klok(tijdstip: datetime.datetime) -> Iterator[None]:
    """``timezone.now()`` (and with it ``localdate()`` and ``auto_now``) is ``tijdstip``."""
    # Never ahead of the real clock: the past is what the demo writes.
    tijdstip = min(tijdstip, timezone.now())
    with mock.patch.object(timezone, "now", return_value=tijdstip):
        yield
