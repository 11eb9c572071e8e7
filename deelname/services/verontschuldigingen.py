"""Excusals in advance: a participant who will not come to the sessions of some days.

The movement list leaves them off and the attendance register starts them as absent with
the excusal's reason; staff still register what happened on the day.

Who excuses (and withdraws an excusal): the offer's organisation, the organisation support,
and a trajectbegeleider of the prison, whom the person tells (``deelname.beheer``).
"""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from deelname.beheer import verontschuldigen_controleren
from deelname.models import PLAATS_BEZET, Afwezigheidsreden, Inschrijving, Verontschuldiging
from hdv.audit import wijziging_vastleggen


def _vastleggen(verontschuldiging: Verontschuldiging, actie: str, door: Any) -> None:
    inschrijving = verontschuldiging.inschrijving
    wijziging_vastleggen(
        door=door,
        actie=actie,
        obj=verontschuldiging,
        gevangenis=inschrijving.gevangenis,
        persoon_id=inschrijving.gedetineerde_id,
        velden=["van", "tot", "reden"],
    )


@transaction.atomic
def verontschuldiging_registreren(
    *,
    inschrijving: Inschrijving,
    van: datetime.date | None,
    tot: datetime.date | None,
    reden: Afwezigheidsreden | None,
    door: Any,
    toelichting: str = "",
) -> Verontschuldiging:
    """Excuse a participant of an activity for the sessions from ``van`` to ``tot``."""
    inschrijving = (
        Inschrijving.objects.select_for_update(of=("self",))
        .select_related("gevangenis", "aanbod")
        .get(pk=inschrijving.pk)
    )
    verontschuldigen_controleren(door, inschrijving)
    if inschrijving.activiteit_id is None:
        raise ValidationError(_("Verontschuldigen kan alleen voor een activiteit met sessies."))
    if inschrijving.status not in PLAATS_BEZET:
        raise ValidationError(
            _("Alleen wie ingeschreven of actief is, kan verontschuldigd worden.")
        )
    fouten: dict[str, str] = {}
    vandaag = timezone.localdate()
    if van is None:
        fouten["van"] = _("Geef de eerste dag.")
    elif van < vandaag:
        fouten["van"] = _("Vooraf verontschuldigen kan niet voor een dag die voorbij is.")
    if tot is None:
        fouten["tot"] = _("Geef de laatste dag.")
    elif van is not None and tot < van:
        fouten["tot"] = _("De laatste dag valt niet voor de eerste.")
    if reden is None:
        fouten["reden"] = _("Geef de reden.")
    elif not reden.actief:
        fouten["reden"] = _("Deze reden wordt niet meer gebruikt.")
    if fouten:
        raise ValidationError(fouten)
    assert van is not None
    assert tot is not None
    assert reden is not None
    verontschuldiging = Verontschuldiging.objects.create(
        inschrijving=inschrijving,
        van=van,
        tot=tot,
        reden=reden,
        toelichting=toelichting.strip()[:200],
        door=door if getattr(door, "is_authenticated", False) else None,
    )
    _vastleggen(verontschuldiging, "verontschuldiging geregistreerd", door)
    return verontschuldiging


@transaction.atomic
def verontschuldiging_intrekken(*, verontschuldiging: Verontschuldiging, door: Any) -> None:
    """Withdraw an excusal from today on: days already past keep it, the rest is gone."""
    verontschuldiging = (
        Verontschuldiging.objects.select_for_update(of=("self",))
        .select_related("inschrijving__gevangenis", "inschrijving__aanbod")
        .get(pk=verontschuldiging.pk)
    )
    verontschuldigen_controleren(door, verontschuldiging.inschrijving)
    vandaag = timezone.localdate()
    if verontschuldiging.tot < vandaag:
        raise ValidationError(_("Deze verontschuldiging is al voorbij."))
    if verontschuldiging.van < vandaag:
        verontschuldiging.tot = vandaag - datetime.timedelta(days=1)
        verontschuldiging.save(update_fields=["tot"])
        _vastleggen(verontschuldiging, "verontschuldiging ingekort", door)
        return
    _vastleggen(verontschuldiging, "verontschuldiging ingetrokken", door)
    verontschuldiging.delete()


def verontschuldigd_op(
    datum: datetime.date, inschrijving_ids: Iterable[int]
) -> dict[int, Verontschuldiging]:
    """Per enrolment, its excusal covering ``datum`` (one query, with the reason)."""
    return {
        v.inschrijving_id: v
        for v in Verontschuldiging.objects.filter(
            inschrijving_id__in=list(inschrijving_ids), van__lte=datum, tot__gte=datum
        )
        .select_related("reden")
        .order_by("aangemaakt", "id")  # two overlapping: the latest counts
    }
