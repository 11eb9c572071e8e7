"""Reads of the monitoring reports: the list and one report, with what their pages show.

Reports are Flanders-wide documents of aggregate figures, not of one prison: whoever may
read monitoring reports reads all of them, so there is no prison scope to apply here.
"""

from __future__ import annotations

from django.db.models import Prefetch, QuerySet
from django.shortcuts import get_object_or_404

from hdv.models import Gevangenis
from rapportage.models import Monitoringrapport


def monitoringrapporten() -> QuerySet[Monitoringrapport]:
    """Newest first, with who asked and the prisons: three queries a page (count, rows,
    prisons)."""
    return (
        Monitoringrapport.objects.select_related("aangevraagd_door")
        .prefetch_related(
            Prefetch("gevangenissen", queryset=Gevangenis.objects.only("id", "naam", "code"))
        )
        # The kept figures (a few hundred kB) are read only when a report is built.
        .defer("cijfers")
    )


def monitoringrapport_of_404(pk: int) -> Monitoringrapport:
    return get_object_or_404(monitoringrapporten(), pk=pk)
