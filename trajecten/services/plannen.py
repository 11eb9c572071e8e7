"""The HDV-plan: goals per life domain with steps, statuses, reviews and versions."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from aanbod.models import Levensdomein
from hdv.models import Organisatie
from trajecten import workflow
from trajecten.models import Doel, Gedetineerde, HdvPlan, Plaats, Planversie, Stap
from trajecten.services.vastleggen import organisatie_van, vastleggen, vereis
from trajecten.zichtbaarheid import inzicht

# Review cadence by remaining detention: (at most this many days left, review every N days).
# Close to release the plan moves fast; a long sentence is reviewed twice a year.
HERZIENINGSRITME: tuple[tuple[int, int], ...] = ((90, 30), (365, 90))
HERZIENING_STANDAARD_DAGEN = 180


def verwachte_vrijlating(
    gedetineerde: Gedetineerde, vandaag: datetime.date | None = None
) -> datetime.date | None:
    """The first of admissibility for conditional release and sentence end still ahead."""
    vandaag = vandaag or timezone.localdate()
    data = [d for d in (gedetineerde.datum_vi, gedetineerde.strafeinde) if d and d >= vandaag]
    return min(data) if data else None


def volgende_herziening(
    gedetineerde: Gedetineerde, vandaag: datetime.date | None = None
) -> datetime.date:
    vandaag = vandaag or timezone.localdate()
    vrijlating = verwachte_vrijlating(gedetineerde, vandaag)
    dagen = HERZIENING_STANDAARD_DAGEN
    if vrijlating is not None:
        resterend = (vrijlating - vandaag).days
        for grens, ritme in HERZIENINGSRITME:
            if resterend <= grens:
                dagen = ritme
                break
    return vandaag + datetime.timedelta(days=dagen)


def _mag_plan_bewerken(plan: HdvPlan, door: Any) -> None:
    vereis(
        inzicht(door, plan.gedetineerde).plan(plan),
        _("Uw organisatie heeft geen toestemming om dit plan te lezen of te wijzigen."),
    )


def _plan_vergrendelen(plan: HdvPlan) -> HdvPlan:
    # Lock the plan only: the prison is a nullable join (PostgreSQL refuses to lock it)
    # and locking the person would queue behind a transfer holding it.
    return (
        HdvPlan.objects.select_for_update(of=("self",))
        .select_related("gedetineerde__huidige_gevangenis")
        .get(pk=plan.pk)
    )


@transaction.atomic
def plan_openen(*, gedetineerde: Gedetineerde, door: Any) -> HdvPlan:
    """Start a person's plan; the worker's organisation coordinates it."""
    if HdvPlan.objects.filter(gedetineerde=gedetineerde).exists():
        raise ValidationError(_("Deze persoon heeft al een HDV-plan."))
    try:
        with transaction.atomic():
            plan = HdvPlan.objects.create(
                gedetineerde=gedetineerde,
                organisatie=organisatie_van(door),
                begeleider=door,
                volgende_herziening=volgende_herziening(gedetineerde),
            )
    except IntegrityError:
        raise ValidationError(_("Deze persoon heeft al een HDV-plan.")) from None
    vastleggen(door=door, actie="plan geopend", obj=plan, gedetineerde=gedetineerde)
    return plan


def _doel_velden_controleren(levensdomein: str, omschrijving: str, plaats: str) -> None:
    fouten = {}
    if levensdomein not in Levensdomein.values:
        fouten["levensdomein"] = _("Kies een levensdomein.")
    if not omschrijving.strip():
        fouten["omschrijving"] = _("Beschrijf het doel.")
    if plaats not in Plaats.values:
        fouten["plaats"] = _("Kies binnen of buiten de gevangenis.")
    if fouten:
        raise ValidationError(fouten)


@transaction.atomic
def doel_toevoegen(
    *,
    plan: HdvPlan,
    levensdomein: str,
    omschrijving: str,
    plaats: str,
    door: Any,
    organisatie: Organisatie | None = None,
    stappen: Sequence[str] = (),
) -> Doel:
    plan = _plan_vergrendelen(plan)
    _mag_plan_bewerken(plan, door)
    _doel_velden_controleren(levensdomein, omschrijving, plaats)
    volgorde = (plan.doelen.aggregate(m=Max("volgorde"))["m"] or 0) + 1
    doel = Doel.objects.create(
        plan=plan,
        levensdomein=levensdomein,
        omschrijving=omschrijving.strip(),
        plaats=plaats,
        organisatie=organisatie,
        volgorde=volgorde,
    )
    teksten = [tekst.strip() for tekst in stappen if tekst.strip()]
    Stap.objects.bulk_create(
        Stap(doel=doel, omschrijving=tekst, volgorde=i) for i, tekst in enumerate(teksten, start=1)
    )
    vastleggen(
        door=door,
        actie="doel toegevoegd",
        obj=doel,
        gedetineerde=plan.gedetineerde,
        velden=["levensdomein", "omschrijving", "plaats", "organisatie"],
    )
    return doel


@transaction.atomic
def doel_bijwerken(
    *,
    doel: Doel,
    door: Any,
    levensdomein: str,
    omschrijving: str,
    plaats: str,
    organisatie: Organisatie | None,
) -> Doel:
    plan = _plan_vergrendelen(doel.plan)
    _mag_plan_bewerken(plan, door)
    _doel_velden_controleren(levensdomein, omschrijving, plaats)
    doel = Doel.objects.get(pk=doel.pk)
    nieuw = {
        "levensdomein": levensdomein,
        "omschrijving": omschrijving.strip(),
        "plaats": plaats,
        "organisatie_id": organisatie.pk if organisatie else None,
    }
    gewijzigd = [veld for veld, waarde in nieuw.items() if getattr(doel, veld) != waarde]
    for veld, waarde in nieuw.items():
        setattr(doel, veld, waarde)
    doel.save()
    vastleggen(
        door=door,
        actie="doel gewijzigd",
        obj=doel,
        gedetineerde=plan.gedetineerde,
        velden=[v.removesuffix("_id") for v in gewijzigd],
    )
    return doel


@transaction.atomic
def doel_status_wijzigen(*, doel: Doel, status: str, door: Any, stopreden: str = "") -> Doel:
    plan = _plan_vergrendelen(doel.plan)
    _mag_plan_bewerken(plan, door)
    doel = Doel.objects.select_for_update().get(pk=doel.pk)
    if status not in Doel.Status.values:
        raise ValidationError({"status": _("Onbekende status.")})
    if not workflow.doel_mag(doel.status, status):
        raise ValidationError(
            {
                "status": _("Een doel kan niet van '%(van)s' naar '%(naar)s'.")
                % {"van": doel.get_status_display(), "naar": Doel.Status(status).label}
            }
        )
    if status == Doel.Status.STOPGEZET and stopreden not in Doel.Stopreden.values:
        raise ValidationError({"stopreden": _("Geef de reden van de stopzetting.")})
    doel.status = status
    doel.stopreden = stopreden if status == Doel.Status.STOPGEZET else ""
    doel.save(update_fields=["status", "stopreden"])
    vastleggen(
        door=door,
        actie=f"doel {status}",
        obj=doel,
        gedetineerde=plan.gedetineerde,
        velden=["status", "stopreden"],
    )
    return doel


@transaction.atomic
def stap_toevoegen(
    *, doel: Doel, omschrijving: str, door: Any, tegen: datetime.date | None = None
) -> Stap:
    plan = _plan_vergrendelen(doel.plan)
    _mag_plan_bewerken(plan, door)
    if not omschrijving.strip():
        raise ValidationError({"omschrijving": _("Beschrijf de stap.")})
    volgorde = (doel.stappen.aggregate(m=Max("volgorde"))["m"] or 0) + 1
    stap = Stap.objects.create(
        doel=doel, omschrijving=omschrijving.strip(), tegen=tegen, volgorde=volgorde
    )
    vastleggen(door=door, actie="stap toegevoegd", obj=stap, gedetineerde=plan.gedetineerde)
    return stap


@transaction.atomic
def stap_afvinken(
    *, stap: Stap, door: Any, gedaan: bool = True, gedaan_op: datetime.date | None = None
) -> Stap:
    """Mark a step done (or not done again)."""
    plan = _plan_vergrendelen(stap.doel.plan)
    _mag_plan_bewerken(plan, door)
    stap = Stap.objects.select_for_update().get(pk=stap.pk)
    gedaan_op = gedaan_op or timezone.localdate()
    if gedaan and gedaan_op > timezone.localdate():
        raise ValidationError({"gedaan_op": _("Een stap kan niet in de toekomst gedaan zijn.")})
    stap.gedaan_op = gedaan_op if gedaan else None
    stap.save(update_fields=["gedaan_op"])
    vastleggen(
        door=door,
        actie="stap gedaan" if gedaan else "stap heropend",
        obj=stap,
        gedetineerde=plan.gedetineerde,
        velden=["gedaan_op"],
    )
    return stap


def plan_inhoud(plan: HdvPlan) -> dict[str, Any]:
    """The plan as plain data: what a version freezes and what the PDF prints."""
    doelen = plan.doelen.select_related("organisatie").prefetch_related("stappen")
    return {
        "organisatie": str(plan.organisatie),
        "organisatie_id": plan.organisatie_id,
        "begeleider": plan.begeleider.get_full_name() if plan.begeleider else "",
        "volgende_herziening": plan.volgende_herziening.isoformat(),
        "doelen": [
            {
                "levensdomein": doel.levensdomein,
                "omschrijving": doel.omschrijving,
                "organisatie": str(doel.organisatie) if doel.organisatie else "",
                "plaats": doel.plaats,
                "status": doel.status,
                "stopreden": doel.stopreden,
                "stappen": [
                    {
                        "omschrijving": stap.omschrijving,
                        "tegen": stap.tegen.isoformat() if stap.tegen else None,
                        "gedaan_op": stap.gedaan_op.isoformat() if stap.gedaan_op else None,
                    }
                    for stap in doel.stappen.all()
                ],
            }
            for doel in doelen
        ],
    }


def _versie_vastleggen(plan: HdvPlan, aanleiding: str, door: Any) -> Planversie:
    plan.versie += 1
    versie = Planversie.objects.create(
        plan=plan,
        nummer=plan.versie,
        aanleiding=aanleiding[:200],
        inhoud=plan_inhoud(plan),
        door=door,
    )
    plan.save(update_fields=["versie", "gewijzigd", "laatst_herzien", "volgende_herziening"])
    return versie


@transaction.atomic
def plan_vastleggen(*, plan: HdvPlan, door: Any, aanleiding: str = "") -> Planversie:
    """The plan as agreed with the person: a new version, and the next review date is set."""
    plan = _plan_vergrendelen(plan)
    _mag_plan_bewerken(plan, door)
    if not plan.doelen.exists():
        raise ValidationError(_("Een plan zonder doelen kan niet worden vastgelegd."))
    vandaag = timezone.localdate()
    plan.laatst_herzien = vandaag
    plan.volgende_herziening = volgende_herziening(plan.gedetineerde, vandaag)
    # Whoever reviews it with the person becomes its trajectbegeleider, if they work for
    # the coordinating organisation; a reader under consent does not take it over.
    velden = ["versie", "volgende_herziening"]
    if organisatie_van(door).pk == plan.organisatie_id and plan.begeleider_id != door.pk:
        plan.begeleider = door
        plan.save(update_fields=["begeleider"])
        velden.append("begeleider")
    versie = _versie_vastleggen(plan, aanleiding.strip() or _("herziening"), door)
    vastleggen(
        door=door,
        actie="plan vastgelegd",
        obj=versie,
        gedetineerde=plan.gedetineerde,
        velden=velden,
    )
    return versie


def plan_versie_bij_gebeurtenis(*, plan: HdvPlan, aanleiding: str, door: Any) -> Planversie:
    """A version frozen by a transfer or release (called inside the event's transaction)."""
    plan = _plan_vergrendelen(plan)
    versie = _versie_vastleggen(plan, aanleiding, door)
    vastleggen(door=door, actie="plan vastgelegd", obj=versie, gedetineerde=plan.gedetineerde)
    return versie


@transaction.atomic
def plan_overnemen(*, plan: HdvPlan, door: Any) -> HdvPlan:
    """After a transfer, the receiving prison's trajectbegeleider takes over coordination.

    Another organisation may only do so with the person's consent to share the plan
    with it: taking over is reading, and then owning, the plan's content.
    """
    plan = _plan_vergrendelen(plan)
    organisatie = organisatie_van(door)
    _mag_plan_bewerken(plan, door)
    velden = ["begeleider"]
    if plan.organisatie_id != organisatie.pk:
        plan.organisatie = organisatie
        velden.append("organisatie")
    plan.begeleider = door
    plan.save(update_fields=[*velden, "gewijzigd"])
    vastleggen(
        door=door, actie="plan overgenomen", obj=plan, gedetineerde=plan.gedetineerde, velden=velden
    )
    return plan
