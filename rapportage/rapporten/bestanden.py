"""A stored report's files as a download: the screens and the API answer the same way."""

from __future__ import annotations

from django.http import FileResponse

from rapportage.models import Monitoringrapport, Periodesoort

SOORTEN = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def bestandsnaam(rapport: Monitoringrapport, extensie: str) -> str:
    """``monitoringrapport-2025-K1.pdf``: the period in the name, sortable."""
    if rapport.periodesoort == Periodesoort.KWARTAAL:
        periode = f"{rapport.begin.year}-K{(rapport.begin.month - 1) // 3 + 1}"
    else:
        periode = str(rapport.begin.year)
    return f"monitoringrapport-{periode}.{extensie}"


def bestand_antwoord(rapport: Monitoringrapport, soort: str) -> FileResponse | None:
    """The file as an attachment; None while the report is not finished (or has no file)."""
    if soort not in SOORTEN or rapport.status != Monitoringrapport.Status.KLAAR:
        return None
    bestand = getattr(rapport, soort)
    if not bestand or not bestand.storage.exists(bestand.name):
        return None
    return FileResponse(
        bestand.open("rb"),
        as_attachment=True,
        filename=bestandsnaam(rapport, soort),
        content_type=SOORTEN[soort],
    )
