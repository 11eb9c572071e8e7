"""Hand-made rollups for the monitoring report's tests: no indicator job runs here.

K1 2025 and K4 2024 of Antwerpen, Gent and Flanders for two indicators: the attendance
rate (a percentage) and the cancelled sessions (a count). Gent's attendance teller of 3
is a small count: the report shows it as "<5".
"""

from __future__ import annotations

import datetime

import pytest
from django.utils import timezone

from rapportage.models import Indicatorwaarde, Periodesoort

K1_2025 = datetime.date(2025, 1, 1)
K4_2024 = datetime.date(2024, 10, 1)
BEREKEND = datetime.datetime(2025, 4, 2, 3, 0, tzinfo=datetime.UTC)


def waarde(indicator, gevangenis, begin, teller, noemer=None, **velden):
    """A rollup row; its value is teller ÷ noemer (a rate) or the teller (a count),
    unless given (a median)."""
    einde = {K1_2025: datetime.date(2025, 3, 31), K4_2024: datetime.date(2024, 12, 31)}[begin]
    if "waarde" not in velden:
        if noemer is None:
            velden["waarde"] = float(teller) if teller is not None else None
        else:
            velden["waarde"] = round(teller * 100 / noemer, 1) if noemer else None
    return Indicatorwaarde.objects.create(
        indicator=indicator,
        gevangenis=gevangenis,
        periodesoort=velden.pop("periodesoort", Periodesoort.KWARTAAL),
        begin=begin,
        einde=einde,
        teller=teller,
        noemer=noemer,
        berekend_op=velden.pop("berekend_op", BEREKEND),
        **velden,
    )


@pytest.fixture
def rapport_rollups(antwerpen, gent):
    rijen = [
        # attendance: Antwerpen 80/100, Gent 3/10 (small), Flanders 83/110
        waarde("aanwezigheidsgraad", antwerpen, K1_2025, 80, 100),
        waarde("aanwezigheidsgraad", gent, K1_2025, 3, 10),
        waarde("aanwezigheidsgraad", None, K1_2025, 83, 110),
        waarde("aanwezigheidsgraad", antwerpen, K4_2024, 70, 100),
        waarde("aanwezigheidsgraad", gent, K4_2024, 20, 40),
        waarde("aanwezigheidsgraad", None, K4_2024, 90, 140),
        # cancelled sessions: counts; Gent had none recorded in K1 (no row: geen gegevens)
        waarde("sessies_geannuleerd", antwerpen, K1_2025, 12),
        waarde("sessies_geannuleerd", None, K1_2025, 12),
    ]
    return rijen


@pytest.fixture
def rapport_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def vandaag() -> datetime.date:
    return timezone.localdate()
