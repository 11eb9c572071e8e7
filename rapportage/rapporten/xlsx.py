"""The report's figures as a workbook: a summary, a sheet per indicator (prisons ×
periods, with teller, noemer and waarde), the plan's actions and the definitions.

It renders the same ``Rapportinhoud`` as the PDF: the same figures, the same "<5" for a
suppressed cell and "geen gegevens" for an empty one (a text cell, never a 0).
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from typing import Any

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from rapportage.rapporten.onderdelen import Getal, Rapportinhoud

VET = Font(bold=True)
TITEL = Font(bold=True, size=14)
OMLOOP = Alignment(wrap_text=True, vertical="top")
FORMATEN = {"percentage": '0.0" %"', "dagen": "0.0", "aantal": "#,##0"}
# Characters a sheet's title may not hold, and its longest length.
VERBODEN = set("[]:*?/\\")
MAX_TITEL = 31


def _blad_titel(tekst: str, bezet: set[str]) -> str:
    titel = "".join(t for t in tekst if t not in VERBODEN)[:MAX_TITEL] or "blad"
    basis, n = titel, 2
    while titel.lower() in bezet:
        achtervoegsel = f" ({n})"
        titel = basis[: MAX_TITEL - len(achtervoegsel)] + achtervoegsel
        n += 1
    bezet.add(titel.lower())
    return titel


def _getal(blad: Worksheet, rij: int, kolom: int, getal: Getal) -> None:
    cel = blad.cell(row=rij, column=kolom, value=getal.cel)
    if isinstance(getal.cel, (int, float)):
        cel.number_format = FORMATEN.get(getal.eenheid, "General")
    else:
        cel.alignment = Alignment(horizontal="right")


def _rij(blad: Worksheet, rij: int, waarden: Iterable[Any], font: Font | None = None) -> None:
    for kolom, waarde in enumerate(waarden, start=1):
        cel = blad.cell(row=rij, column=kolom, value=waarde)
        if font is not None:
            cel.font = font


def _breedtes(blad: Worksheet, breedtes: dict[int, float]) -> None:
    for kolom, breedte in breedtes.items():
        blad.column_dimensions[get_column_letter(kolom)].width = breedte


def _samenvatting(blad: Worksheet, inhoud: Rapportinhoud) -> None:
    blad.cell(row=1, column=1, value=inhoud.titel).font = TITEL
    kop = [
        (_("Periode"), f"{inhoud.periode} ({inhoud.begin:%d/%m/%Y} – {inhoud.einde:%d/%m/%Y})"),
        (_("Gevangenissen"), ", ".join(inhoud.gevangenissen)),
        (_("Gemaakt op"), f"{inhoud.gemaakt_op:%d/%m/%Y %H:%M}"),
        (
            _("Gegevens van"),
            f"{inhoud.gegevens_van:%d/%m/%Y %H:%M}" if inhoud.gegevens_van else "—",
        ),
        (_("Afscherming"), inhoud.afschermregel),
    ]
    for i, (naam, waarde) in enumerate(kop, start=2):
        blad.cell(row=i, column=1, value=naam).font = VET
        blad.cell(row=i, column=2, value=waarde)
    start = len(kop) + 3
    _rij(
        blad,
        start,
        [
            _("Indicator"),
            inhoud.totaalnaam,
            _("Teller"),
            _("Noemer"),
            _("Streefcijfer"),
            _("Streefcijfer gehaald"),
            _("Vorige periode"),
            _("Verschil"),
        ],
        VET,
    )
    for i, sectie in enumerate(inhoud.secties, start=start + 1):
        totaal = sectie.totaal
        blad.cell(row=i, column=1, value=sectie.definitie.naam)
        _getal(blad, i, 2, totaal.cijfer.waarde)
        _getal(blad, i, 3, totaal.cijfer.teller)
        _getal(blad, i, 4, totaal.cijfer.noemer)
        blad.cell(row=i, column=5, value=totaal.streef.tekst)
        blad.cell(row=i, column=6, value=totaal.streef.oordeel)
        if totaal.vorige is not None:
            _getal(blad, i, 7, totaal.vorige.waarde)
        blad.cell(row=i, column=8, value=totaal.verschil)
    _breedtes(blad, {1: 34, 2: 26, 3: 12, 4: 12, 5: 14, 6: 18, 7: 16, 8: 12})


def _indicatorblad(blad: Worksheet, inhoud: Rapportinhoud, sectie: Any) -> None:
    definitie = sectie.definitie
    blad.cell(row=1, column=1, value=definitie.naam).font = TITEL
    blad.cell(row=2, column=1, value=definitie.beschrijving).alignment = OMLOOP
    # Two header rows: the period over its three columns, then teller/noemer/waarde.
    _rij(blad, 4, [_("Gevangenis")], VET)
    _rij(blad, 5, [""], VET)
    for p, periode in enumerate(inhoud.perioden):
        kolom = 2 + 3 * p
        blad.cell(row=4, column=kolom, value=periode).font = VET
        blad.merge_cells(start_row=4, start_column=kolom, end_row=4, end_column=kolom + 2)
        for j, naam in enumerate((_("Teller"), _("Noemer"), _("Waarde"))):
            blad.cell(row=5, column=kolom + j, value=naam).font = VET
    for r, rij in enumerate((sectie.totaal, *sectie.gevangenissen), start=6):
        blad.cell(row=r, column=1, value=rij.naam).font = VET if not rij.code else Font()
        for p, cijfer in enumerate(rij.cijfers):
            kolom = 2 + 3 * p
            _getal(blad, r, kolom, cijfer.teller)
            _getal(blad, r, kolom + 1, cijfer.noemer)
            _getal(blad, r, kolom + 2, cijfer.waarde)
    blad.freeze_panes = "B6"
    _breedtes(blad, {1: 30, **dict.fromkeys(range(2, 2 + 3 * len(inhoud.perioden)), 12)})


def _planblad(blad: Worksheet, inhoud: Rapportinhoud) -> None:
    _rij(
        blad,
        1,
        [_("Plan"), _("Doelstelling"), _("Actie"), _("Titel"), _("Status"), _("Laatste voortgang")],
        VET,
    )
    r = 2
    plannen = [p for p in (inhoud.strategisch_plan, *inhoud.lokale_plannen) if p is not None]
    for plan in plannen:
        for doel in plan.doelstellingen:
            for actie in doel.acties:
                _rij(
                    blad,
                    r,
                    [
                        plan.titel,
                        doel.titel,
                        actie.nummer,
                        actie.titel,
                        actie.status,
                        actie.laatste_notitie,
                    ],
                )
                r += 1
    _breedtes(blad, {1: 28, 2: 40, 3: 10, 4: 60, 5: 14, 6: 60})


def _definities(blad: Worksheet, inhoud: Rapportinhoud) -> None:
    _rij(
        blad,
        1,
        [
            _("Code"),
            _("Indicator"),
            _("Wat het zegt"),
            _("Teller"),
            _("Noemer"),
            _("Eenheid"),
            _("Welke gegevens in de periode tellen"),
            _("Hoger is beter"),
        ],
        VET,
    )
    for r, sectie in enumerate(inhoud.secties, start=2):
        d = sectie.definitie
        _rij(
            blad,
            r,
            [
                d.code,
                d.naam,
                d.beschrijving,
                d.teller,
                d.noemer or "—",
                d.eenheid,
                d.periode_regel,
                _("ja") if d.hoger_is_beter else _("nee"),
            ],
        )
        for kolom in range(1, 9):
            blad.cell(row=r, column=kolom).alignment = OMLOOP
    onder = len(inhoud.secties) + 3
    blad.cell(row=onder, column=1, value=_("Afscherming")).font = VET
    blad.cell(row=onder, column=2, value=inhoud.afschermregel)
    blad.cell(row=onder + 1, column=1, value=_("Gegevens van")).font = VET
    blad.cell(
        row=onder + 1,
        column=2,
        value=f"{inhoud.gegevens_van:%d/%m/%Y %H:%M}" if inhoud.gegevens_van else "—",
    )
    _breedtes(blad, {1: 22, 2: 28, 3: 50, 4: 36, 5: 36, 6: 12, 7: 60, 8: 10})


def _alleen_tekst(boek: Workbook) -> None:
    """No cell is a formula: openpyxl stores any text starting with "=" as one, and titles
    and progress notes are typed by users (a note "=HYPERLINK(…)" would come alive in the
    committee's spreadsheet). The report writes no formulas of its own."""
    for blad in boek.worksheets:
        for rij in blad.iter_rows():
            for cel in rij:
                if cel.data_type == "f":
                    cel.data_type = "s"


def xlsx_maken(inhoud: Rapportinhoud) -> bytes:
    boek = Workbook()
    bezet: set[str] = set()
    blad = boek.active
    assert blad is not None
    blad.title = _blad_titel(_("Samenvatting"), bezet)
    _samenvatting(blad, inhoud)
    for sectie in inhoud.secties:
        _indicatorblad(boek.create_sheet(_blad_titel(sectie.code, bezet)), inhoud, sectie)
    _planblad(boek.create_sheet(_blad_titel(_("Plannen"), bezet)), inhoud)
    _definities(boek.create_sheet(_blad_titel(_("Definities"), bezet)), inhoud)
    _alleen_tekst(boek)
    # The same figures give the same file, whenever it is made.
    boek.properties.creator = "HDV"
    boek.properties.created = boek.properties.modified = inhoud.gemaakt_op.replace(tzinfo=None)
    uit = io.BytesIO()
    boek.save(uit)
    return uit.getvalue()
