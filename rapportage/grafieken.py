"""Charts as SVG made on the server: the same picture on the page and in the PDF report.

Plain SVG 1.1 (WeasyPrint draws it): attributes, no CSS variables, no scripts, no
foreignObject. Each chart has a <title> and <desc>, every figure is also written as
text, and colour never carries meaning alone (the heat map adds ▲ ▼ =). "Geen
gegevens" is a gap, never a zero; a suppressed figure shows its mark.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from rapportage.indicatoren.basis import Eenheid
from rapportage.opmaak import waarde_tekst

LETTER = "DejaVu Sans, Arial, sans-serif"
KLEUR_STAAF = "#2f5f8a"
KLEUR_VLAANDEREN = "#b35c00"
KLEUR_STREEF = "#1d1d1d"
KLEUR_RASTER = "#d5d5d5"
KLEUR_TEKST = "#1d1d1d"
KLEUR_ZACHT = "#5c5c5c"
# Heat map: (fill, symbol, legend) per comparison; light fills keep black text legible.
VAKKEN = {
    "beter": ("#9fd3ae", "▲"),
    "gelijk": ("#f3e7a1", "="),
    "slechter": ("#efa7a7", "▼"),
    "niet_vergeleken": ("#ffffff", ""),
    "geen": ("#f2f2f2", ""),
    "afgeschermd": ("#d9d9d9", ""),
}


def _a(waarde: object) -> str:
    return quoteattr(str(waarde))


def _t(tekst: object) -> str:
    return escape(str(tekst))


def _getal(x: float) -> str:
    return f"{x:.1f}".rstrip("0").rstrip(".")


def _svg(
    naam: str,
    breedte: int,
    hoogte: int,
    titel: str,
    beschrijving: str,
    inhoud: list[str],
    stijl: str = "max-width:100%;height:auto",
) -> SafeString:
    kop = (
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="{breedte}" '
        f'height="{hoogte}" viewBox="0 0 {breedte} {hoogte}" role="img" '
        f"aria-labelledby={_a(f'{naam}-titel {naam}-desc')} font-family={_a(LETTER)} "
        f'font-size="11" class="grafiek" style={_a(stijl)}>'
        f"<title id={_a(f'{naam}-titel')}>{_t(titel)}</title>"
        f"<desc id={_a(f'{naam}-desc')}>{_t(beschrijving)}</desc>"
    )
    return mark_safe(kop + "".join(inhoud) + "</svg>")  # noqa: S308 - every text is escaped


def schaal_max(waarden: Sequence[float | None], eenheid: str) -> float:
    """The top of the value axis: 100 for a percentage, else a round number above all."""
    if eenheid == Eenheid.PERCENTAGE:
        return 100.0
    hoogste = max((w for w in waarden if w is not None), default=0.0)
    if hoogste <= 0:
        return 10.0
    macht = 10 ** math.floor(math.log10(hoogste))
    for stap in (1, 2, 2.5, 5, 10):
        if hoogste <= stap * macht:
            return float(stap * macht)
    return float(10 * macht)


def _as_tekst(eenheid: str, waarde: float) -> str:
    """An axis label: whole numbers where they are whole (100 %, 12,5)."""
    tekst = _getal(waarde).replace(".", ",")
    return f"{tekst} %" if eenheid == Eenheid.PERCENTAGE else tekst


# --- the trend of a prison with Flanders and the target -----------------------------------


@dataclass(frozen=True)
class TrendPunt:
    label: str  # the period
    waarde: float | None  # the prison's; None: no data or suppressed
    teken: str = ""  # the suppression mark, if any
    vlaanderen: float | None = None


def trend(
    naam: str,
    punten: Sequence[TrendPunt],
    *,
    eenheid: str,
    titel: str,
    streefcijfer: float | None = None,
    label: str | None = None,
    breedte: int = 480,
    hoogte: int = 210,
) -> SafeString:
    """Bars for the prison per period, a line for Flanders, a dashed line for the target.

    ``label`` names the bars in the legend: "gevangenis" unless given, e.g. "Vlaanderen"
    or a choice of prisons when the bars are theirs. Flanders' line is in the legend
    only when it has a value to draw.
    """
    links, rechts, boven, onder = 44, 10, 12, 50
    vlak_b, vlak_h = breedte - links - rechts, hoogte - boven - onder
    top = schaal_max(
        [*(p.waarde for p in punten), *(p.vlaanderen for p in punten), streefcijfer], eenheid
    )

    def y(w: float) -> float:
        return boven + vlak_h * (1 - min(max(w, 0.0), top) / top)

    vak = vlak_b / max(len(punten), 1)
    delen: list[str] = []
    stappen = 5 if top % 5 == 0 and top >= 5 else 4
    for i in range(stappen + 1):
        w = top * i / stappen
        delen.append(
            f'<line x1="{links}" x2="{breedte - rechts}" y1="{_getal(y(w))}" y2="{_getal(y(w))}" '
            f'stroke="{KLEUR_RASTER}" stroke-width="1"/>'
            f'<text x="{links - 4}" y="{_getal(y(w) + 4)}" text-anchor="end" '
            f'fill="{KLEUR_ZACHT}">{_t(_as_tekst(eenheid, w))}</text>'
        )
    beschrijving = []
    # Every second period's name when they would run into each other; the last always.
    om = 1 if len(punten) <= 8 else 2
    for i, p in enumerate(punten):
        midden = links + vak * (i + 0.5)
        if (len(punten) - 1 - i) % om == 0:
            delen.append(
                f'<text x="{_getal(midden)}" y="{hoogte - onder + 14}" text-anchor="middle" '
                f'font-size="9" fill="{KLEUR_ZACHT}">{_t(p.label)}</text>'
            )
        if p.waarde is not None:
            tekst = waarde_tekst(eenheid, p.waarde)
            # A zero is a thin bar on the axis, not a gap.
            staaf = max(boven + vlak_h - y(p.waarde), 1.5)
            delen.append(
                f'<rect x="{_getal(midden - vak * 0.3)}" y="{_getal(boven + vlak_h - staaf)}" '
                f'width="{_getal(vak * 0.6)}" height="{_getal(staaf)}" '
                f'fill="{KLEUR_STAAF}"><title>{_t(f"{p.label}: {tekst}")}</title></rect>'
            )
        else:
            # A gap: no bar; a suppressed figure shows its mark on the axis.
            tekst = p.teken or _("geen gegevens")
            if p.teken:
                delen.append(
                    f'<text x="{_getal(midden)}" y="{boven + vlak_h - 3}" text-anchor="middle" '
                    f'fill="{KLEUR_TEKST}">{_t(p.teken)}</text>'
                )
        beschrijving.append(f"{p.label}: {tekst}")
    # Flanders: a line broken where there is no value, a dot on every value.
    stuk: list[str] = []
    for i, p in enumerate([*punten, TrendPunt("", None)]):
        if p.vlaanderen is None:
            if len(stuk) > 1:
                delen.append(
                    f'<polyline points="{" ".join(stuk)}" fill="none" '
                    f'stroke="{KLEUR_VLAANDEREN}" stroke-width="2"/>'
                )
            stuk = []
            continue
        x, yv = links + vak * (i + 0.5), y(p.vlaanderen)
        stuk.append(f"{_getal(x)},{_getal(yv)}")
        tekst = waarde_tekst(eenheid, p.vlaanderen)
        delen.append(
            f'<circle cx="{_getal(x)}" cy="{_getal(yv)}" r="3" fill="{KLEUR_VLAANDEREN}">'
            f"<title>{_t(_('Vlaanderen') + f' {p.label}: {tekst}')}</title></circle>"
        )
    if streefcijfer is not None:
        ys = _getal(y(streefcijfer))
        delen.append(
            f'<line x1="{links}" x2="{breedte - rechts}" y1="{ys}" y2="{ys}" '
            f'stroke="{KLEUR_STREEF}" stroke-width="1.5" stroke-dasharray="6 4">'
            f"<title>{_t(_('Streefcijfer') + ': ' + waarde_tekst(eenheid, streefcijfer))}</title>"
            f"</line>"
        )
    delen.append(
        _legende(
            hoogte - 14,
            links,
            label or _("gevangenis"),
            met_vlaanderen=any(p.vlaanderen is not None for p in punten),
            met_streefcijfer=streefcijfer is not None,
        )
    )
    if streefcijfer is not None:
        beschrijving.append(_("streefcijfer %(w)s") % {"w": waarde_tekst(eenheid, streefcijfer)})
    return _svg(naam, breedte, hoogte, titel, "; ".join(beschrijving), delen)


def _legende(y: int, x: int, label: str, *, met_vlaanderen: bool, met_streefcijfer: bool) -> str:
    items = [
        f'<rect x="{x}" y="{y - 8}" width="10" height="10" fill="{KLEUR_STAAF}"/>'
        f'<text x="{x + 14}" y="{y + 1}" fill="{KLEUR_TEKST}">{_t(label)}</text>'
    ]
    # The next item after the bars' name: "gevangenis" keeps its place, a longer name
    # (about 6.5 px a letter at this size) pushes the rest to the right.
    x += 14 + max(82, round(len(label) * 6.5) + 16)
    if met_vlaanderen:
        items.append(
            f'<line x1="{x}" x2="{x + 20}" y1="{y - 3}" y2="{y - 3}" '
            f'stroke="{KLEUR_VLAANDEREN}" stroke-width="2"/>'
            f'<text x="{x + 24}" y="{y + 1}" fill="{KLEUR_TEKST}">{_t(_("Vlaanderen"))}</text>'
        )
        x += 110
    if met_streefcijfer:
        items.append(
            f'<line x1="{x}" x2="{x + 20}" y1="{y - 3}" y2="{y - 3}" '
            f'stroke="{KLEUR_STREEF}" stroke-width="1.5" stroke-dasharray="6 4"/>'
            f'<text x="{x + 24}" y="{y + 1}" fill="{KLEUR_TEKST}">{_t(_("streefcijfer"))}</text>'
        )
    return "".join(items)


# --- a breakdown as horizontal bars -------------------------------------------------------


@dataclass(frozen=True)
class Staaf:
    label: str
    waarde: float | None
    teken: str = ""


def staven(
    naam: str, rijen: Sequence[Staaf], *, eenheid: str, titel: str, breedte: int = 480
) -> SafeString:
    """One bar per cell of a breakdown, its value written after it."""
    rechts, regel = 90, 20
    # The names' column as wide as the longest name, at most 40 % of the chart; a name
    # that does not fit is cut with "…" (its <title> holds it whole), never clipped.
    links = round(min(max((_tekstbreedte(r.label) for r in rijen), default=40) + 14, breedte * 0.4))
    past = int((links - 8) / (11 * 0.58))
    hoogte = max(len(rijen), 1) * regel + 8
    top = schaal_max([r.waarde for r in rijen], eenheid)
    vlak_b = breedte - links - rechts
    delen: list[str] = []
    beschrijving = []
    for i, r in enumerate(rijen):
        y = 4 + i * regel
        label = r.label if len(r.label) <= past else r.label[: past - 1] + "…"
        delen.append(
            f'<g><title>{_t(r.label)}</title><text x="{links - 6}" y="{y + 13}" '
            f'text-anchor="end" fill="{KLEUR_TEKST}">{_t(label)}</text></g>'
        )
        if r.waarde is not None:
            tekst = waarde_tekst(eenheid, r.waarde)
            lengte = vlak_b * min(max(r.waarde, 0.0), top) / top
            delen.append(
                f'<rect x="{links}" y="{y + 3}" width="{_getal(lengte)}" height="{regel - 6}" '
                f'fill="{KLEUR_STAAF}"/>'
            )
            x_tekst = links + lengte + 4
        else:
            tekst = r.teken or _("geen gegevens")
            x_tekst = links + 4
        delen.append(
            f'<text x="{_getal(x_tekst)}" y="{y + 13}" fill="{KLEUR_TEKST}">{_t(tekst)}</text>'
        )
        beschrijving.append(f"{r.label}: {tekst}")
    return _svg(naam, breedte, hoogte, titel, "; ".join(beschrijving) or _("geen gegevens"), delen)


# --- the heat map: prisons × indicators ---------------------------------------------------


@dataclass(frozen=True)
class Vak:
    tekst: str  # the value, a mark or "geen gegevens"
    soort: str  # a key of VAKKEN


def vergelijken(
    waarde: float | None, referentie: float | None, *, eenheid: str, hoger_is_beter: bool
) -> str:
    """Better, about equal or worse than the reference (the target, else Flanders): within
    5 percentage points, or 10 % of a count, is "about equal"."""
    if waarde is None or referentie is None:
        return "gelijk"
    marge = 5.0 if eenheid == Eenheid.PERCENTAGE else max(abs(referentie) * 0.1, 1.0)
    verschil = waarde - referentie if hoger_is_beter else referentie - waarde
    if verschil > marge:
        return "beter"
    if verschil < -marge:
        return "slechter"
    return "gelijk"


def _tekstbreedte(tekst: str, grootte: float = 11) -> float:
    """About how wide a text is drawn (DejaVu Sans runs ~0.58 em a character): enough
    to lay out labels without measuring, on the generous side."""
    return len(tekst) * grootte * 0.58


# The heat map's column names are slanted (40°) so that long names stay whole and the
# columns stay as narrow as their figures; each name ends above its column.
_HELLING = math.radians(40)
GEEN_TEKEN = "–"  # a cell without data; its title and the legend say "geen gegevens"


def warmtekaart(
    naam: str,
    rijen: Sequence[str],
    kolommen: Sequence[str],
    vakken: Mapping[tuple[int, int], Vak],
    *,
    titel: str,
    totaal_laatst: bool = False,
) -> SafeString:
    """Prisons (rows) × indicators (columns); each cell its value and ▲ = ▼ against the
    reference, coloured the same way; a legend below.

    Each column as wide as its longest figure at 11 px. On a page the picture fills the
    width it gets, never shrinking below that size (its frame scrolls instead): small
    letters are what made the map unreadable. ``totaal_laatst``: the last row is the
    total (Flanders), set apart.
    """
    vak_h, marge = 24, 8

    def tekst_van(vak: Vak) -> str:
        getoond = GEEN_TEKEN if vak.soort == "geen" else vak.tekst
        return f"{getoond} {VAKKEN[vak.soort][1]}".strip()

    leeg = Vak(_("geen gegevens"), "geen")
    links = min(max((_tekstbreedte(r) for r in rijen), default=60) + 12, 200)
    smalst = [
        max([_tekstbreedte(tekst_van(vakken.get((r, k), leeg))) + marge for r in range(len(rijen))]
            + [44])
        for k in range(len(kolommen))
    ]  # fmt: skip
    kol_b = [b + 2 for b in smalst]
    kol_x = [links + sum(kol_b[:k]) for k in range(len(kolommen))]
    langst = max((_tekstbreedte(k) for k in kolommen), default=0)
    kop = round(langst * math.sin(_HELLING)) + 16
    scheiding = 6 if totaal_laatst and rijen else 0
    uitleg = _warmte_uitleg()
    tabel_h = vak_h * len(rijen) + scheiding
    hoogte = kop + tabel_h + 24 + 18 * len(uitleg)
    delen: list[str] = []
    for k, kolom in enumerate(kolommen):
        x, y = kol_x[k] + kol_b[k] / 2, kop - 6
        # The first names may reach over the row names, never beyond the picture's edge.
        past = int(x / math.cos(_HELLING) / (11 * 0.58))
        kort = kolom if len(kolom) <= past else kolom[: past - 1] + "…"
        delen.append(
            f'<g><title>{_t(kolom)}</title><text x="{_getal(x)}" y="{y}" text-anchor="end" '
            f'transform="rotate(40 {_getal(x)} {y})" fill="{KLEUR_TEKST}">{_t(kort)}</text></g>'
        )
    beschrijving = []
    for r, rij in enumerate(rijen):
        totaal = totaal_laatst and r == len(rijen) - 1
        y = kop + vak_h * r + (scheiding if totaal else 0)
        gewicht = ' font-weight="bold"' if totaal else ""
        delen.append(
            f'<text x="{_getal(links - 6)}" y="{y + 16}" text-anchor="end"{gewicht} '
            f'fill="{KLEUR_TEKST}">{_t(rij)}</text>'
        )
        for k, kolom in enumerate(kolommen):
            vak = vakken.get((r, k), leeg)
            kleur = VAKKEN[vak.soort][0]
            # A white cell keeps a grey edge: it is there, only not compared.
            rand = KLEUR_RASTER if vak.soort == "niet_vergeleken" else "#ffffff"
            tekst = tekst_van(vak)
            volledig = f"{vak.tekst} {VAKKEN[vak.soort][1]}".strip()
            x, b = kol_x[k], kol_b[k]
            delen.append(
                f'<rect x="{_getal(x + 0.5)}" y="{y + 0.5}" width="{_getal(b - 1)}" '
                f'height="{vak_h - 1}" fill="{kleur}" stroke="{rand}" stroke-width="1">'
                f"<title>{_t(f'{rij}, {kolom}: {volledig}')}</title></rect>"
                f'<text x="{_getal(x + b / 2)}" y="{y + 16}" text-anchor="middle"{gewicht} '
                f'fill="{KLEUR_TEKST}">{_t(tekst)}</text>'
            )
            beschrijving.append(f"{rij}, {kolom}: {volledig}")
    delen.append(_warmte_legende(kop + tabel_h + 24, 4, uitleg))
    breedte = round(
        max(links + sum(kol_b) + 8, max(_tekstbreedte(t) for t in uitleg.values()) + 40)
    )
    stijl = f"width:100%;min-width:{breedte}px;height:auto"
    return _svg(naam, breedte, hoogte, titel, "; ".join(beschrijving), delen, stijl)


def _warmte_uitleg() -> dict[str, str]:
    return {
        "beter": _("beter dan het streefcijfer (zonder streefcijfer: dan Vlaanderen)"),
        "gelijk": _("ongeveer gelijk (binnen 5 procentpunten, of 10 %)"),
        "slechter": _("slechter"),
        "niet_vergeleken": _(
            "niet vergeleken: een opgeteld aantal in een maand of kwartaal (het "
            "streefcijfer geldt voor het jaar), of niets om mee te vergelijken"
        ),
        "afgeschermd": _("afgeschermd (klein aantal)"),
        "geen": _("geen gegevens"),
    }


def _warmte_legende(y: int, x: int, uitleg: Mapping[str, str]) -> str:
    delen = []
    for i, (soort, tekst) in enumerate(uitleg.items()):
        kleur, symbool = VAKKEN[soort]
        teken = GEEN_TEKEN if soort == "geen" else symbool
        rij_y = y + i * 18
        delen.append(
            f'<rect x="{x}" y="{rij_y - 10}" width="14" height="14" fill="{kleur}" '
            f'stroke="{KLEUR_ZACHT}" stroke-width="0.5"/>'
            f'<text x="{x + 20}" y="{rij_y + 1}" fill="{KLEUR_TEKST}">'
            f"{_t(f'{teken} {tekst}'.strip())}</text>"
        )
    return "".join(delen)
