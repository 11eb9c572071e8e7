"""Attendance of group sessions, and the sessions that did not take place.

Who is expected at a session is the rule of the attendance register
(``deelname.services.aanwezigheden.ingeschrevenen``): placed in the activity on or before
the session's day and not ended before it. Here it is one query over enrolments × sessions
instead of that function's loop.

Excused absences (an advance excusal, or an absence with an acceptable reason such as
"niet opgehaald door de bewaking") stay in the denominator: the figure is the share of the
expected places that were used, which is what the prison and the providers steer on. That
a person is not to blame is the person's matter (the reason's ``aanvaardbaar``), not the
offer's.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection

from django.db.models import Count, Exists, OuterRef, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from aanbod.models import Sessie
from deelname.models import Aanwezigheid, Inschrijving, Inschrijvingsstap, Status
from rapportage.indicatoren import uitsplitsen
from rapportage.indicatoren.basis import (
    Cel,
    Eenheid,
    Indicator,
    Periode,
    berekening_alle,
    registreren,
)
from rapportage.models import Periodesoort

# Day figures too: a strike or a staff shortage shows on the day (as in the UK
# Activities service's daily statistics).
_PERIODESOORTEN = (Periodesoort.DAG, Periodesoort.MAAND, Periodesoort.KWARTAAL, Periodesoort.JAAR)

UITSPLITSINGEN = (
    uitsplitsen.domein("aanbod__levensdomein"),
    uitsplitsen.aanbieder("aanbod__organisatie"),
    uitsplitsen.categorie("aanbod__rapportagecategorie"),
)

registreren(
    Indicator(
        code="aanwezigheidsgraad",
        naam=_("Aanwezigheidsgraad"),
        beschrijving=_(
            "Hoeveel van de verwachte deelnemers van de groepssessies er echt waren (ook te "
            "laat telt als aanwezig). Verwacht is wie op de dag van de sessie een plaats had "
            "in de activiteit. Ook een verontschuldigde of aanvaardbare afwezigheid (ziek, "
            "bezoek, niet opgehaald door de bewaking) telt als niet aanwezig: het cijfer "
            "toont hoeveel van de plaatsen gebruikt werden, niet wie schuld heeft."
        ),
        teller=_("Verwachte deelnemers die aanwezig of te laat waren"),
        noemer=_("Verwachte deelnemers van de gehouden sessies"),
        eenheid=Eenheid.PERCENTAGE,
        periode_regel=_(
            "Sessies met hun datum in de periode die niet geannuleerd zijn en waarvan de "
            "aanwezigheden geregistreerd zijn (een sessie zonder registratie weten we niet of "
            "ze plaatsvond: die telt niet mee). Een deelnemer telt per sessie één keer, in de "
            "gevangenis van de activiteit. Een verwachte deelnemer zonder registratie in een "
            "geregistreerde sessie telt als niet aanwezig."
        ),
        uitsplitsingen=tuple(u.code for u in UITSPLITSINGEN),
        periodesoorten=_PERIODESOORTEN,
    )
)

registreren(
    Indicator(
        code="sessies_geannuleerd",
        naam=_("Geannuleerde sessies"),
        beschrijving=_(
            "Hoeveel sessies van groepsactiviteiten niet doorgingen, per reden (staking, "
            "personeelstekort, lokaal onbeschikbaar…)."
        ),
        teller=_("Geannuleerde sessies"),
        noemer="",
        eenheid=Eenheid.AANTAL,
        periode_regel=_(
            "Sessies met hun datum in de periode die geannuleerd zijn, in de gevangenis van de "
            "activiteit; wanneer de annulering gebeurde, speelt geen rol. In de lopende "
            "periode tellen de sessies tot vandaag: een sessie die op voorhand geannuleerd "
            "werd, telt op haar datum."
        ),
        uitsplitsingen=("reden",),
        hoger_is_beter=False,
        periodesoorten=_PERIODESOORTEN,
    )
)


def _einde(periode: Periode) -> datetime.date:
    # In the running period only what has happened: a session cancelled in advance for next
    # week has not "not taken place" yet.
    return min(periode.einde, timezone.localdate())


def gehouden(periode: Periode, sessie: str = "") -> Q:
    """The session (at path ``sessie``; "" for a Sessie itself) was held in the period: not
    cancelled, dated in it, with the attendance registered."""
    pad = f"{sessie}__" if sessie else ""
    return (
        Q(**{f"{pad}datum__range": (periode.begin, _einde(periode))})
        & Q(**{f"{pad}annuleringsreden__isnull": True})
        & Q(Exists(Aanwezigheid.objects.filter(sessie=OuterRef(sessie or "pk"))))
    )


# Who was expected on a session's day: placed on or before it (every placement goes
# through ingeschreven, actief comes after it) and not ended before it. Written as EXISTS
# over the steps rather than as "the first / last step's date" compared with the day:
# the same condition (the first placement is on or before the day exactly when some
# placement is; the last end is on or after it exactly when some end is), but the
# database can check it per pair with the steps' index, after it has narrowed the sessions
# to the period's, whatever its statistics say. The comparison of a correlated
# "first step" subquery per pair led PostgreSQL to pair every enrolment with every
# session of its activity first (seconds per query on the demo, minutes per rollup).
_EINDE = [Status.AFGEROND, Status.STOPGEZET]


def _verwacht_op(inschrijving: str, datum: str) -> Q:
    """The enrolment at path ``inschrijving`` was expected on the day at path ``datum``."""
    stappen = Inschrijvingsstap.objects.filter(inschrijving=OuterRef(inschrijving))
    return Q(
        Exists(stappen.filter(naar_status=Status.INGESCHREVEN, datum__lte=OuterRef(datum)))
    ) & (
        ~Q(Exists(stappen.filter(naar_status__in=_EINDE)))
        | Q(Exists(stappen.filter(naar_status__in=_EINDE, datum__gte=OuterRef(datum))))
    )


def verwachte_deelnames(periode: Periode) -> QuerySet[Inschrijving]:
    """Enrolments joined to the held sessions they were expected at: one row per pair.

    One ``filter()`` call, the session's own fields first, so that every condition (also
    the subqueries' references to the session) is on the same join to the sessions; count
    the pairs with ``Count("activiteit__sessies")``.
    """
    return Inschrijving.objects.filter(
        gehouden(periode, "activiteit__sessies") & _verwacht_op("pk", "activiteit__sessies__datum")
    )


def aanwezige_deelnames(periode: Periode) -> QuerySet[Aanwezigheid]:
    """The registered attendances (present or late) of expected pairs."""
    return Aanwezigheid.objects.filter(
        gehouden(periode, "sessie")
        & Q(status__in=[Aanwezigheid.Status.AANWEZIG, Aanwezigheid.Status.TE_LAAT])
        & _verwacht_op("inschrijving", "sessie__datum")
    )


def _samen(noemers: uitsplitsen.Rijen, tellers: uitsplitsen.Rijen) -> uitsplitsen.Rijen:
    return {
        sleutel: {**rij, "teller": tellers.get(sleutel, {}).get("teller", 0)}
        for sleutel, rij in noemers.items()
    }


@berekening_alle("aanwezigheidsgraad")
def aanwezigheidsgraad(
    periode: Periode, ids: Collection[int], vlaanderen: bool
) -> dict[int | None, list[Cel]]:
    # A session, and so each of its pairs, is in its activity's prison only.
    verwacht = verwachte_deelnames(periode)
    aanwezig = aanwezige_deelnames(periode)
    noemer = {"noemer": Count("activiteit__sessies")}
    van_inschrijving, van_aanwezigheid = (
        "activiteit__gevangenis_id",
        "sessie__activiteit__gevangenis_id",
    )
    noemers = uitsplitsen.tellen(verwacht, van_inschrijving, None, ids, vlaanderen, **noemer)
    tellers = uitsplitsen.tellen(
        aanwezig, van_aanwezigheid, None, ids, vlaanderen, teller=Count("pk")
    )
    resultaat = {
        bereik: [
            Cel.ratio(
                uitsplitsen.totaal(tellers[bereik], "teller"), uitsplitsen.totaal(rijen, "noemer")
            )
        ]
        for bereik, rijen in noemers.items()
    }
    for uitsplitsing in UITSPLITSINGEN:
        noemers = uitsplitsen.tellen(
            verwacht, van_inschrijving, uitsplitsing, ids, vlaanderen, **noemer
        )
        # The same breakdown seen from the attendance row: its enrolment's offer.
        tellers = uitsplitsen.tellen(
            aanwezig,
            van_aanwezigheid,
            uitsplitsing.via("inschrijving"),
            ids,
            vlaanderen,
            teller=Count("pk"),
        )
        for bereik, rijen in noemers.items():
            resultaat[bereik] += uitsplitsen.ratio_cellen(
                uitsplitsing, _samen(rijen, tellers[bereik])
            )
    return resultaat


@berekening_alle("sessies_geannuleerd")
def sessies_geannuleerd(
    periode: Periode, ids: Collection[int], vlaanderen: bool
) -> dict[int | None, list[Cel]]:
    qs = Sessie.objects.filter(
        datum__range=(periode.begin, _einde(periode)), annuleringsreden__isnull=False
    )
    reden = uitsplitsen.reden("annuleringsreden")
    per_bereik = uitsplitsen.tellen(
        qs, "activiteit__gevangenis_id", reden, ids, vlaanderen, teller=Count("pk")
    )
    return {
        bereik: [
            Cel.aantal(sum(rij["teller"] for rij in rijen.values())),
            *uitsplitsen.aantal_cellen(reden, rijen),
        ]
        for bereik, rijen in per_bereik.items()
    }
