"""Rows of the route walker for the monitoring reports (screens and API).

frank (centrale medewerker) reads and asks for reports; dirk (beleidscoördinator) has
neither permission: 403. A report is a Flanders-wide document of aggregate figures, not
of one prison, so there is no other prison to get a 404 from (``vlaams``).

The walker sends no body: asking through the API without one is a 400, which still
proves the caller got past sign-in and permission.
"""

from collections.abc import Callable
from typing import Any

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from rapportage.models import Monitoringrapport, Periodesoort
from tests.routetabel import Route


@pytest.fixture
def klaar_rapport(antwerpen, settings, tmp_path):
    """A finished report of K1 2025 for Antwerpen, with (tiny) files."""
    import datetime

    settings.MEDIA_ROOT = tmp_path / "media"
    rapport = Monitoringrapport.objects.create(
        periodesoort=Periodesoort.KWARTAAL,
        begin=datetime.date(2025, 1, 1),
        einde=datetime.date(2025, 3, 31),
        status=Monitoringrapport.Status.KLAAR,
        voortgang=100,
        aangevraagd_op=timezone.now(),
        klaar_op=timezone.now(),
    )
    rapport.gevangenissen.set([antwerpen])
    rapport.pdf.save("monitoringrapport-2025-K1.pdf", ContentFile(b"%PDF-1.7 test"), save=False)
    rapport.xlsx.save("monitoringrapport-2025-K1.xlsx", ContentFile(b"PK test"), save=False)
    rapport.save()
    return rapport


def _pk(fixture: str) -> Callable[[Any], dict[str, Any]]:
    return lambda f: {"pk": f.getfixturevalue(fixture).pk}


def _lezen(**kwargs: Any) -> Route:
    return Route(mag="frank", geen_recht="dirk", vlaams=True, **kwargs)


ROUTES: dict[str, Route] = {
    "rapportage:rapporten": Route(mag="frank", geen_recht="dirk"),
    "rapportage:rapport_aanvragen": Route(mag="frank", geen_recht="eva"),
    "rapportage:rapport": _lezen(kwargs=_pk("klaar_rapport")),
    "rapportage:rapport_pdf": _lezen(kwargs=_pk("klaar_rapport")),
    "rapportage:rapport_xlsx": _lezen(kwargs=_pk("klaar_rapport")),
    "api:monitoringrapporten": Route(mag="frank", geen_recht="dirk", api=True),
    "api:monitoringrapport": _lezen(api=True, kwargs=_pk("klaar_rapport")),
    "api:monitoringrapport_pdf": _lezen(api=True, kwargs=_pk("klaar_rapport")),
    "api:monitoringrapport_xlsx": _lezen(api=True, kwargs=_pk("klaar_rapport")),
}
