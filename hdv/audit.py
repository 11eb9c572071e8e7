"""Appending to the audit trail. Services call these; nothing else writes audit records."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.db import models

from hdv.models import Auditrecord, Gevangenis
from hdv.request_context import huidig_request_id


def _gebruiker(door: Any) -> Any:
    return door if getattr(door, "is_authenticated", False) else None


def wijziging_vastleggen(
    *,
    door: Any,
    actie: str,
    obj: models.Model,
    gevangenis: Gevangenis | None = None,
    persoon_id: int | None = None,
    velden: Iterable[str] = (),
) -> Auditrecord:
    """Record a write. ``velden`` names the fields that changed, never their values."""
    return Auditrecord.objects.create(
        soort=Auditrecord.Soort.WIJZIGING,
        actie=actie,
        door=_gebruiker(door),
        object_type=obj._meta.label,
        object_id=str(obj.pk or ""),
        persoon_id=persoon_id,
        gevangenis=gevangenis,
        request_id=huidig_request_id(),
        velden=sorted(velden),
    )


def inzage_vastleggen(
    *, door: Any, obj: models.Model, persoon_id: int, gevangenis: Gevangenis | None
) -> Auditrecord:
    """Record that someone opened a person's file (or a part of it)."""
    return Auditrecord.objects.create(
        soort=Auditrecord.Soort.INZAGE,
        actie="geopend",
        door=_gebruiker(door),
        object_type=obj._meta.label,
        object_id=str(obj.pk),
        persoon_id=persoon_id,
        gevangenis=gevangenis,
        request_id=huidig_request_id(),
    )
