"""The key indicators, defined once as data (``definities``) and computed from the facts
per prison per period (one module per indicator family). ``REGISTER`` holds them all."""

from rapportage.indicatoren.basis import REGISTER, Cel, Indicator, Periode, indicator_of_fout

__all__ = ["REGISTER", "Cel", "Indicator", "Periode", "indicator_of_fout"]
