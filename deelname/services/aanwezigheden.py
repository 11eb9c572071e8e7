"""Attendance per session: one row per person, history of every change, a lock window."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aanbod.models import Sessie
from deelname.models import (
    PLAATS_BEZET,
    Aanwezigheid,
    Aanwezigheidswijziging,
    Afwezigheidsreden,
    Inschrijving,
    Status,
)
from deelname.services.inschrijvingen import inschrijving_activeren
from deelname.services.verontschuldigingen import verontschuldigd_op
from hdv.audit import wijziging_vastleggen
from hdv.scope import organisatie_id


def _gebruiker(door: Any) -> Any:
    return door if getattr(door, "is_authenticated", False) else None


@dataclass(frozen=True)
class Registratie:
    inschrijving_id: int
    status: str
    reden: str = ""  # code of an Afwezigheidsreden, only with afwezig
    toelichting: str = ""


def vergrendeld_op(sessie: Sessie) -> datetime.date:
    """The last day this session's attendance can still be changed."""
    return sessie.datum + datetime.timedelta(days=settings.HDV_AANWEZIGHEID_WIJZIGBAAR_DAGEN)


def mag_registreren(door: Any, sessie: Sessie) -> bool:
    """The organisation support registers every session; provider staff their own offer's."""
    if door.has_perm("deelname.registreer_alle_aanwezigheden"):
        return True
    return door.has_perm("deelname.add_aanwezigheid") and (
        organisatie_id(door) == sessie.activiteit.aanbod.organisatie_id
    )


def begin_van(sessie: Sessie) -> datetime.datetime:
    """When the session starts: its date and start time, in the prison's local time."""
    return timezone.make_aware(datetime.datetime.combine(sessie.datum, sessie.begintijd))


def sessie_controleren(sessie: Sessie, nu: datetime.datetime | None = None) -> None:
    """Whether the register of this session is open now: started, not cancelled, not locked.

    Started means its start time has passed, not only its date: a register filled in at
    eight for a session at nine would record who was going to come, not who came.
    """
    nu = nu or timezone.now()
    vandaag = timezone.localdate(nu)
    if sessie.annuleringsreden_id:
        raise ValidationError(
            _("Deze sessie is geannuleerd: er is geen aanwezigheid te registreren.")
        )
    if nu < begin_van(sessie):
        raise ValidationError(
            _(
                "Deze sessie begint pas op %(datum)s om %(uur)s: de aanwezigheden "
                "registreer je vanaf het begin."
            )
            % {
                "datum": sessie.datum.strftime("%d/%m/%Y"),
                "uur": sessie.begintijd.strftime("%H:%M"),
            }
        )
    if vandaag > vergrendeld_op(sessie):
        raise ValidationError(
            _("De aanwezigheden van deze sessie zijn vergrendeld sinds %(datum)s.")
            % {"datum": vergrendeld_op(sessie).strftime("%d/%m/%Y")}
        )


def ingeschrevenen(sessie: Sessie) -> list[Inschrijving]:
    """Who belongs on the register: placed on or before the session's day and not ended
    before it (someone who stopped later still has their earlier sessions)."""
    kandidaten = (
        Inschrijving.objects.filter(
            activiteit_id=sessie.activiteit_id,
            status__in=[*PLAATS_BEZET, Status.AFGEROND, Status.STOPGEZET],
        )
        .select_related("gedetineerde")
        .prefetch_related("stappen")
        .order_by("gedetineerde__achternaam", "gedetineerde__voornaam", "id")
    )
    lijst = []
    for inschrijving in kandidaten:
        stappen = list(inschrijving.stappen.all())
        geplaatst = [s.datum for s in stappen if s.naar_status == Status.INGESCHREVEN]
        beeindigd = [
            s.datum for s in stappen if s.naar_status in (Status.AFGEROND, Status.STOPGEZET)
        ]
        if not geplaatst or min(geplaatst) > sessie.datum:
            continue
        if beeindigd and max(beeindigd) < sessie.datum:
            continue
        lijst.append(inschrijving)
    return lijst


@transaction.atomic
def aanwezigheden_registreren(
    *, sessie: Sessie, registraties: Sequence[Registratie], door: Any
) -> list[Aanwezigheid]:
    """Register (or correct) a session's attendance; submitting twice changes nothing.

    Every row is validated before anything is written: one bad row refuses the whole
    register, with the row named.
    """
    sessie = (
        Sessie.objects.select_for_update(of=("self",))
        .select_related("activiteit__aanbod", "activiteit__gevangenis")
        .get(pk=sessie.pk)
    )
    # Whatever the caller checked: provider staff register only their own offer's sessions.
    # No user (the demo data, a command) is the system itself.
    if getattr(door, "is_authenticated", False) and not mag_registreren(door, sessie):
        raise PermissionDenied(_("Je mag de aanwezigheden van deze sessie niet registreren."))
    sessie_controleren(sessie)
    toegelaten = {i.pk: i for i in ingeschrevenen(sessie)}
    redenen = {r.code: r for r in Afwezigheidsreden.objects.filter(actief=True)}
    gezien: set[int] = set()
    fouten: list[str] = []
    for registratie in registraties:
        inschrijving = toegelaten.get(registratie.inschrijving_id)
        if inschrijving is None:
            fouten.append(
                _("Inschrijving %(id)s hoort niet bij deze sessie.")
                % {"id": registratie.inschrijving_id}
            )
            continue
        naam = inschrijving.gedetineerde.volledige_naam
        if registratie.inschrijving_id in gezien:
            fouten.append(_("%(naam)s staat er twee keer in.") % {"naam": naam})
        gezien.add(registratie.inschrijving_id)
        if registratie.status not in Aanwezigheid.Status.values:
            fouten.append(_("%(naam)s: kies aanwezig, te laat of afwezig.") % {"naam": naam})
        elif registratie.status == Aanwezigheid.Status.AFWEZIG and registratie.reden not in redenen:
            fouten.append(_("%(naam)s: geef de reden van de afwezigheid.") % {"naam": naam})
        elif registratie.status != Aanwezigheid.Status.AFWEZIG and registratie.reden:
            fouten.append(
                _("%(naam)s: een reden hoort alleen bij een afwezigheid.") % {"naam": naam}
            )
    if fouten:
        raise ValidationError({"registraties": fouten})
    bestaand = {
        a.inschrijving_id: a
        for a in Aanwezigheid.objects.select_for_update().filter(
            sessie=sessie, inschrijving_id__in=gezien
        )
    }
    resultaat = []
    gewijzigd = False
    for registratie in registraties:
        reden = (
            redenen.get(registratie.reden)
            if registratie.status == Aanwezigheid.Status.AFWEZIG
            else None
        )
        aanwezigheid = bestaand.get(registratie.inschrijving_id)
        toelichting = registratie.toelichting.strip()[:200]
        if aanwezigheid is None:
            aanwezigheid = Aanwezigheid.objects.create(
                sessie=sessie,
                inschrijving_id=registratie.inschrijving_id,
                status=registratie.status,
                reden=reden,
                toelichting=toelichting,
                geregistreerd_door=_gebruiker(door),
            )
        elif (aanwezigheid.status, aanwezigheid.reden_id) != (
            registratie.status,
            reden.pk if reden else None,
        ):
            aanwezigheid.status = registratie.status
            aanwezigheid.reden = reden
            aanwezigheid.toelichting = toelichting
            aanwezigheid.geregistreerd_door = _gebruiker(door)
            aanwezigheid.save()
        else:
            # The same status again: no history. Only a changed remark is kept.
            if aanwezigheid.toelichting != toelichting:
                aanwezigheid.toelichting = toelichting
                aanwezigheid.save(update_fields=["toelichting", "gewijzigd"])
                gewijzigd = True
            resultaat.append(aanwezigheid)
            continue
        gewijzigd = True
        Aanwezigheidswijziging.objects.create(
            aanwezigheid=aanwezigheid,
            status=aanwezigheid.status,
            reden=reden,
            door=_gebruiker(door),
        )
        inschrijving = toegelaten[registratie.inschrijving_id]
        if (
            registratie.status != Aanwezigheid.Status.AFWEZIG
            and inschrijving.status == Status.INGESCHREVEN
        ):
            inschrijving_activeren(inschrijving=inschrijving, door=door, datum=sessie.datum)
        resultaat.append(aanwezigheid)
    if not gewijzigd:
        return resultaat  # submitted twice: nothing happened, nothing to audit
    wijziging_vastleggen(
        door=door,
        actie="aanwezigheden geregistreerd",
        obj=sessie,
        gevangenis=sessie.activiteit.gevangenis,
        velden=["aanwezigheden"],
    )
    return resultaat


def iedereen_aanwezig(sessie: Sessie) -> list[Registratie]:
    """The starting point of the register: everyone present, then the exceptions.

    Someone excused in advance starts as absent with the excusal's reason (only a default).
    """
    lijst = ingeschrevenen(sessie)
    verontschuldigd = verontschuldigd_op(sessie.datum, [i.pk for i in lijst])
    return [
        Registratie(
            i.pk,
            Aanwezigheid.Status.AFWEZIG,
            verontschuldigd[i.pk].reden.code,
            verontschuldigd[i.pk].toelichting,
        )
        if i.pk in verontschuldigd
        else Registratie(i.pk, Aanwezigheid.Status.AANWEZIG)
        for i in lijst
    ]
