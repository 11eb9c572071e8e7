"""What every write on a person's file shares: the author's organisation and the audit record."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.utils.translation import gettext as _

from hdv.audit import wijziging_vastleggen
from hdv.models import Organisatie
from trajecten.models import Gedetineerde


def organisatie_van(door: Any) -> Organisatie:
    """The organisation a worker writes for; a user without a staff profile cannot write."""
    medewerker = getattr(door, "medewerker", None) if door is not None else None
    if medewerker is None:
        raise ValidationError(
            _("Uw account hoort bij geen organisatie; vraag het aan de beheerder.")
        )
    organisatie: Organisatie = medewerker.organisatie
    return organisatie


def vastleggen(
    *,
    door: Any,
    actie: str,
    obj: models.Model,
    gedetineerde: Gedetineerde,
    velden: Iterable[str] = (),
) -> None:
    wijziging_vastleggen(
        door=door,
        actie=actie,
        obj=obj,
        gevangenis=gedetineerde.huidige_gevangenis,
        persoon_id=gedetineerde.pk,
        velden=velden,
    )


def vereis(toegestaan: bool, melding: str) -> None:
    """A write on content the user may not read is refused, whatever the caller checked."""
    if not toegestaan:
        raise PermissionDenied(melding)
