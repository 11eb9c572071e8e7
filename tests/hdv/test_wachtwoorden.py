"""The password policy speaks Dutch: Django 5.2's too-short reason is not in its nl catalogue."""

import pytest
from django.contrib.auth.forms import PasswordChangeForm
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.utils import translation

from tests.factories import WACHTWOORD

pytestmark = pytest.mark.django_db

TE_KORT = "Dit wachtwoord is te kort: het moet minstens 12 tekens bevatten."


def test_the_password_change_form_says_too_short_in_dutch(alice):
    with translation.override("nl-be"):
        form = PasswordChangeForm(
            alice,
            {"old_password": WACHTWOORD, "new_password1": "kX9#vb", "new_password2": "kX9#vb"},
        )
        assert not form.is_valid()
        fouten = form.errors["new_password2"]

    assert TE_KORT in fouten
    assert not any("too short" in fout for fout in fouten)


def test_the_reason_keeps_its_code_and_minimum(settings):
    with translation.override("nl-be"), pytest.raises(ValidationError) as fout:
        validate_password("kX9#vb")

    kort = next(e for e in fout.value.error_list if e.code == "password_too_short")
    assert kort.params == {"min_length": 12}
    assert kort.messages == [TE_KORT]
