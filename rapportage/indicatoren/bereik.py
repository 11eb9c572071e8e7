"""Bereik: the share of the people in prison that the offer reached.

The Court of Audit found no "systematic, overarching collection of participation figures"
and an unclear denominator for any rate. Here the denominator is everyone who spent at
least one day of the period in the prison, and the numerator those of them who took part:
present at a group session, or with an individual trajectory (a place in an individual
offer: CAW trajectbegeleiding, a CGG treatment, VDAB guidance…) running in the period.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import NamedTuple

from django.db.models import Min, Q
from django.utils.translation import gettext_lazy as _

from aanbod.models import Levensdomein, Rapportagecategorie
from deelname.models import PLAATS_BEZET, Aanwezigheid, Inschrijving, Status
from rapportage.indicatoren import populatie, tellen
from rapportage.indicatoren.basis import (
    Cel,
    Eenheid,
    Indicator,
    Periode,
    berekening_alle,
    registreren,
)
from rapportage.models import Periodesoort

registreren(
    Indicator(
        code="bereik",
        naam=_("Bereik"),
        beschrijving=_(
            "Hoeveel van de mensen die in de periode in de gevangenis verbleven, deelnamen aan "
            "het aanbod: minstens één keer aanwezig (of te laat) op een sessie van een "
            "groepsactiviteit, of met een lopend individueel traject (een plaats in "
            "individueel aanbod, zoals trajectbegeleiding of een behandeling). Per domein en "
            "per aanbodcategorie: wie via aanbod van dat domein of die categorie bereikt werd, "
            "op alle aanwezigen (wie in twee domeinen deelnam, telt in beide). Per juridisch "
            "statuut en per doelgroep: binnen die groep."
        ),
        teller=_(
            "Personen met minstens één aanwezigheid op een sessie of een lopend individueel "
            "traject in de periode, in deze gevangenis"
        ),
        noemer=_("Personen die minstens één dag van de periode in de gevangenis verbleven"),
        eenheid=Eenheid.PERCENTAGE,
        periode_regel=_(
            "Een verblijf telt als het minstens één dag van de periode overlapt, ook als het "
            "op de eerste dag eindigt of op de laatste dag begint. Een sessie telt op haar "
            "datum (geannuleerde sessies niet). Een individueel traject telt als het een "
            "plaats kreeg (ingeschreven of actief) op of voor de laatste dag van de periode en "
            "niet voor de eerste dag afgerond of stopgezet werd. In de lopende periode telt "
            "alles tot vandaag. Wie in de periode overgeplaatst werd, telt in elke gevangenis "
            "waar hij verbleef, en voor Vlaanderen één keer. Het statuut en de doelgroepen "
            "zijn die op de laatste dag van de periode."
        ),
        uitsplitsingen=("domein", "categorie", "statuut", "doelgroep"),
        periodesoorten=(
            Periodesoort.DAG,
            Periodesoort.MAAND,
            Periodesoort.KWARTAAL,
            Periodesoort.JAAR,
        ),
    )
)


class Deelname(NamedTuple):
    persoon: int
    gevangenis: int
    domein: str
    categorie: str


def _deelnames(periode: Periode, ids: Collection[int], vlaanderen: bool) -> list[Deelname]:
    """Who took part, where and in what: attendance and running individual trajectories."""
    begin, einde = periode.begin, tellen.peildatum(periode)
    aanwezigheden = tellen.binnen(
        Aanwezigheid.objects.filter(
            status__in=[Aanwezigheid.Status.AANWEZIG, Aanwezigheid.Status.TE_LAAT],
            sessie__datum__range=(begin, einde),
            sessie__annuleringsreden__isnull=True,
        ),
        "sessie__activiteit__gevangenis_id",
        ids,
        vlaanderen,
    ).values_list(
        "inschrijving__gedetineerde_id",
        "sessie__activiteit__gevangenis_id",
        "inschrijving__aanbod__levensdomein",
        "inschrijving__aanbod__rapportagecategorie__code",
    )
    trajecten = (
        tellen.binnen(
            Inschrijving.objects.filter(activiteit__isnull=True), "gevangenis_id", ids, vlaanderen
        )
        .annotate(
            geplaatst=Min("stappen__datum", filter=Q(stappen__naar_status__in=PLAATS_BEZET)),
            beeindigd=Min(
                "stappen__datum",
                filter=Q(stappen__naar_status__in=[Status.AFGEROND, Status.STOPGEZET]),
            ),
        )
        .filter(geplaatst__lte=einde)
        .filter(Q(beeindigd__isnull=True) | Q(beeindigd__gte=begin))
        .values_list(
            "gedetineerde_id",
            "gevangenis_id",
            "aanbod__levensdomein",
            "aanbod__rapportagecategorie__code",
        )
    )
    return [
        Deelname(*rij)
        for rij in {*aanwezigheden.order_by().distinct(), *trajecten.order_by().distinct()}
    ]


@berekening_alle("bereik")
def bereik(periode: Periode, ids: Collection[int], vlaanderen: bool) -> dict[int | None, list[Cel]]:
    einde = tellen.peildatum(periode)
    verblijven = populatie.verblijven_in(periode.begin, einde, ids, vlaanderen)
    aanwezig = tellen.per_gevangenis(
        verblijven.order_by().values_list("gedetineerde_id", "gevangenis_id").distinct(),
        lambda rij: rij[1],
        ids,
        vlaanderen,
    )
    deelnames = tellen.per_gevangenis(
        _deelnames(periode, ids, vlaanderen), lambda d: d.gevangenis, ids, vlaanderen
    )
    statuut = populatie.statuut_op(verblijven, einde)
    vlaggen = populatie.doelgroepen_op(verblijven, einde)
    labels = {
        "domein": {d.value: str(d.label) for d in Levensdomein},
        "categorie": dict(Rapportagecategorie.objects.values_list("code", "naam")),
        "statuut": populatie.statuutlabels(),
        "doelgroep": populatie.doelgroeplabels(),
    }
    resultaat: dict[int | None, list[Cel]] = {}
    for bereik_van, rijen in aanwezig.items():
        personen = {persoon for persoon, _gevangenis in rijen}
        # Only who was present here counts, also if an attendance was registered after
        # the stay ended (a late or wrong registration).
        bereikt = [d for d in deelnames[bereik_van] if d.persoon in personen]
        bereikte_personen = {d.persoon for d in bereikt}
        cellen = [Cel.ratio(len(bereikte_personen), len(personen))]
        for uitsplitsing, sleutel in (("domein", "domein"), ("categorie", "categorie")):
            per_sleutel = tellen.groeperen((getattr(d, sleutel), d.persoon) for d in bereikt)
            cellen += tellen.ratio_per_sleutel(
                uitsplitsing, per_sleutel, len(personen), labels[uitsplitsing]
            )
        cellen += tellen.ratio_per_sleutel(
            "statuut",
            populatie.personen_per_sleutel(bereikte_personen, statuut),
            populatie.personen_per_sleutel(personen, statuut),
            labels["statuut"],
        )
        cellen += tellen.ratio_per_sleutel(
            "doelgroep",
            tellen.groeperen((c, p) for p, c in vlaggen if p in bereikte_personen),
            tellen.groeperen((c, p) for p, c in vlaggen if p in personen),
            labels["doelgroep"],
        )
        resultaat[bereik_van] = cellen
    return resultaat
