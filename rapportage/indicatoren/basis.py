"""What an indicator is: a definition (code, name, description, numerator, denominator,
unit, period rule, breakdowns) and a function that computes its cells for a prison (or
Flanders) and a period. DHIS2's indicator model: numerator ÷ denominator, described in
plain words, with the rule of which records count in a period."""

from __future__ import annotations

import calendar
import datetime
from collections.abc import Callable, Collection
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rapportage.models import Periodesoort


class Eenheid:
    PERCENTAGE = "percentage"  # waarde = teller / noemer × 100
    AANTAL = "aantal"  # waarde = teller (noemer empty)
    DAGEN = "dagen"  # waarde = a median or average number of days


# The breakdowns an indicator may support; sleutel values per breakdown:
UITSPLITSINGEN: dict[str, Any] = {
    "domein": _("domein"),  # hdv.Organisatie.Domein values (the offer's / need's domain)
    "aanbieder": _("aanbieder"),  # Organisatie.afkorting of the provider (unique)
    "categorie": _("aanbodcategorie"),  # the offer's category code
    "aanbod": _("aanbod"),  # Aanbod.pk as text
    "doelgroep": _("doelgroep"),  # Doelgroep code
    "statuut": _("juridisch statuut"),  # trajecten.Statuut values
    "reden": _("reden"),  # stop reason / cancellation reason code
}


@dataclass(frozen=True)
class Periode:
    """A calendar period: a day, month, quarter or year. ``einde`` is its last day."""

    soort: str
    begin: datetime.date

    @property
    def einde(self) -> datetime.date:
        b = self.begin
        if self.soort == Periodesoort.DAG:
            return b
        if self.soort == Periodesoort.MAAND:
            return b.replace(day=calendar.monthrange(b.year, b.month)[1])
        if self.soort == Periodesoort.KWARTAAL:
            maand = b.month + 2
            return b.replace(month=maand, day=calendar.monthrange(b.year, maand)[1])
        return b.replace(month=12, day=31)

    @classmethod
    def van(cls, soort: str, datum: datetime.date) -> Periode:
        """The period of this kind that holds ``datum``."""
        if soort == Periodesoort.DAG:
            return cls(soort, datum)
        if soort == Periodesoort.MAAND:
            return cls(soort, datum.replace(day=1))
        if soort == Periodesoort.KWARTAAL:
            return cls(soort, datum.replace(month=(datum.month - 1) // 3 * 3 + 1, day=1))
        if soort == Periodesoort.JAAR:
            return cls(soort, datum.replace(month=1, day=1))
        raise ValidationError({"periodesoort": _("Onbekende periode: %(s)s.") % {"s": soort}})

    def vorige(self) -> Periode:
        return Periode.van(self.soort, self.begin - datetime.timedelta(days=1))

    def volgende(self) -> Periode:
        return Periode.van(self.soort, self.einde + datetime.timedelta(days=1))

    def is_toekomst(self) -> bool:
        return self.begin > timezone.localdate()

    def is_lopend(self) -> bool:
        return self.begin <= timezone.localdate() <= self.einde

    @property
    def naam(self) -> str:
        b = self.begin
        if self.soort == Periodesoort.DAG:
            return b.strftime("%d/%m/%Y")
        if self.soort == Periodesoort.MAAND:
            return b.strftime("%m/%Y")
        if self.soort == Periodesoort.KWARTAAL:
            return f"K{(b.month - 1) // 3 + 1} {b.year}"
        return str(b.year)

    def __str__(self) -> str:
        return self.naam


@dataclass(frozen=True)
class Cel:
    """One computed cell: the total (uitsplitsing "") or one value of a breakdown.

    For a rate, ``teller`` and ``noemer`` are counts and ``waarde`` is teller/noemer×100,
    None when noemer is 0 ("geen gegevens"). For a count, teller = waarde. For days, the
    waarde is the median and ``noemer`` the number of cases it was taken over.
    """

    uitsplitsing: str
    sleutel: str
    label: str
    teller: int | None
    noemer: int | None
    waarde: float | None

    @classmethod
    def ratio(
        cls, teller: int, noemer: int, uitsplitsing: str = "", sleutel: str = "", label: str = ""
    ) -> Cel:
        waarde = round(teller * 100 / noemer, 1) if noemer else None
        return cls(uitsplitsing, sleutel, label, teller, noemer, waarde)

    @classmethod
    def aantal(cls, teller: int, uitsplitsing: str = "", sleutel: str = "", label: str = "") -> Cel:
        return cls(uitsplitsing, sleutel, label, teller, None, float(teller))


# bereken(periode, gevangenis) -> cells; gevangenis None = all of Flanders, each person
# counted once (not the sum of prisons: a person transferred in the period was present
# in two prisons).
Berekenfunctie = Callable[[Periode, Any], list[Cel]]

# bereken_alle(periode, gevangenis_ids, vlaanderen) -> {prison pk: cells, and None: cells
# when vlaanderen}: the same figures for many prisons in one set of queries. A full rollup
# asks ~20 prisons and Flanders for every period; per prison that is 20× the queries over
# the same rows (measured: see rapportage.rollups). Optional: the rollup falls back on
# ``bereken`` per prison.
AlleBerekenfunctie = Callable[[Periode, Collection[int], bool], dict[int | None, list[Cel]]]


@dataclass(frozen=True)
class Indicator:
    code: str
    naam: Any
    beschrijving: Any  # plain Dutch, for the dashboard's "wat betekent dit?"
    teller: Any  # what is counted above the line
    noemer: Any  # ... and below it ("" for a count)
    eenheid: str
    periode_regel: Any  # which records count in a period
    uitsplitsingen: tuple[str, ...] = ()
    # True: higher is better (targets are minimums); False: lower is better (uitval).
    hoger_is_beter: bool = True
    # Not every indicator makes sense per day.
    periodesoorten: tuple[str, ...] = (Periodesoort.MAAND, Periodesoort.KWARTAAL, Periodesoort.JAAR)
    # Sub-figures shown with it (e.g. wachtlijst: wachtend, mediaan_dagen, vertrokken):
    # the codes of other indicators presented in the same block.
    onderdelen: tuple[str, ...] = ()
    bereken: Berekenfunctie | None = field(default=None, compare=False, repr=False)
    bereken_alle: AlleBerekenfunctie | None = field(default=None, compare=False, repr=False)

    @property
    def is_percentage(self) -> bool:
        return self.eenheid == Eenheid.PERCENTAGE


REGISTER: dict[str, Indicator] = {}


def registreren(indicator: Indicator) -> Indicator:
    REGISTER[indicator.code] = indicator
    return indicator


def berekening(code: str) -> Callable[[Berekenfunctie], Berekenfunctie]:
    """Attach a computation to a defined indicator: ``@berekening("bereik")``."""

    def koppelen(functie: Berekenfunctie) -> Berekenfunctie:
        from dataclasses import replace

        REGISTER[code] = replace(REGISTER[code], bereken=functie)
        return functie

    return koppelen


def berekening_alle(code: str) -> Callable[[AlleBerekenfunctie], AlleBerekenfunctie]:
    """Attach a computation over many prisons at once; ``bereken`` for one follows from it."""

    def koppelen(functie: AlleBerekenfunctie) -> AlleBerekenfunctie:
        from dataclasses import replace

        def bereken(periode: Periode, gevangenis: Any) -> list[Cel]:
            if gevangenis is None:
                return functie(periode, (), True)[None]
            return functie(periode, (gevangenis.pk,), False)[gevangenis.pk]

        REGISTER[code] = replace(REGISTER[code], bereken=bereken, bereken_alle=functie)
        return functie

    return koppelen


def indicator_of_fout(code: str) -> Indicator:
    """The indicator with this code, or a clear error for an unknown code."""
    try:
        return REGISTER[code]
    except KeyError:
        raise ValidationError(
            {"indicator": _("Onbekende indicator: %(code)s.") % {"code": code}}
        ) from None
