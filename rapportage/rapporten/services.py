"""Asking for a monitoring report: the period and the prisons are checked here, the
build runs after commit (``rapportage.rapporten.bouwen``).

A report is for a quarter or a year that has ended and whose figures were computed:
figures of a running period would change after the report was sent, and a report of a
period without any computed figure would be a document of empty cells.
"""

from __future__ import annotations

import datetime
import logging
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hdv.audit import wijziging_vastleggen
from hdv.models import Gevangenis
from rapportage.indicatoren import Periode
from rapportage.models import Indicatorwaarde, Monitoringrapport, Periodesoort

logger = logging.getLogger(__name__)

RAPPORT_PERIODESOORTEN = (Periodesoort.KWARTAAL, Periodesoort.JAAR)
AANVRAGEN = "rapportage.add_monitoringrapport"


def periode_van(periodesoort: str, begin: datetime.date) -> Periode:
    """The quarter or year that holds ``begin``; another kind is a field error."""
    if periodesoort not in RAPPORT_PERIODESOORTEN:
        raise ValidationError(
            {"periodesoort": _("Een monitoringrapport gaat over een kwartaal of een jaar.")}
        )
    return Periode.van(periodesoort, begin)


def periode_controleren(periode: Periode) -> None:
    """A future or running period, or one without computed figures, is a clear field error."""
    if periode.is_toekomst():
        raise ValidationError(
            {
                "begin": _("%(periode)s ligt in de toekomst: kies een periode die voorbij is.")
                % {"periode": periode.naam}
            }
        )
    if periode.is_lopend():
        raise ValidationError(
            {
                "begin": _(
                    "%(periode)s loopt nog tot %(einde)s: een rapport gaat over een "
                    "afgesloten periode."
                )
                % {"periode": periode.naam, "einde": periode.einde.strftime("%d/%m/%Y")}
            }
        )
    if not Indicatorwaarde.objects.filter(periodesoort=periode.soort, begin=periode.begin).exists():
        raise ValidationError(
            {
                "begin": _(
                    "Voor %(periode)s zijn er geen gegevens: de kernindicatoren van die "
                    "periode zijn (nog) niet berekend."
                )
                % {"periode": periode.naam}
            }
        )


def _inplannen(rapport: Monitoringrapport) -> None:
    from rapportage.rapporten.tasks import monitoringrapport_bouwen

    pk = rapport.pk
    transaction.on_commit(lambda: monitoringrapport_bouwen.delay(pk))


@transaction.atomic
def monitoringrapport_aanvragen(
    *,
    periodesoort: str,
    begin: datetime.date,
    gevangenissen: Iterable[Gevangenis],
    door: Any,
    gepland: bool = False,
    herziening: bool = False,
) -> Monitoringrapport:
    """A report of a past quarter or year for these prisons, built after commit.

    ``door`` None is the quarterly schedule (``gepland``); a user needs the permission.
    Its figures are those of the newest report of the period, if any
    (``rapportage.rapporten.momentopname``); ``herziening`` takes the latest computed ones.
    """
    if door is not None and not door.has_perm(AANVRAGEN):
        raise PermissionDenied
    fouten: dict[str, list[str]] = {}
    periode: Periode | None = None
    try:
        periode = periode_van(periodesoort, begin)
        periode_controleren(periode)
    except ValidationError as fout:
        fouten.update(fout.message_dict)
    gekozen = sorted({g.pk: g for g in gevangenissen}.values(), key=lambda g: g.naam)
    if not gekozen:
        fouten["gevangenissen"] = [_("Kies minstens één gevangenis.")]
    if fouten or periode is None:
        raise ValidationError(fouten)
    rapport = Monitoringrapport.objects.create(
        periodesoort=periode.soort,
        begin=periode.begin,
        einde=periode.einde,
        aangevraagd_door=door if getattr(door, "is_authenticated", False) else None,
        aangevraagd_op=timezone.now(),
        gepland=gepland,
        herziening=herziening,
    )
    rapport.gevangenissen.set(gekozen)
    wijziging_vastleggen(
        door=door,
        actie="aangevraagd",
        obj=rapport,
        velden=["periodesoort", "begin", "einde", "gevangenissen", "gepland", "herziening"],
    )
    _inplannen(rapport)
    return rapport


def vorig_kwartaal(vandaag: datetime.date | None = None) -> Periode:
    vandaag = vandaag or timezone.localdate()
    return Periode.van(Periodesoort.KWARTAAL, vandaag).vorige()


def kwartaalrapport_plannen(*, vandaag: datetime.date | None = None) -> Monitoringrapport | None:
    """The schedule's report of the previous quarter for every active prison, once.

    Beat may fire twice (a restart, two beat processes): the second finds the first
    report (or meets the unique constraint) and asks nothing. Without computed figures
    there is nothing to report; that is logged, not raised: the job has no one to tell.
    """
    periode = vorig_kwartaal(vandaag)
    bestaand = Monitoringrapport.objects.filter(
        gepland=True, periodesoort=periode.soort, begin=periode.begin
    ).first()
    if bestaand is not None:
        return None
    try:
        return monitoringrapport_aanvragen(
            periodesoort=periode.soort,
            begin=periode.begin,
            gevangenissen=Gevangenis.objects.filter(actief=True),
            door=None,
            gepland=True,
        )
    except IntegrityError:
        return None
    except ValidationError as fout:
        logger.warning("Geen gepland monitoringrapport voor %s: %s", periode.naam, fout.messages)
        return None
