"""Tasks in worklists. Other apps (deelname) make their tasks through ``taak_aanmaken``."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hdv.audit import wijziging_vastleggen
from hdv.models import Gevangenis, Organisatie
from trajecten.models import Gedetineerde, Taak


@transaction.atomic
def taak_aanmaken(
    *,
    gevangenis: Gevangenis,
    soort: str,
    titel: str,
    inhoud: str = "",
    gedetineerde: Gedetineerde | None = None,
    toegewezen_aan: Any = None,
    permissie: str = "",
    organisatie: Organisatie | None = None,
    door: Any = None,
) -> Taak:
    """A task for one user, or for everyone in ``gevangenis`` holding ``permissie``.

    Whoever opted in gets an e-mail after the commit (without personal data: it says
    there is a task and links to the worklist).
    """
    if toegewezen_aan is None and not permissie:
        raise ValueError("Een taak is voor een gebruiker of voor een permissie.")
    taak = Taak.objects.create(
        gevangenis=gevangenis,
        soort=soort,
        titel=titel[:200],
        inhoud=inhoud,
        gedetineerde=gedetineerde,
        toegewezen_aan=toegewezen_aan,
        permissie=permissie,
        organisatie=organisatie,
    )
    wijziging_vastleggen(
        door=door,
        actie="taak aangemaakt",
        obj=taak,
        gevangenis=gevangenis,
        persoon_id=gedetineerde.pk if gedetineerde else None,
    )
    transaction.on_commit(lambda: _mailen_als_gevraagd(taak))
    return taak


def _mailen_als_gevraagd(taak: Taak) -> None:
    # Most workers don't opt in: no job (and no broker round trip) when nobody asked.
    from trajecten.tasks import taak_mailen
    from trajecten.werklijsten import taak_ontvangers

    if taak_ontvangers(taak).filter(medewerker__meldingen_per_email=True).exists():
        taak_mailen.delay(taak.pk)


@transaction.atomic
def taak_afhandelen(*, taak: Taak, door: Any) -> Taak:
    taak = Taak.objects.select_for_update().get(pk=taak.pk)
    if taak.afgehandeld_op is not None:
        raise ValidationError(_("Deze taak is al afgehandeld."))
    taak.afgehandeld_op = timezone.now()
    taak.afgehandeld_door = door
    taak.save(update_fields=["afgehandeld_op", "afgehandeld_door"])
    wijziging_vastleggen(
        door=door,
        actie="taak afgehandeld",
        obj=taak,
        gevangenis=taak.gevangenis,
        persoon_id=taak.gedetineerde_id,
        velden=["afgehandeld_op"],
    )
    return taak
