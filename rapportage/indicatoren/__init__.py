"""The key indicators, defined once as data (``definities``) and computed from the facts
per prison per period (one module per indicator family). ``REGISTER`` holds them all.

Importing this package imports every indicator module, so that REGISTER is complete
wherever it is read (the rollup job, the dashboards, docs/indicatoren.md).
"""

from rapportage.indicatoren import (  # noqa: F401  (each module registers its indicators)
    aanwezigheid,
    bereik,
    continuiteit,
    doorverwijzingen,
    examens,
    onthaal,
    plannen,
    uitval,
    vrijlating,
    wachtlijst,
)
from rapportage.indicatoren.basis import REGISTER, Cel, Indicator, Periode, indicator_of_fout

__all__ = ["REGISTER", "Cel", "Indicator", "Periode", "indicator_of_fout"]
