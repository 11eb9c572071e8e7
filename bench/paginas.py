"""Benchmark: how fast the busiest pages answer with the full demo population.

Run by hand, against PostgreSQL as in production:

    createdb -h 127.0.0.1 -U postgres hdv_bench
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/hdv_bench .venv/bin/python bench/paginas.py

It migrates, loads the demo data when missing, then requests each page N times as the
demo user of the matching role (in-process Django test client: this measures the
application and the database, not the network or gunicorn) and prints the median and
95th percentile and the number of queries. Results are written down in RESULTATEN.md.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hdv.settings")
os.environ.setdefault("HDV_AXES_ENABLED", "false")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

HERHALINGEN = int(os.environ.get("BENCH_HERHALINGEN", "50"))
# (user, path, target for the 95th percentile in ms)
PAGINAS = [
    ("trajectbegeleider", "/", 150),
    ("trajectbegeleider", "/personen/", 150),
    ("trajectbegeleider", "/personen/?q=an", 150),
    ("trajectbegeleider", "/personen/?pagina=8", 150),
    ("trajectbegeleider", "/api/v1/gedetineerden/", 150),
    ("organisatieondersteuner", "/", 150),
    ("organisatieondersteuner", "/aanbod/planning/", 200),
    ("organisatieondersteuner", "/aanbod/activiteiten/", 150),
    ("organisatieondersteuner", "/aanbod/catalogus/", 150),
    ("organisatieondersteuner", "/aanbod/beschikbaarheid/", 250),
    ("organisatieondersteuner", "/api/v1/sessies/", 150),
    ("organisatieondersteuner", "/aanbod/afdrukken/weekprogramma/", 200),
    ("organisatieondersteuner", "/aanbod/afdrukken/weekprogramma.pdf", 1000),
    ("organisatieondersteuner", "/aanbod/afdrukken/brochure.pdf?taal=fr", 1500),
    ("trajectbegeleider", "/werklijst/", 200),
    ("trajectbegeleider", "/personen/zoeken/?q=an", 150),
    ("trajectbegeleider", "/personen/{dossier}/", 200),
    ("trajectbegeleider", "/personen/{dossier}/plan/", 200),
    ("trajectbegeleider", "/personen/{dossier}/plan/pdf/", 1000),
    ("trajectbegeleider", "/api/v1/gedetineerden/{dossier}/doorverwijzingen/", 150),
    ("hulpverlener", "/doorverwijzingen/inbox/", 150),
    ("hulpverlener", "/personen/{dossier}/", 200),
    ("organisatieondersteuner", "/deelname/activiteiten/{activiteit}/", 200),
    ("organisatieondersteuner", "/deelname/sessies/{sessie}/aanwezigheden/", 200),
    ("organisatieondersteuner", "/deelname/wachtlijsten/", 150),
    ("organisatieondersteuner", "/deelname/bewegingslijst/?datum={sessiedatum}", 200),
    (
        "organisatieondersteuner",
        "/deelname/gevangenissen/{gevangenis}/bewegingslijst.pdf?datum={sessiedatum}",
        1000,
    ),
    ("organisatieondersteuner", "/deelname/aanvragen/", 150),
    ("organisatieondersteuner", "/api/v1/inschrijvingen/", 150),
    ("organisatieondersteuner", "/api/v1/sessies/{sessie}/aanwezigheden/", 150),
    ("hulpverlener", "/deelname/organisatie/inschrijvingen/", 150),
    # Dashboards read rollups only (ARCHITECTURE.md, decision 4); suppression runs per view.
    ("beleidscoordinator", "/rapportage/dashboard/{gevangenis}/", 400),
    ("beleidscoordinator", "/rapportage/dashboard/{gevangenis}/bereik/", 300),
    ("beleidscoordinator", "/rapportage/streefcijfers/", 300),
    ("centraal", "/rapportage/vlaanderen/", 500),
    ("centraal", "/rapportage/vlaanderen/uitval/", 300),
    ("centraal", "/rapportage/strategisch-plan/", 200),
    ("centraal", "/rapportage/rapporten/", 150),
    ("centraal", "/api/v1/indicatorwaarden/?indicator=bereik", 300),
    ("centraal", "/", 150),
    ("beheerder", "/", 200),
]


def _rijkste_dossier() -> int:
    """The person in Antwerpen with the most referrals and a plan: the heaviest file."""
    from django.db.models import Count

    from trajecten.models import Gedetineerde

    persoon = (
        Gedetineerde.objects.filter(huidige_gevangenis__code="ANT", hdv_plan__isnull=False)
        .annotate(n=Count("doorverwijzingen"))
        .order_by("-n", "pk")
        .first()
    )
    assert persoon is not None, "geen dossier met een plan in de demo"
    return persoon.pk


def _drukste_sessie() -> dict[str, object]:
    """The Antwerpen activity with the most enrolments, and its latest past session."""
    from django.db.models import Count
    from django.utils import timezone

    from aanbod.models import Activiteit, Sessie

    activiteit = (
        Activiteit.objects.filter(gevangenis__code="ANT")
        .annotate(n=Count("inschrijvingen"))
        .order_by("-n", "pk")
        .first()
    )
    assert activiteit is not None, "geen activiteit in de demo"
    sessie = (
        Sessie.objects.filter(
            activiteit=activiteit, datum__lte=timezone.localdate(), annuleringsreden__isnull=True
        )
        .order_by("-datum")
        .first()
    )
    assert sessie is not None, "geen voorbije sessie"
    return {
        "activiteit": activiteit.pk,
        "sessie": sessie.pk,
        "sessiedatum": sessie.datum.isoformat(),
        "gevangenis": activiteit.gevangenis_id,
    }


def main() -> None:
    call_command("migrate", verbosity=0)
    user_model = get_user_model()
    call_command("demo_data", verbosity=0)  # idempotent: adds only what is missing
    settings.ALLOWED_HOSTS = ["testserver"]
    print(f"database: {connection.vendor}, {HERHALINGEN} herhalingen per pagina")
    print(f"{'gebruiker':<24} {'pagina':<40} {'mediaan':>8} {'p95':>8} {'queries':>8}  doel")
    mislukt = False
    dossier = _rijkste_dossier()
    waarden = {"dossier": dossier, **_drukste_sessie()}
    for gebruikersnaam, sjabloon, doel in PAGINAS:
        pad = sjabloon.format(**waarden)
        client = Client()
        client.force_login(user_model.objects.get(username=gebruikersnaam))
        client.get(pad)  # warm up: sessions, caches, the database's plan cache
        tijden = []
        for _ in range(HERHALINGEN):
            begin = time.perf_counter()
            response = client.get(pad)
            tijden.append((time.perf_counter() - begin) * 1000)
            assert response.status_code == 200, (pad, response.status_code)
        with CaptureQueriesContext(connection) as queries:
            client.get(pad)
        p95 = statistics.quantiles(tijden, n=20)[18]
        gehaald = p95 <= doel
        mislukt |= not gehaald
        print(
            f"{gebruikersnaam:<24} {pad:<40} {statistics.median(tijden):>6.1f}ms {p95:>6.1f}ms "
            f"{len(queries):>8}  ≤{doel}ms {'ok' if gehaald else 'TE TRAAG'}"
        )
    sys.exit(1 if mislukt else 0)


if __name__ == "__main__":
    main()
