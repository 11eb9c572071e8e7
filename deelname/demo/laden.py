"""Loading the participation of every prison, and the lines of the summary."""

from __future__ import annotations

import datetime
from collections import Counter
from typing import Any

from deelname.models import (
    LOPEND,
    Aanwezigheid,
    Afwezigheidsreden,
    Inschrijving,
    Status,
    Stopreden,
    Verontschuldiging,
)
from deelname.referentiedata import referentiedata_laden
from hdv.demo import Kern, Telregel
from hdv.models import Gevangenis, Medewerker
from trajecten.demo.medewerkers import teams
from trajecten.models import Doorverwijzing

from .groepen import groepen_laden
from .kandidaten import kandidaten_van
from .omgeving import Omgeving
from .trajecten import trajecten_laden

ONDERSTEUNER = "organisatieondersteuner"


def deelname_laden(*, kern: Kern, vandaag: datetime.date) -> list[Telregel]:
    """Enrol the people present in their prison's activities and individual offers.

    Call after the people, the offer and the files (referrals) are loaded; what already
    has enrolments is left as it is, so a second run adds nothing.
    """
    # Loaded by migrate; a database migrated in parts may lack them.
    referentiedata_laden()
    stopredenen = {reden.code: reden for reden in Stopreden.objects.all()}
    afwezigheidsredenen = {reden.code: reden for reden in Afwezigheidsreden.objects.all()}
    per_gevangenis = teams(kern)
    ondersteuner = kern.medewerkers.get(ONDERSTEUNER)
    nieuw: Counter[str] = Counter()
    for code, gevangenis in kern.gevangenissen.items():
        omgeving = Omgeving(
            gevangenis=gevangenis,
            team=per_gevangenis.get(code),
            ondersteuner=_werkt_hier(ondersteuner, gevangenis),
            kandidaten=kandidaten_van(gevangenis),
            doorverwijzingen=_aanvaarde_doorverwijzingen(gevangenis),
            stopredenen=stopredenen,
            afwezigheidsredenen=afwezigheidsredenen,
            vandaag=vandaag,
            nieuw=nieuw,
        )
        groepen_laden(omgeving)
        trajecten_laden(omgeving)
    return _telregels(nieuw)


def _werkt_hier(medewerker: Medewerker | None, gevangenis: Gevangenis) -> Any | None:
    if medewerker is None or not medewerker.gevangenissen.filter(pk=gevangenis.pk).exists():
        return None
    return medewerker.user


def _aanvaarde_doorverwijzingen(gevangenis: Gevangenis) -> dict[tuple[int, int], Doorverwijzing]:
    doorverwijzingen = Doorverwijzing.objects.filter(
        gedetineerde__huidige_gevangenis=gevangenis,
        status__in=[Doorverwijzing.Status.AANVAARD, Doorverwijzing.Status.AFGEROND],
        aanbod__isnull=False,
    ).order_by("beantwoord_op", "id")
    return {(d.gedetineerde_id, d.aanbod_id): d for d in doorverwijzingen if d.aanbod_id}


def _telregels(nieuw: Counter[str]) -> list[Telregel]:
    inschrijvingen = Inschrijving.objects.all()
    aanwezigheden = Aanwezigheid.objects.all()
    return [
        Telregel("Inschrijvingen", inschrijvingen.count(), nieuw["inschrijvingen"]),
        *(
            Telregel(f"  {status.label}", inschrijvingen.filter(status=status).count())
            for status in Status
        ),
        Telregel("  lopend", inschrijvingen.filter(status__in=LOPEND).count()),
        Telregel(
            "Stopzettingen",
            inschrijvingen.filter(status=Status.STOPGEZET).count(),
            nieuw["stopzettingen"],
        ),
        Telregel(
            "Afgerond met examen",
            inschrijvingen.filter(status=Status.AFGEROND, examen_afgelegd=True).count(),
        ),
        Telregel("Aanwezigheden", aanwezigheden.count(), nieuw["aanwezigheden"]),
        Telregel(
            "  waarvan afwezig",
            aanwezigheden.filter(status=Aanwezigheid.Status.AFWEZIG).count(),
        ),
        Telregel(
            "Verontschuldigingen",
            Verontschuldiging.objects.count(),
            nieuw["verontschuldigingen"],
        ),
    ]
