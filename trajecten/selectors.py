"""Reads on detainees, always through the prison scope."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from hdv.models import Gevangenis
from trajecten.models import Gedetineerde


def gedetineerden_in_gevangenis(
    *, user: Any, gevangenis: Gevangenis | None, zoekterm: str = ""
) -> QuerySet[Gedetineerde]:
    """The people currently present in a prison the user works in."""
    queryset = (
        Gedetineerde.objects.zichtbaar_voor(user)
        .in_gevangenis(gevangenis)
        .filter(verblijven__tot__isnull=True, verblijven__gevangenis=gevangenis)
    )
    zoekterm = zoekterm.strip()
    if zoekterm:
        queryset = queryset.filter(
            Q(achternaam__icontains=zoekterm)
            | Q(voornaam__icontains=zoekterm)
            | Q(detineenummer__icontains=zoekterm)
        )
    return queryset.select_related("huidige_gevangenis").order_by("achternaam", "voornaam", "id")
