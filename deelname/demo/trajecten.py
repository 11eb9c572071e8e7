"""Individual offers of one prison: CAW trajectbegeleiding, CGG behandeling, referrals.

Per person present, from a generator of their own: a trajectory of the prison's CAW
(about one in six) or CGG (more in an FPC), and one for every accepted referral to an
individual offer of the prison (linked to it). A trajectory is asked for, placed, active
from the first conversation, and then stops early with a reason (about half of the
ended ones, as the Court of Audit found), is completed, or still runs. A few own
requests of the last days wait for an answer. A person with any individual enrolment
in the prison is left as they are.
"""

from __future__ import annotations

import datetime
import random
from typing import Any

from django.core.exceptions import ValidationError

from aanbod.models import Aanbod, AanbodInGevangenis
from deelname.models import Bron, Inschrijving, Status
from deelname.services.inschrijvingen import (
    inschrijving_aanvragen,
    inschrijving_activeren,
    inschrijving_afronden,
    inschrijving_stopzetten,
)
from hdv.demo import ZAAD
from hdv.models import Gevangenis
from trajecten.demo.klok import klok, moment

from . import keuzes as k
from .groepen import stopreden_kiezen
from .kandidaten import Kandidaat
from .omgeving import Omgeving

WEKEN_ANDER_AANBOD = (8, 30)  # an individual offer a referral went to (VDAB, budget…)


def trajecten_laden(omgeving: Omgeving) -> None:
    aanbod = _individueel_aanbod(omgeving.gevangenis)
    if not aanbod:
        return
    met_traject = set(
        Inschrijving.objects.filter(
            gevangenis=omgeving.gevangenis, activiteit__isnull=True
        ).values_list("gedetineerde_id", flat=True)
    )
    fpc = omgeving.gevangenis.soort == Gevangenis.Soort.FPC
    for kandidaat in omgeving.kandidaten:
        if kandidaat.gedetineerde.pk in met_traject:
            continue
        nummer = kandidaat.gedetineerde.detineenummer
        # Demo data, not security: a seeded generator is the point.
        rng = random.Random(f"{ZAAD}-{nummer}-traject")  # noqa: S311
        for titel, aandeel, aandeel_fpc, weken in k.TRAJECTEN:
            trekking = rng.random()  # drawn for every offer: the same draws at every scale
            item = aanbod.get(titel)
            if item is None:
                continue
            verwijzing = omgeving.doorverwijzingen.get((kandidaat.gedetineerde.pk, item.pk))
            if verwijzing is not None or trekking < (aandeel_fpc if fpc else aandeel):
                _traject(omgeving, kandidaat, item, verwijzing, weken, rng)
        for item in aanbod.values():
            if item.titel_nl in {titel for titel, *_ in k.TRAJECTEN}:
                continue
            verwijzing = omgeving.doorverwijzingen.get((kandidaat.gedetineerde.pk, item.pk))
            if verwijzing is not None:
                _traject(omgeving, kandidaat, item, verwijzing, WEKEN_ANDER_AANBOD, rng)


def _individueel_aanbod(gevangenis: Gevangenis) -> dict[str, Aanbod]:
    beschikbaar = AanbodInGevangenis.objects.filter(
        gevangenis=gevangenis,
        tot__isnull=True,
        aanbod__vorm=Aanbod.Vorm.INDIVIDUEEL,
        aanbod__gearchiveerd_op__isnull=True,
    ).select_related("aanbod__organisatie")
    return {b.aanbod.titel_nl: b.aanbod for b in beschikbaar.order_by("aanbod__titel_nl")}


def _traject(
    omgeving: Omgeving,
    kandidaat: Kandidaat,
    aanbod: Aanbod,
    verwijzing: Any,
    weken: tuple[int, int],
    rng: random.Random,
) -> None:
    vandaag = omgeving.vandaag
    eerst = max(
        kandidaat.aanwezig_sinds + datetime.timedelta(days=2),
        vandaag - datetime.timedelta(days=k.MAXIMUM_DAGEN_GELEDEN),
    )
    if verwijzing is not None and verwijzing.beantwoord_op is not None:
        eerst = max(eerst, verwijzing.beantwoord_op.date())
    if eerst >= vandaag:
        return
    door = omgeving.medewerker_van(aanbod.organisatie.afkorting)
    open_vraag = verwijzing is None and rng.random() < k.KANS_OPEN_VRAAG
    if open_vraag:
        datum = max(eerst, vandaag - datetime.timedelta(days=rng.randint(*k.DAGEN_OPEN_VRAAG)))
        bron = Bron.EIGEN_AANVRAAG
    else:
        datum = eerst + datetime.timedelta(days=rng.randint(0, (vandaag - eerst).days - 1))
        bronnen = k.BRONNEN_TRAJECT.get(aanbod.titel_nl, k.BRONNEN_GROEP)
        bron = Bron.DOORVERWIJZING if verwijzing is not None else k.kies(rng, bronnen)
    try:
        with klok(moment(datum, rng.randint(9, 15), rng.choice((0, 15, 30, 45)))):
            inschrijving = inschrijving_aanvragen(
                gedetineerde=kandidaat.gedetineerde,
                bron=bron,
                # An own request is taken in by the organisation support, or the system.
                door=omgeving.ondersteuner if open_vraag else door,
                aanbod=aanbod,
                prioriteit=k.kies(rng, k.PRIORITEITEN),
                doorverwijzing=verwijzing,
                overschrijven=k.OVERSCHRIJVEN,
                plaatsen=not open_vraag,
            )
    except ValidationError:
        return
    omgeving.nieuw["inschrijvingen"] += 1
    if inschrijving.status != Status.INGESCHREVEN:
        return
    if rng.random() < k.KANS_STOP_VOOR_START:
        _stoppen(omgeving, inschrijving, k.dag_na(rng, datum, (3, 21)), rng, door, voor_start=True)
        return
    gestart = k.dag_na(rng, datum, k.DAGEN_TOT_EERSTE_GESPREK)
    if gestart >= vandaag:
        return
    with klok(moment(gestart, 10)):
        inschrijving_activeren(inschrijving=inschrijving, door=door, datum=gestart)
    einde = k.weken_na(rng, gestart, weken)
    kans_stop = k.KANS_TRAJECT_STOP[0] if einde < vandaag else k.KANS_TRAJECT_STOP[1]
    if rng.random() < kans_stop:
        gestopt = gestart + (min(einde, vandaag) - gestart) * rng.uniform(0.1, 0.9)
        _stoppen(omgeving, inschrijving, gestopt, rng, door)
    elif einde < vandaag:
        with klok(moment(einde, 15)):
            inschrijving_afronden(inschrijving=inschrijving, door=door)
        omgeving.nieuw["afrondingen"] += 1


def _stoppen(
    omgeving: Omgeving,
    inschrijving: Inschrijving,
    datum: datetime.date,
    rng: random.Random,
    door: Any,
    *,
    voor_start: bool = False,
) -> None:
    if datum >= omgeving.vandaag:
        return
    beslist_door: str
    if voor_start:
        code, beslist_door = "eigen-keuze", Inschrijving.BeslistDoor.DEELNEMER
        toelichting = k.STOP_VOOR_START_TOELICHTING
    else:
        code, beslist_door = stopreden_kiezen(rng)
        toelichting = rng.choice(k.STOP_TOELICHTINGEN.get(code, ("",)))
    with klok(moment(datum, 14)):
        inschrijving_stopzetten(
            inschrijving=inschrijving,
            stopreden=omgeving.stopredenen[code],
            beslist_door=beslist_door,
            door=door,
            toelichting=toelichting,
            datum=datum,
        )
    omgeving.nieuw["stopzettingen"] += 1
