"""Individual offers of one prison: CAW trajectbegeleiding, CGG behandeling, referrals.

Per person present, from a generator of their own: a trajectory of the prison's CAW
(about one in six) or CGG (more in an FPC), and one for every accepted referral to an
individual offer of the prison (linked to it). A trajectory is asked for, placed (or put
on the waiting list when the provider's caseload is full), active from the first
conversation, and then stops early with a reason (about half of the ended ones, as the
Court of Audit found), is completed, or still runs. A few own requests of the last days
wait for an answer. A person with any individual enrolment in the prison is left as they
are.

Who asks, when and how is drawn per person up front; what then happens is told in the
order it happened, across the prison's people (as ``groepen`` does per activity): a
place that a stop or a completion frees goes to the first who waits, and some of those
waiting give up. Each trajectory draws its course from a generator of its own, so the
story is the same on every run.
"""

from __future__ import annotations

import datetime
import heapq
import itertools
import random
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.core.exceptions import ValidationError

from aanbod.models import Aanbod, AanbodInGevangenis
from deelname.models import Bron, Inschrijving, Status
from deelname.services.inschrijvingen import (
    inschrijving_aanvragen,
    inschrijving_activeren,
    inschrijving_afronden,
    inschrijving_stopzetten,
    volgende_plaatsen,
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
    verhaal = _Verhaal(omgeving)
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
                verhaal.aanvraag_plannen(_Traject(kandidaat, item, verwijzing, weken), rng)
        for item in aanbod.values():
            if item.titel_nl in {titel for titel, *_ in k.TRAJECTEN}:
                continue
            verwijzing = omgeving.doorverwijzingen.get((kandidaat.gedetineerde.pk, item.pk))
            if verwijzing is not None:
                traject = _Traject(kandidaat, item, verwijzing, WEKEN_ANDER_AANBOD)
                verhaal.aanvraag_plannen(traject, rng)
    verhaal.vertellen()


def _individueel_aanbod(gevangenis: Gevangenis) -> dict[str, Aanbod]:
    beschikbaar = AanbodInGevangenis.objects.filter(
        gevangenis=gevangenis,
        tot__isnull=True,
        aanbod__vorm=Aanbod.Vorm.INDIVIDUEEL,
        aanbod__gearchiveerd_op__isnull=True,
    ).select_related("aanbod__organisatie")
    return {b.aanbod.titel_nl: b.aanbod for b in beschikbaar.order_by("aanbod__titel_nl")}


@dataclass
class _Traject:
    """One person's trajectory with one offer, from the request on."""

    kandidaat: Kandidaat
    aanbod: Aanbod
    verwijzing: Any
    weken: tuple[int, int]
    door: Any = None  # staff of the provider in this prison, or the system
    inschrijving: Inschrijving | None = None
    verloop: random.Random = field(init=False)  # its course, drawn as it happens

    def __post_init__(self) -> None:
        zaad = f"{ZAAD}-{self.kandidaat.gedetineerde.detineenummer}-{self.aanbod.titel_nl}"
        # Demo data, not security: a seeded generator is the point.
        self.verloop = random.Random(f"{zaad}-verloop")  # noqa: S311


class _Verhaal:
    """The individual offers of one prison, told in order through a queue of dated steps."""

    def __init__(self, omgeving: Omgeving) -> None:
        self.omgeving = omgeving
        self._rij: list[tuple[datetime.datetime, int, Callable[[], None]]] = []
        self._volgnummer = itertools.count()
        # Who waits for a place, by enrolment: placed later, their trajectory goes on.
        self._wachtend: dict[int, _Traject] = {}

    def _plannen(self, tijdstip: datetime.datetime, stap: Callable[[], None]) -> None:
        if tijdstip.date() < self.omgeving.vandaag:
            heapq.heappush(self._rij, (tijdstip, next(self._volgnummer), stap))

    def vertellen(self) -> None:
        while self._rij:
            _, _, stap = heapq.heappop(self._rij)
            stap()

    # --- who asks, when -----------------------------------------------------------------

    def aanvraag_plannen(self, traject: _Traject, rng: random.Random) -> None:
        """The request, drawn from the person's generator: the same whatever others do."""
        omgeving, kandidaat = self.omgeving, traject.kandidaat
        vandaag = omgeving.vandaag
        eerst = max(
            kandidaat.aanwezig_sinds + datetime.timedelta(days=2),
            vandaag - datetime.timedelta(days=k.MAXIMUM_DAGEN_GELEDEN),
        )
        verwijzing = traject.verwijzing
        if verwijzing is not None and verwijzing.beantwoord_op is not None:
            eerst = max(eerst, verwijzing.beantwoord_op.date())
        if eerst >= vandaag:
            return
        traject.door = omgeving.medewerker_van(traject.aanbod.organisatie.afkorting)
        open_vraag = verwijzing is None and rng.random() < k.KANS_OPEN_VRAAG
        if open_vraag:
            datum = max(eerst, vandaag - datetime.timedelta(days=rng.randint(*k.DAGEN_OPEN_VRAAG)))
            bron = Bron.EIGEN_AANVRAAG
        else:
            datum = eerst + datetime.timedelta(days=rng.randint(0, (vandaag - eerst).days - 1))
            bronnen = k.BRONNEN_TRAJECT.get(traject.aanbod.titel_nl, k.BRONNEN_GROEP)
            bron = Bron.DOORVERWIJZING if verwijzing is not None else k.kies(rng, bronnen)
        tijdstip = moment(datum, rng.randint(9, 15), rng.choice((0, 15, 30, 45)))
        prioriteit = k.kies(rng, k.PRIORITEITEN)
        self._plannen(
            tijdstip,
            lambda: self._aanvragen(traject, tijdstip, bron, prioriteit, open_vraag),
        )

    # --- the steps ----------------------------------------------------------------------

    def _aanvragen(
        self,
        traject: _Traject,
        tijdstip: datetime.datetime,
        bron: str,
        prioriteit: int,
        open_vraag: bool,
    ) -> None:
        try:
            with klok(tijdstip):
                inschrijving = inschrijving_aanvragen(
                    gedetineerde=traject.kandidaat.gedetineerde,
                    bron=bron,
                    # An own request is taken in by the organisation support, or the system.
                    door=self.omgeving.ondersteuner if open_vraag else traject.door,
                    aanbod=traject.aanbod,
                    prioriteit=prioriteit,
                    doorverwijzing=traject.verwijzing,
                    overschrijven=k.OVERSCHRIJVEN,
                    plaatsen=not open_vraag,
                )
        except ValidationError:
            return  # what the service refuses (someone changed the demo since) is skipped
        self.omgeving.nieuw["inschrijvingen"] += 1
        traject.inschrijving = inschrijving
        datum = tijdstip.date()
        if inschrijving.status == Status.INGESCHREVEN:
            self._geplaatst(traject, datum)
        elif inschrijving.status == Status.WACHTLIJST:
            self._wachtend[inschrijving.pk] = traject
            if traject.verloop.random() < k.KANS_WACHTENDE_HAAKT_AF:
                afgehaakt = k.weken_na(traject.verloop, datum, k.WEKEN_TOT_AFHAKEN)
                self._plannen(moment(afgehaakt, 11), lambda: self._afhaken(traject, afgehaakt))

    def _geplaatst(self, traject: _Traject, datum: datetime.date) -> None:
        """A place: the first conversation follows, unless the person never comes."""
        rng = traject.verloop
        if rng.random() < k.KANS_STOP_VOOR_START:
            gestopt = k.dag_na(rng, datum, (3, 21))
            self._plannen(
                moment(gestopt, 14), lambda: self._stoppen(traject, gestopt, voor_start=True)
            )
            return
        gestart = k.dag_na(rng, datum, k.DAGEN_TOT_EERSTE_GESPREK)
        self._plannen(moment(gestart, 10), lambda: self._activeren(traject, gestart))

    def _activeren(self, traject: _Traject, gestart: datetime.date) -> None:
        assert traject.inschrijving is not None
        with klok(moment(gestart, 10)):
            inschrijving_activeren(
                inschrijving=traject.inschrijving, door=traject.door, datum=gestart
            )
        rng, vandaag = traject.verloop, self.omgeving.vandaag
        einde = k.weken_na(rng, gestart, traject.weken)
        kans_stop = k.KANS_TRAJECT_STOP[0] if einde < vandaag else k.KANS_TRAJECT_STOP[1]
        if rng.random() < kans_stop:
            gestopt = gestart + (min(einde, vandaag) - gestart) * rng.uniform(0.1, 0.9)
            self._plannen(moment(gestopt, 14), lambda: self._stoppen(traject, gestopt))
        elif einde < vandaag:
            self._plannen(moment(einde, 15), lambda: self._afronden(traject, einde))

    def _stoppen(
        self, traject: _Traject, datum: datetime.date, *, voor_start: bool = False
    ) -> None:
        assert traject.inschrijving is not None
        beslist_door: str
        if voor_start:
            code, beslist_door = "eigen-keuze", Inschrijving.BeslistDoor.DEELNEMER
            toelichting = k.STOP_VOOR_START_TOELICHTING
        else:
            code, beslist_door = stopreden_kiezen(traject.verloop)
            toelichting = traject.verloop.choice(k.STOP_TOELICHTINGEN.get(code, ("",)))
        with klok(moment(datum, 14)):
            inschrijving_stopzetten(
                inschrijving=traject.inschrijving,
                stopreden=self.omgeving.stopredenen[code],
                beslist_door=beslist_door,
                door=traject.door,
                toelichting=toelichting,
                datum=datum,
            )
        self.omgeving.nieuw["stopzettingen"] += 1
        self._volgende(traject, datum)

    def _afronden(self, traject: _Traject, datum: datetime.date) -> None:
        assert traject.inschrijving is not None
        with klok(moment(datum, 15)):
            inschrijving_afronden(inschrijving=traject.inschrijving, door=traject.door)
        self.omgeving.nieuw["afrondingen"] += 1
        self._volgende(traject, datum)

    def _afhaken(self, traject: _Traject, datum: datetime.date) -> None:
        """Someone on the waiting list who no longer wants to wait (unless placed since)."""
        inschrijving = traject.inschrijving
        assert inschrijving is not None
        inschrijving.refresh_from_db(fields=["status"])
        if inschrijving.status != Status.WACHTLIJST:
            return
        with klok(moment(datum, 11)):
            inschrijving_stopzetten(
                inschrijving=inschrijving,
                stopreden=self.omgeving.stopredenen["eigen-keuze"],
                beslist_door=Inschrijving.BeslistDoor.DEELNEMER,
                door=self.omgeving.ondersteuner,
                toelichting=k.AFHAKEN_TOELICHTING,
                datum=datum,
            )
        self._wachtend.pop(inschrijving.pk, None)
        self.omgeving.nieuw["stopzettingen"] += 1

    def _volgende(self, traject: _Traject, datum: datetime.date) -> None:
        """The freed place goes to the first on the offer's waiting list, in one action."""
        try:
            with klok(moment(datum, 16, 45)):
                geplaatst = volgende_plaatsen(
                    door=traject.door, aanbod=traject.aanbod, gevangenis=self.omgeving.gevangenis
                )
        except ValidationError:
            return
        if geplaatst is None:
            return
        wachtende = self._wachtend.pop(geplaatst.pk, None)
        if wachtende is not None:
            wachtende.inschrijving = geplaatst
            self._geplaatst(wachtende, datum)
