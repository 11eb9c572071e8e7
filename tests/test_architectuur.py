"""Dependencies point one way: rapportage → deelname → trajecten, aanbod → hdv.

The rule of the architecture: an app never imports from one to its left. trajecten
and aanbod stand side by side, but trajecten's referrals point at offers, so trajecten
may import aanbod and never the other way round. Every import counts, also one inside
a function or under ``TYPE_CHECKING``; only migrations are left out (Django writes them).
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

MAG_IMPORTEREN = {
    "hdv": set(),
    "aanbod": {"hdv"},
    "trajecten": {"hdv", "aanbod"},
    "deelname": {"hdv", "aanbod", "trajecten"},
    "rapportage": {"hdv", "aanbod", "trajecten", "deelname"},
}


def _bronbestanden(app: str) -> list[Path]:
    return sorted(
        pad for pad in (ROOT / app).rglob("*.py") if "migrations" not in pad.relative_to(ROOT).parts
    )


def _geimporteerde_apps(pad: Path) -> set[tuple[int, str]]:
    """(line, app) for every import of one of the apps in a file."""
    boom = ast.parse(pad.read_text(encoding="utf-8"), filename=str(pad))
    gevonden = set()
    for knoop in ast.walk(boom):
        if isinstance(knoop, ast.Import):
            modules = [alias.name for alias in knoop.names]
        elif isinstance(knoop, ast.ImportFrom) and knoop.level == 0 and knoop.module:
            modules = [knoop.module]
        else:
            # Relative imports stay inside their own package.
            continue
        for module in modules:
            top = module.split(".")[0]
            if top in MAG_IMPORTEREN:
                gevonden.add((knoop.lineno, top))
    return gevonden


@pytest.mark.parametrize("app", list(MAG_IMPORTEREN))
def test_an_app_imports_only_apps_to_its_right(app):
    toegelaten = MAG_IMPORTEREN[app] | {app}
    overtredingen = [
        f"{pad.relative_to(ROOT)}:{regel} importeert {andere}"
        for pad in _bronbestanden(app)
        for regel, andere in sorted(_geimporteerde_apps(pad))
        if andere not in toegelaten
    ]
    assert not overtredingen, "\n".join(overtredingen)


def test_every_app_has_source_to_check():
    for app in MAG_IMPORTEREN:
        assert _bronbestanden(app), app


def test_it_sees_a_forbidden_import(tmp_path):
    pad = tmp_path / "voorbeeld.py"
    pad.write_text(
        "from __future__ import annotations\n"
        "from typing import TYPE_CHECKING\n"
        "from . import models\n"
        "if TYPE_CHECKING:\n"
        "    import trajecten.models\n"
        "def f():\n"
        "    from aanbod.services.planning import horizon\n",
        encoding="utf-8",
    )

    assert _geimporteerde_apps(pad) == {(5, "trajecten"), (7, "aanbod")}
