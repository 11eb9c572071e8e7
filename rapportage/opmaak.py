"""The text of an indicator's figure, the same on a page, in a chart and in the report:
a value with its unit, a count, a suppression mark, or "geen gegevens" (never 0 %)."""

from __future__ import annotations

from django.utils.formats import number_format
from django.utils.translation import gettext as _

from rapportage.afscherming import Cijfer
from rapportage.indicatoren.basis import Eenheid


def waarde_tekst(eenheid: str, waarde: float) -> str:
    if eenheid == Eenheid.PERCENTAGE:
        return f"{number_format(waarde, 1)} %"
    decimalen = 0 if float(waarde).is_integer() else 1
    if eenheid == Eenheid.DAGEN:
        return _("%(n)s dagen") % {"n": number_format(waarde, decimalen)}
    return number_format(waarde, decimalen)


def cijfer_tekst(cijfer: Cijfer | None, eenheid: str) -> str:
    if cijfer is None or cijfer.geen_gegevens:
        return _("geen gegevens")
    if cijfer.waarde_teken:
        return cijfer.waarde_teken
    assert cijfer.waarde is not None
    return waarde_tekst(eenheid, cijfer.waarde)


def aantal_tekst(aantal: int | None, teken: str = "") -> str:
    """A count (teller or noemer): its mark when hidden, a dash when there is none."""
    if teken:
        return teken
    return "–" if aantal is None else number_format(aantal, 0)
