"""The rollup job: indicator values per prison (and Flanders) per period, into Indicatorwaarde.

Dashboards and reports read these rows, never the raw facts. The job runs nightly (beat),
on demand (the task) and from ``manage.py indicatoren_berekenen``; which pairs it
recomputes is decided in ``rapportage.herberekening``.

Idempotent: each (indicator, prison, period) is computed, compared with its stored rows,
and only when they differ replaced (delete + bulk_create), in one transaction per
(indicator, period) for the prisons that changed. A rerun gives exactly the same rows and
writes nothing. Transactions per period rather than one for the run: a run takes
seconds to minutes, and a failure halfway leaves every pair either old or new, never
half; the next run starts again from the last successful one.

Two runs never overlap: a cache lock (atomic in Redis, which production has) and, for
the embedded mode where the cache is per process, a check for a run that has not
finished. A run killed without finishing blocks the next ones for at most ``SLOT_DUUR``.
"""

from __future__ import annotations

import contextlib
import datetime
import logging
import time
from collections.abc import Iterator
from typing import Any

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Min, Q
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from hdv.models import Gevangenis
from rapportage import herberekening
from rapportage.indicatoren import REGISTER
from rapportage.indicatoren.basis import Cel, Indicator, Periode
from rapportage.models import Berekening, Indicatorwaarde
from trajecten.models import Verblijf

logger = logging.getLogger(__name__)

SLOT = "rapportage:indicatoren:berekening"
SLOT_DUUR = datetime.timedelta(hours=2)

Rij = tuple[str, str, str, int | None, int | None, float | None]


class BerekeningBezig(ValidationError):
    """Another run is going on; this one did nothing."""

    def __init__(self) -> None:
        super().__init__(
            _("Er loopt al een berekening van de indicatoren. Probeer het later opnieuw.")
        )


def _niet_in_de_toekomst(periode: Periode) -> None:
    if periode.is_toekomst():
        raise ValidationError(
            {
                "periode": _(
                    "De periode %(periode)s ligt in de toekomst: daarvoor zijn nog geen "
                    "gegevens. Kies een periode die al begonnen is."
                )
                % {"periode": periode.naam}
            }
        )


def waarden_berekenen(
    *, indicator: Indicator, periode: Periode, gevangenis: Gevangenis | None
) -> list[Cel]:
    """The cells of one indicator for one prison (None: Flanders) and a period that began."""
    _niet_in_de_toekomst(periode)
    if indicator.bereken is None:
        raise ValidationError(
            {"indicator": _("Indicator %(code)s heeft geen berekening.") % {"code": indicator.code}}
        )
    return indicator.bereken(periode, gevangenis)


def laatste_berekening() -> Berekening | None:
    """The last successful run: its ``gegevens_tot`` is the time of the dashboards' data."""
    return Berekening.objects.filter(klaar__isnull=False, fout="").order_by("-gestart").first()


@contextlib.contextmanager
def _slot() -> Iterator[None]:
    if not cache.add(SLOT, "1", timeout=int(SLOT_DUUR.total_seconds())):
        raise BerekeningBezig
    try:
        if Berekening.objects.filter(
            klaar__isnull=True, gestart__gte=timezone.now() - SLOT_DUUR
        ).exists():
            raise BerekeningBezig
        yield
    finally:
        cache.delete(SLOT)


def _per_gevangenis(
    indicator: Indicator, periode: Periode, ids: set[int]
) -> dict[int | None, list[Cel]]:
    """Every asked prison's cells and Flanders', in one go when the indicator can."""
    if indicator.bereken_alle is not None:
        return indicator.bereken_alle(periode, sorted(ids), True)
    assert indicator.bereken is not None
    gevangenissen = Gevangenis.objects.in_bulk(ids)
    resultaat: dict[int | None, list[Cel]] = {
        pk: indicator.bereken(periode, gevangenissen[pk]) for pk in sorted(ids)
    }
    resultaat[None] = indicator.bereken(periode, None)
    return resultaat


def _rij(cel: Cel) -> Rij:
    return (cel.uitsplitsing, cel.sleutel, cel.label[:200], cel.teller, cel.noemer, cel.waarde)


def _opslaan(
    indicator: Indicator,
    periode: Periode,
    resultaat: dict[int | None, list[Cel]],
    berekend_op: datetime.datetime,
) -> int:
    """Replace the rows of each prison whose cells changed; the number of rows written."""
    velden = {"indicator": indicator.code, "periodesoort": periode.soort, "begin": periode.begin}
    bestaand: dict[int | None, set[Rij]] = {}
    for gevangenis_id, *rij in Indicatorwaarde.objects.filter(**velden).values_list(
        "gevangenis_id", "uitsplitsing", "sleutel", "label", "teller", "noemer", "waarde"
    ):
        bestaand.setdefault(gevangenis_id, set()).add(tuple(rij))  # type: ignore[arg-type]
    gewijzigd: dict[int | None, list[Rij]] = {}
    for waar, cellen in resultaat.items():
        rijen = [_rij(cel) for cel in cellen]
        if set(rijen) != bestaand.get(waar, set()):
            gewijzigd[waar] = rijen
    if not gewijzigd:
        return 0
    # The changed prisons of one period in one transaction: each pair is still replaced
    # whole or not at all, and a full run commits ~1,300 times instead of ~24,000 (on
    # SQLite the commits, not the queries, took three quarters of the time).
    welke = Q(gevangenis_id__in=[pk for pk in gewijzigd if pk is not None])
    if None in gewijzigd:
        welke |= Q(gevangenis__isnull=True)
    with transaction.atomic():
        Indicatorwaarde.objects.filter(welke, **velden).delete()
        Indicatorwaarde.objects.bulk_create(
            (
                Indicatorwaarde(
                    **velden,
                    gevangenis_id=gevangenis_id,
                    einde=periode.einde,
                    uitsplitsing=uitsplitsing,
                    sleutel=sleutel,
                    label=label,
                    teller=teller,
                    noemer=noemer,
                    waarde=waarde,
                    berekend_op=berekend_op,
                )
                for gevangenis_id, rijen in gewijzigd.items()
                for uitsplitsing, sleutel, label, teller, noemer, waarde in rijen
            ),
            batch_size=500,
        )
    return sum(len(rijen) for rijen in gewijzigd.values())


def _plan(
    *, volledig: bool, vanaf: datetime.date | None, vandaag: datetime.date
) -> herberekening.Plan:
    if not volledig and vanaf is None:
        vorige = laatste_berekening()
        if vorige is not None:
            return herberekening.incrementeel_plan(vorige.gegevens_tot, vandaag)
    if volledig or vanaf is None:
        vanaf = Verblijf.objects.aggregate(eerste=Min("van"))["eerste"]
        if vanaf is None:
            return herberekening.Plan()
    return herberekening.volledig_plan(vanaf, vandaag)


def indicatoren_berekenen(
    *,
    aanleiding: str,
    door: Any = None,
    volledig: bool = False,
    vanaf: datetime.date | None = None,
) -> Berekening:
    """Recompute what may have changed (or everything, or everything from ``vanaf``).

    Without a previous successful run an incremental run is a full one. Raises
    BerekeningBezig when another run is going on, ValidationError for a date in the future.
    """
    vandaag = timezone.localdate()
    if aanleiding not in Berekening.Aanleiding.values:
        raise ValidationError({"aanleiding": _("Onbekende aanleiding.")})
    if vanaf is not None and vanaf > vandaag:
        raise ValidationError(
            {"vanaf": _("Een datum in de toekomst heeft nog geen gegevens om te berekenen.")}
        )
    with _slot():
        nu = timezone.now()
        berekening = Berekening.objects.create(
            aanleiding=aanleiding,
            gestart=nu,
            gegevens_tot=nu,
            gevraagd_door=door if getattr(door, "is_authenticated", False) else None,
        )
        start = time.monotonic()
        try:
            plan = _plan(volledig=volledig, vanaf=vanaf, vandaag=vandaag)
            with translation.override(settings.LANGUAGE_CODE):
                for indicator in REGISTER.values():
                    for periode, ids in plan.voor(indicator.periodesoorten):
                        _niet_in_de_toekomst(periode)
                        resultaat = _per_gevangenis(indicator, periode, ids)
                        berekening.aantal_perioden += len(resultaat)
                        berekening.aantal_waarden += _opslaan(indicator, periode, resultaat, nu)
        except Exception as fout:
            berekening.fout = f"{type(fout).__name__}: {fout}"[:2000]
            berekening.klaar = timezone.now()
            berekening.save()
            logger.exception("Berekening van de indicatoren mislukt (%s)", berekening.pk)
            raise
        berekening.klaar = timezone.now()
        berekening.save()
    logger.info(
        "Indicatoren berekend: %s perioden, %s waarden geschreven, %.1f s",
        berekening.aantal_perioden,
        berekening.aantal_waarden,
        time.monotonic() - start,
    )
    return berekening
