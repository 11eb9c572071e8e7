"""The total of a choice of prisons: shown only when every part of it is shown, since
Flanders minus the chosen would otherwise give back what a hidden cell protects."""

from __future__ import annotations

import datetime

from rapportage.afscherming import (
    AFGESCHERMD,
    NIET_BEREKENBAAR,
    Cijfer,
    indicator_afschermen,
    selectie_afschermen,
)
from rapportage.indicatoren.basis import Eenheid

BEGIN = datetime.date(2025, 1, 1)


def _cijfer(gevangenis_id: int, teller: int | None, noemer: int | None, **tekens) -> Cijfer:
    waarde = round(teller * 100 / noemer, 1) if teller is not None and noemer else None
    return Cijfer(
        indicator="proef",
        gevangenis_id=gevangenis_id,
        periodesoort="kwartaal",
        begin=BEGIN,
        einde=datetime.date(2025, 3, 31),
        uitsplitsing="",
        sleutel="",
        label="",
        teller=teller,
        noemer=noemer,
        waarde=None if tekens else waarde,
        **tekens,
    )


def test_the_sum_of_shown_counts_is_shown():
    per_gevangenis = {1: _cijfer(1, 30, 40), 2: _cijfer(2, 20, 25), 3: _cijfer(3, 7, 9)}

    samen = selectie_afschermen(Eenheid.PERCENTAGE, per_gevangenis, {1, 2})

    assert samen is not None
    assert (samen.teller, samen.noemer, samen.waarde) == (50, 65, 76.9)
    assert not samen.afgeschermd
    assert samen.gevangenis_id is None
    assert (samen.indicator, samen.begin) == ("proef", BEGIN)


def test_a_hidden_part_hides_the_sum_and_the_rate_follows():
    per_gevangenis = {
        1: _cijfer(1, None, 10, teller_teken="<5", waarde_teken=AFGESCHERMD),
        2: _cijfer(2, None, 100, teller_teken=AFGESCHERMD, waarde_teken=AFGESCHERMD),
    }

    samen = selectie_afschermen(Eenheid.PERCENTAGE, per_gevangenis, {1, 2})

    assert samen is not None
    assert (samen.teller, samen.teller_teken) == (None, AFGESCHERMD)
    assert (samen.noemer, samen.noemer_teken) == (110, "")
    assert (samen.waarde, samen.waarde_teken) == (None, AFGESCHERMD)


def test_a_count_is_the_sum_of_the_chosen():
    per_gevangenis = {
        1: _cijfer(1, 12, None),
        2: _cijfer(2, 30, None),
        3: _cijfer(3, None, None, teller_teken="<5", waarde_teken="<5"),
    }

    samen = selectie_afschermen(Eenheid.AANTAL, per_gevangenis, {1, 2})
    met_klein = selectie_afschermen(Eenheid.AANTAL, per_gevangenis, {1, 3})

    assert samen is not None
    assert met_klein is not None
    assert (samen.teller, samen.waarde, samen.waarde_teken) == (42, 42, "")
    assert (met_klein.teller, met_klein.waarde_teken) == (None, AFGESCHERMD)


def test_a_median_of_several_prisons_cannot_be_computed():
    per_gevangenis = {1: _cijfer(1, None, 30), 2: _cijfer(2, None, 40)}

    samen = selectie_afschermen(Eenheid.DAGEN, per_gevangenis, {1, 2})

    assert samen is not None
    assert samen.waarde is None
    assert samen.waarde_teken == NIET_BEREKENBAAR


def test_no_chosen_prison_with_a_figure_is_geen_gegevens():
    assert selectie_afschermen(Eenheid.PERCENTAGE, {1: _cijfer(1, 3, 4)}, {2}) is None


def test_flanders_minus_the_chosen_gives_back_nothing_hidden():
    """On a table as afscherming decided it: the chosen sum reads "x" whenever it holds a
    hidden count, so Flanders minus it tells no hidden prison."""

    class R:
        def __init__(self, gevangenis_id, teller, noemer):
            self.indicator, self.gevangenis_id = "proef", gevangenis_id
            self.periodesoort, self.begin, self.einde = "kwartaal", BEGIN, BEGIN
            self.uitsplitsing = self.sleutel = self.label = ""
            self.teller, self.noemer = teller, noemer
            self.waarde = round(teller * 100 / noemer, 1)

    rijen = [R(1, 30, 40), R(2, 2, 3), R(3, 20, 25), R(None, 52, 68)]
    cijfers = indicator_afschermen(Eenheid.PERCENTAGE, rijen, drempel=5)
    per_gevangenis = {g: c for (g, _u, _s), c in cijfers.items() if g is not None}

    for ids in ({1, 3}, {1, 2}, {2, 3}):
        samen = selectie_afschermen(Eenheid.PERCENTAGE, per_gevangenis, ids)
        assert samen is not None
        verborgen = any(per_gevangenis[g].teller_teken for g in ids)
        assert (samen.teller_teken == AFGESCHERMD) == verborgen
        if not verborgen:
            assert samen.teller == sum(per_gevangenis[g].teller for g in ids)
