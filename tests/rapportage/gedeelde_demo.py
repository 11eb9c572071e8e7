"""One demo load shared by the tests of a module, rolled back at the module's end.

A load through every service takes a few seconds; the tests only read it, or load again
inside their own savepoint. The same pattern as Django's ``setUpTestData``: an outer
transaction around the module, a savepoint around each test.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from io import StringIO
from typing import Any

from django.core.management import call_command
from django.db import transaction
from django.test import override_settings

# Seven demo accounts per load: the production hasher would take most of the time.
SNEL_HASHEN = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@contextlib.contextmanager
def demo_in_transactie(django_db_blocker: Any, schaal: str) -> Iterator[str]:
    """Load the demo at ``schaal``; yields the command's output; rolls everything back."""
    with django_db_blocker.unblock(), override_settings(PASSWORD_HASHERS=SNEL_HASHEN):
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            uitvoer = StringIO()
            call_command("demo_data", "--schaal", schaal, stdout=uitvoer)
            yield uitvoer.getvalue()
        finally:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
