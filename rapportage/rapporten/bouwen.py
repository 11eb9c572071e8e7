"""Building a monitoring report: gather → HTML → PDF → XLSX → store → notify.

``monitoringrapport_bouwen`` is what the Celery task calls. Every step writes its
progress in its own short transaction, so the page that polls sees it move. A report
never stays "bezig": any error is recorded on it (status mislukt, a readable message).
Running it twice is safe: a finished or failed report is left alone, and a run that was
interrupted (status bezig, e.g. a worker that died) starts over and replaces its files.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from hdv.audit import wijziging_vastleggen
from hdv.pdf import html_naar_pdf
from rapportage.models import Monitoringrapport
from rapportage.rapporten.bestanden import bestandsnaam
from rapportage.rapporten.inhoud import rapportinhoud_verzamelen
from rapportage.rapporten.onderdelen import Rapportinhoud
from rapportage.rapporten.xlsx import xlsx_maken

logger = logging.getLogger(__name__)

S = Monitoringrapport.Status

# The status workflow of a report, as data: waiting → building → done or failed; a
# build that was interrupted may start over.
TOEGELATEN_OVERGANGEN: dict[str, frozenset[str]] = {
    S.WACHTEND: frozenset({S.BEZIG, S.MISLUKT}),
    S.BEZIG: frozenset({S.BEZIG, S.KLAAR, S.MISLUKT}),
    S.KLAAR: frozenset(),
    S.MISLUKT: frozenset(),
}

PDF_TEMPLATE = "rapportage/rapport/monitoringrapport.html"


def pdf_context(inhoud: Rapportinhoud) -> dict[str, Any]:
    """What the report's template gets: the gathered figures, nothing else."""
    return {"inhoud": inhoud}


def _stap(rapport_id: int, voortgang: int, stap: str) -> None:
    Monitoringrapport.objects.filter(pk=rapport_id).update(voortgang=voortgang, stap=stap)


def _beginnen(rapport_id: int) -> Monitoringrapport | None:
    """Mark the report bezig; None when there is nothing (more) to do."""
    with transaction.atomic():
        rapport = Monitoringrapport.objects.select_for_update().filter(pk=rapport_id).first()
        if rapport is None or S.BEZIG not in TOEGELATEN_OVERGANGEN[rapport.status]:
            return None
        oude_bestanden = [f for f in (rapport.pdf, rapport.xlsx) if f.name]
        rapport.status = S.BEZIG
        rapport.voortgang = 0
        rapport.stap = _("Gestart")
        rapport.fout = ""
        rapport.pdf = rapport.xlsx = ""  # type: ignore[assignment]
        rapport.save(update_fields=["status", "voortgang", "stap", "fout", "pdf", "xlsx"])
    for bestand in oude_bestanden:
        # Files of an interrupted run: replaced by this one.
        bestand.storage.delete(str(bestand.name))
    return rapport


def _mislukt(rapport_id: int, stap: str, fout: BaseException) -> None:
    tekst = _(
        "Het rapport kon niet gemaakt worden (stap: %(stap)s). Vraag het opnieuw aan; "
        "lukt het weer niet, geef dan rapport %(nummer)s en deze melding aan de beheerder: "
        "%(soort)s: %(melding)s"
    ) % {
        "stap": stap,
        "nummer": rapport_id,
        "soort": type(fout).__name__,
        "melding": str(fout)[:500],
    }
    with transaction.atomic():
        rapport = Monitoringrapport.objects.select_for_update().get(pk=rapport_id)
        rapport.status = S.MISLUKT
        rapport.stap = stap
        rapport.fout = tekst
        rapport.save(update_fields=["status", "stap", "fout"])
        wijziging_vastleggen(door=None, actie="mislukt", obj=rapport, velden=["status", "fout"])


def monitoringrapport_bouwen(*, rapport_id: int) -> Monitoringrapport | None:
    """Build the report's PDF and XLSX from the rollups of its period; see the module."""
    # A worker has no request to take a language from: the report is in the site's.
    with translation.override(settings.LANGUAGE_CODE):
        return _bouwen(rapport_id)


def _bouwen(rapport_id: int) -> Monitoringrapport | None:
    rapport = _beginnen(rapport_id)
    if rapport is None:
        return Monitoringrapport.objects.filter(pk=rapport_id).first()
    stap = _("Cijfers verzamelen")
    try:
        _stap(rapport_id, 10, stap)
        inhoud = rapportinhoud_verzamelen(rapport)

        stap = _("PDF opmaken")
        _stap(rapport_id, 40, stap)
        pdf = html_naar_pdf(template=PDF_TEMPLATE, context=pdf_context(inhoud))

        stap = _("XLSX opmaken")
        _stap(rapport_id, 75, stap)
        xlsx = xlsx_maken(inhoud)

        stap = _("Bestanden bewaren")
        _stap(rapport_id, 90, stap)
        with transaction.atomic():
            rapport = Monitoringrapport.objects.select_for_update().get(pk=rapport_id)
            rapport.pdf.save(bestandsnaam(rapport, "pdf"), ContentFile(pdf), save=False)
            rapport.xlsx.save(bestandsnaam(rapport, "xlsx"), ContentFile(xlsx), save=False)
            rapport.status = S.KLAAR
            rapport.voortgang = 100
            rapport.stap = _("Klaar")
            rapport.klaar_op = timezone.now()
            rapport.gegevens_van = inhoud.gegevens_van
            rapport.save()
            wijziging_vastleggen(
                door=None,
                actie="gemaakt",
                obj=rapport,
                velden=["status", "pdf", "xlsx", "gegevens_van", "cijfers", "cijfers_van"],
            )
            _melden_na_commit(rapport.pk)
    except Exception as fout:
        # Never a report stuck in "bezig": the error is on the report, the trace in the log.
        logger.exception("Monitoringrapport %s mislukt bij stap %s", rapport_id, stap)
        _mislukt(rapport_id, stap, fout)
    return Monitoringrapport.objects.filter(pk=rapport_id).first()


def _melden_na_commit(rapport_id: int) -> None:
    from rapportage.rapporten.tasks import monitoringrapport_melden

    # Robust: a mail server that is down (in the embedded mode the task runs right here)
    # must not turn a finished report into a failed one; the task retries on its own.
    transaction.on_commit(lambda: monitoringrapport_melden.delay(rapport_id), robust=True)
