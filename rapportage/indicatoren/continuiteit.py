"""Continuity after a transfer: is the help a person had picked up in the receiving prison?

A transfer counts for the receiving prison: the follow-up (an intake, an enrolment) is
that prison's work and HDV gives its trajectbegeleiders the handover task; the leaving
prison's part (ending enrolments, warning the workers) is done by HDV itself. So each
transfer is counted once, and the prisons add up to Flanders.

The unit is the transfer, not the person: someone moved twice in a period had two
handovers to pick up. A transfer is left out until its window has passed, so that a
period's figure does not start high (only the quick follow-ups) and then fall.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection
from typing import Any

from django.db.models import (
    BooleanField,
    Count,
    DateField,
    Exists,
    ExpressionWrapper,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from deelname.models import Inschrijving, Inschrijvingsstap, Status
from rapportage.indicatoren import uitsplitsen
from rapportage.indicatoren.basis import (
    Cel,
    Eenheid,
    Indicator,
    Periode,
    berekening_alle,
    registreren,
)
from trajecten.models import HdvPlan, Onthaal, Verblijf

# The window: an intake or enrolment within 30 days of the transfer (the texts
# of the definition below say 30: change them with it).
VENSTER_DAGEN = 30

registreren(
    Indicator(
        code="continuiteit_overplaatsing",
        naam=_("Continuïteit na overplaatsing"),
        beschrijving=_(
            "Van wie bij een overplaatsing hulp liep (een lopende inschrijving of een "
            "HDV-plan): bij hoeveel werd die hulp binnen 30 dagen in de nieuwe gevangenis "
            "opgenomen, met een onthaalgesprek of een nieuwe inschrijving."
        ),
        teller=_(
            "Overplaatsingen met binnen 30 dagen een afgerond onthaal of een inschrijving in "
            "de nieuwe gevangenis"
        ),
        noemer=_(
            "Overplaatsingen van personen met een lopende inschrijving (ook aangevraagd of op de "
            "wachtlijst) of een HDV-plan op de dag van de overplaatsing"
        ),
        eenheid=Eenheid.PERCENTAGE,
        periode_regel=_(
            "Overplaatsingen met hun datum in de periode, geteld in de gevangenis die de "
            "persoon ontving. Het venster loopt van de dag van de overplaatsing tot en met "
            "30 dagen erna; een overplaatsing telt pas mee als dat venster voorbij is. "
            "Een overgeslagen onthaal (bv. 'gedaan in een andere gevangenis') telt niet als "
            "opvolging. Een HDV-plan telt als het er op de dag van de overplaatsing al was."
        ),
    )
)


def _plus_venster(veld: Any) -> ExpressionWrapper:
    return ExpressionWrapper(
        veld + datetime.timedelta(days=VENSTER_DAGEN), output_field=DateField()
    )


def overplaatsingen(periode: Periode) -> QuerySet[Verblijf]:
    """Stays ended in the period by a transfer whose window has passed, of people with help
    running at the transfer; annotated with the receiving prison and the follow-up."""
    vandaag = timezone.localdate()
    nieuw_verblijf = Verblijf.objects.filter(
        gedetineerde=OuterRef("gedetineerde"), van=OuterRef("tot")
    ).exclude(pk=OuterRef("pk"))
    # Running on the transfer day: requested on or before it and not ended before it (the
    # transfer itself ends it on that day, with the system's reason).
    lopende_inschrijving = Inschrijving.objects.filter(
        gedetineerde=OuterRef("gedetineerde"),
        gevangenis=OuterRef("gevangenis"),
        aangevraagd_op__date__lte=OuterRef("tot"),
    ).exclude(
        Exists(
            Inschrijvingsstap.objects.filter(
                inschrijving=OuterRef("pk"),
                naar_status__in=[Status.AFGEROND, Status.STOPGEZET],
                datum__lt=OuterRef(OuterRef("tot")),
            )
        )
    )
    plan = HdvPlan.objects.filter(
        gedetineerde=OuterRef("gedetineerde"), aangemaakt__date__lte=OuterRef("tot")
    )
    # The intake of the new stay (it begins on the transfer day).
    onthaal = Onthaal.objects.filter(
        verblijf__gedetineerde=OuterRef("gedetineerde"),
        verblijf__gevangenis=OuterRef("naar_gevangenis"),
        verblijf__van=OuterRef("tot"),
        status=Onthaal.Status.AFGEROND,
        datum__lte=_plus_venster(OuterRef("tot")),
    )
    inschrijving = Inschrijving.objects.filter(
        gedetineerde=OuterRef("gedetineerde"),
        gevangenis=OuterRef("naar_gevangenis"),
        aangevraagd_op__date__gte=OuterRef("tot"),
        aangevraagd_op__date__lte=_plus_venster(OuterRef("tot")),
    )
    qs = (
        Verblijf.objects.filter(
            eindreden=Verblijf.Eindreden.OVERPLAATSING,
            tot__range=(periode.begin, periode.einde),
            tot__lt=vandaag - datetime.timedelta(days=VENSTER_DAGEN),
        )
        .annotate(naar_gevangenis=Subquery(nieuw_verblijf.values("gevangenis")[:1]))
        .filter(naar_gevangenis__isnull=False)
        .filter(Exists(lopende_inschrijving) | Exists(plan))
        .annotate(
            opgevolgd=ExpressionWrapper(Exists(onthaal) | Exists(inschrijving), BooleanField())
        )
    )
    return qs


@berekening_alle("continuiteit_overplaatsing")
def continuiteit_overplaatsing(
    periode: Periode, ids: Collection[int], vlaanderen: bool
) -> dict[int | None, list[Cel]]:
    per_bereik = uitsplitsen.tellen(
        overplaatsingen(periode),
        "naar_gevangenis",
        None,
        ids,
        vlaanderen,
        teller=Count("pk", filter=Q(opgevolgd=True)),
        noemer=Count("pk"),
    )
    return {
        bereik: [
            Cel.ratio(uitsplitsen.totaal(rijen, "teller"), uitsplitsen.totaal(rijen, "noemer"))
        ]
        for bereik, rijen in per_bereik.items()
    }
