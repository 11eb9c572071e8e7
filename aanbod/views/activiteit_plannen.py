"""Planning an activity: its pattern of slots, the clashes shown before saving, the save.

On a valid submit the clashes of the sessions that would be made are looked up
(room or facilitator double-booked, closure days). With clashes the form comes back
with the list and a checkbox; ticking it saves anyway. The confirmation holds only
for the clashes that were shown: a hash of them travels with the form, so a change
that makes new clashes asks again.
"""

from __future__ import annotations

import datetime
import hashlib
from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.forms import BaseFormSet
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from aanbod.models import Activiteit
from aanbod.services.planning import (
    Botsing,
    SlotInvoer,
    activiteit_aanmaken,
    activiteit_bijwerken,
    botsingen_zoeken,
    geplande_momenten,
    patroon_gewijzigd,
)
from aanbod.views.forms import MAX_SLOTS, ActiviteitForm, fouten_tonen, slot_formset
from aanbod.views.toegang import actieve_gevangenis_of_404, activiteit_voor
from hdv.models import Gevangenis

LEGE_RIJEN = 3
SLOTVELDEN = ("week", "weekdag", "begintijd", "eindtijd")
FORMVELDEN = (
    "aanbod", "naam", "startdatum", "einddatum", "lokaal", "capaciteit",
    "minimum_deelnemers", "rotatie_weken",
)  # fmt: skip


@permission_required("aanbod.plan_activiteit", raise_exception=True)
def activiteit_nieuw(request: HttpRequest) -> HttpResponse:
    return _plannen(request, gevangenis=actieve_gevangenis_of_404(request), activiteit=None)


@permission_required("aanbod.plan_activiteit", raise_exception=True)
def activiteit_bewerken(request: HttpRequest, pk: int) -> HttpResponse:
    activiteit = activiteit_voor(request, pk)
    return _plannen(request, gevangenis=activiteit.gevangenis, activiteit=activiteit)


def _plannen(
    request: HttpRequest, *, gevangenis: Gevangenis, activiteit: Activiteit | None
) -> HttpResponse:
    if request.method == "POST" and "meer_tijdsloten" in request.POST:
        # Without JavaScript: the same page, filled in as it was, with empty rows added.
        form = ActiviteitForm(
            gevangenis=gevangenis, activiteit=activiteit, initial=_form_uit(request.POST)
        )
        slots = slot_formset(initial=_slots_uit(request.POST), extra=LEGE_RIJEN)
        return _tonen(request, form, slots, activiteit=activiteit)

    form = ActiviteitForm(
        request.POST or None,
        gevangenis=gevangenis,
        activiteit=activiteit,
        initial=_form_van(activiteit),
    )
    slots = slot_formset(
        request.POST or None,
        initial=_slots_van(activiteit),
        extra=LEGE_RIJEN if activiteit else LEGE_RIJEN + 2,
    )
    if request.method != "POST" or not (form.is_valid() and slots.is_valid()):
        return _tonen(request, form, slots, activiteit=activiteit)

    invoer = _slot_invoer(slots)
    botsingen = _botsingen(form, invoer, gevangenis=gevangenis, activiteit=activiteit)
    sleutel = _sleutel(botsingen)
    bevestigd = form.cleaned_data["botsingen_gezien"] and (
        form.cleaned_data["botsingen_sleutel"] == sleutel
    )
    if botsingen and not bevestigd:
        return _tonen(request, form, slots, activiteit=activiteit, botsingen=botsingen)

    gegevens = form.gegevens()
    try:
        if activiteit is None:
            activiteit = activiteit_aanmaken(
                aanbod=form.cleaned_data["aanbod"],
                gevangenis=gevangenis,
                slots=invoer,
                door=request.user,
                **gegevens,
            )
            bericht = _("De activiteit is gepland met %(n)s sessie(s).") % {
                "n": activiteit.sessies.count()
            }
        else:
            activiteit_bijwerken(activiteit=activiteit, slots=invoer, door=request.user, **gegevens)
            bericht = _(
                "De wijzigingen zijn opgeslagen; de sessies vanaf morgen volgen het patroon."
            )
    except ValidationError as fout:
        fouten_tonen(form, fout, namen={"slots": _("Tijdsloten"), "aanbod": _("Aanbod")})
        slotfouten = fout.message_dict.get("slots", []) if hasattr(fout, "error_dict") else []
        return _tonen(
            request,
            form,
            slots,
            activiteit=activiteit,
            botsingen=botsingen,
            slotfouten=slotfouten,
            bevestigd=bevestigd,
        )
    messages.success(request, bericht)
    return redirect("aanbod:activiteit", activiteit.pk)


def _tonen(
    request: HttpRequest,
    form: ActiviteitForm,
    slots: BaseFormSet,
    *,
    activiteit: Activiteit | None,
    botsingen: list[Botsing] | None = None,
    slotfouten: list[str] | None = None,
    bevestigd: bool = False,
) -> HttpResponse:
    botsingen = botsingen or []
    soorten = {
        "lokaal": _("Lokaal dubbel geboekt"),
        "begeleider": _("Begeleider dubbel geboekt"),
        "sluitingsdag": _("Sluitingsdag"),
    }
    return render(
        request,
        "aanbod/activiteit_formulier.html",
        {
            "form": form,
            "slots": slots,
            "activiteit": activiteit,
            "botsingen": [(b, soorten.get(b.soort, b.soort)) for b in botsingen],
            "per_soort": [
                (label, sum(1 for b in botsingen if b.soort == soort))
                for soort, label in soorten.items()
                if any(b.soort == soort for b in botsingen)
            ],
            "botsingen_sleutel": _sleutel(botsingen),
            "bevestigd": bevestigd,
            "slotfouten": slotfouten or [],
        },
    )


def _slot_invoer(slots: BaseFormSet) -> list[SlotInvoer]:
    return [
        SlotInvoer(
            weekdag=f.cleaned_data["weekdag"],
            begintijd=f.cleaned_data["begintijd"],
            eindtijd=f.cleaned_data["eindtijd"],
            week=f.cleaned_data["week"],
        )
        for f in slots.forms
        # An empty extra row has no cleaned_data; a kept row of an edit has, changed or not.
        if f.cleaned_data and f not in slots.deleted_forms
    ]


def _botsingen(
    form: ActiviteitForm,
    invoer: list[SlotInvoer],
    *,
    gevangenis: Gevangenis,
    activiteit: Activiteit | None,
) -> list[Botsing]:
    gegevens = form.cleaned_data
    if activiteit is not None and not patroon_gewijzigd(
        activiteit,
        startdatum=gegevens["startdatum"],
        einddatum=gegevens["einddatum"],
        lokaal=gegevens["lokaal"],
        rotatie_weken=gegevens["rotatie_weken"],
        slots=invoer,
        begeleiders=gegevens["begeleiders"],
    ):
        return []  # same sessions, same people: nothing new can clash
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    # A new activity gets its past sessions too; a changed one is replanned from tomorrow.
    van = gegevens["startdatum"] if activiteit is None else max(gegevens["startdatum"], morgen)
    geplande = geplande_momenten(
        startdatum=gegevens["startdatum"],
        einddatum=gegevens["einddatum"],
        slots=invoer,
        rotatie_weken=gegevens["rotatie_weken"],
        van=van,
    )
    return botsingen_zoeken(
        gevangenis=gevangenis,
        lokaal=gegevens["lokaal"],
        begeleiders=gegevens["begeleiders"],
        geplande=geplande,
        activiteit=activiteit,
    )


def _sleutel(botsingen: list[Botsing]) -> str:
    tekst = "\n".join(f"{b.soort}|{b.datum}|{b.omschrijving}" for b in botsingen)
    return hashlib.sha256(tekst.encode()).hexdigest()[:20]


def _form_van(activiteit: Activiteit | None) -> dict[str, Any]:
    if activiteit is None:
        return {"startdatum": timezone.localdate()}
    initieel = {naam: getattr(activiteit, naam) for naam in FORMVELDEN if naam != "aanbod"}
    initieel["lokaal"] = activiteit.lokaal_id
    initieel["begeleiders"] = list(activiteit.begeleiders.values_list("pk", flat=True))
    return initieel


def _slots_van(activiteit: Activiteit | None) -> list[dict[str, Any]]:
    if activiteit is None:
        return []
    return [{naam: getattr(s, naam) for naam in SLOTVELDEN} for s in activiteit.slots.all()]


def _form_uit(post: QueryDict) -> dict[str, Any]:
    initieel: dict[str, Any] = {naam: post.get(naam, "") for naam in FORMVELDEN}
    initieel["begeleiders"] = post.getlist("begeleiders")
    return initieel


def _slots_uit(post: QueryDict) -> list[dict[str, str]]:
    """The filled-in rows of a posted slot formset, without the deleted and empty ones."""
    try:
        totaal = min(int(post.get("slots-TOTAL_FORMS", "0")), MAX_SLOTS)
    except ValueError:
        totaal = 0
    rijen = []
    for i in range(totaal):
        rij = {naam: post.get(f"slots-{i}-{naam}", "") for naam in SLOTVELDEN}
        leeg = not (rij["weekdag"] or rij["begintijd"] or rij["eindtijd"])
        if not leeg and not post.get(f"slots-{i}-DELETE"):
            rijen.append(rij)
    return rijen
