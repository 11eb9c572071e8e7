"""The password policy's messages in the UI language.

Django 5.2 reworded the minimum-length message; its Dutch catalogue still holds the old
wording, so under nl-be the reason came out in English (on the password forms, in the
API, in commands). This validator gives the same reason in our own translatable words.
"""

from __future__ import annotations

from django.contrib.auth.password_validation import MinimumLengthValidator
from django.utils.translation import ngettext


class MinimumLengteValidator(MinimumLengthValidator):
    """Django's minimum length, with its reason in Dutch (and translatable)."""

    def get_error_message(self) -> str:
        return ngettext(
            "Dit wachtwoord is te kort: het moet minstens %(minimum)d teken bevatten.",
            "Dit wachtwoord is te kort: het moet minstens %(minimum)d tekens bevatten.",
            self.min_length,
        ) % {"minimum": self.min_length}
