"""Keeping the strategic plan's actions and the prisons' local action plans up to date.

The central level keeps the actions of the strategic plan (status, owner, progress); a
beleidscoördinator keeps the local action plan of his own prison(s), one per year, whose
actions each serve one of the five strategic goals. A status change always comes with a
progress note that says why: the notes are the action's history, appended, never edited.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hdv.audit import wijziging_vastleggen
from hdv.models import Gevangenis
from rapportage.actiestatus import overgang_controleren
from rapportage.models import (
    Actie,
    LokaalActieplan,
    LokaleActie,
    StrategischeDoelstelling,
    Voortgangsnotitie,
)
from rapportage.plantoegang import mag_actieplan_bijhouden

# The plan runs 2020–2025; a local plan is made for this year or the next, and one of
# an earlier year may still be written down afterwards.
EERSTE_PLANJAAR = 2020


def planjaren() -> range:
    return range(EERSTE_PLANJAAR, timezone.localdate().year + 2)


def _gebruiker(door: Any) -> Any:
    return door if getattr(door, "is_authenticated", False) else None


def _notitie_controleren(
    fouten: dict[str, str], *, tekst: str, statuswijziging: bool, datum: datetime.date | None
) -> None:
    if not tekst:
        fouten["notitie"] = (
            _("Een statuswijziging gaat altijd samen met een voortgangsnotitie: zeg waarom.")
            if statuswijziging
            else _("Geef een voortgangsnotitie.")
        )
    elif len(tekst) > 2000:
        fouten["notitie"] = _("De voortgangsnotitie is hoogstens 2000 tekens lang.")
    if datum is not None and datum > timezone.localdate():
        fouten["datum"] = _("Voortgang noteert wat gebeurd is: de datum ligt niet in de toekomst.")


def _status_controleren(fouten: dict[str, str], van: str, naar: str) -> None:
    try:
        overgang_controleren(van, naar)
    except ValidationError as fout:
        fouten["status"] = fout.message_dict["status"][0]


def _tekst_controleren(
    fouten: dict[str, str], veld: str, tekst: str, *, lengte: int, verplicht: bool = False
) -> None:
    if verplicht and not tekst:
        fouten[veld] = _("Dit veld is verplicht.")
    elif len(tekst) > lengte:
        fouten[veld] = _("Hoogstens %(lengte)s tekens.") % {"lengte": lengte}


def _notitie(
    *,
    van: str,
    naar: str,
    tekst: str,
    datum: datetime.date | None,
    door: Any,
    actie: Actie | None = None,
    lokale_actie: LokaleActie | None = None,
) -> Voortgangsnotitie:
    return Voortgangsnotitie.objects.create(
        actie=actie,
        lokale_actie=lokale_actie,
        datum=datum or timezone.localdate(),
        tekst=tekst,
        status=naar,
        vorige_status=van,
        door=_gebruiker(door),
    )


@transaction.atomic
def actie_bijwerken(
    *,
    actie: Actie,
    status: str,
    notitie: str,
    door: Any,
    eigenaar: str | None = None,
    datum: datetime.date | None = None,
) -> Actie:
    """Note the progress of an action of the strategic plan, with its (new) status.

    ``eigenaar`` None leaves the owner as it is. The note is required: with the same
    status it records progress, with another it says why the status changed.
    """
    actie = Actie.objects.select_for_update().get(pk=actie.pk)
    tekst = (notitie or "").strip()
    eigenaar = actie.eigenaar if eigenaar is None else eigenaar.strip()
    fouten: dict[str, str] = {}
    _status_controleren(fouten, actie.status, status)
    _notitie_controleren(fouten, tekst=tekst, statuswijziging=status != actie.status, datum=datum)
    _tekst_controleren(fouten, "eigenaar", eigenaar, lengte=200)
    if fouten:
        raise ValidationError(fouten)
    _notitie(van=actie.status, naar=status, tekst=tekst, datum=datum, door=door, actie=actie)
    velden = ["voortgang"]
    if status != actie.status:
        velden.append("status")
    if eigenaar != actie.eigenaar:
        velden.append("eigenaar")
    actie.status = status
    actie.eigenaar = eigenaar
    actie.save(update_fields=["status", "eigenaar", "gewijzigd"])
    wijziging_vastleggen(door=door, actie="actie bijgewerkt", obj=actie, velden=velden)
    return actie


def _bijhouden_controleren(door: Any, gevangenis: Gevangenis) -> None:
    if not mag_actieplan_bijhouden(door, gevangenis):
        raise ValidationError(
            {
                "gevangenis": _(
                    "U houdt alleen het lokaal actieplan van uw eigen gevangenis(sen) bij."
                )
            }
        )


@transaction.atomic
def lokaal_actieplan_aanmaken(*, gevangenis: Gevangenis, jaar: int, door: Any) -> LokaalActieplan:
    """Start the local action plan of a prison for a year (one per prison and year)."""
    _bijhouden_controleren(door, gevangenis)
    jaren = planjaren()
    if jaar not in jaren:
        raise ValidationError(
            {
                "jaar": _("Kies een jaar van %(van)s tot en met %(tot)s.")
                % {"van": jaren.start, "tot": jaren.stop - 1}
            }
        )
    # Lock the prison row: two requests at once must not both find "no plan yet".
    Gevangenis.objects.select_for_update().filter(pk=gevangenis.pk).first()
    if LokaalActieplan.objects.filter(gevangenis=gevangenis, jaar=jaar).exists():
        raise ValidationError(
            {
                "jaar": _("%(gevangenis)s heeft al een lokaal actieplan voor %(jaar)s.")
                % {"gevangenis": gevangenis.naam, "jaar": jaar}
            }
        )
    plan = LokaalActieplan.objects.create(gevangenis=gevangenis, jaar=jaar)
    wijziging_vastleggen(
        door=door,
        actie="lokaal actieplan aangemaakt",
        obj=plan,
        gevangenis=gevangenis,
        velden=["gevangenis", "jaar"],
    )
    return plan


def _lokale_actie_controleren(
    *, titel: str, omschrijving: str, eigenaar: str, doelstelling: Any
) -> dict[str, str]:
    fouten: dict[str, str] = {}
    _tekst_controleren(fouten, "titel", titel, lengte=300, verplicht=True)
    _tekst_controleren(fouten, "omschrijving", omschrijving, lengte=5000)
    _tekst_controleren(fouten, "eigenaar", eigenaar, lengte=200)
    if not isinstance(doelstelling, StrategischeDoelstelling) or doelstelling.pk is None:
        fouten["doelstelling"] = _("Kies de strategische doelstelling die de actie dient.")
    return fouten


@transaction.atomic
def lokale_actie_toevoegen(
    *,
    plan: LokaalActieplan,
    doelstelling: StrategischeDoelstelling,
    titel: str,
    door: Any,
    omschrijving: str = "",
    eigenaar: str = "",
) -> LokaleActie:
    """Add an action to a local action plan, serving one strategic goal; it starts
    "niet gestart"."""
    plan = LokaalActieplan.objects.select_related("gevangenis").get(pk=plan.pk)
    _bijhouden_controleren(door, plan.gevangenis)
    titel, omschrijving, eigenaar = titel.strip(), omschrijving.strip(), eigenaar.strip()
    fouten = _lokale_actie_controleren(
        titel=titel, omschrijving=omschrijving, eigenaar=eigenaar, doelstelling=doelstelling
    )
    if fouten:
        raise ValidationError(fouten)
    lokale_actie = LokaleActie.objects.create(
        plan=plan,
        doelstelling=doelstelling,
        titel=titel,
        omschrijving=omschrijving,
        eigenaar=eigenaar,
    )
    wijziging_vastleggen(
        door=door,
        actie="lokale actie toegevoegd",
        obj=lokale_actie,
        gevangenis=plan.gevangenis,
        velden=["doelstelling", "titel", "omschrijving", "eigenaar"],
    )
    return lokale_actie


@transaction.atomic
def lokale_actie_bijwerken(
    *,
    lokale_actie: LokaleActie,
    doelstelling: StrategischeDoelstelling,
    titel: str,
    omschrijving: str,
    eigenaar: str,
    status: str,
    door: Any,
    notitie: str = "",
    datum: datetime.date | None = None,
) -> LokaleActie:
    """Change a local action; a new status needs a progress note, a note alone is fine."""
    lokale_actie = (
        LokaleActie.objects.select_for_update(of=("self",))
        .select_related("plan__gevangenis")
        .get(pk=lokale_actie.pk)
    )
    gevangenis = lokale_actie.plan.gevangenis
    _bijhouden_controleren(door, gevangenis)
    titel, omschrijving, eigenaar = titel.strip(), omschrijving.strip(), eigenaar.strip()
    tekst = (notitie or "").strip()
    fouten = _lokale_actie_controleren(
        titel=titel, omschrijving=omschrijving, eigenaar=eigenaar, doelstelling=doelstelling
    )
    _status_controleren(fouten, lokale_actie.status, status)
    statuswijziging = status != lokale_actie.status
    if statuswijziging or tekst:
        _notitie_controleren(fouten, tekst=tekst, statuswijziging=statuswijziging, datum=datum)
    if fouten:
        raise ValidationError(fouten)
    nieuw = {
        "doelstelling_id": doelstelling.pk,
        "titel": titel,
        "omschrijving": omschrijving,
        "eigenaar": eigenaar,
        "status": status,
    }
    velden = [
        veld.removesuffix("_id")
        for veld, waarde in nieuw.items()
        if getattr(lokale_actie, veld) != waarde
    ]
    if tekst:
        _notitie(
            van=lokale_actie.status,
            naar=status,
            tekst=tekst,
            datum=datum,
            door=door,
            lokale_actie=lokale_actie,
        )
        velden.append("voortgang")
    if not velden:
        return lokale_actie
    for veld, waarde in nieuw.items():
        setattr(lokale_actie, veld, waarde)
    lokale_actie.save()
    wijziging_vastleggen(
        door=door,
        actie="lokale actie bijgewerkt",
        obj=lokale_actie,
        gevangenis=gevangenis,
        velden=velden,
    )
    return lokale_actie


@transaction.atomic
def voortgang_noteren(
    *,
    actie: Actie | LokaleActie,
    tekst: str,
    door: Any,
    datum: datetime.date | None = None,
) -> Voortgangsnotitie:
    """A progress note without a status change, on a strategic or a local action."""
    tekst = (tekst or "").strip()
    fouten: dict[str, str] = {}
    _notitie_controleren(fouten, tekst=tekst, statuswijziging=False, datum=datum)
    if isinstance(actie, LokaleActie):
        actie = (
            LokaleActie.objects.select_for_update(of=("self",))
            .select_related("plan__gevangenis")
            .get(pk=actie.pk)
        )
        gevangenis: Gevangenis | None = actie.plan.gevangenis
        _bijhouden_controleren(door, actie.plan.gevangenis)
        koppeling: dict[str, Any] = {"lokale_actie": actie}
    else:
        actie = Actie.objects.select_for_update().get(pk=actie.pk)
        gevangenis = None
        koppeling = {"actie": actie}
    if fouten:
        # Here the note is the ``tekst`` itself.
        raise ValidationError({"tekst" if k == "notitie" else k: v for k, v in fouten.items()})
    notitie = _notitie(
        van=actie.status, naar=actie.status, tekst=tekst, datum=datum, door=door, **koppeling
    )
    wijziging_vastleggen(
        door=door, actie="voortgang genoteerd", obj=notitie, gevangenis=gevangenis, velden=["tekst"]
    )
    return notitie
