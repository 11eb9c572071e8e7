"""The status workflow of an action (of the strategic plan or a local action plan), as data.

An action starts "niet gestart", runs, and ends realised or dropped. A realised action
can be reopened and a dropped one taken up again: the interim evaluation of 2023 did
both. Every change is a progress note that says why (``Voortgangsnotitie``).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from rapportage.models import Actiestatus

S = Actiestatus

TOEGELATEN_OVERGANGEN: dict[str, frozenset[str]] = {
    S.NIET_GESTART: frozenset({S.LOPEND, S.GEREALISEERD, S.GESCHRAPT}),
    S.LOPEND: frozenset({S.GEREALISEERD, S.GESCHRAPT}),
    S.GEREALISEERD: frozenset({S.LOPEND}),
    S.GESCHRAPT: frozenset({S.NIET_GESTART, S.LOPEND}),
}


def overgang_controleren(van: str, naar: str) -> None:
    """Nothing when ``van`` may become ``naar`` (or stays the same), else a clear error."""
    if naar not in S.values:
        raise ValidationError({"status": _("Onbekende status: %(status)s.") % {"status": naar}})
    if van != naar and naar not in TOEGELATEN_OVERGANGEN[van]:
        raise ValidationError(
            {
                "status": _("Een actie met status “%(van)s” kan niet “%(naar)s” worden.")
                % {"van": S(van).label, "naar": S(naar).label}
            }
        )
