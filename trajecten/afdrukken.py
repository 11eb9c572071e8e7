"""trajecten on paper: the HDV-plan for the person, and the handover at release.

Both are a template rendered by WeasyPrint (hdv.pdf). The plan is written for the
detainee: short sentences, "je", no jargon, no internal notes and no status codes, in
large type. The handover is for a partner outside (justitiehuis, OCMW): the checklist,
the goals still running and the open referrals, as the service put them together.

The content gate and the access record are the views' work: these functions print.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch, TextChoices
from django.http import HttpRequest, HttpResponse
from django.utils import timezone

from aanbod.afdrukken.brochure import DOMEINEN
from aanbod.models import Levensdomein
from hdv.models import Organisatie
from hdv.pdf import pdf_antwoord
from trajecten.models import (
    Checklistpunt,
    Doel,
    Doorverwijzing,
    Gedetineerde,
    HdvPlan,
    Plaats,
    Stap,
    Vrijlatingsvoorbereiding,
)

PLAN = "trajecten/pdf/plan.html"
OVERDRACHT = "trajecten/pdf/overdracht.html"

# The plan for the person: plain words, kept here rather than in the .po files (as the
# brochure does), so that the tests can read every sentence.
STATUS_ZIN: dict[str, str] = {
    Doel.Status.OPEN: "Hier begin je nog aan.",
    Doel.Status.IN_UITVOERING: "Hier ben je nu mee bezig.",
    Doel.Status.BEREIKT: "Dit is gelukt.",
    Doel.Status.NIET_BEREIKT: "Dit is niet gelukt.",
    Doel.Status.STOPGEZET: "Hier zijn we mee gestopt.",
}
STOP_ZIN: dict[str, str] = {
    Doel.Stopreden.OP_VRAAG: "Je wilde zelf stoppen.",
    Doel.Stopreden.NIET_MEER_NODIG: "Het was niet meer nodig.",
    Doel.Stopreden.OVERPLAATSING: "Je ging naar een andere gevangenis.",
    Doel.Stopreden.VRIJLATING: "Je kwam vrij.",
    Doel.Stopreden.AANBOD_ONBESCHIKBAAR: "De hulp was er niet.",
    Doel.Stopreden.ANDERE: "",
}
WAAR_ZIN: dict[str, str] = {
    Plaats.BINNEN: "Dit gebeurt in de gevangenis.",
    Plaats.BUITEN: "Dit gebeurt buiten de gevangenis, als je vrij bent.",
}


def _label(keuzes: type[TextChoices], code: str) -> str:
    """The label of a stored code; a code that no longer exists is shown as it is."""
    try:
        return str(keuzes(code).label)
    except ValueError:
        return code


def _datum(waarde: str | None) -> datetime.date | None:
    return datetime.date.fromisoformat(waarde) if waarde else None


# --- the plan for the person ---------------------------------------------------------------


@dataclass(frozen=True)
class Stapregel:
    tekst: str
    tegen: datetime.date | None
    gedaan_op: datetime.date | None


@dataclass(frozen=True)
class Doelblok:
    omschrijving: str
    status: str
    stopzin: str
    wie: str
    waar: str
    stappen: list[Stapregel]


@dataclass(frozen=True)
class Domeinblok:
    naam: str
    doelen: list[Doelblok]


def _doelblok(doel: Doel) -> Doelblok:
    return Doelblok(
        omschrijving=doel.omschrijving,
        status=STATUS_ZIN.get(doel.status, ""),
        stopzin=STOP_ZIN.get(doel.stopreden, "") if doel.stopreden else "",
        wie=f"{doel.organisatie.naam} helpt je hierbij."
        if doel.organisatie
        else "Je trajectbegeleider helpt je hierbij.",
        waar=WAAR_ZIN.get(doel.plaats, ""),
        stappen=[Stapregel(s.omschrijving, s.tegen, s.gedaan_op) for s in doel.stappen.all()],
    )


def _per_domein(doelen: list[Doel]) -> list[Domeinblok]:
    namen = DOMEINEN["nl"]
    return [
        Domeinblok(
            naam=namen.get(code, str(label)),
            doelen=[_doelblok(d) for d in doelen if d.levensdomein == code],
        )
        for code, label in Levensdomein.choices
        if any(d.levensdomein == code for d in doelen)
    ]


def plan_context(plan: HdvPlan, vandaag: datetime.date | None = None) -> dict[str, Any]:
    """What the person's plan prints: running goals per domain, then what is closed."""
    doelen = list(
        plan.doelen.select_related("organisatie").prefetch_related(
            Prefetch("stappen", queryset=Stap.objects.order_by("volgorde", "id"))
        )
    )
    gedetineerde: Gedetineerde = plan.gedetineerde
    begeleider = plan.begeleider.get_full_name() if plan.begeleider else ""
    return {
        "voornaam": gedetineerde.voornaam,
        "naam": gedetineerde.volledige_naam,
        "organisatie": plan.organisatie.naam,
        "begeleider": begeleider,
        "lopend": _per_domein([d for d in doelen if not d.afgesloten]),
        "afgesloten": [_doelblok(d) for d in doelen if d.afgesloten],
        "herziening": plan.volgende_herziening,
        "versie": plan.versie,
        "afgedrukt": vandaag or timezone.localdate(),
    }


def plan_pdf(request: HttpRequest, plan: HdvPlan) -> HttpResponse:
    return pdf_antwoord(
        request,
        template=PLAN,
        context=plan_context(plan),
        bestandsnaam=f"hdv-plan-{plan.gedetineerde.detineenummer}.pdf",
    )


# --- frozen content, readable ----------------------------------------------------------------


def plan_leesbaar(inhoud: dict[str, Any]) -> dict[str, Any]:
    """A plan as ``plan_inhoud`` stored it (a version, a handover), with labels and dates."""
    return {
        "organisatie": inhoud.get("organisatie", ""),
        "begeleider": inhoud.get("begeleider", ""),
        "volgende_herziening": _datum(inhoud.get("volgende_herziening")),
        "doelen": [
            {
                "levensdomein": doel["levensdomein"],
                "domein": _label(Levensdomein, doel["levensdomein"]),
                "omschrijving": doel["omschrijving"],
                "organisatie": doel["organisatie"],
                "plaats": _label(Plaats, doel["plaats"]),
                "status": doel["status"],
                "status_label": _label(Doel.Status, doel["status"]),
                "stopreden": _label(Doel.Stopreden, doel["stopreden"]) if doel["stopreden"] else "",
                "stappen": [
                    {
                        "omschrijving": stap["omschrijving"],
                        "tegen": _datum(stap["tegen"]),
                        "gedaan_op": _datum(stap["gedaan_op"]),
                    }
                    for stap in doel["stappen"]
                ],
            }
            for doel in inhoud.get("doelen", [])
        ],
    }


def overdracht_leesbaar(inhoud: dict[str, Any], *, met_plan: bool) -> dict[str, Any]:
    """The handover summary with labels; the plan only for whoever may read it."""
    plan = inhoud.get("plan")
    return {
        "gevangenis": inhoud.get("gevangenis", ""),
        "verwachte_datum": _datum(inhoud.get("verwachte_datum")),
        "checklist": [
            {
                "onderwerp": _label(Checklistpunt.Onderwerp, punt["onderwerp"]),
                "status": punt["status"],
                "status_label": _label(Checklistpunt.Status, punt["status"]),
                "organisatie": punt["organisatie"],
                "verantwoordelijke": punt["verantwoordelijke"],
                "toelichting": punt["toelichting"],
            }
            for punt in inhoud.get("checklist", [])
        ],
        "plan": plan_leesbaar(plan) if plan and met_plan else None,
        "plan_afgeschermd": bool(inhoud.get("plan_afgeschermd")) or (bool(plan) and not met_plan),
        "doorverwijzingen_afgeschermd": inhoud.get("doorverwijzingen_afgeschermd", 0),
        "doorverwijzingen": [
            {
                "domein": _label(Levensdomein, d["levensdomein"]),
                "naar": d["naar"],
                "aanbod": d["aanbod"],
                "plaats": _label(Plaats, d["plaats"]),
                "status": _label(Doorverwijzing.Status, d["status"]),
            }
            for d in inhoud.get("doorverwijzingen", [])
        ],
    }


# --- the handover --------------------------------------------------------------------------


def overdracht_context(
    *,
    voorbereiding: Vrijlatingsvoorbereiding,
    inhoud: dict[str, Any],
    organisatie: Organisatie,
    met_plan: bool,
) -> dict[str, Any]:
    return {
        "gedetineerde": voorbereiding.gedetineerde,
        "voorbereiding": voorbereiding,
        "organisatie": organisatie,
        "overdracht": overdracht_leesbaar(inhoud, met_plan=met_plan),
        "afgedrukt": timezone.localdate(),
    }


def overdracht_pdf(
    request: HttpRequest,
    *,
    voorbereiding: Vrijlatingsvoorbereiding,
    inhoud: dict[str, Any],
    organisatie: Organisatie,
    met_plan: bool,
) -> HttpResponse:
    context = overdracht_context(
        voorbereiding=voorbereiding, inhoud=inhoud, organisatie=organisatie, met_plan=met_plan
    )
    nummer = voorbereiding.gedetineerde.detineenummer
    return pdf_antwoord(
        request,
        template=OVERDRACHT,
        context=context,
        bestandsnaam=f"overdracht-{nummer}-{organisatie.afkorting}.pdf",
    )
