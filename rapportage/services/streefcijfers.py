"""Setting and removing targets (streefcijfers): per indicator, per prison or for
Flanders, per year.

A beleidscoördinator sets them for his own prisons, the central level for every prison
and for Flanders (``gevangenis=None``). A rate's target is a percentage (0–100), a count
or a number of days is never negative.
"""

from __future__ import annotations

import decimal
from decimal import Decimal
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hdv.audit import wijziging_vastleggen
from hdv.models import Gevangenis
from rapportage.indicatoren import Indicator, indicator_of_fout
from rapportage.models import Streefcijfer
from rapportage.plantoegang import mag_streefcijfer_zetten

# The first strategic plan follows the decree of 2013; further ahead than five years is
# no target but a wish.
EERSTE_JAAR = 2013
JAREN_VOORUIT = 5
# Streefcijfer.waarde: 9 digits, 2 after the comma.
GROOTSTE_WAARDE = Decimal("9999999.99")


def jaren_toegelaten() -> range:
    return range(EERSTE_JAAR, timezone.localdate().year + JAREN_VOORUIT + 1)


def _waarde_controleren(indicator: Indicator, waarde: Any) -> tuple[Decimal | None, str | None]:
    """The value as a Decimal, or the reason it cannot be this indicator's target."""
    if waarde is None or waarde == "":
        return None, _("Geef een streefcijfer.")
    try:
        getal = Decimal(str(waarde))
    except (decimal.InvalidOperation, ValueError):
        return None, _("Het streefcijfer is geen getal.")
    if not getal.is_finite():
        return None, _("Het streefcijfer is geen getal.")
    # Before quantize: a huge number has too many digits for it (InvalidOperation).
    if abs(getal) > GROOTSTE_WAARDE:
        return None, _("Het streefcijfer is te groot.")
    if getal != getal.quantize(Decimal("0.01"), rounding=decimal.ROUND_HALF_UP):
        return None, _("Geef hoogstens twee cijfers na de komma.")
    if indicator.is_percentage and not Decimal(0) <= getal <= Decimal(100):
        return None, _(
            "%(naam)s is een percentage: het streefcijfer ligt tussen 0 en 100, niet %(waarde)s."
        ) % {"naam": indicator.naam, "waarde": getal}
    if getal < 0:
        return None, _("Het streefcijfer van %(naam)s kan niet negatief zijn.") % {
            "naam": indicator.naam
        }
    if getal > GROOTSTE_WAARDE:
        return None, _("Het streefcijfer is te groot.")
    return getal.quantize(Decimal("0.01")), None


def _controleren(
    *,
    indicator: str,
    gevangenis: Gevangenis | None,
    jaar: Any,
    waarde: Any,
    toelichting: str,
    door: Any,
) -> tuple[Indicator, Decimal]:
    fouten: dict[str, str] = {}
    gevonden: Indicator | None = None
    try:
        gevonden = indicator_of_fout(indicator)
    except ValidationError as fout:
        fouten.update({veld: berichten[0] for veld, berichten in fout.message_dict.items()})
    getal: Decimal | None = None
    if gevonden is not None:
        getal, fout_waarde = _waarde_controleren(gevonden, waarde)
        if fout_waarde:
            fouten["waarde"] = fout_waarde
    jaren = jaren_toegelaten()
    if not isinstance(jaar, int) or isinstance(jaar, bool) or jaar not in jaren:
        fouten["jaar"] = _("Kies een jaar van %(van)s tot en met %(tot)s.") % {
            "van": jaren.start,
            "tot": jaren.stop - 1,
        }
    if len(toelichting) > 300:
        fouten["toelichting"] = _("De toelichting is hoogstens 300 tekens lang.")
    if gevangenis is not None and not gevangenis.actief:
        fouten["gevangenis"] = _("Deze gevangenis is niet actief.")
    elif not mag_streefcijfer_zetten(door, gevangenis):
        fouten["gevangenis"] = (
            _("Een streefcijfer voor heel Vlaanderen zet alleen het centrale niveau.")
            if gevangenis is None
            else _("U kunt alleen streefcijfers zetten voor uw eigen gevangenis(sen).")
        )
    if fouten:
        raise ValidationError(fouten)
    assert gevonden is not None
    assert getal is not None
    return gevonden, getal


@transaction.atomic
def streefcijfer_zetten(
    *,
    indicator: str,
    gevangenis: Gevangenis | None,
    jaar: int,
    waarde: Decimal | float | int | str,
    toelichting: str = "",
    door: Any,
) -> Streefcijfer:
    """Create the target of an indicator for a prison (or Flanders) and year, or change it."""
    toelichting = (toelichting or "").strip()
    _indicator, getal = _controleren(
        indicator=indicator,
        gevangenis=gevangenis,
        jaar=jaar,
        waarde=waarde,
        toelichting=toelichting,
        door=door,
    )
    # Flanders' row has no prison: NULL, which a plain unique constraint does not match on
    # every database. The row lock (or, for a new row, the transaction) guards the pair.
    bestaand = (
        Streefcijfer.objects.select_for_update()
        .filter(indicator=indicator, gevangenis=gevangenis, jaar=jaar)
        .first()
    )
    gezet_door = door if getattr(door, "is_authenticated", False) else None
    if bestaand is None:
        streefcijfer = Streefcijfer.objects.create(
            indicator=indicator,
            gevangenis=gevangenis,
            jaar=jaar,
            waarde=getal,
            toelichting=toelichting,
            gezet_door=gezet_door,
        )
        velden = ["indicator", "gevangenis", "jaar", "waarde", "toelichting"]
        actie = "streefcijfer gezet"
    else:
        streefcijfer = bestaand
        velden = [
            veld
            for veld, nieuw in (("waarde", getal), ("toelichting", toelichting))
            if getattr(streefcijfer, veld) != nieuw
        ]
        if not velden:
            return streefcijfer
        streefcijfer.waarde = getal
        streefcijfer.toelichting = toelichting
        streefcijfer.gezet_door = gezet_door
        streefcijfer.save(update_fields=[*velden, "gezet_door", "gewijzigd"])
        actie = "streefcijfer gewijzigd"
    wijziging_vastleggen(
        door=door, actie=actie, obj=streefcijfer, gevangenis=gevangenis, velden=velden
    )
    return streefcijfer


@transaction.atomic
def streefcijfer_verwijderen(*, streefcijfer: Streefcijfer, door: Any) -> None:
    """Remove a target: the indicator has none for that prison and year any more."""
    streefcijfer = (
        Streefcijfer.objects.select_for_update(of=("self",))
        .select_related("gevangenis")
        .get(pk=streefcijfer.pk)
    )
    if not mag_streefcijfer_zetten(door, streefcijfer.gevangenis):
        raise ValidationError(
            {
                "gevangenis": _(
                    "U kunt alleen streefcijfers van uw eigen gevangenis(sen) verwijderen."
                )
            }
        )
    wijziging_vastleggen(
        door=door,
        actie="streefcijfer verwijderd",
        obj=streefcijfer,
        gevangenis=streefcijfer.gevangenis,
        velden=["waarde"],
    )
    streefcijfer.delete()
