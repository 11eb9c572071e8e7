"""Server-side SVG: well-formed, plain SVG 1.1, accessible, gaps as gaps, marks as text."""

import itertools
import xml.etree.ElementTree as ET

import pytest

from rapportage import grafieken
from rapportage.indicatoren.basis import Eenheid

SVG = "{http://www.w3.org/2000/svg}"


def _lees(svg: str) -> ET.Element:
    boom = ET.fromstring(svg)  # noqa: S314 (our own output)
    assert boom.tag == f"{SVG}svg"
    assert boom.get("version") == "1.1"
    # Plain SVG for WeasyPrint: no scripts, no foreign objects, no CSS variables.
    assert "<script" not in svg
    assert "foreignObject" not in svg
    assert "var(--" not in svg
    titel, desc = boom.find(f"{SVG}title"), boom.find(f"{SVG}desc")
    assert titel is not None
    assert titel.text
    assert desc is not None
    assert desc.text
    assert boom.get("role") == "img"
    assert boom.get("aria-labelledby") == f"{titel.get('id')} {desc.get('id')}"
    return boom


def _staven(boom: ET.Element) -> list[ET.Element]:
    """The data bars: rectangles that carry their own <title>."""
    return [r for r in boom.iter(f"{SVG}rect") if r.find(f"{SVG}title") is not None]


def _punten(*waarden, vlaanderen=None):
    vlaanderen = vlaanderen or [None] * len(waarden)
    return [
        grafieken.TrendPunt(f"{i + 1:02d}/2025", w if not isinstance(w, str) else None,
                            w if isinstance(w, str) else "", v)
        for i, (w, v) in enumerate(zip(waarden, vlaanderen, strict=True))
    ]  # fmt: skip


def test_a_trend_has_a_bar_per_value_and_a_gap_where_there_is_none():
    punten = _punten(40.0, None, 55.5, "x", vlaanderen=[50.0, 52.0, None, 51.0])

    boom = _lees(grafieken.trend("t", punten, eenheid=Eenheid.PERCENTAGE, titel="Bereik"))

    staven = _staven(boom)
    assert [s.find(f"{SVG}title").text for s in staven] == ["01/2025: 40,0 %", "03/2025: 55,5 %"]
    desc = boom.find(f"{SVG}desc").text
    assert "02/2025: geen gegevens" in desc
    assert "04/2025: x" in desc
    # The suppressed month shows its mark; no bar of height zero stands for it.
    assert any(t.text == "x" for t in boom.iter(f"{SVG}text"))


def test_the_flanders_line_breaks_where_flanders_has_no_value():
    punten = _punten(40.0, 41.0, 42.0, 43.0, vlaanderen=[50.0, 52.0, None, 51.0])

    boom = _lees(grafieken.trend("t", punten, eenheid=Eenheid.PERCENTAGE, titel="Bereik"))

    lijnen = list(boom.iter(f"{SVG}polyline"))
    assert len(lijnen) == 1
    assert len(lijnen[0].get("points").split()) == 2
    assert len(list(boom.iter(f"{SVG}circle"))) == 3


def test_the_target_is_a_dashed_line_at_its_height():
    boom = _lees(
        grafieken.trend(
            "t", _punten(40.0, 60.0), eenheid=Eenheid.PERCENTAGE, titel="Bereik", streefcijfer=50.0
        )
    )

    gestreept = [lijn for lijn in boom.iter(f"{SVG}line") if lijn.get("stroke-dasharray")]
    doel = [lijn for lijn in gestreept if lijn.find(f"{SVG}title") is not None]
    assert len(doel) == 1
    assert doel[0].find(f"{SVG}title").text == "Streefcijfer: 50,0 %"
    # 50 % lies halfway up the plot: between the 100 % and 0 % gridlines.
    raster = sorted(
        float(lijn.get("y1"))
        for lijn in boom.iter(f"{SVG}line")
        if lijn.get("stroke") == grafieken.KLEUR_RASTER
    )
    assert float(doel[0].get("y1")) == pytest.approx((raster[0] + raster[-1]) / 2)


def test_counts_get_a_round_scale_above_the_highest():
    assert grafieken.schaal_max([3, 17, None], Eenheid.AANTAL) == 20
    assert grafieken.schaal_max([None], Eenheid.AANTAL) == 10
    assert grafieken.schaal_max([130.0], Eenheid.DAGEN) == 200
    assert grafieken.schaal_max([3.0], Eenheid.PERCENTAGE) == 100


def test_text_is_escaped():
    punten = [grafieken.TrendPunt("<b>&", 10.0)]

    svg = grafieken.trend("t", punten, eenheid=Eenheid.AANTAL, titel='Titel "<script>"')

    boom = _lees(svg)
    assert boom.find(f"{SVG}title").text == 'Titel "<script>"'


def test_bars_of_a_breakdown_with_marks_and_no_data():
    rijen = [
        grafieken.Staaf("Werk", 25.0),
        grafieken.Staaf("Onderwijs", None, "<5"),
        grafieken.Staaf("Een heel lang aanbod met een titel die niet past", None),
    ]

    boom = _lees(grafieken.staven("s", rijen, eenheid=Eenheid.PERCENTAGE, titel="Per domein"))

    assert len(list(boom.iter(f"{SVG}rect"))) == 1
    teksten = [t.text for t in boom.iter(f"{SVG}text") if t.text]
    assert "25,0 %" in teksten
    assert "<5" in teksten
    assert "geen gegevens" in teksten
    assert any(t.endswith("…") for t in teksten)


def test_the_heat_map_writes_every_value_and_its_comparison_not_only_colour():
    vakken = {
        (0, 0): grafieken.Vak("62,0 %", "beter"),
        (0, 1): grafieken.Vak("x", "afgeschermd"),
        (1, 0): grafieken.Vak("40,0 %", "slechter"),
    }

    boom = _lees(
        grafieken.warmtekaart(
            "w", ["Antwerpen", "Vlaanderen"], ["Bereik", "Uitval"], vakken, titel="Warmtekaart"
        )
    )

    teksten = [t.text for t in boom.iter(f"{SVG}text") if t.text]
    assert "62,0 % ▲" in teksten
    assert "40,0 % ▼" in teksten
    assert "x" in teksten
    # (1, 1) has no value: a dash in the cell, said in its title and in the legend.
    assert "–" in teksten
    titels = [r.find(f"{SVG}title").text for r in boom.iter(f"{SVG}rect") if len(r)]
    assert "Vlaanderen, Uitval: geen gegevens" in titels
    assert "– geen gegevens" in teksten
    assert any("beter dan het streefcijfer" in t for t in teksten)  # the legend
    assert len(titels) == 4


def test_the_heat_map_keeps_its_letters_legible_and_its_names_whole():
    namen = [f"Een lange indicatornaam nummer {k}" for k in range(16)]
    rijen = ["Transitiehuis Mechelen", *(f"Gevangenis {r}" for r in range(21)), "Vlaanderen"]
    vakken = {
        (r, k): grafieken.Vak("100,0 %", "beter") for r in range(len(rijen)) for k in range(16)
    }

    svg = grafieken.warmtekaart("w", rijen, namen, vakken, titel="Warmtekaart", totaal_laatst=True)
    boom = _lees(svg)

    # 11 px everywhere (the svg's own size), and never drawn smaller than that on a page:
    # it fills the width it gets and its frame scrolls below its own width.
    assert all(t.get("font-size") is None for t in boom.iter(f"{SVG}text"))
    assert boom.get("font-size") == "11"
    assert f"min-width:{boom.get('width')}px" in boom.get("style")
    assert "width:100%" in boom.get("style")
    # Slanted column names, whole; the total row set apart in bold.
    teksten = [t.text for t in boom.iter(f"{SVG}text")]
    assert all(naam in teksten for naam in namen[1:])
    assert any(
        t.get("font-weight") == "bold" and t.text == "Vlaanderen" for t in boom.iter(f"{SVG}text")
    )


def test_a_cell_that_is_not_compared_is_white_without_a_sign():
    vakken = {(0, 0): grafieken.Vak("12", "niet_vergeleken")}

    boom = _lees(grafieken.warmtekaart("w", ["Gent"], ["Doorverwijzingen"], vakken, titel="W"))

    vak = next(r for r in boom.iter(f"{SVG}rect") if len(r))
    assert vak.get("fill") == "#ffffff"
    assert vak.find(f"{SVG}title").text == "Gent, Doorverwijzingen: 12"
    assert any((t.text or "").startswith("niet vergeleken") for t in boom.iter(f"{SVG}text"))


def test_a_long_bar_label_is_cut_to_fit_never_clipped():
    lang = "Vlaamse Dienst voor Arbeidsbemiddeling en Beroepsopleiding"
    rijen = [grafieken.Staaf(lang, 10.0), grafieken.Staaf("CAW", 20.0)]

    boom = _lees(grafieken.staven("s", rijen, eenheid=Eenheid.PERCENTAGE, titel="T", breedte=640))

    label = next(t for t in boom.iter(f"{SVG}text") if (t.text or "").startswith("Vlaamse"))
    # Right-aligned at x: about 6.4 px a character must fit left of it.
    assert len(label.text) * 6.4 <= float(label.get("x"))
    assert label.text.endswith("…")


@pytest.mark.parametrize(
    ("waarde", "referentie", "hoger", "soort"),
    [
        (62.0, 50.0, True, "beter"),
        (52.0, 50.0, True, "gelijk"),
        (40.0, 50.0, True, "slechter"),
        (40.0, 50.0, False, "beter"),
        (None, 50.0, True, "gelijk"),
    ],
)
def test_a_value_is_compared_the_right_way_round(waarde, referentie, hoger, soort):
    assert (
        grafieken.vergelijken(waarde, referentie, eenheid=Eenheid.PERCENTAGE, hoger_is_beter=hoger)
        == soort
    )


def _legende(boom: ET.Element) -> list[tuple[float, str]]:
    """The legend's texts (the lowest row of the chart) with their x, left to right."""
    teksten = [t for t in boom.iter(f"{SVG}text") if t.text]
    onderste = max(float(t.get("y")) for t in teksten)
    return sorted((float(t.get("x")), t.text) for t in teksten if float(t.get("y")) == onderste)


def test_the_bars_are_a_prison_unless_named_otherwise():
    punten = _punten(40.0, 60.0, vlaanderen=[50.0, 52.0])

    standaard = _lees(grafieken.trend("t", punten, eenheid=Eenheid.PERCENTAGE, titel="Bereik"))

    assert [t for _x, t in _legende(standaard)] == ["gevangenis", "Vlaanderen"]


def test_a_flanders_series_is_labelled_flanders_without_a_line_of_its_own():
    boom = _lees(
        grafieken.trend(
            "t",
            _punten(40.0, 60.0),
            eenheid=Eenheid.PERCENTAGE,
            titel="Bereik",
            streefcijfer=50.0,
            label="Vlaanderen",
        )
    )

    assert [t for _x, t in _legende(boom)] == ["Vlaanderen", "streefcijfer"]
    assert not list(boom.iter(f"{SVG}polyline"))


def test_a_long_name_pushes_the_legend_on_without_overlap():
    naam = "Gekozen gevangenissen samen"
    boom = _lees(
        grafieken.trend(
            "t",
            _punten(40.0, 60.0, vlaanderen=[50.0, 52.0]),
            eenheid=Eenheid.PERCENTAGE,
            titel="Bereik",
            streefcijfer=50.0,
            label=naam,
        )
    )

    legende = _legende(boom)
    assert [t for _x, t in legende] == [naam, "Vlaanderen", "streefcijfer"]
    # Each text starts after the previous one ends (about 6.5 px a letter), within the chart.
    for (x, tekst), (volgende, _t) in itertools.pairwise(legende):
        assert volgende > x + len(tekst) * 6.5
    assert legende[-1][0] + len("streefcijfer") * 6.5 < float(boom.get("width"))
