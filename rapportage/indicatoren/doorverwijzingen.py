"""Referrals: how many were sent, how many were answered in time, how many were accepted.

A referral belongs to the prison where the person was on the day it was sent (their
stay then), not to where they are now: the file travels with the person, the figure
stays with the prison that referred. On a transfer day the new stay counts.

Timeliness needs the norm to have passed: a referral sent yesterday cannot be late yet,
and counting only the ones already answered would flatter the figure. So a period's
figure is final the day after its last referral's deadline (the period's last day plus
``HDV_DOORVERWIJZING_NORM_DAGEN``): the rollup must recompute that far back.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection
from typing import Any

from django.conf import settings
from django.db.models import (
    Count,
    DateField,
    ExpressionWrapper,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
)
from django.db.models.functions import TruncDate
from django.utils import timezone
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from rapportage.indicatoren import uitsplitsen
from rapportage.indicatoren.basis import (
    Cel,
    Eenheid,
    Indicator,
    Periode,
    berekening_alle,
    registreren,
)
from trajecten.models import Doorverwijzing, Verblijf

S = Doorverwijzing.Status

UITSPLITSINGEN = (
    uitsplitsen.domein("levensdomein"),
    uitsplitsen.aanbieder("naar_organisatie"),
)
_CODES = tuple(u.code for u in UITSPLITSINGEN)
_GEVANGENIS = _(
    "Een doorverwijzing telt in de gevangenis waar de persoon verbleef op de dag dat ze "
    "verstuurd werd. Aanbieder is de ontvangende organisatie, domein het levensdomein van de "
    "doorverwijzing."
)

registreren(
    Indicator(
        code="doorverwijzingen_verstuurd",
        naam=_("Verstuurde doorverwijzingen"),
        beschrijving=_("Hoeveel doorverwijzingen naar een organisatie of aanbod verstuurd werden."),
        teller=_("Verstuurde doorverwijzingen"),
        noemer="",
        eenheid=Eenheid.AANTAL,
        periode_regel=format_lazy(
            "{}{}",
            _(
                "Doorverwijzingen verstuurd in de periode, wat er daarna ook mee gebeurde (ook "
                "ingetrokken). Een concept telt niet. "
            ),
            _GEVANGENIS,
        ),
        uitsplitsingen=_CODES,
    )
)

registreren(
    Indicator(
        code="doorverwijzingen_tijdig",
        naam=_("Tijdig beantwoorde doorverwijzingen"),
        beschrijving=_(
            "Hoeveel verstuurde doorverwijzingen de ontvangende organisatie binnen de norm "
            "beantwoordde (aanvaard of geweigerd). De norm is een instelling "
            "(HDV_DOORVERWIJZING_NORM_DAGEN, standaard 14 dagen na het versturen)."
        ),
        teller=_("Doorverwijzingen beantwoord binnen de norm"),
        noemer=_("Verstuurde doorverwijzingen waarvan de norm verstreken is"),
        eenheid=Eenheid.PERCENTAGE,
        periode_regel=format_lazy(
            "{}{}",
            _(
                "Doorverwijzingen verstuurd in de periode waarvan de termijn voorbij is op de dag "
                "van de berekening. De termijn is de dag van versturen plus de norm (verstuurd op "
                "de 1ste, norm 14 dagen: antwoord uiterlijk de 15de). Die nog binnen de termijn "
                "vallen, tellen pas mee als hij verstreken is. Een doorverwijzing die ingetrokken "
                "werd voor ze beantwoord was en uiterlijk op de dag van de termijn, telt niet "
                "mee. "
            ),
            _GEVANGENIS,
        ),
        uitsplitsingen=_CODES,
    )
)

registreren(
    Indicator(
        code="doorverwijzingen_aanvaard",
        naam=_("Aanvaarde doorverwijzingen"),
        beschrijving=_("Hoeveel van de beantwoorde doorverwijzingen aanvaard werden."),
        teller=_("Doorverwijzingen die aanvaard werden"),
        noemer=_("Beantwoorde doorverwijzingen (aanvaard of geweigerd)"),
        eenheid=Eenheid.PERCENTAGE,
        periode_regel=format_lazy(
            "{}{}",
            _(
                "Doorverwijzingen beantwoord in de periode (de datum van het antwoord telt). Een "
                "aanvaarde doorverwijzing die later afgerond of ingetrokken werd, blijft aanvaard. "
            ),
            _GEVANGENIS,
        ),
        uitsplitsingen=_CODES,
    )
)


def _norm() -> datetime.timedelta:
    return datetime.timedelta(days=settings.HDV_DOORVERWIJZING_NORM_DAGEN)


def verstuurde() -> QuerySet[Doorverwijzing]:
    """Sent referrals, each with the prison of the person's stay on the day it was sent."""
    verblijf = Verblijf.objects.filter(
        gedetineerde=OuterRef("gedetineerde"), van__lte=OuterRef("verstuurd_datum")
    ).order_by("-van", "-pk")
    return (
        Doorverwijzing.objects.filter(verstuurd_op__isnull=False)
        # The day in Brussels (the current time zone), as the stays' dates are.
        .annotate(verstuurd_datum=TruncDate("verstuurd_op"))
        .annotate(verzonden_uit=Subquery(verblijf.values("gevangenis")[:1]))
    )


def _cellen(
    qs: QuerySet[Doorverwijzing], ids: Collection[int], vlaanderen: bool, **tellingen: Any
) -> dict[int | None, list[Cel]]:
    """A count (only ``teller``) or a rate (``teller`` and ``noemer``), total and breakdowns."""
    is_ratio = "noemer" in tellingen

    def cellen(rijen: uitsplitsen.Rijen, uitsplitsing: uitsplitsen.Uitsplitsing) -> list[Cel]:
        if is_ratio:
            return uitsplitsen.ratio_cellen(uitsplitsing, rijen)
        return uitsplitsen.aantal_cellen(uitsplitsing, rijen)

    totalen = uitsplitsen.tellen(qs, "verzonden_uit", None, ids, vlaanderen, **tellingen)
    resultaat = {
        bereik: [
            Cel.ratio(uitsplitsen.totaal(rijen, "teller"), uitsplitsen.totaal(rijen, "noemer"))
            if is_ratio
            else Cel.aantal(uitsplitsen.totaal(rijen, "teller"))
        ]
        for bereik, rijen in totalen.items()
    }
    for uitsplitsing in UITSPLITSINGEN:
        per_bereik = uitsplitsen.tellen(
            qs, "verzonden_uit", uitsplitsing, ids, vlaanderen, **tellingen
        )
        for bereik, rijen in per_bereik.items():
            resultaat[bereik] += cellen(rijen, uitsplitsing)
    return resultaat


@berekening_alle("doorverwijzingen_verstuurd")
def doorverwijzingen_verstuurd(
    periode: Periode, ids: Collection[int], vlaanderen: bool
) -> dict[int | None, list[Cel]]:
    qs = verstuurde().filter(verstuurd_op__date__range=(periode.begin, periode.einde))
    return _cellen(qs, ids, vlaanderen, teller=Count("pk"))


@berekening_alle("doorverwijzingen_tijdig")
def doorverwijzingen_tijdig(
    periode: Periode, ids: Collection[int], vlaanderen: bool
) -> dict[int | None, list[Cel]]:
    # In days, as the intake norm: sent on the 1st with a norm of 14, the answer is due on
    # the 15th at the latest, and the norm has passed from the 16th.
    norm = datetime.timedelta(days=settings.HDV_DOORVERWIJZING_NORM_DAGEN)
    termijn = ExpressionWrapper(F("verstuurd_datum") + norm, output_field=DateField())
    qs = (
        verstuurde()
        .filter(
            verstuurd_op__date__range=(periode.begin, periode.einde),
            verstuurd_op__date__lt=timezone.localdate() - norm,
        )
        .annotate(
            termijn=termijn,
            beantwoord_datum=TruncDate("beantwoord_op"),
            afgesloten_datum=TruncDate("afgesloten_op"),
        )
        .exclude(
            status=S.INGETROKKEN, beantwoord_op__isnull=True, afgesloten_datum__lte=F("termijn")
        )
    )
    return _cellen(
        qs,
        ids,
        vlaanderen,
        teller=Count("pk", filter=Q(beantwoord_datum__lte=F("termijn"))),
        noemer=Count("pk"),
    )


@berekening_alle("doorverwijzingen_aanvaard")
def doorverwijzingen_aanvaard(
    periode: Periode, ids: Collection[int], vlaanderen: bool
) -> dict[int | None, list[Cel]]:
    # Only aanvaard and geweigerd set the answer date, and geweigerd is final: an answered
    # referral that is not geweigerd was accepted (and may since be afgerond or ingetrokken).
    qs = verstuurde().filter(beantwoord_op__date__range=(periode.begin, periode.einde))
    return _cellen(
        qs, ids, vlaanderen, teller=Count("pk", filter=~Q(status=S.GEWEIGERD)), noemer=Count("pk")
    )
