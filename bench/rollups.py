"""Benchmark: the indicator rollup job on the full demo population.

Run by hand, against PostgreSQL as in production:

    createdb -h 127.0.0.1 -U postgres hdv_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hdv_bench .venv/bin/python bench/rollups.py

It migrates and, when the database has no prisons yet, loads the demo (as bench/paginas.py
does; on PostgreSQL that takes several minutes, its own full rollup included). Before
measuring it has PostgreSQL gather the tables' statistics (ANALYZE), as autovacuum will
have done in production long before a nightly run: a freshly loaded database has none
(and this machine's server runs without autovacuum), so the planner would guess.

It times a full run, an incremental run with nothing changed (must write nothing), and an
incremental run after one change in one prison (one attendance-free write: a target
group flag, audited like every write). Results go into RESULTATEN.md.
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hdv.settings")

import django

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from rapportage.models import Berekening, Indicatorwaarde  # noqa: E402
from rapportage.rollups import indicatoren_berekenen  # noqa: E402

# Targets for the wall-clock time of each run (seconds).
DOELEN = {"volledig": 300.0, "niets gewijzigd": 5.0, "een gevangenis gewijzigd": 60.0}


def _run(naam: str, **kwargs: object) -> bool:
    begin = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        berekening = indicatoren_berekenen(**kwargs)  # type: ignore[arg-type]
    duur = time.perf_counter() - begin
    gehaald = duur <= DOELEN[naam]
    print(
        f"{naam:<26} {duur:>8.1f}s {len(queries):>8} queries "
        f"{berekening.aantal_perioden:>7} perioden {berekening.aantal_waarden:>7} waarden "
        f"≤{DOELEN[naam]:g}s {'ok' if gehaald else 'TE TRAAG'}"
    )
    return gehaald


def _een_wijziging() -> None:
    """One audited write in Antwerpen: the kind of change the nightly run picks up."""
    from django.utils import timezone

    from aanbod.models import Doelgroep
    from trajecten.models import Gedetineerde
    from trajecten.services.personen import doelgroepvlag_zetten

    persoon = Gedetineerde.objects.filter(huidige_gevangenis__code="ANT").order_by("pk").first()
    assert persoon is not None
    eigen = persoon.doelgroepvlaggen.values_list("doelgroep_id", flat=True)
    doelgroep = Doelgroep.objects.exclude(pk__in=list(eigen)).order_by("pk").first()
    assert doelgroep is not None
    doelgroepvlag_zetten(
        gedetineerde=persoon,
        doelgroep=doelgroep,
        bron="benchmark",
        sinds=timezone.localdate(),
        door=None,
    )


def _demo_laden() -> None:
    """The demo population when the database has none yet, and fresh statistics."""
    from hdv.models import Gevangenis

    call_command("migrate", verbosity=0)
    if not Gevangenis.objects.exists():
        call_command("demo_data", verbosity=0)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def main() -> None:
    _demo_laden()
    connection.force_debug_cursor = False
    print(f"database: {connection.vendor}, {Indicatorwaarde.objects.count()} indicatorwaarden")
    goed = _run("volledig", aanleiding=Berekening.Aanleiding.VOLLEDIG, volledig=True)
    goed &= _run("niets gewijzigd", aanleiding=Berekening.Aanleiding.NACHTELIJK)
    _een_wijziging()
    goed &= _run("een gevangenis gewijzigd", aanleiding=Berekening.Aanleiding.NACHTELIJK)
    sys.exit(0 if goed else 1)


if __name__ == "__main__":
    main()
