"""Intake (onthaal) and needs detection per life domain."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aanbod.models import Levensdomein
from trajecten.models import Behoefte, Gedetineerde, Onthaal, Verblijf
from trajecten.services.vastleggen import organisatie_van, vastleggen


@dataclass(frozen=True)
class BehoefteInvoer:
    levensdomein: str
    antwoord: str
    prioriteit: str = ""
    notitie: str = ""


def _behoefte_fout(invoer: BehoefteInvoer) -> tuple[str, str] | None:
    """The field and the message of what is wrong with one need, or None."""
    if invoer.levensdomein not in Levensdomein.values:
        return "levensdomein", _("Onbekend levensdomein: %s") % invoer.levensdomein
    if invoer.antwoord not in Behoefte.Antwoord.values:
        return "antwoord", _("Onbekend antwoord: %s") % invoer.antwoord
    if invoer.prioriteit and invoer.antwoord != Behoefte.Antwoord.JA:
        return "prioriteit", _("Een prioriteit hoort alleen bij een behoefte (antwoord ja).")
    if invoer.prioriteit and invoer.prioriteit not in Behoefte.Prioriteit.values:
        return "prioriteit", _("Onbekende prioriteit: %s") % invoer.prioriteit
    return None


def _behoeften_controleren(behoeften: Sequence[BehoefteInvoer]) -> None:
    """The needs of an intake: their errors all go on the form's ``behoeften``."""
    gezien: set[str] = set()
    for invoer in behoeften:
        if invoer.levensdomein in gezien:
            raise ValidationError(
                {"behoeften": _("Het levensdomein %s staat er twee keer in.") % invoer.levensdomein}
            )
        gezien.add(invoer.levensdomein)
        fout = _behoefte_fout(invoer)
        if fout is not None:
            raise ValidationError({"behoeften": fout[1]})


def _verblijf_controleren(verblijf: Verblijf, datum: datetime.date) -> None:
    if verblijf.tot is not None:
        raise ValidationError(_("Dit verblijf is afgesloten: een onthaal kan niet meer."))
    if datum < verblijf.van:
        raise ValidationError({"datum": _("Het onthaal kan niet voor de aankomst liggen.")})
    if datum > timezone.localdate():
        raise ValidationError({"datum": _("Het onthaal kan niet in de toekomst liggen.")})
    if Onthaal.objects.filter(verblijf=verblijf).exists():
        raise ValidationError(_("Voor dit verblijf is het onthaal al geregistreerd."))


def _opslaan(onthaal: Onthaal) -> Onthaal:
    try:
        with transaction.atomic():
            onthaal.save()
    except IntegrityError:  # a colleague registered it a moment earlier
        raise ValidationError(_("Voor dit verblijf is het onthaal al geregistreerd.")) from None
    return onthaal


@transaction.atomic
def onthaal_registreren(
    *,
    verblijf: Verblijf,
    datum: datetime.date,
    door: Any,
    taal: str = "",
    tolk_nodig: bool = False,
    info_aanbod_gegeven: bool = False,
    opmerking: str = "",
    behoeften: Sequence[BehoefteInvoer] = (),
) -> Onthaal:
    """The intake conversation with its needs detection, in one write."""
    verblijf = (
        Verblijf.objects.select_for_update(of=("self",))
        .select_related("gedetineerde")
        .get(pk=verblijf.pk)
    )
    _verblijf_controleren(verblijf, datum)
    _behoeften_controleren(behoeften)
    organisatie = organisatie_van(door)
    gedetineerde = verblijf.gedetineerde
    onthaal = _opslaan(
        Onthaal(
            gedetineerde=gedetineerde,
            verblijf=verblijf,
            status=Onthaal.Status.AFGEROND,
            datum=datum,
            door=door,
            organisatie=organisatie,
            taal=taal.strip().lower(),
            tolk_nodig=tolk_nodig,
            info_aanbod_gegeven=info_aanbod_gegeven,
            opmerking=opmerking.strip(),
        )
    )
    Behoefte.objects.bulk_create(
        Behoefte(
            gedetineerde=gedetineerde,
            onthaal=onthaal,
            levensdomein=invoer.levensdomein,
            antwoord=invoer.antwoord,
            prioriteit=invoer.prioriteit,
            notitie=invoer.notitie.strip(),
            vastgesteld_op=datum,
            door=door,
            organisatie=organisatie,
        )
        for invoer in behoeften
    )
    vastleggen(
        door=door,
        actie="onthaal geregistreerd",
        obj=onthaal,
        gedetineerde=gedetineerde,
        velden=["taal", "tolk_nodig", "info_aanbod_gegeven", "behoeften"],
    )
    return onthaal


@transaction.atomic
def onthaal_overslaan(
    *,
    verblijf: Verblijf,
    reden: str,
    door: Any,
    datum: datetime.date | None = None,
    opmerking: str = "",
) -> Onthaal:
    """Skipping is allowed, with a reason; it takes the stay off the worklist."""
    if reden not in Onthaal.Reden.values:
        raise ValidationError(
            {"reden_overslaan": _("Kies een reden om het onthaal over te slaan.")}
        )
    verblijf = (
        Verblijf.objects.select_for_update(of=("self",))
        .select_related("gedetineerde")
        .get(pk=verblijf.pk)
    )
    datum = datum or timezone.localdate()
    _verblijf_controleren(verblijf, max(datum, verblijf.van))
    onthaal = _opslaan(
        Onthaal(
            gedetineerde=verblijf.gedetineerde,
            verblijf=verblijf,
            status=Onthaal.Status.OVERGESLAGEN,
            datum=max(datum, verblijf.van),
            door=door,
            organisatie=organisatie_van(door),
            reden_overslaan=reden,
            opmerking=opmerking.strip(),
        )
    )
    vastleggen(
        door=door,
        actie="onthaal overgeslagen",
        obj=onthaal,
        gedetineerde=verblijf.gedetineerde,
        velden=["reden_overslaan"],
    )
    return onthaal


@transaction.atomic
def behoefte_vastleggen(
    *,
    gedetineerde: Gedetineerde,
    levensdomein: str,
    antwoord: str,
    door: Any,
    prioriteit: str = "",
    notitie: str = "",
) -> Behoefte:
    """A need detected after the intake (a later conversation, a referral back)."""
    # One need, one form: the error goes on the field itself, not on an intake's list.
    fout = _behoefte_fout(BehoefteInvoer(levensdomein, antwoord, prioriteit, notitie))
    if fout is not None:
        raise ValidationError({fout[0]: fout[1]})
    behoefte = Behoefte.objects.create(
        gedetineerde=gedetineerde,
        levensdomein=levensdomein,
        antwoord=antwoord,
        prioriteit=prioriteit,
        notitie=notitie.strip(),
        vastgesteld_op=timezone.localdate(),
        door=door,
        organisatie=organisatie_van(door),
    )
    vastleggen(
        door=door,
        actie="behoefte vastgelegd",
        obj=behoefte,
        gedetineerde=gedetineerde,
        velden=["levensdomein", "antwoord", "prioriteit", "notitie"],
    )
    return behoefte
