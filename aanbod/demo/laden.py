"""Writing the demo offer through the services, idempotently.

Existing items are found by their natural keys and left alone: an offer by Dutch title
and provider, an availability by offer and prison, a room by prison and name, a closure
day by prison and date, an activity by prison, offer and name. A prison's strike day and
its single cancellations are made once: a prison that has them gets no new ones.
"""

from __future__ import annotations

import datetime
import random
from dataclasses import dataclass, field

from aanbod.models import (
    Aanbod,
    AanbodInGevangenis,
    Activiteit,
    Annuleringsreden,
    Doelgroep,
    Lokaal,
    Rapportagecategorie,
    Sessie,
    Sluitingsdag,
)
from aanbod.referentiedata import referentiedata_laden
from aanbod.services.annuleringen import sessie_annuleren, sessies_annuleren_op_dag
from aanbod.services.catalogus import aanbod_in_gevangenis_opnemen, aanbod_opslaan
from aanbod.services.lokalen import lokaal_opslaan, sluitingsdag_toevoegen
from aanbod.services.planning import SlotInvoer, activiteit_aanmaken
from hdv.demo import GEVANGENISSEN, ZAAD, GevangenisGegevens, Kern, Telregel
from hdv.models import Gevangenis, Medewerker

from .aanbodlijst import CATALOGUS
from .beschikbaarheid import Beschikbaarheid, beschikbaarheden
from .catalogus import GROEP, DemoAanbod
from .kalender import VORMINGSDAG, sluitingsdagen, stakingsdagen
from .planning import aantal_activiteiten, activiteiten_plannen, lokalen_van

MINIMUM_ACTIVITEITEN_GESCHAALD = 3
STAKING = "staking"
STAKINGSGEVANGENISSEN = ("ANT", "GEN", "HAR")
STAKING_TOELICHTING = "24-urenstaking van het penitentiair personeel"
# (reason code, explanation) of the single cancellations, taken in turn.
LOSSE_ANNULERINGEN = (
    ("begeleider-afwezig", "De lesgever is ziek."),
    ("lokaal-onbeschikbaar", "Waterschade in het lokaal."),
    ("andere", "Brandoefening in de hele gevangenis."),
    ("personeelstekort-bewaking", ""),
    ("andere", "Celinspectie op de afdeling."),
    ("begeleider-afwezig", ""),
)


@dataclass
class _Nieuw:
    aanbod: int = 0
    beschikbaarheden: int = 0
    lokalen: int = 0
    sluitingsdagen: int = 0
    activiteiten: int = 0
    annuleringen: dict[str, int] = field(default_factory=dict)


def aanbod_laden(*, kern: Kern, schaal: float, vandaag: datetime.date) -> list[Telregel]:
    """Load the offer, the rooms and the planning of every prison; ``schaal`` of the groups."""
    # Loaded by migrate; a database migrated in parts may lack them.
    referentiedata_laden()
    sessies_voor = Sessie.objects.count()
    nieuw = _Nieuw()
    per_gevangenis = {g.code: beschikbaarheden(g, vandaag) for g in GEVANGENISSEN}
    catalogus = _catalogus_aanmaken(kern, per_gevangenis, nieuw)
    werkt_in = _werkt_in(kern)
    for gegevens in GEVANGENISSEN:
        gevangenis = kern.gevangenissen[gegevens.code]
        _beschikbaarheden_aanmaken(
            kern, gevangenis, per_gevangenis[gegevens.code], catalogus, werkt_in, nieuw
        )
        lokalen = _lokalen_aanmaken(gegevens, gevangenis, nieuw)
        _sluitingsdagen_aanmaken(gegevens, gevangenis, vandaag, nieuw)
        _activiteiten_aanmaken(
            gegevens=gegevens,
            gevangenis=gevangenis,
            beschikbaar=per_gevangenis[gegevens.code],
            catalogus=catalogus,
            lokalen=lokalen,
            kern=kern,
            werkt_in=werkt_in,
            schaal=schaal,
            vandaag=vandaag,
            nieuw=nieuw,
        )
    redenen = {reden.code: reden for reden in Annuleringsreden.objects.all()}
    for gegevens in GEVANGENISSEN:
        gevangenis = kern.gevangenissen[gegevens.code]
        if gegevens.code in STAKINGSGEVANGENISSEN:
            _staking(gevangenis, redenen[STAKING], vandaag, nieuw)
        _losse_annuleringen(gegevens, gevangenis, redenen, vandaag, nieuw)
    return _telregels(nieuw, Sessie.objects.count() - sessies_voor, vandaag)


def _telregels(nieuw: _Nieuw, nieuwe_sessies: int, vandaag: datetime.date) -> list[Telregel]:
    geannuleerd = Sessie.objects.filter(annuleringsreden__isnull=False)
    return [
        Telregel("Aanbod", Aanbod.objects.count(), nieuw.aanbod),
        Telregel(
            "Aanbod in gevangenissen", AanbodInGevangenis.objects.count(), nieuw.beschikbaarheden
        ),
        Telregel("Lokalen", Lokaal.objects.count(), nieuw.lokalen),
        Telregel("Sluitingsdagen", Sluitingsdag.objects.count(), nieuw.sluitingsdagen),
        Telregel("Activiteiten", Activiteit.objects.count(), nieuw.activiteiten),
        Telregel("Sessies", Sessie.objects.count(), nieuwe_sessies),
        Telregel("  waarvan voorbij", Sessie.objects.filter(datum__lt=vandaag).count()),
        Telregel("  waarvan vanaf vandaag", Sessie.objects.filter(datum__gte=vandaag).count()),
        Telregel("Geannuleerde sessies", geannuleerd.count(), sum(nieuw.annuleringen.values())),
        Telregel(
            "  waarvan door staking",
            geannuleerd.filter(annuleringsreden__code=STAKING).count(),
            nieuw.annuleringen.get(STAKING, 0),
        ),
    ]


def _catalogus_aanmaken(
    kern: Kern, per_gevangenis: dict[str, list[Beschikbaarheid]], nieuw: _Nieuw
) -> dict[tuple[str, str], Aanbod]:
    """The catalogue items some prison has; a regional one once per regional provider."""
    nodig: list[tuple[DemoAanbod, str]] = []
    for aanbod in CATALOGUS:
        for gegevens in GEVANGENISSEN:
            paar = (aanbod, aanbod.aanbieder_in(gegevens.code))
            if paar not in nodig and any(b.aanbod is aanbod for b in per_gevangenis[gegevens.code]):
                nodig.append(paar)
    bestaand = {
        (aanbod.titel_nl, aanbod.organisatie_id): aanbod
        for aanbod in Aanbod.objects.filter(titel_nl__in={a.titel_nl for a in CATALOGUS})
    }
    categorieen = {c.code: c for c in Rapportagecategorie.objects.all()}
    doelgroepen = {d.code: d for d in Doelgroep.objects.all()}
    catalogus: dict[tuple[str, str], Aanbod] = {}
    for aanbod, afkorting in nodig:
        organisatie = kern.organisaties[afkorting]
        gevonden = bestaand.get((aanbod.titel_nl, organisatie.pk))
        if gevonden is None:
            gevonden = aanbod_opslaan(
                titel_nl=aanbod.titel_nl,
                titel_fr=aanbod.fr.titel if aanbod.fr else "",
                titel_en=aanbod.en.titel if aanbod.en else "",
                beschrijving_nl=aanbod.beschrijving_nl,
                beschrijving_fr=aanbod.fr.beschrijving if aanbod.fr else "",
                beschrijving_en=aanbod.en.beschrijving if aanbod.en else "",
                levensdomein=aanbod.levensdomein,
                organisatie=organisatie,
                vorm=aanbod.vorm,
                rapportagecategorie=categorieen[aanbod.rapportagecategorie],
                talen=list(aanbod.talen),
                duur_weken=aanbod.duur_weken,
                met_examen=aanbod.met_examen,
                met_attest=aanbod.met_attest,
                vereist_nederlandsniveau=aanbod.nederlandsniveau,
                minimale_resterende_detentie_weken=aanbod.minimale_resterende_detentie_weken,
                toelatingsvoorwaarden=aanbod.toelatingsvoorwaarden,
                doelgroepen=[doelgroepen[code] for code in aanbod.doelgroepen],
                door=None,
            )
            nieuw.aanbod += 1
        catalogus[(aanbod.titel_nl, afkorting)] = gevonden
    return catalogus


def _werkt_in(kern: Kern) -> dict[str, set[int]]:
    """The prisons (ids) where each demo account works now, as the services check it."""
    werkt_in: dict[str, set[int]] = {naam: set() for naam in kern.medewerkers}
    koppelingen = Medewerker.gevangenissen.through.objects.filter(
        medewerker__in=kern.medewerkers.values()
    ).values_list("medewerker__user__username", "gevangenis_id")
    for naam, gevangenis_id in koppelingen:
        werkt_in[naam].add(gevangenis_id)
    return werkt_in


def _collega(
    kern: Kern, werkt_in: dict[str, set[int]], naam: str | None, gevangenis: Gevangenis
) -> Medewerker | None:
    medewerker = kern.medewerkers.get(naam or "")
    return medewerker if medewerker and gevangenis.pk in werkt_in[naam or ""] else None


def _beschikbaarheden_aanmaken(
    kern: Kern,
    gevangenis: Gevangenis,
    beschikbaar: list[Beschikbaarheid],
    catalogus: dict[tuple[str, str], Aanbod],
    werkt_in: dict[str, set[int]],
    nieuw: _Nieuw,
) -> None:
    bestaand = set(
        AanbodInGevangenis.objects.filter(gevangenis=gevangenis, tot__isnull=True).values_list(
            "aanbod_id", flat=True
        )
    )
    for beschikbaarheid in beschikbaar:
        afkorting = beschikbaarheid.aanbod.aanbieder_in(gevangenis.code)
        aanbod = catalogus[(beschikbaarheid.aanbod.titel_nl, afkorting)]
        if aanbod.pk in bestaand or aanbod.gearchiveerd:
            continue
        # Demo accounts of the provider who work here are responsible for it.
        verantwoordelijken = [
            medewerker
            for naam, medewerker in kern.medewerkers.items()
            if medewerker.organisatie.afkorting == afkorting and gevangenis.pk in werkt_in[naam]
        ]
        aanbod_in_gevangenis_opnemen(
            aanbod=aanbod,
            gevangenis=gevangenis,
            sinds=beschikbaarheid.sinds,
            capaciteit=beschikbaarheid.capaciteit,
            met_wachtlijst=beschikbaarheid.aanbod.met_wachtlijst,
            verantwoordelijken=verantwoordelijken,
            door=None,
        )
        nieuw.beschikbaarheden += 1


def _lokalen_aanmaken(
    gegevens: GevangenisGegevens, gevangenis: Gevangenis, nieuw: _Nieuw
) -> dict[str, Lokaal]:
    lokalen = {lokaal.naam: lokaal for lokaal in Lokaal.objects.filter(gevangenis=gevangenis)}
    for demo in lokalen_van(gegevens):
        if demo.naam not in lokalen:
            lokalen[demo.naam] = lokaal_opslaan(
                gevangenis=gevangenis,
                naam=demo.naam,
                soort=demo.soort,
                capaciteit=demo.capaciteit,
                door=None,
            )
            nieuw.lokalen += 1
    return lokalen


def _sluitingsdagen_aanmaken(
    gegevens: GevangenisGegevens, gevangenis: Gevangenis, vandaag: datetime.date, nieuw: _Nieuw
) -> None:
    bestaand = dict(
        Sluitingsdag.objects.filter(gevangenis=gevangenis).values_list("datum", "reden")
    )
    for datum, reden in sluitingsdagen(gegevens, vandaag):
        if datum in bestaand or (reden == VORMINGSDAG and VORMINGSDAG in bestaand.values()):
            continue
        # A day that already has sessions (a later run) stays open: no hidden sessions.
        if Sessie.objects.filter(activiteit__gevangenis=gevangenis, datum=datum).exists():
            continue
        sluitingsdag_toevoegen(gevangenis=gevangenis, datum=datum, reden=reden, door=None)
        nieuw.sluitingsdagen += 1


def _activiteiten_aanmaken(
    *,
    gegevens: GevangenisGegevens,
    gevangenis: Gevangenis,
    beschikbaar: list[Beschikbaarheid],
    catalogus: dict[tuple[str, str], Aanbod],
    lokalen: dict[str, Lokaal],
    kern: Kern,
    werkt_in: dict[str, set[int]],
    schaal: float,
    vandaag: datetime.date,
    nieuw: _Nieuw,
) -> None:
    groepsaanbod = [
        (b.aanbod, b.aanbod.aanbieder_in(gegevens.code))
        for b in beschikbaar
        if b.aanbod.vorm == GROEP
    ]
    plan = activiteiten_plannen(gegevens, groepsaanbod, vandaag)
    aantal = max(MINIMUM_ACTIVITEITEN_GESCHAALD, round(aantal_activiteiten(gegevens) * schaal))
    bestaand = set(
        Activiteit.objects.filter(gevangenis=gevangenis).values_list("aanbod_id", "naam")
    )
    lopend = dict(
        AanbodInGevangenis.objects.filter(gevangenis=gevangenis, tot__isnull=True).values_list(
            "aanbod_id", "sinds"
        )
    )
    for gepland in plan[:aantal]:
        aanbod = catalogus[(gepland.aanbod.titel_nl, gepland.aanbieder)]
        lokaal = lokalen[gepland.lokaal.naam]
        if (aanbod.pk, gepland.naam) in bestaand:
            continue
        # Someone may have changed the demo since: what the service would refuse, is skipped.
        sinds = lopend.get(aanbod.pk)
        if (
            aanbod.gearchiveerd
            or sinds is None
            or sinds > gepland.einddatum
            or not lokaal.actief
            or lokaal.capaciteit < gepland.capaciteit
        ):
            continue
        begeleider = _collega(kern, werkt_in, gepland.begeleider, gevangenis)
        activiteit_aanmaken(
            aanbod=aanbod,
            gevangenis=gevangenis,
            naam=gepland.naam,
            startdatum=gepland.startdatum,
            einddatum=gepland.einddatum,
            lokaal=lokaal,
            capaciteit=gepland.capaciteit,
            minimum_deelnemers=gepland.minimum_deelnemers,
            rotatie_weken=gepland.rotatie_weken,
            slots=[
                SlotInvoer(slot.weekdag, slot.begintijd, slot.eindtijd, slot.week)
                for slot in gepland.slots
            ],
            begeleiders=[begeleider] if begeleider else [],
            door=None,
        )
        nieuw.activiteiten += 1


def _tel_annuleringen(nieuw: _Nieuw, code: str, aantal: int) -> None:
    nieuw.annuleringen[code] = nieuw.annuleringen.get(code, 0) + aantal


def _staking(
    gevangenis: Gevangenis, staking: Annuleringsreden, vandaag: datetime.date, nieuw: _Nieuw
) -> None:
    """All sessions of one past weekday cancelled together, as the planner would."""
    sessies = Sessie.objects.filter(activiteit__gevangenis=gevangenis)
    # Once the strike happened, only sessions added since (a larger scale) still follow it.
    dag: datetime.date | None = (
        sessies.filter(annuleringsreden=staking).values_list("datum", flat=True).first()
    )
    if dag is None:
        open_dagen = set(
            sessies.filter(
                annuleringsreden__isnull=True,
                datum__range=(vandaag - datetime.timedelta(days=21), vandaag),
            ).values_list("datum", flat=True)
        )
        dag = next((datum for datum in stakingsdagen(vandaag) if datum in open_dagen), None)
    if dag is None or not sessies.filter(datum=dag, annuleringsreden__isnull=True).exists():
        return
    geannuleerd = sessies_annuleren_op_dag(
        gevangenis=gevangenis,
        datum=dag,
        reden=staking,
        toelichting=STAKING_TOELICHTING,
        door=None,
        bevestigd=True,
    )
    _tel_annuleringen(nieuw, STAKING, len(geannuleerd))


def _losse_annuleringen(
    gegevens: GevangenisGegevens,
    gevangenis: Gevangenis,
    redenen: dict[str, Annuleringsreden],
    vandaag: datetime.date,
    nieuw: _Nieuw,
) -> None:
    """One to three sessions around today that did not or will not take place."""
    sessies = Sessie.objects.filter(activiteit__gevangenis=gevangenis)
    if (
        sessies.filter(annuleringsreden__isnull=False)
        .exclude(annuleringsreden__code=STAKING)
        .exists()
    ):
        return
    stakingsdag = (
        sessies.filter(annuleringsreden__code=STAKING).values_list("datum", flat=True).first()
    )
    geschikt = sessies.filter(
        annuleringsreden__isnull=True,
        datum__range=(vandaag - datetime.timedelta(weeks=3), vandaag + datetime.timedelta(weeks=2)),
    )
    if stakingsdag is not None:
        geschikt = geschikt.exclude(datum=stakingsdag)
    kandidaten = list(
        geschikt.order_by("datum", "begintijd", "activiteit__aanbod__titel_nl", "activiteit__naam")
    )
    if not kandidaten:
        return
    # Demo data, not security: a seeded generator is the point.
    rng = random.Random(f"{ZAAD}-{gegevens.code}-annuleringen")  # noqa: S311
    aantal = min(len(kandidaten), rng.randint(1, 3))
    begin = rng.randrange(len(LOSSE_ANNULERINGEN))
    for volgnummer, sessie in enumerate(rng.sample(kandidaten, aantal)):
        code, toelichting = LOSSE_ANNULERINGEN[(begin + volgnummer) % len(LOSSE_ANNULERINGEN)]
        sessie_annuleren(
            sessie=sessie, reden=redenen[code], toelichting=toelichting, door=None, bevestigd=True
        )
        _tel_annuleringen(nieuw, code, 1)
