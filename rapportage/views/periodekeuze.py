"""Choosing a period on a dashboard: its kind (month, quarter, year) and which one.

Without a choice a dashboard shows the last complete period: the running one has hardly
any data at its start, and is offered, marked "lopend", for who wants it. The periods
offered are those with computed figures; a link or bookmark may still name any other
past one as people write it (2025-03, 2025-K1, 2025). A period in the future or one
that cannot be read is a field error.
"""

from __future__ import annotations

import datetime
import re
from typing import Any

from django import forms
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from rapportage import selectors
from rapportage.indicatoren import Periode
from rapportage.models import Periodesoort

SOORTEN = [
    (Periodesoort.MAAND, gettext_lazy("maand")),
    (Periodesoort.KWARTAAL, gettext_lazy("kwartaal")),
    (Periodesoort.JAAR, gettext_lazy("jaar")),
]
EERSTE_JAAR = 2000
_VORMEN: dict[str, re.Pattern[str]] = {
    Periodesoort.MAAND: re.compile(r"^(?P<jaar>\d{4})-(?P<nummer>\d{1,2})$"),
    Periodesoort.KWARTAAL: re.compile(r"^(?P<jaar>\d{4})-?[kKqQ](?P<nummer>[1-4])$"),
    Periodesoort.JAAR: re.compile(r"^(?P<jaar>\d{4})$"),
}


def als_tekst(periode: Periode) -> str:
    """How a period is written in a link: the inverse of the form's parsing."""
    b = periode.begin
    if periode.soort == Periodesoort.MAAND:
        return f"{b.year}-{b.month:02d}"
    if periode.soort == Periodesoort.KWARTAAL:
        return f"{b.year}-K{(b.month - 1) // 3 + 1}"
    return str(b.year)


def laatste_volledige(soort: str, vandaag: datetime.date | None = None) -> Periode:
    """The last period of this kind that is over: what a dashboard shows by default."""
    return Periode.van(soort, vandaag or timezone.localdate()).vorige()


def _lezen(soort: str, tekst: str) -> Periode | None:
    gevonden = _VORMEN[soort].match(tekst.strip())
    if not gevonden:
        return None
    jaar = int(gevonden["jaar"])
    if not EERSTE_JAAR <= jaar <= 9998:
        return None
    nummer = int(gevonden.groupdict().get("nummer") or 1)
    if soort == Periodesoort.MAAND:
        if not 1 <= nummer <= 12:
            return None
        return Periode(soort, datetime.date(jaar, nummer, 1))
    if soort == Periodesoort.KWARTAAL:
        return Periode(soort, datetime.date(jaar, (nummer - 1) * 3 + 1, 1))
    return Periode(soort, datetime.date(jaar, 1, 1))


def _van_andere_soort(soort: str, tekst: str) -> Periode | None:
    """A period of another kind, as the picker still sends it when only the kind was
    changed (without script): the period of ``soort`` that holds its last day, at most
    the last complete one."""
    for andere, _naam in SOORTEN:
        if andere != soort and (periode := _lezen(andere, tekst)) is not None:
            laatste = laatste_volledige(soort)
            return Periode.van(soort, min(periode.einde, laatste.einde))
    return None


def _keuze_label(periode: Periode) -> str:
    if periode.is_lopend():
        return _("%(periode)s (lopend)") % {"periode": periode.naam}
    return periode.naam


class PeriodeForm(forms.Form):
    soort = forms.ChoiceField(label=gettext_lazy("Soort periode"), choices=SOORTEN, required=False)
    # A select of the periods with figures; read as text, so that a link to any past
    # period (older than the list, or without figures) still works.
    periode = forms.CharField(
        label=gettext_lazy("Periode"), required=False, max_length=10, widget=forms.Select
    )

    def __init__(self, data: Any, *, beschikbaar: list[Periode]) -> None:
        data = data.copy()
        soort = data.get("soort") or Periodesoort.MAAND
        if soort in dict(SOORTEN) and not (data.get("periode") or "").strip():
            # Shown as chosen: the select names the period the page shows.
            data["periode"] = als_tekst(laatste_volledige(soort))
        super().__init__(data)
        self._gegevens = data  # our own copy: the chosen period is written back into it
        self.beschikbaar = beschikbaar
        self._keuzes(beschikbaar)

    def _keuzes(self, perioden: list[Periode]) -> None:
        self.fields["periode"].widget.choices = [(als_tekst(p), _keuze_label(p)) for p in perioden]

    @property
    def zonder_gegevens(self) -> bool:
        """Whether the chosen period has no figures at all (as far as the list tells)."""
        gekozen = getattr(self, "cleaned_data", {}).get("gekozen")
        if gekozen is None or gekozen in self.beschikbaar:
            return False
        volledig = len(self.beschikbaar) >= selectors.AANTAL_KEUZES.get(gekozen.soort, 12)
        return not (volledig and gekozen.begin < self.beschikbaar[-1].begin)

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        if "soort" not in gegevens:
            return gegevens  # an unknown kind: its own field error
        soort = gegevens.get("soort") or Periodesoort.MAAND
        gegevens["soort"] = soort
        tekst = (gegevens.get("periode") or "").strip()
        periode = _lezen(soort, tekst) or _van_andere_soort(soort, tekst)
        if periode is None:
            self.add_error(
                "periode",
                _("Geen %(soort)s: „%(tekst)s”. Kies een periode uit de lijst.")
                % {"soort": dict(SOORTEN)[soort], "tekst": tekst},
            )
        elif periode.is_toekomst():
            self.add_error(
                "periode",
                _("%(periode)s ligt in de toekomst: daarvan zijn nog geen gegevens.")
                % {"periode": periode.naam},
            )
        else:
            gegevens["gekozen"] = periode
            self._met_keuze(periode)
        return gegevens

    def _met_keuze(self, periode: Periode) -> None:
        """The select shows the chosen period, also when the list does not hold it."""
        if periode not in self.beschikbaar:
            self._keuzes(sorted([*self.beschikbaar, periode], key=lambda p: p.begin, reverse=True))
        self._gegevens["periode"] = als_tekst(periode)


def periode_kiezen(data: Any) -> tuple[PeriodeForm, Periode | None]:
    """The form (bound to the query string) and the chosen period, None when invalid."""
    soort = data.get("soort") or Periodesoort.MAAND
    beschikbaar = selectors.perioden_met_gegevens(
        soort if soort in dict(SOORTEN) else Periodesoort.MAAND
    )
    form = PeriodeForm(data, beschikbaar=beschikbaar)
    if form.is_valid():
        return form, form.cleaned_data["gekozen"]
    return form, None
