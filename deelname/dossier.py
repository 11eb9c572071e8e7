"""deelname's section of a person's file: every enrolment, in every prison, with its
status, dates, stop reason, results and attendance rate."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, OuterRef, Q, Subquery
from django.http import HttpRequest

from deelname.models import Aanwezigheid, Inschrijving, Inschrijvingsstap, Status
from deelname.vertrouwelijkheid import mag_deelnemers_zien
from trajecten.models import Gedetineerde

AANWEZIG = [Aanwezigheid.Status.AANWEZIG, Aanwezigheid.Status.TE_LAAT]


def inschrijvingen_sectie(
    request: HttpRequest, gedetineerde: Gedetineerde, inzicht: Any
) -> dict[str, Any]:
    """The enrolment history (one query). The file itself was opened in scope; the
    history follows the person through transfers, as the stays on the same page do."""
    if not request.user.has_perm("deelname.view_inschrijving"):
        return {}
    einde = (
        Inschrijvingsstap.objects.filter(
            inschrijving=OuterRef("pk"), naar_status__in=[Status.AFGEROND, Status.STOPGEZET]
        )
        .order_by("-tijdstip", "-id")
        .values("datum")[:1]
    )
    inschrijvingen = list(
        Inschrijving.objects.filter(gedetineerde=gedetineerde)
        .select_related("aanbod__organisatie", "activiteit", "gevangenis", "stopreden")
        .annotate(
            einde=Subquery(einde),
            geregistreerd=Count("aanwezigheden"),
            aanwezig=Count("aanwezigheden", filter=Q(aanwezigheden__status__in=AANWEZIG)),
        )
        .order_by("-aangevraagd_op", "-id")
    )
    for inschrijving in inschrijvingen:
        inschrijving.aanwezigheidsgraad = (  # type: ignore[attr-defined]
            round(100 * inschrijving.aanwezig / inschrijving.geregistreerd)
            if inschrijving.geregistreerd
            else None
        )
    # Taking part in mental-health care is for the offer's organisation (and the planners):
    # others see that there is such an enrolment, not which.
    zichtbaar = [i for i in inschrijvingen if mag_deelnemers_zien(request.user, i.aanbod)]
    return {
        "toon": True,
        "inschrijvingen": zichtbaar,
        "afgeschermd": len(inschrijvingen) - len(zichtbaar),
    }
