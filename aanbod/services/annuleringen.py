"""Cancelling sessions, one or a whole prison-day at once (a strike), and undoing it."""

from __future__ import annotations

import datetime
import uuid
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aanbod.gebruik import sessies_in_gebruik
from aanbod.models import Annuleringsreden, Sessie
from hdv.audit import wijziging_vastleggen
from hdv.models import Gevangenis


class BevestigingNodig(ValidationError):
    """The sessions already have attendance: the user must confirm; attendance is kept."""

    def __init__(self, aantal: int) -> None:
        super().__init__(
            {
                "bevestigd": _(
                    "%(n)s sessie(s) hebben al aanwezigheden. Bevestig de annulering; de aanwezigheden blijven bewaard."
                )
                % {"n": aantal}
            },
        )
        self.aantal = aantal


def _reden_controleren(reden: Annuleringsreden, toelichting: str) -> str:
    if not reden.actief:
        raise ValidationError({"reden": _("Deze reden wordt niet meer gebruikt.")})
    toelichting = toelichting.strip()
    if reden.toelichting_verplicht and not toelichting:
        raise ValidationError(
            {
                "toelichting": _("Geef een toelichting bij de reden ‘%(reden)s’.")
                % {"reden": reden.naam}
            }
        )
    return toelichting


def _annuleren(
    sessies: list[Sessie], *, reden: Annuleringsreden, toelichting: str, door: Any, bevestigd: bool
) -> list[Sessie]:
    toelichting = _reden_controleren(reden, toelichting)
    in_gebruik = sessies_in_gebruik(s.pk for s in sessies)
    if in_gebruik and not bevestigd:
        raise BevestigingNodig(len(in_gebruik))
    groep = uuid.uuid4() if len(sessies) > 1 else None
    nu = timezone.now()
    for sessie in sessies:
        sessie.annuleringsreden = reden
        sessie.annulering_toelichting = toelichting
        sessie.geannuleerd_op = nu
        sessie.geannuleerd_door = door if getattr(door, "is_authenticated", False) else None
        sessie.annulering_groep = groep
        sessie.save(
            update_fields=[
                "annuleringsreden",
                "annulering_toelichting",
                "geannuleerd_op",
                "geannuleerd_door",
                "annulering_groep",
            ]
        )
        wijziging_vastleggen(
            door=door, actie="sessie_geannuleerd", obj=sessie, gevangenis=sessie.activiteit.gevangenis,
            velden=["annuleringsreden", "annulering_toelichting"],
        )  # fmt: skip
    return sessies


@transaction.atomic
def sessie_annuleren(
    *,
    sessie: Sessie,
    reden: Annuleringsreden,
    toelichting: str = "",
    door: Any,
    bevestigd: bool = False,
) -> Sessie:
    sessie = (
        Sessie.objects.select_for_update()
        .select_related("activiteit__gevangenis")
        .get(pk=sessie.pk)
    )
    if sessie.geannuleerd:
        raise ValidationError(_("Deze sessie is al geannuleerd."))
    return _annuleren(
        [sessie], reden=reden, toelichting=toelichting, door=door, bevestigd=bevestigd
    )[0]


@transaction.atomic
def sessies_annuleren_op_dag(
    *,
    gevangenis: Gevangenis,
    datum: datetime.date,
    reden: Annuleringsreden,
    toelichting: str = "",
    door: Any,
    bevestigd: bool = False,
) -> list[Sessie]:
    """Every session of a prison on one day (a strike): one action, undone as one."""
    sessies = list(
        Sessie.objects.select_for_update()
        .select_related("activiteit__gevangenis")
        .filter(activiteit__gevangenis=gevangenis, datum=datum, annuleringsreden__isnull=True)
        .order_by("begintijd", "id")
    )
    if not sessies:
        raise ValidationError({"datum": _("Er zijn die dag geen sessies om te annuleren.")})
    return _annuleren(sessies, reden=reden, toelichting=toelichting, door=door, bevestigd=bevestigd)


@transaction.atomic
def annulering_ongedaan_maken(*, sessie: Sessie, door: Any) -> list[Sessie]:
    """Undo a cancellation; when it was part of a day's cancellation, undo the whole day."""
    sessie = Sessie.objects.select_for_update().get(pk=sessie.pk)
    if not sessie.geannuleerd:
        raise ValidationError(_("Deze sessie is niet geannuleerd."))
    if sessie.annulering_groep:
        sessies = list(
            Sessie.objects.select_for_update()
            .select_related("activiteit__gevangenis")
            .filter(annulering_groep=sessie.annulering_groep)
        )
    else:
        sessies = [sessie]
    for s in sessies:
        s.annuleringsreden = None
        s.annulering_toelichting = ""
        s.geannuleerd_op = None
        s.geannuleerd_door = None
        s.annulering_groep = None
        s.save(
            update_fields=[
                "annuleringsreden",
                "annulering_toelichting",
                "geannuleerd_op",
                "geannuleerd_door",
                "annulering_groep",
            ]
        )
        wijziging_vastleggen(
            door=door, actie="annulering_ongedaan_gemaakt", obj=s, gevangenis=s.activiteit.gevangenis,
            velden=["annuleringsreden"],
        )  # fmt: skip
    return sessies
