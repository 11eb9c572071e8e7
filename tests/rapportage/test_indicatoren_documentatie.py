"""docs/indicatoren.md is made from the definitions, and a stale copy fails the build."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from rapportage.indicatoren import REGISTER
from rapportage.indicatoren.documentatie import PAD, indicatoren_markdown


def test_docs_indicatoren_md_is_up_to_date():
    assert PAD.read_text(encoding="utf-8") == indicatoren_markdown(), (
        "docs/indicatoren.md is niet bij: voer `manage.py indicatoren_documenteren` uit."
    )


def test_every_indicator_is_documented_with_its_definition():
    tekst = indicatoren_markdown()

    for indicator in REGISTER.values():
        assert f"(`{indicator.code}`)" in tekst
        assert " ".join(str(indicator.periode_regel).split()).replace("|", "\\|") in tekst
    assert "| Richting | lager is beter |" in tekst
    assert "## Vlaanderen" in tekst
    assert "HDV_KLEINSTE_AANTAL" in tekst


def test_the_check_fails_on_a_stale_file(tmp_path, monkeypatch):
    from rapportage.management.commands import indicatoren_documenteren

    oud = tmp_path / "indicatoren.md"
    oud.write_text("# oud\n", encoding="utf-8")
    monkeypatch.setattr(indicatoren_documenteren, "PAD", oud)

    with pytest.raises(CommandError, match="niet bij"):
        call_command("indicatoren_documenteren", "--controleren", stdout=StringIO())

    call_command("indicatoren_documenteren", stdout=StringIO())
    assert oud.read_text(encoding="utf-8") == indicatoren_markdown()
    call_command("indicatoren_documenteren", "--controleren", stdout=StringIO())
