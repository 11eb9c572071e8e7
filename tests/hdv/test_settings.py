"""Settings come from the environment; a bad value stops start-up and names the variable."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

BASIS = Path(__file__).resolve().parents[2]


def _start(**omgeving: str) -> subprocess.CompletedProcess[str]:
    env = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "HDV_", "DATABASE_"))
    }
    env.update(omgeving)
    return subprocess.run(
        [sys.executable, "manage.py", "check"],
        cwd=BASIS,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    ("variabele", "waarde"),
    [
        ("DJANGO_DEBUG", "misschien"),
        ("HDV_SESSION_INACTIVITY_MINUTES", "een half uur"),
        ("HDV_SESSION_INACTIVITY_MINUTES", "0"),
        ("DATABASE_URL", "oracle-zonder-schema"),
        ("CELERY_BROKER_URL", "ftp://elders"),
        ("REDIS_URL", "http://127.0.0.1"),
        ("DJANGO_LOG_LEVEL", "LUID"),
    ],
)
def test_a_bad_value_stops_startup_naming_the_variable(variabele, waarde):
    resultaat = _start(**{variabele: waarde})
    assert resultaat.returncode != 0
    assert variabele in resultaat.stderr


def test_production_needs_a_real_secret():
    resultaat = _start(DJANGO_DEBUG="false")
    assert resultaat.returncode != 0
    assert "DJANGO_SECRET_KEY" in resultaat.stderr


def test_the_embedded_defaults():
    # In a fresh process: pytest-django swaps the test database into the live settings.
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("DJANGO_", "HDV_", "DATABASE_", "CELERY_", "REDIS_"))
    }
    code = (
        "import hdv.settings as s; "
        "print(s.TIME_ZONE, s.LANGUAGE_CODE, s.CELERY_TASK_ALWAYS_EAGER, "
        "s.DATABASES['default']['ENGINE'], s.DATABASES['default']['NAME'])"
    )
    resultaat = subprocess.run(
        [sys.executable, "-c", code], cwd=BASIS, env=env, capture_output=True, text=True, timeout=60
    )
    tijdzone, taal, eager, engine, naam = resultaat.stdout.split()
    assert (tijdzone, taal, eager) == ("Europe/Brussels", "nl-be", "True")
    assert engine == "django.db.backends.sqlite3"
    assert naam.endswith("var/hdv.sqlite3")


def test_the_deploy_check_passes_with_production_settings():
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "HDV_"))}
    env.update(
        DJANGO_DEBUG="false",
        DJANGO_SECRET_KEY="test-" + "x7Qp2vL9" * 8,
        DJANGO_ALLOWED_HOSTS="hdv.example.org",
    )
    resultaat = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=BASIS,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert resultaat.returncode == 0, resultaat.stderr
