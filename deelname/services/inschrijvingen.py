"""Enrolments: asked for, placed or put on the waiting list, active, completed or stopped.

Capacity is the one hard limit, kept under concurrent requests by locking the row that
holds it (the activity, or the prison's individual offer) before counting the places.

The waiting list is kept in its order (priority, request date, id): while anyone waits, a
new enrolment or request joins the list even if a place is free, and a place goes to the
first in line unless staff give someone else priority with a reason (``voorrang``).

Placing, stopping and completing are for the offer's organisation and the organisation
support (``deelname.beheer``); enrolling someone is for every role that may enrol.
"""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from aanbod.models import Aanbod, AanbodInGevangenis, Activiteit
from deelname import workflow
from deelname.beheer import aanbod_beheer_controleren, beheer_controleren
from deelname.controles import Waarschuwing, controleren
from deelname.models import PLAATS_BEZET, Bron, Inschrijving, Inschrijvingsstap, Status, Stopreden
from deelname.selectors import WACHTLIJSTVOLGORDE, wachtenden_voor
from hdv.audit import wijziging_vastleggen
from trajecten.models import Doorverwijzing, Gedetineerde


class Waarschuwingen(ValidationError):
    """Checks that were not overridden: the form shows them and asks for a reason."""

    def __init__(self, waarschuwingen: list[Waarschuwing]) -> None:
        self.waarschuwingen = waarschuwingen
        super().__init__({"waarschuwingen": [w.tekst for w in waarschuwingen]})


def _vastleggen(inschrijving: Inschrijving, actie: str, door: Any, velden: list[str]) -> None:
    wijziging_vastleggen(
        door=door,
        actie=actie,
        obj=inschrijving,
        gevangenis=inschrijving.gevangenis,
        persoon_id=inschrijving.gedetineerde_id,
        velden=velden,
    )


def _stap(
    inschrijving: Inschrijving,
    van: str,
    naar: str,
    door: Any,
    datum: datetime.date | None = None,
    toelichting: str = "",
) -> None:
    Inschrijvingsstap.objects.create(
        inschrijving=inschrijving,
        van_status=van,
        naar_status=naar,
        datum=datum or timezone.localdate(),
        door=door if getattr(door, "is_authenticated", False) else None,
        toelichting=toelichting[:300],
    )


def _capaciteit_vergrendelen(inschrijving: Inschrijving) -> int | None:
    """Lock the row that holds the capacity and return it (None = no limit)."""
    if inschrijving.activiteit_id:
        return Activiteit.objects.select_for_update().get(pk=inschrijving.activiteit_id).capaciteit
    beschikbaarheid = (
        AanbodInGevangenis.objects.select_for_update()
        .filter(
            aanbod_id=inschrijving.aanbod_id,
            gevangenis_id=inschrijving.gevangenis_id,
        )
        .filter(Q(tot__isnull=True) | Q(tot__gte=timezone.localdate()))
        .order_by("-sinds")
        .first()
    )
    return beschikbaarheid.capaciteit if beschikbaarheid else None


def _bezet(inschrijving: Inschrijving) -> int:
    andere = Inschrijving.objects.filter(status__in=PLAATS_BEZET).exclude(pk=inschrijving.pk)
    if inschrijving.activiteit_id:
        return andere.filter(activiteit_id=inschrijving.activiteit_id).count()
    return andere.filter(
        activiteit__isnull=True,
        aanbod_id=inschrijving.aanbod_id,
        gevangenis_id=inschrijving.gevangenis_id,
    ).count()


def _plaats_vrij(inschrijving: Inschrijving) -> bool:
    capaciteit = _capaciteit_vergrendelen(inschrijving)
    return capaciteit is None or _bezet(inschrijving) < capaciteit


def _nog_lopend(inschrijving: Inschrijving) -> None:
    """Placing someone needs an activity that has not ended and an offer not archived."""
    if inschrijving.aanbod.gearchiveerd:
        raise ValidationError({"aanbod": _("Dit aanbod is gearchiveerd.")})
    if inschrijving.activiteit and inschrijving.activiteit.einddatum < timezone.localdate():
        raise ValidationError({"activiteit": _("Deze activiteit is al afgelopen.")})


def _overgang(
    inschrijving: Inschrijving,
    naar: str,
    door: Any,
    toelichting: str = "",
    datum: datetime.date | None = None,
    actie: str = "",
    velden: tuple[str, ...] = ("status",),
) -> Inschrijving:
    van = inschrijving.status
    if not workflow.mag(van, naar):
        raise ValidationError(
            {
                "status": _("Een inschrijving met status '%(van)s' kan niet naar '%(naar)s'.")
                % {"van": Status(van).label, "naar": Status(naar).label}
            }
        )
    inschrijving.status = naar
    inschrijving.save()
    _stap(inschrijving, van, naar, door, datum, toelichting)
    _vastleggen(inschrijving, actie or f"inschrijving {naar}", door, list(velden))
    return inschrijving


def _doel_bepalen(
    gedetineerde: Gedetineerde, activiteit: Activiteit | None, aanbod: Aanbod | None
) -> tuple[Aanbod, Any]:
    """The offer and prison of the enrolment; refused for a person not present there."""
    gevangenis: Any
    if activiteit is not None:
        aanbod, gevangenis = activiteit.aanbod, activiteit.gevangenis
        if activiteit.einddatum < timezone.localdate():
            raise ValidationError({"activiteit": _("Deze activiteit is al afgelopen.")})
    elif aanbod is not None:
        gevangenis = gedetineerde.huidige_gevangenis
        if aanbod.vorm == Aanbod.Vorm.GROEP:
            raise ValidationError({"activiteit": _("Kies voor een groepsaanbod de activiteit.")})
        if (
            not AanbodInGevangenis.objects.filter(aanbod=aanbod, gevangenis=gevangenis)
            .filter(Q(tot__isnull=True) | Q(tot__gte=timezone.localdate()))
            .exists()
        ):
            raise ValidationError(
                {"aanbod": _("Dit aanbod wordt in deze gevangenis niet aangeboden.")}
            )
    else:
        raise ValidationError({"activiteit": _("Kies een activiteit of een individueel aanbod.")})
    if aanbod.gearchiveerd:
        raise ValidationError({"aanbod": _("Dit aanbod is gearchiveerd.")})
    aanwezig = gedetineerde.verblijven.filter(tot__isnull=True, gevangenis=gevangenis).exists()
    if not aanwezig:
        raise ValidationError(
            {
                "gedetineerde": _("Deze persoon verblijft niet in %(gevangenis)s.")
                % {"gevangenis": gevangenis}
            }
        )
    return aanbod, gevangenis


@transaction.atomic
def inschrijving_aanvragen(
    *,
    gedetineerde: Gedetineerde,
    bron: str,
    door: Any,
    activiteit: Activiteit | None = None,
    aanbod: Aanbod | None = None,
    prioriteit: int = 2,
    doorverwijzing: Doorverwijzing | None = None,
    overschrijven: Mapping[str, str] | None = None,
    plaatsen: bool = True,
) -> Inschrijving:
    """Enrol a person, or put them on the waiting list when the activity is full or
    when others already wait for it (the list keeps its order; see ``inschrijving_plaatsen``).

    The checks (clash, another group of the same offer, remaining detention, language,
    level, target group) are warnings: each must be overridden with a reason in
    ``overschrijven`` ({code: reason}) or the enrolment is refused with
    :class:`Waarschuwingen`. ``plaatsen=False`` only records the request (a detainee's own,
    answered later by staff).
    """
    if bron not in Bron.values:
        raise ValidationError({"bron": _("Kies hoe de vraag binnenkwam.")})
    if prioriteit not in (1, 2, 3):
        raise ValidationError({"prioriteit": _("De prioriteit is 1, 2 of 3.")})
    # Locking the person queues an enrolment behind a transfer or release in progress, so
    # the presence check below sees the stay as it is after it.
    gedetineerde = (
        Gedetineerde.objects.select_for_update(of=("self",))
        .select_related("huidige_gevangenis")
        .get(pk=gedetineerde.pk)
    )
    # Fresh rows: a caller's instance may predate an archiving or a change of dates.
    if activiteit is not None:
        activiteit = Activiteit.objects.select_related("aanbod", "gevangenis").get(pk=activiteit.pk)
    elif aanbod is not None:
        aanbod = Aanbod.objects.get(pk=aanbod.pk)
    aanbod, gevangenis = _doel_bepalen(gedetineerde, activiteit, aanbod)
    if doorverwijzing is not None and doorverwijzing.gedetineerde_id != gedetineerde.pk:
        raise ValidationError(
            {"doorverwijzing": _("Deze doorverwijzing hoort bij een andere persoon.")}
        )
    overschrijven = {
        code: reden.strip() for code, reden in (overschrijven or {}).items() if reden.strip()
    }
    waarschuwingen = controleren(gedetineerde=gedetineerde, aanbod=aanbod, activiteit=activiteit)
    open_waarschuwingen = [w for w in waarschuwingen if w.code not in overschrijven]
    if open_waarschuwingen:
        raise Waarschuwingen(open_waarschuwingen)
    inschrijving = Inschrijving(
        gedetineerde=gedetineerde,
        gevangenis=gevangenis,
        aanbod=aanbod,
        activiteit=activiteit,
        bron=bron,
        doorverwijzing=doorverwijzing,
        status=Status.AANGEVRAAGD,
        prioriteit=prioriteit,
        aangevraagd_op=timezone.now(),
        overschreven_waarschuwingen=[
            {"code": w.code, "tekst": w.tekst, "reden": overschrijven[w.code]}
            for w in waarschuwingen
        ],
        aangemaakt_door=door if getattr(door, "is_authenticated", False) else None,
    )
    try:
        with transaction.atomic():
            inschrijving.save()
    except IntegrityError:
        raise ValidationError(
            {
                "gedetineerde": _(
                    "Deze persoon is hier al ingeschreven of staat al op de wachtlijst."
                )
            }
        ) from None
    _stap(inschrijving, "", Status.AANGEVRAAGD, door)
    _vastleggen(
        inschrijving,
        "inschrijving aangevraagd",
        door,
        ["status", "bron", "aanbod", "activiteit", "prioriteit"],
    )
    if plaatsen:
        # The capacity lock first: who waits and what is free are read under it.
        vrij = _plaats_vrij(inschrijving)
        naar = (
            Status.INGESCHREVEN
            if vrij and not wachtenden_voor(inschrijving).exists()
            else Status.WACHTLIJST
        )
        _overgang(inschrijving, naar, door)
    return inschrijving


def _vergrendelen(inschrijving: Inschrijving) -> Inschrijving:
    return (
        Inschrijving.objects.select_for_update(of=("self",))
        .select_related("gevangenis", "activiteit", "aanbod")
        .get(pk=inschrijving.pk)
    )


@transaction.atomic
def inschrijving_plaatsen(
    *, inschrijving: Inschrijving, door: Any, voorrang: str = ""
) -> Inschrijving:
    """Give a place to a request or a waiting person; a full activity puts a request on the list.

    The waiting list keeps its order (priority, request date, id): a place goes to the first
    in line. Placing anyone else (someone further down, or a request while others wait)
    needs ``voorrang``, the reason, kept in the step and named in the audit trail. Without
    it, a request while others wait joins the list behind them, and a waiting person who is
    not first is refused with the name of who is. Only the offer's organisation and the
    organisation support place (``deelname.beheer``): anyone else is a PermissionDenied.
    """
    inschrijving = _vergrendelen(inschrijving)
    beheer_controleren(door, inschrijving)
    if inschrijving.status not in {Status.AANGEVRAAGD, Status.WACHTLIJST}:
        raise ValidationError({"status": _("Deze inschrijving wacht niet op een plaats.")})
    _nog_lopend(inschrijving)
    vrij = _plaats_vrij(inschrijving)  # takes the capacity lock before reading the list
    voorrang = voorrang.strip()
    eerste = wachtenden_voor(inschrijving).select_related("gedetineerde").first()
    if eerste is not None and not voorrang:
        if inschrijving.status == Status.AANGEVRAAGD:
            return _overgang(inschrijving, Status.WACHTLIJST, door)
        raise ValidationError(
            {
                "voorrang": _(
                    "%(eerste)s staat eerst op de wachtlijst. Geef een reden om "
                    "%(naam)s voorrang te geven."
                )
                % {
                    "eerste": eerste.gedetineerde.volledige_naam,
                    "naam": inschrijving.gedetineerde.volledige_naam,
                }
            }
        )
    if vrij:
        if eerste is None:
            return _overgang(inschrijving, Status.INGESCHREVEN, door)
        return _overgang(
            inschrijving,
            Status.INGESCHREVEN,
            door,
            toelichting=_("Voorrang: %(reden)s") % {"reden": voorrang},
            actie="inschrijving ingeschreven met voorrang",
            velden=("status", "voorrang"),
        )
    if inschrijving.status == Status.AANGEVRAAGD:
        return _overgang(inschrijving, Status.WACHTLIJST, door)
    raise ValidationError({"status": _("Er is geen vrije plaats.")})


@transaction.atomic
def volgende_plaatsen(
    *,
    door: Any,
    activiteit: Activiteit | None = None,
    aanbod: Aanbod | None = None,
    gevangenis: Any = None,
) -> Inschrijving | None:
    """A freed place goes to the first on the waiting list (priority, then request date)."""
    if activiteit is not None:
        aanbod, gevangenis = activiteit.aanbod, activiteit.gevangenis
    assert aanbod is not None
    aanbod_beheer_controleren(door, aanbod, gevangenis.pk)
    wachtend = Inschrijving.objects.filter(status=Status.WACHTLIJST)
    if activiteit is not None:
        wachtend = wachtend.filter(activiteit=activiteit)
    else:
        wachtend = wachtend.filter(activiteit__isnull=True, aanbod=aanbod, gevangenis=gevangenis)
    eerste = wachtend.order_by(*WACHTLIJSTVOLGORDE).first()
    if eerste is None:
        return None
    return inschrijving_plaatsen(inschrijving=eerste, door=door)


@transaction.atomic
def inschrijving_activeren(
    *, inschrijving: Inschrijving, door: Any, datum: datetime.date | None = None
) -> Inschrijving:
    """The first attendance makes an enrolment active (called by the attendance service)."""
    inschrijving = _vergrendelen(inschrijving)
    if inschrijving.status == Status.ACTIEF:
        return inschrijving
    return _overgang(inschrijving, Status.ACTIEF, door, datum=datum)


@transaction.atomic
def inschrijving_stopzetten(
    *,
    inschrijving: Inschrijving,
    stopreden: Stopreden | None,
    beslist_door: str,
    door: Any,
    toelichting: str = "",
    datum: datetime.date | None = None,
    namens_systeem: bool = False,
) -> Inschrijving:
    """A stop is a recorded fact with its reason and who decided, never an error.

    Only the offer's organisation and the organisation support stop (``deelname.beheer``).
    ``namens_systeem`` is the system's own stop when a stay ends (``deelname.gebeurtenissen``):
    decided by the system, whoever caused the stay change, so nobody's access is checked.
    """
    inschrijving = _vergrendelen(inschrijving)
    if namens_systeem:
        beslist_door = Inschrijving.BeslistDoor.SYSTEEM
    else:
        beheer_controleren(door, inschrijving)
    if stopreden is None:
        raise ValidationError({"stopreden": _("Geef de reden van de stopzetting.")})
    if beslist_door not in Inschrijving.BeslistDoor.values:
        raise ValidationError({"beslist_door": _("Zeg wie besliste te stoppen.")})
    inschrijving.stopreden = stopreden
    inschrijving.gestopt_door = beslist_door
    _overgang(inschrijving, Status.STOPGEZET, door, toelichting or stopreden.naam, datum)
    return inschrijving


@transaction.atomic
def inschrijving_afronden(
    *,
    inschrijving: Inschrijving,
    door: Any,
    examen_afgelegd: bool | None = None,
    examen_geslaagd: bool | None = None,
    attest: bool = False,
) -> Inschrijving:
    """Completion with its results: the facts behind exam participation and pass rates.

    Only the offer's organisation and the organisation support complete (``deelname.beheer``).
    """
    inschrijving = _vergrendelen(inschrijving)
    beheer_controleren(door, inschrijving)
    if examen_geslaagd is not None and not examen_afgelegd:
        raise ValidationError({"examen_geslaagd": _("Geslaagd kan alleen na een afgelegd examen.")})
    inschrijving.examen_afgelegd = examen_afgelegd
    inschrijving.examen_geslaagd = examen_geslaagd
    inschrijving.attest = attest
    return _overgang(inschrijving, Status.AFGEROND, door)
