"""Exams: how many who completed a course with an exam sat it, and how many of them passed.

The Court of Audit's figure (only 56 % of course participants sit the exam) is the one
to follow. Exam results are recorded when an enrolment is completed (afgerond); a stopped
enrolment has none, and counting it here would mix dropout (the uitval indicator) into
exam participation. So both figures are about completed enrolments only.
"""

from __future__ import annotations

from collections.abc import Collection

from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_lazy as _

from deelname.models import Inschrijving, Status
from rapportage.indicatoren import uitsplitsen
from rapportage.indicatoren.basis import (
    Cel,
    Eenheid,
    Indicator,
    Periode,
    berekening_alle,
    registreren,
)

_PERIODE_REGEL = _(
    "Inschrijvingen die in de periode afgerond werden (de datum van de afronding telt), in "
    "aanbod dat tot een examen leidt, in de gevangenis van de inschrijving. Stopgezette "
    "inschrijvingen tellen niet mee: die hebben geen examenresultaat (zie uitval). Een persoon "
    "die twee opleidingen afrondt, telt twee keer."
)

UITSPLITSINGEN = (
    uitsplitsen.aanbod("aanbod"),
    uitsplitsen.aanbieder("aanbod__organisatie"),
    uitsplitsen.domein("aanbod__levensdomein"),
)

registreren(
    Indicator(
        code="examendeelname",
        naam=_("Examendeelname"),
        beschrijving=_(
            "Hoeveel van wie een opleiding met examen afrondde, ook echt het examen aflegde. "
            "Een afronding zonder ingevuld examenantwoord telt als niet afgelegd: wat niet "
            "geregistreerd is, weten we niet."
        ),
        teller=_("Afgeronde inschrijvingen in aanbod met examen waarbij het examen afgelegd is"),
        noemer=_("Afgeronde inschrijvingen in aanbod met examen"),
        eenheid=Eenheid.PERCENTAGE,
        periode_regel=_PERIODE_REGEL,
        uitsplitsingen=tuple(u.code for u in UITSPLITSINGEN),
    )
)

registreren(
    Indicator(
        code="slaagpercentage",
        naam=_("Slaagpercentage"),
        beschrijving=_(
            "Hoeveel van wie het examen aflegde, ook slaagde. Een afgelegd examen zonder "
            "ingevuld resultaat telt als niet geslaagd."
        ),
        teller=_("Afgelegde examens met als resultaat geslaagd"),
        noemer=_("Afgeronde inschrijvingen in aanbod met examen waarbij het examen afgelegd is"),
        eenheid=Eenheid.PERCENTAGE,
        periode_regel=_PERIODE_REGEL,
        uitsplitsingen=tuple(u.code for u in UITSPLITSINGEN),
    )
)


def afgerond_met_examen(periode: Periode) -> QuerySet[Inschrijving]:
    """Completed in the period (the date of the step to afgerond), in an offer with an exam.

    The completion step is the enrolment's last (afgerond is terminal), so the join on
    the steps gives one row per enrolment.
    """
    return Inschrijving.objects.filter(
        aanbod__met_examen=True,
        status=Status.AFGEROND,
        stappen__naar_status=Status.AFGEROND,
        stappen__datum__range=(periode.begin, periode.einde),
    )


_TELLINGEN = {
    "afgerond": Count("pk", distinct=True),
    "afgelegd": Count("pk", filter=Q(examen_afgelegd=True), distinct=True),
    "geslaagd": Count("pk", filter=Q(examen_afgelegd=True, examen_geslaagd=True), distinct=True),
}


def _cellen(
    periode: Periode, ids: Collection[int], vlaanderen: bool, teller: str, noemer: str
) -> dict[int | None, list[Cel]]:
    # An enrolment counts in its own prison: the prisons add up to Flanders.
    qs = afgerond_met_examen(periode)
    totalen = uitsplitsen.tellen(qs, "gevangenis_id", None, ids, vlaanderen, **_TELLINGEN)
    resultaat = {
        bereik: [Cel.ratio(uitsplitsen.totaal(rijen, teller), uitsplitsen.totaal(rijen, noemer))]
        for bereik, rijen in totalen.items()
    }
    for uitsplitsing in UITSPLITSINGEN:
        per_bereik = uitsplitsen.tellen(
            qs, "gevangenis_id", uitsplitsing, ids, vlaanderen, **_TELLINGEN
        )
        for bereik, rijen in per_bereik.items():
            resultaat[bereik] += uitsplitsen.ratio_cellen(uitsplitsing, rijen, teller, noemer)
    return resultaat


@berekening_alle("examendeelname")
def examendeelname(
    periode: Periode, ids: Collection[int], vlaanderen: bool
) -> dict[int | None, list[Cel]]:
    return _cellen(periode, ids, vlaanderen, "afgelegd", "afgerond")


@berekening_alle("slaagpercentage")
def slaagpercentage(
    periode: Periode, ids: Collection[int], vlaanderen: bool
) -> dict[int | None, list[Cel]]:
    return _cellen(periode, ids, vlaanderen, "geslaagd", "afgelegd")
