"""Benchmark: the indicator rollup job on the full demo population.

Run by hand, against PostgreSQL as in production (after bench/paginas.py has loaded the
demo into hdv_bench):

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hdv_bench .venv/bin/python bench/rollups.py

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


def main() -> None:
    connection.force_debug_cursor = False
    print(f"database: {connection.vendor}, {Indicatorwaarde.objects.count()} indicatorwaarden")
    goed = _run("volledig", aanleiding=Berekening.Aanleiding.VOLLEDIG, volledig=True)
    goed &= _run("niets gewijzigd", aanleiding=Berekening.Aanleiding.NACHTELIJK)
    _een_wijziging()
    goed &= _run("een gevangenis gewijzigd", aanleiding=Berekening.Aanleiding.NACHTELIJK)
    sys.exit(0 if goed else 1)


if __name__ == "__main__":
    main()
