"""Waiting lists: who waits, how long a place took, and who left the prison still waiting.

The Court of Audit: waiting lists differ per prison, people are released without the help
they asked for, and providers don't share waiting-list information. The history of an
enrolment's status (Inschrijvingsstap) says when it went on the list and when it left it:
with a place (wachtlijst → ingeschreven) or stopped (wachtlijst → stopgezet). A stop by
the system is the end of the person's stay there: transfer, release or another end
(deelname.gebeurtenissen).

Only the waiting list counts as waiting: a request not yet answered (aangevraagd) is not
on it. Whoever got a place without waiting is not in the median: it is the wait of those
who waited.
"""

from __future__ import annotations

import datetime
import statistics
from collections.abc import Collection
from typing import NamedTuple

from django.db.models import Min, Q
from django.utils.translation import gettext_lazy as _

from aanbod.models import Levensdomein
from deelname.models import Inschrijving, Inschrijvingsstap, Status
from rapportage.indicatoren import tellen
from rapportage.indicatoren.basis import (
    Cel,
    Eenheid,
    Indicator,
    Periode,
    berekening_alle,
    registreren,
)
from rapportage.models import Periodesoort

UITSPLITSINGEN = ("domein", "aanbieder", "aanbod")

registreren(
    Indicator(
        code="wachtlijst_wachtend",
        naam=_("Wachtenden"),
        beschrijving=_(
            "Hoeveel mensen op de laatste dag van de periode op een wachtlijst staan, voor "
            "groepsaanbod of individueel aanbod. Wie op twee wachtlijsten staat, telt één keer "
            "(per aanbod, aanbieder of domein één keer in elk)."
        ),
        teller=_("Personen met minstens één inschrijving op de wachtlijst op de peildatum"),
        noemer="",
        eenheid=Eenheid.AANTAL,
        periode_regel=_(
            "Een momentopname op de laatste dag van de periode (vandaag voor de lopende "
            "periode): op de wachtlijst gezet op of voor die dag en er nog niet af (geen plaats "
            "gekregen, niet gestopt). Een aanvraag die nog niet beantwoord is, staat niet op "
            "de wachtlijst. Voor Vlaanderen telt elke persoon één keer."
        ),
        uitsplitsingen=UITSPLITSINGEN,
        hoger_is_beter=False,
        periodesoorten=(
            Periodesoort.DAG,
            Periodesoort.MAAND,
            Periodesoort.KWARTAAL,
            Periodesoort.JAAR,
        ),
        onderdelen=("wachtlijst_mediaan_dagen", "wachtlijst_vertrokken"),
    )
)

registreren(
    Indicator(
        code="wachtlijst_mediaan_dagen",
        naam=_("Wachttijd (mediaan)"),
        beschrijving=_(
            "Hoeveel dagen wie in de periode van de wachtlijst een plaats kreeg, gewacht had: "
            "de mediaan (de helft wachtte korter, de helft langer). Wie meteen een plaats "
            "kreeg, wachtte niet en telt niet mee."
        ),
        teller=_("De mediaan van de wachttijden in dagen"),
        noemer=_("Inschrijvingen die in de periode van de wachtlijst een plaats kregen"),
        eenheid=Eenheid.DAGEN,
        periode_regel=_(
            "De dag waarop de plaats gegeven werd, ligt in de periode; de wachttijd is die dag "
            "min de dag waarop de inschrijving op de wachtlijst kwam. Elke plaatsing telt "
            "één keer, in de gevangenis van de inschrijving; voor Vlaanderen alle plaatsingen "
            "samen."
        ),
        uitsplitsingen=UITSPLITSINGEN,
        hoger_is_beter=False,
    )
)

registreren(
    Indicator(
        code="wachtlijst_vertrokken",
        naam=_("Vertrokken terwijl wachtend"),
        beschrijving=_(
            "Hoeveel mensen de gevangenis verlieten (overplaatsing, vrijlating of een ander "
            "einde van het verblijf) terwijl ze "
            "nog op een wachtlijst stonden: de hulp die ze vroegen, kregen ze hier niet."
        ),
        teller=_(
            "Personen van wie een wachtende inschrijving in de periode door hun vertrek eindigde"
        ),
        noemer="",
        eenheid=Eenheid.AANTAL,
        periode_regel=_(
            "De dag waarop het systeem de wachtende inschrijving stopzette bij het vertrek "
            "(overplaatsing, vrijlating of een ander einde van het verblijf), ligt in de periode. Wie op twee wachtlijsten stond, telt één keer. "
            "Wie zelf afhaakte of door de begeleider van de lijst gehaald werd, telt niet."
        ),
        uitsplitsingen=UITSPLITSINGEN,
        hoger_is_beter=False,
    )
)


class Wachtende(NamedTuple):
    inschrijving: int
    persoon: int
    gevangenis: int
    domein: str
    aanbieder: str
    aanbod: str
    aanbiedernaam: str
    titel: str
    op_lijst: datetime.date
    geplaatst: datetime.date | None
    gestopt: datetime.date | None
    gestopt_door: str


def _op_de_lijst(periode: Periode, ids: Collection[int], vlaanderen: bool) -> list[Wachtende]:
    """Every enrolment that was on a waiting list on some day up to the period's end and
    did not leave it before the period began."""
    begin, einde = periode.begin, tellen.peildatum(periode)
    rijen = (
        tellen.binnen(
            # Most enrolments never waited: leave them out before grouping the steps.
            Inschrijving.objects.filter(
                pk__in=Inschrijvingsstap.objects.filter(naar_status=Status.WACHTLIJST).values(
                    "inschrijving_id"
                )
            ),
            "gevangenis_id",
            ids,
            vlaanderen,
        )
        .annotate(
            op_lijst=Min("stappen__datum", filter=Q(stappen__naar_status=Status.WACHTLIJST)),
            af=Min("stappen__datum", filter=Q(stappen__van_status=Status.WACHTLIJST)),
            geplaatst=Min(
                "stappen__datum",
                filter=Q(
                    stappen__van_status=Status.WACHTLIJST, stappen__naar_status=Status.INGESCHREVEN
                ),
            ),
            gestopt=Min(
                "stappen__datum",
                filter=Q(
                    stappen__van_status=Status.WACHTLIJST, stappen__naar_status=Status.STOPGEZET
                ),
            ),
        )
        .filter(op_lijst__lte=einde)
        .filter(Q(af__isnull=True) | Q(af__gte=begin))
        .order_by()
        .values_list(
            "pk",
            "gedetineerde_id",
            "gevangenis_id",
            "aanbod__levensdomein",
            "aanbod__organisatie__afkorting",
            "aanbod_id",
            "aanbod__organisatie__naam",
            "aanbod__titel_nl",
            "op_lijst",
            "geplaatst",
            "gestopt",
            "gestopt_door",
        )
    )
    return [
        Wachtende(pk, p, g, d, a, str(aanbod), *rest) for pk, p, g, d, a, aanbod, *rest in rijen
    ]


def _labels(rijen: list[Wachtende]) -> dict[str, dict[str, str]]:
    return {
        "domein": {d.value: str(d.label) for d in Levensdomein},
        "aanbieder": {r.aanbieder: r.aanbiedernaam for r in rijen},
        "aanbod": {r.aanbod: r.titel for r in rijen},
    }


def _personen_cellen(rijen: list[Wachtende], labels: dict[str, dict[str, str]]) -> list[Cel]:
    cellen = [Cel.aantal(len({r.persoon for r in rijen}))]
    for uitsplitsing in UITSPLITSINGEN:
        cellen += tellen.aantal_per_sleutel(
            uitsplitsing,
            tellen.groeperen((getattr(r, uitsplitsing), r.persoon) for r in rijen),
            labels[uitsplitsing],
        )
    return cellen


def _mediaan(
    rijen: list[Wachtende], uitsplitsing: str = "", sleutel: str = "", label: str = ""
) -> Cel:
    dagen = [(r.geplaatst - r.op_lijst).days for r in rijen if r.geplaatst is not None]
    waarde = round(float(statistics.median(dagen)), 1) if dagen else None
    return Cel(uitsplitsing, sleutel, label, None, len(dagen), waarde)


@berekening_alle("wachtlijst_wachtend")
def wachtlijst_wachtend(
    periode: Periode, ids: Collection[int], vlaanderen: bool
) -> dict[int | None, list[Cel]]:
    einde = tellen.peildatum(periode)
    rijen = _op_de_lijst(periode, ids, vlaanderen)
    labels = _labels(rijen)
    wachtend = [
        r
        for r in rijen
        if not (r.geplaatst and r.geplaatst <= einde) and not (r.gestopt and r.gestopt <= einde)
    ]
    return {
        waar: _personen_cellen(groep, labels)
        for waar, groep in tellen.per_gevangenis(
            wachtend, lambda r: r.gevangenis, ids, vlaanderen
        ).items()
    }


@berekening_alle("wachtlijst_mediaan_dagen")
def wachtlijst_mediaan_dagen(
    periode: Periode, ids: Collection[int], vlaanderen: bool
) -> dict[int | None, list[Cel]]:
    begin, einde = periode.begin, tellen.peildatum(periode)
    rijen = _op_de_lijst(periode, ids, vlaanderen)
    labels = _labels(rijen)
    geplaatst = [r for r in rijen if r.geplaatst is not None and begin <= r.geplaatst <= einde]
    resultaat: dict[int | None, list[Cel]] = {}
    for waar, groep in tellen.per_gevangenis(
        geplaatst, lambda r: r.gevangenis, ids, vlaanderen
    ).items():
        cellen = [_mediaan(groep)]
        for uitsplitsing in UITSPLITSINGEN:
            per_sleutel: dict[str, list[Wachtende]] = {}
            for r in groep:
                per_sleutel.setdefault(getattr(r, uitsplitsing), []).append(r)
            cellen += [
                _mediaan(per_sleutel[s], uitsplitsing, s, labels[uitsplitsing].get(s, s))
                for s in sorted(per_sleutel)
            ]
        resultaat[waar] = cellen
    return resultaat


@berekening_alle("wachtlijst_vertrokken")
def wachtlijst_vertrokken(
    periode: Periode, ids: Collection[int], vlaanderen: bool
) -> dict[int | None, list[Cel]]:
    begin, einde = periode.begin, tellen.peildatum(periode)
    rijen = _op_de_lijst(periode, ids, vlaanderen)
    labels = _labels(rijen)
    vertrokken = [
        r
        for r in rijen
        if r.gestopt is not None
        and begin <= r.gestopt <= einde
        and r.gestopt_door == Inschrijving.BeslistDoor.SYSTEEM
    ]
    return {
        waar: _personen_cellen(groep, labels)
        for waar, groep in tellen.per_gevangenis(
            vertrokken, lambda r: r.gevangenis, ids, vlaanderen
        ).items()
    }
