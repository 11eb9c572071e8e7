"""Release preparation (brug binnen-buiten): the checklist and the handover summary."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from hdv.models import Organisatie
from trajecten.models import (
    Categorie,
    Checklistpunt,
    Doorverwijzing,
    Gedetineerde,
    HdvPlan,
    Verblijf,
    Vrijlatingsvoorbereiding,
)
from trajecten.services.plannen import plan_inhoud, verwachte_vrijlating
from trajecten.services.vastleggen import organisatie_van, vastleggen, vereis
from trajecten.zichtbaarheid import heeft_toestemming, inzicht


def _open_verblijf(gedetineerde: Gedetineerde) -> Verblijf:
    verblijf = gedetineerde.verblijven.filter(tot__isnull=True).first()
    if verblijf is None:
        raise ValidationError(_("Deze persoon verblijft niet (meer) in een gevangenis."))
    return verblijf


def _coordinator(gedetineerde: Gedetineerde, door: Any) -> Organisatie | None:
    """Whoever opens it coordinates it; the daily job leaves it to the plan's organisation."""
    if getattr(door, "is_authenticated", False):
        return organisatie_van(door)
    plan = HdvPlan.objects.filter(gedetineerde=gedetineerde).select_related("organisatie").first()
    return plan.organisatie if plan else None


@transaction.atomic
def vrijlating_voorbereiden(
    *, gedetineerde: Gedetineerde, door: Any, vandaag: datetime.date | None = None
) -> Vrijlatingsvoorbereiding:
    """Open the checklist for the current stay; if it is open already, that one is returned."""
    verblijf = _open_verblijf(gedetineerde)
    bestaand = Vrijlatingsvoorbereiding.objects.filter(verblijf=verblijf).first()
    if bestaand is not None:
        return bestaand
    vandaag = vandaag or timezone.localdate()
    try:
        with transaction.atomic():
            voorbereiding = Vrijlatingsvoorbereiding.objects.create(
                gedetineerde=gedetineerde,
                verblijf=verblijf,
                organisatie=_coordinator(gedetineerde, door),
                verwachte_datum=verwachte_vrijlating(gedetineerde, vandaag),
                geopend_op=vandaag,
            )
    except IntegrityError:  # opened by the daily job at the same moment
        return Vrijlatingsvoorbereiding.objects.get(verblijf=verblijf)
    Checklistpunt.objects.bulk_create(
        Checklistpunt(voorbereiding=voorbereiding, onderwerp=onderwerp)
        for onderwerp in Checklistpunt.Onderwerp.values
    )
    vastleggen(
        door=door, actie="vrijlating voorbereid", obj=voorbereiding, gedetineerde=gedetineerde
    )
    return voorbereiding


def vrijlatingen_voorbereiden(vandaag: datetime.date | None = None) -> int:
    """The daily job: a checklist for everyone whose expected release enters the window."""
    vandaag = vandaag or timezone.localdate()
    tot = vandaag + datetime.timedelta(days=settings.HDV_VRIJLATING_VOORBEREIDING_DAGEN)
    gedetineerden = (
        Gedetineerde.objects.filter(verblijven__tot__isnull=True)
        .filter(Q(datum_vi__range=(vandaag, tot)) | Q(strafeinde__range=(vandaag, tot)))
        .filter(
            ~Exists(
                Vrijlatingsvoorbereiding.objects.filter(
                    gedetineerde=OuterRef("pk"), verblijf__tot__isnull=True
                )
            )
        )
        .select_related("huidige_gevangenis")
    )
    aantal = 0
    for gedetineerde in gedetineerden.iterator():
        vrijlating_voorbereiden(gedetineerde=gedetineerde, door=None, vandaag=vandaag)
        aantal += 1
    return aantal


@transaction.atomic
def checklistpunt_bijwerken(
    *,
    punt: Checklistpunt,
    status: str,
    door: Any,
    organisatie: Organisatie | None = None,
    verantwoordelijke: Any = None,
    toelichting: str = "",
) -> Checklistpunt:
    punt = (
        Checklistpunt.objects.select_for_update(of=("self",))
        .select_related("voorbereiding__gedetineerde__huidige_gevangenis")
        .get(pk=punt.pk)
    )
    voorbereiding = punt.voorbereiding
    vereis(
        inzicht(door, voorbereiding.gedetineerde).vrijlating(),
        _("Deze voorbereiding wordt door een andere organisatie gecoördineerd."),
    )
    if voorbereiding.bevroren:
        raise ValidationError(_("De persoon is vrijgelaten: de checklist is afgesloten."))
    if voorbereiding.organisatie_id is None:  # nobody took it up yet: now this organisation
        voorbereiding.organisatie = organisatie_van(door)
        voorbereiding.save(update_fields=["organisatie"])
    if status not in Checklistpunt.Status.values:
        raise ValidationError({"status": _("Onbekende status.")})
    nieuw = {
        "status": status,
        "organisatie_id": organisatie.pk if organisatie else None,
        "verantwoordelijke_id": verantwoordelijke.pk if verantwoordelijke else None,
        "toelichting": toelichting.strip(),
    }
    gewijzigd = [veld for veld, waarde in nieuw.items() if getattr(punt, veld) != waarde]
    for veld, waarde in nieuw.items():
        setattr(punt, veld, waarde)
    punt.save()
    vastleggen(
        door=door,
        actie="checklistpunt bijgewerkt",
        obj=punt,
        gedetineerde=punt.voorbereiding.gedetineerde,
        velden=[v.removesuffix("_id") for v in gewijzigd],
    )
    return punt


def overdracht_samenstellen(voorbereiding: Vrijlatingsvoorbereiding) -> dict[str, Any]:
    """The handover summary as plain data: what the PDF prints and what a release freezes."""
    gedetineerde = voorbereiding.gedetineerde
    punten = voorbereiding.punten.select_related("organisatie", "verantwoordelijke")
    plan = HdvPlan.objects.filter(gedetineerde=gedetineerde).first()
    doorverwijzingen = gedetineerde.doorverwijzingen.filter(
        status__in=[Doorverwijzing.Status.VERSTUURD, Doorverwijzing.Status.AANVAARD]
    ).select_related("naar_organisatie", "aanbod")
    return {
        "gevangenis": str(voorbereiding.verblijf.gevangenis),
        "verwachte_datum": voorbereiding.verwachte_datum.isoformat()
        if voorbereiding.verwachte_datum
        else None,
        "checklist": [
            {
                "onderwerp": punt.onderwerp,
                "status": punt.status,
                "organisatie": str(punt.organisatie) if punt.organisatie else "",
                "verantwoordelijke": punt.verantwoordelijke.get_full_name()
                if punt.verantwoordelijke
                else "",
                "toelichting": punt.toelichting,
            }
            for punt in punten
        ],
        "plan": plan_inhoud(plan) if plan else None,
        "doorverwijzingen": [
            {
                "levensdomein": d.levensdomein,
                "naar": str(d.naar_organisatie),
                "van_organisatie_id": d.van_organisatie_id,
                "aanbod": d.aanbod.titel_nl if d.aanbod else "",
                "plaats": d.plaats,
                "status": d.status,
            }
            for d in doorverwijzingen
        ],
    }


def voorbereiding_bevriezen(
    *, voorbereiding: Vrijlatingsvoorbereiding, datum: datetime.date, door: Any
) -> Vrijlatingsvoorbereiding:
    """On release: keep the summary as it was that day (inside the release's transaction)."""
    voorbereiding = Vrijlatingsvoorbereiding.objects.select_for_update().get(pk=voorbereiding.pk)
    if voorbereiding.bevroren:
        return voorbereiding
    voorbereiding.overdracht = overdracht_samenstellen(voorbereiding)
    voorbereiding.bevroren_op = datum
    voorbereiding.save(update_fields=["overdracht", "bevroren_op"])
    vastleggen(
        door=door,
        actie="overdracht bevroren",
        obj=voorbereiding,
        gedetineerde=voorbereiding.gedetineerde,
        velden=["overdracht"],
    )
    return voorbereiding


def overdracht_delen(
    *, voorbereiding: Vrijlatingsvoorbereiding, organisatie: Organisatie, door: Any
) -> dict[str, Any]:
    """The handover for a justitiehuis or OCMW: only with the person's consent, and recorded."""
    # Read it again: once frozen, what is shared is what was handed over, whatever the caller holds.
    voorbereiding = Vrijlatingsvoorbereiding.objects.select_related(
        "gedetineerde__huidige_gevangenis", "verblijf__gevangenis"
    ).get(pk=voorbereiding.pk)
    if not heeft_toestemming(voorbereiding.gedetineerde, organisatie.pk, Categorie.VRIJLATING):
        raise ValidationError(
            {
                "organisatie": _(
                    "De gedetineerde gaf geen toestemming om de overdracht te delen met "
                    "%(organisatie)s."
                )
                % {"organisatie": organisatie}
            }
        )
    inhoud = voorbereiding.overdracht or overdracht_samenstellen(voorbereiding)
    vastleggen(
        door=door,
        actie=f"overdracht gedeeld met {organisatie.afkorting}",
        obj=voorbereiding,
        gedetineerde=voorbereiding.gedetineerde,
    )
    return inhoud
