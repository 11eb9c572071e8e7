"""Reads on detainees, always through the prison scope."""

from __future__ import annotations

from typing import Any

from django.db.models import Q, QuerySet

from hdv.audit import inzage_vastleggen
from hdv.models import Gevangenis
from hdv.scope import get_in_scope_or_404
from trajecten.models import Gedetineerde


def gedetineerde_openen(*, user: Any, pk: Any, queryset: Any = None) -> Gedetineerde:
    """Open a person's file: in the user's scope or 404, and the opening is recorded.

    The one way the HTML and the API open a file, so neither can forget the access record.
    """
    if queryset is None:
        queryset = Gedetineerde.objects.select_related("huidige_gevangenis")
    gedetineerde: Gedetineerde = get_in_scope_or_404(queryset, user, pk=pk)
    inzage_vastleggen(
        door=user,
        obj=gedetineerde,
        persoon_id=gedetineerde.pk,
        gevangenis=gedetineerde.huidige_gevangenis,
    )
    return gedetineerde


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
