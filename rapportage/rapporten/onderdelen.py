"""The parts of a monitoring report as plain data: figures as they are printed.

``Rapportinhoud`` is what ``inhoud.rapportinhoud_verzamelen`` gathers and what both the
PDF's template and the XLSX writer render. It holds no person: counts and rates after
suppression, the plans' actions and the indicators' definitions.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from rapportage.opmaak import waarde_tekst

GEEN_GEGEVENS = "geen gegevens"

# The width and height attributes of an SVG's root element.
_SVG_MAAT = re.compile(r'<svg\b[^>]*?\swidth="([\d.]+)"[^>]*?\sheight="([\d.]+)"')


def svg_maat(svg: str) -> tuple[float, float]:
    """A chart's drawn size (width, height), for the report's layout; (0, 0) without one.

    WeasyPrint gives an inline SVG that is made narrower than its width attribute the
    height of its height attribute, not a height in proportion: the template sizes the
    chart's box itself from these (``widthratio``).
    """
    gevonden = _SVG_MAAT.search(svg)
    if gevonden is None:
        return (0.0, 0.0)
    return (float(gevonden.group(1)), float(gevonden.group(2)))


def _getal_tekst(waarde: float | int, eenheid: str) -> str:
    """As the dashboards write it (``rapportage.opmaak``): "75,5 %", "12", "14 dagen"."""
    return waarde_tekst(eenheid, waarde)


@dataclass(frozen=True)
class Getal:
    """One figure as the report prints it: after suppression; None is "geen gegevens"."""

    waarde: float | int | None
    eenheid: str = "aantal"
    # The mark that replaces a figure that is not shown: "<5" or "x" (suppressed), "—"
    # (cannot be computed); "" when it is shown.
    teken: str = ""

    @property
    def afgeschermd(self) -> bool:
        return bool(self.teken)

    @property
    def tekst(self) -> str:
        if self.teken:
            return self.teken
        if self.waarde is None:
            return _(GEEN_GEGEVENS)
        return _getal_tekst(self.waarde, self.eenheid)

    @property
    def cel(self) -> float | int | str:
        """The value of a spreadsheet cell: a number when it is one, the text otherwise."""
        if self.afgeschermd or self.waarde is None:
            return self.tekst
        if self.eenheid == "percentage":
            return round(float(self.waarde), 1)
        return self.waarde

    def __str__(self) -> str:
        return self.tekst


LEEG = Getal(None)


@dataclass(frozen=True)
class Cijfer:
    """An indicator's figure for one prison (or the selection) and one period."""

    teller: Getal = LEEG
    noemer: Getal = LEEG
    waarde: Getal = LEEG

    @property
    def heeft_gegevens(self) -> bool:
        return self.waarde.afgeschermd or self.waarde.waarde is not None


@dataclass(frozen=True)
class Streef:
    """A figure against its target: the target (None: none set) and whether it is met."""

    streefcijfer: Decimal | None = None
    gehaald: bool | None = None
    eenheid: str = "aantal"

    @property
    def tekst(self) -> str:
        if self.streefcijfer is None:
            return "—"
        return _getal_tekst(float(self.streefcijfer), self.eenheid)

    @property
    def oordeel(self) -> str:
        if self.gehaald is None:
            return "—"
        return _("gehaald") if self.gehaald else _("niet gehaald")


@dataclass(frozen=True)
class Rij:
    """One row of an indicator's table: a prison, or the selected prisons together."""

    naam: str
    code: str  # the prison's code; "" for the total
    cijfers: tuple[Cijfer, ...]  # per period of the report's series, oldest first
    streef: Streef = Streef()

    @property
    def cijfer(self) -> Cijfer:
        """The report's own period (the last of the series)."""
        return self.cijfers[-1]

    @property
    def vorige(self) -> Cijfer | None:
        return self.cijfers[-2] if len(self.cijfers) > 1 else None

    @property
    def verschil(self) -> str:
        """Against the previous period, in the indicator's unit; "—" where one is missing."""
        vorige = self.vorige
        if vorige is None:
            return "—"
        nu, toen = self.cijfer.waarde, vorige.waarde
        if nu.afgeschermd or toen.afgeschermd or nu.waarde is None or toen.waarde is None:
            return "—"
        verschil = round(float(nu.waarde) - float(toen.waarde), 1)
        teken = "+" if verschil > 0 else ("−" if verschil < 0 else "±")
        tekst = _getal_tekst(abs(verschil), nu.eenheid)
        # Two percentages differ by percentage points.
        return f"{teken}{tekst.replace(' %', ' pp')}"


@dataclass(frozen=True)
class Uitsplitsingsrij:
    label: str
    cijfer: Cijfer


@dataclass(frozen=True)
class Uitsplitsing:
    """A breakdown of the selection's total (per domain, provider, reason…)."""

    naam: str
    rijen: tuple[Uitsplitsingsrij, ...]


@dataclass(frozen=True)
class Definitie:
    code: str
    naam: str
    beschrijving: str
    teller: str
    noemer: str
    eenheid: str
    periode_regel: str
    hoger_is_beter: bool


@dataclass(frozen=True)
class Indicatorsectie:
    definitie: Definitie
    totaal: Rij  # the selected prisons together (Flanders when all are chosen)
    gevangenissen: tuple[Rij, ...]
    uitsplitsingen: tuple[Uitsplitsing, ...] = ()
    grafiek: str = ""  # SVG markup, made on the server (rapportage.grafieken)
    trend: str = ""  # SVG: the total over the series' periods

    @property
    def code(self) -> str:
        return self.definitie.code

    @property
    def grafiek_maat(self) -> tuple[float, float]:
        return svg_maat(self.grafiek)

    @property
    def trend_maat(self) -> tuple[float, float]:
        return svg_maat(self.trend)


@dataclass(frozen=True)
class Gevangenisregel:
    """An indicator on a prison's page."""

    indicator: str
    naam: str
    rij: Rij


@dataclass(frozen=True)
class Gevangenispagina:
    naam: str
    code: str
    regels: tuple[Gevangenisregel, ...]


@dataclass(frozen=True)
class Actieregel:
    nummer: str
    titel: str
    status: str
    laatste_notitie: str  # "" without one; the text only, never who wrote it
    notitie_datum: datetime.date | None


# (status label, number of actions) for every status, also those with none.
Telling = tuple[tuple[str, int], ...]


@dataclass(frozen=True)
class Doelstelling:
    titel: str
    telling: Telling
    acties: tuple[Actieregel, ...]


@dataclass(frozen=True)
class Plan:
    """The strategic plan (or a prison's local action plan): goals, actions, counts."""

    titel: str
    telling: Telling
    doelstellingen: tuple[Doelstelling, ...]


@dataclass(frozen=True)
class Rapportinhoud:
    titel: str
    periode: str  # "K1 2025", "2025"
    periodesoort: str
    begin: datetime.date
    einde: datetime.date
    perioden: tuple[str, ...]  # the series' periods, oldest first; the last is the report's
    gevangenissen: tuple[str, ...]
    alle_gevangenissen: bool
    gemaakt_op: datetime.datetime
    gegevens_van: datetime.datetime | None
    drempel: int  # counts below it are suppressed
    afschermregel: str
    secties: tuple[Indicatorsectie, ...]
    gevangenispaginas: tuple[Gevangenispagina, ...]
    strategisch_plan: Plan | None
    lokale_plannen: tuple[Plan, ...]

    @property
    def totaalnaam(self) -> str:
        return totaalnaam(self.alle_gevangenissen)


def totaalnaam(alle_gevangenissen: bool) -> str:
    if alle_gevangenissen:
        return _("Vlaanderen")
    return _("Gekozen gevangenissen samen")
