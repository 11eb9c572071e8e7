"""The group activities of one prison: requests, places, waiting lists, stops, attendance.

Per activity, from a generator of its own, a story told in the order it happened: the
requests (most before the start, some while it runs), each placed by the service or put
on the waiting list when full; then per place its fate (a stop with a reason, a module
completed with its exam, or still going), a freed place going to the next in line in one
action; people tired of waiting; and the attendance of every past session, with now and
then an absence excused a few days ahead (a hearing, a leave permit). Each step is a
service call on its day (``klok``), so steps, history and audit agree. Cancelled
sessions (the strike day) get no register: they are not absences.
"""

from __future__ import annotations

import datetime
import functools
import heapq
import itertools
import random
from collections.abc import Callable
from typing import Any

from django.core.exceptions import ValidationError

from aanbod.models import Activiteit, Levensdomein, Sessie
from deelname.beheer import mag_aanbod_verontschuldigen
from deelname.models import Aanwezigheid, Bron, Inschrijving, Status
from deelname.services.aanwezigheden import (
    Registratie,
    aanwezigheden_registreren,
    mag_registreren,
)
from deelname.services.inschrijvingen import (
    inschrijving_aanvragen,
    inschrijving_afronden,
    inschrijving_stopzetten,
    volgende_plaatsen,
)
from deelname.services.verontschuldigingen import verontschuldiging_registreren
from hdv.demo import ZAAD
from trajecten.demo.klok import klok, moment

from . import keuzes as k
from .kandidaten import Kandidaat, blokken_van
from .omgeving import Omgeving

POPULAIRE_DOMEINEN = (Levensdomein.ONDERWIJS, Levensdomein.WERK)


def groepen_laden(omgeving: Omgeving) -> None:
    """Every running activity of the prison that has no enrolments yet.

    Who asks for what is chosen over all running activities, also those loaded before:
    the same people make the same choices, so a second run finds nothing left to do.
    """
    met_inschrijvingen = set(
        Inschrijving.objects.filter(
            gevangenis=omgeving.gevangenis, activiteit__isnull=False
        ).values_list("activiteit_id", flat=True)
    )
    activiteiten = list(
        Activiteit.objects.filter(gevangenis=omgeving.gevangenis, einddatum__gte=omgeving.vandaag)
        .select_related("aanbod", "gevangenis")
        .prefetch_related("slots", "aanbod__doelgroepen", "begeleiders__user")
        .order_by("startdatum", "aanbod__titel_nl", "naam")
    )
    # Demo data, not security: a seeded generator is the point.
    rng = random.Random(f"{ZAAD}-{omgeving.gevangenis.code}-in-trek")  # noqa: S311
    # The activities in demand take their people first; popular offers are in demand.
    activiteiten.sort(key=lambda a: (not _populair(a), rng.random()))
    in_trek = max(1, round(len(activiteiten) * k.AANDEEL_IN_TREK))
    for volgnummer, activiteit in enumerate(activiteiten):
        verhaal = _Verhaal(omgeving, activiteit, in_trek=volgnummer < in_trek)
        gekozen = verhaal.kiezen()
        if activiteit.pk not in met_inschrijvingen:
            verhaal.vertellen(gekozen)


def _populair(activiteit: Activiteit) -> bool:
    aanbod = activiteit.aanbod
    return aanbod.met_examen or aanbod.met_attest or aanbod.levensdomein in POPULAIRE_DOMEINEN


class _Verhaal:
    """One activity's participation, told in order through a queue of dated steps."""

    def __init__(self, omgeving: Omgeving, activiteit: Activiteit, *, in_trek: bool) -> None:
        self.omgeving = omgeving
        self.in_trek = in_trek
        self.activiteit = activiteit
        self.aanbod = activiteit.aanbod
        self.cursus = self.aanbod.met_examen or self.aanbod.met_attest
        # Demo data, not security: a seeded generator is the point.
        self.rng = random.Random(  # noqa: S311
            f"{ZAAD}-{omgeving.gevangenis.code}-{self.aanbod.titel_nl}-{activiteit.naam}-deelname"
        )
        begeleiders = [m.user for m in activiteit.begeleiders.all()]
        self.begeleider = begeleiders[0] if begeleiders else omgeving.ondersteuner
        self.afwezigheid: dict[int, float] = {}
        # Per enrolment that got a place: (person, placed on, ended on), as the service
        # reads them from the steps to make the register (``ingeschrevenen``).
        self.plaatsen: dict[int, tuple[int, datetime.date, datetime.date | None]] = {}
        self._rij: list[tuple[datetime.datetime, int, Callable[[], None]]] = []
        self._volgnummer = itertools.count()

    def _plannen(self, tijdstip: datetime.datetime, stap: Callable[[], None]) -> None:
        if tijdstip.date() < self.omgeving.vandaag:
            heapq.heappush(self._rij, (tijdstip, next(self._volgnummer), stap))

    def vertellen(self, gekozen: list[tuple[Kandidaat, Any]]) -> None:
        for kandidaat, verwijzing in gekozen:
            self._aanvraag_plannen(kandidaat, verwijzing)
        van = k.eerste_registratiedag(self.omgeving.vandaag)
        sessies = Sessie.objects.filter(
            activiteit=self.activiteit,
            datum__gte=van,
            datum__lt=self.omgeving.vandaag,
            annuleringsreden__isnull=True,
        ).order_by("datum", "begintijd")
        for sessie in sessies:
            sessie.activiteit = self.activiteit
            einde = moment(sessie.datum, sessie.eindtijd.hour, sessie.eindtijd.minute)
            self._plannen(einde, functools.partial(self._register, sessie))
        while self._rij:
            _, _, stap = heapq.heappop(self._rij)
            stap()

    # --- who asks ---------------------------------------------------------------------

    def kiezen(self) -> list[tuple[Kandidaat, Any]]:
        """The people who ask to join: referred ones first, then those who fit."""
        capaciteit = self.activiteit.capaciteit
        if self.in_trek:
            aantal = capaciteit + max(
                1, round(capaciteit * self.rng.uniform(*k.WACHTLIJST_IN_TREK))
            )
        else:
            aantal = max(1, round(capaciteit * self.rng.uniform(*k.VULLING_ANDERE)))
        blokken = blokken_van(self.activiteit)
        doelgroepen = [d.code for d in self.aanbod.doelgroepen.all()]
        einde = self.activiteit.einddatum
        if self.aanbod.minimale_resterende_detentie_weken:
            # The service counts those weeks from the request's day; today is the safe side.
            einde = max(
                einde,
                self.omgeving.vandaag
                + datetime.timedelta(weeks=self.aanbod.minimale_resterende_detentie_weken),
            )
        beschikbaar = [
            kandidaat
            for kandidaat in self.omgeving.kandidaten
            if kandidaat.interesses > 0
            and kandidaat.aanwezig_sinds < self.omgeving.vandaag
            and kandidaat.vrij(blokken)
        ]
        if self.aanbod.levensdomein not in k.TWEEDE_GROEP:
            # Nobody takes two groups of one course or training: staff steer a person to one.
            beschikbaar = [
                kandidaat for kandidaat in beschikbaar if self.aanbod.pk not in kandidaat.aanbod
            ]
        verwezen, passend, buiten = [], [], []
        for kandidaat in beschikbaar:
            sleutel = (kandidaat.gedetineerde.pk, self.aanbod.pk)
            if sleutel in self.omgeving.doorverwijzingen:
                verwezen.append((kandidaat, self.omgeving.doorverwijzingen[sleutel]))
            elif kandidaat.past(self.aanbod, doelgroepen, einde):
                passend.append((kandidaat, None))
            else:
                buiten.append((kandidaat, None))
        self.rng.shuffle(passend)
        self.rng.shuffle(buiten)
        # Now and then staff give a place to someone outside the profile, with a reason;
        # too few who fit leave places free rather than fill them all with those who don't.
        uitzonderingen = sum(self.rng.random() < k.KANS_BUITEN_PROFIEL for _ in range(aantal))
        gekozen = (verwezen + passend)[: aantal - uitzonderingen]
        gekozen += buiten[:uitzonderingen]
        for kandidaat, _ in gekozen:
            kandidaat.interesses -= 1
            kandidaat.boeken(blokken)
            kandidaat.aanbod.add(self.aanbod.pk)
        return gekozen

    def _aanvraag_plannen(self, kandidaat: Kandidaat, verwijzing: Any) -> None:
        rng, start, vandaag = self.rng, self.activiteit.startdatum, self.omgeving.vandaag
        vroegst = kandidaat.aanwezig_sinds + datetime.timedelta(days=1)
        if verwijzing is not None and verwijzing.beantwoord_op is not None:
            vroegst = max(vroegst, verwijzing.beantwoord_op.date())
        voor_start = max(vroegst, start - datetime.timedelta(days=28))
        if voor_start < start and rng.random() >= k.AANDEEL_LATE_AANVRAGEN:
            datum = voor_start + datetime.timedelta(
                days=rng.randint(0, (start - voor_start).days - 1)
            )
        else:
            laatst = vandaag - datetime.timedelta(days=1)
            vroegst = max(vroegst, start)
            if vroegst > laatst:
                return
            datum = vroegst + datetime.timedelta(days=rng.randint(0, (laatst - vroegst).days))
        if verwijzing is not None:
            bron, prioriteit = Bron.DOORVERWIJZING, rng.choice((1, 1, 2))
        else:
            bron, prioriteit = k.kies(rng, k.BRONNEN_GROEP), k.kies(rng, k.PRIORITEITEN)
        self.afwezigheid[kandidaat.gedetineerde.pk] = kandidaat.afwezigheid
        tijdstip = moment(datum, rng.randint(8, 16), rng.choice((0, 15, 30, 45)))
        self._plannen(
            tijdstip,
            lambda: self._aanvragen(tijdstip, kandidaat, bron, prioriteit, verwijzing),
        )

    # --- the steps ----------------------------------------------------------------------

    def _aanvragen(
        self,
        tijdstip: datetime.datetime,
        kandidaat: Kandidaat,
        bron: str,
        prioriteit: int,
        verwijzing: Any,
    ) -> None:
        via_begeleider = bron in (Bron.DOORVERWIJZING, Bron.TRAJECTBEGELEIDER)
        door = self.omgeving.trajectbegeleider if via_begeleider else self.omgeving.ondersteuner
        try:
            with klok(tijdstip):
                inschrijving = inschrijving_aanvragen(
                    gedetineerde=kandidaat.gedetineerde,
                    bron=bron,
                    door=door,
                    activiteit=self.activiteit,
                    prioriteit=prioriteit,
                    doorverwijzing=verwijzing,
                    overschrijven=k.OVERSCHRIJVEN,
                )
        except ValidationError:
            return  # what the service refuses (someone changed the demo since) is skipped
        self.omgeving.nieuw["inschrijvingen"] += 1
        if inschrijving.status == Status.INGESCHREVEN:
            self._lot(inschrijving, tijdstip.date())
        elif self.rng.random() < k.KANS_WACHTENDE_HAAKT_AF:
            datum = k.weken_na(self.rng, tijdstip.date(), k.WEKEN_TOT_AFHAKEN)
            self._plannen(moment(datum, 11), lambda: self._afhaken(inschrijving, datum))

    def _lot(self, inschrijving: Inschrijving, geplaatst: datetime.date) -> None:
        """What becomes of a place: a stop, a completed module, or it goes on."""
        self.plaatsen[inschrijving.pk] = (inschrijving.gedetineerde_id, geplaatst, None)
        keuze = self.rng.random()
        kans_stop = k.KANS_STOP_CURSUS if self.cursus else k.KANS_STOP_ANDERE
        if keuze < kans_stop:
            datum = k.weken_na(self.rng, geplaatst, k.WEKEN_TOT_STOP)
            self._plannen(moment(datum, 16), lambda: self._stoppen(inschrijving, datum))
        elif self.cursus and keuze < kans_stop + k.KANS_AFRONDING_CURSUS:
            datum = k.weken_na(self.rng, geplaatst, k.WEKEN_TOT_AFRONDING)
            self._plannen(moment(datum, 16, 30), lambda: self._afronden(inschrijving, datum))

    def _stoppen(self, inschrijving: Inschrijving, datum: datetime.date) -> None:
        code, beslist_door = stopreden_kiezen(self.rng)
        toelichting = self.rng.choice(k.STOP_TOELICHTINGEN.get(code, ("",)))
        with klok(moment(datum, 16)):
            inschrijving_stopzetten(
                inschrijving=inschrijving,
                stopreden=self.omgeving.stopredenen[code],
                beslist_door=beslist_door,
                door=self.begeleider,
                toelichting=toelichting,
                datum=datum,
            )
        self.omgeving.nieuw["stopzettingen"] += 1
        self._beeindigd(inschrijving, datum)
        self._volgende(datum)

    def _afhaken(self, inschrijving: Inschrijving, datum: datetime.date) -> None:
        """Someone on the waiting list who no longer wants to wait (unless placed since)."""
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
        self.omgeving.nieuw["stopzettingen"] += 1

    def _afronden(self, inschrijving: Inschrijving, datum: datetime.date) -> None:
        examen, geslaagd, attest = resultaat_kiezen(self.rng, self.aanbod)
        with klok(moment(datum, 16, 30)):
            inschrijving_afronden(
                inschrijving=inschrijving,
                door=self.begeleider,
                examen_afgelegd=examen,
                examen_geslaagd=geslaagd,
                attest=attest,
            )
        self.omgeving.nieuw["afrondingen"] += 1
        self._beeindigd(inschrijving, datum)
        self._volgende(datum)

    def _beeindigd(self, inschrijving: Inschrijving, datum: datetime.date) -> None:
        gedetineerde_id, geplaatst, _ = self.plaatsen[inschrijving.pk]
        self.plaatsen[inschrijving.pk] = (gedetineerde_id, geplaatst, datum)

    def _volgende(self, datum: datetime.date) -> None:
        """The freed place goes to the first on the waiting list, in one action."""
        try:
            with klok(moment(datum, 16, 45)):
                geplaatst = volgende_plaatsen(door=self.begeleider, activiteit=self.activiteit)
        except ValidationError:
            return
        if geplaatst is not None:
            self._lot(geplaatst, datum)

    def _register(self, sessie: Sessie) -> None:
        registraties = []
        for inschrijving_id, (gedetineerde_id, geplaatst, einde) in sorted(self.plaatsen.items()):
            if geplaatst > sessie.datum or (einde is not None and einde < sessie.datum):
                continue
            kans = self.afwezigheid.get(gedetineerde_id, k.AFWEZIGHEID[0])
            trekking = self.rng.random()
            if trekking < kans:
                reden = k.kies(self.rng, k.AFWEZIGHEIDSREDENEN)
                toelichting = self.rng.choice(k.TOELICHTINGEN.get(reden, ("",)))
                if reden in k.VOORAF_GEMELD and self.rng.random() < k.KANS_VERONTSCHULDIGD:
                    self._verontschuldigen(inschrijving_id, sessie, reden, toelichting)
                registraties.append(
                    Registratie(inschrijving_id, Aanwezigheid.Status.AFWEZIG, reden, toelichting)
                )
            elif trekking < kans + k.KANS_TE_LAAT:
                registraties.append(Registratie(inschrijving_id, Aanwezigheid.Status.TE_LAAT))
            else:
                registraties.append(Registratie(inschrijving_id, Aanwezigheid.Status.AANWEZIG))
        if not registraties:
            return
        # The register is kept by whoever may: the facilitator, the organisation support.
        door = next(
            (
                gebruiker
                for gebruiker in (self.begeleider, self.omgeving.ondersteuner)
                if gebruiker is not None and mag_registreren(gebruiker, sessie)
            ),
            None,
        )
        with klok(moment(sessie.datum, sessie.eindtijd.hour, sessie.eindtijd.minute)):
            aanwezigheden_registreren(sessie=sessie, registraties=registraties, door=door)
        self.omgeving.nieuw["aanwezigheden"] += len(registraties)

    def _verontschuldigen(
        self, inschrijving_id: int, sessie: Sessie, reden: str, toelichting: str
    ) -> None:
        """The absence was announced: excused a few days ahead, while the place ran."""
        _, geplaatst, einde = self.plaatsen[inschrijving_id]
        dag = sessie.datum - datetime.timedelta(days=self.rng.randint(*k.DAGEN_VOORAF))
        # Only while the place runs: placed by then, and not ending on the session's day.
        if dag < geplaatst or (einde is not None and einde <= sessie.datum):
            return
        try:
            with klok(moment(dag, self.rng.randint(9, 15))):
                verontschuldiging_registreren(
                    inschrijving=Inschrijving.objects.get(pk=inschrijving_id),
                    van=sessie.datum,
                    tot=sessie.datum,
                    reden=self.omgeving.afwezigheidsredenen[reden],
                    door=self._verontschuldiger,
                    toelichting=toelichting,
                )
        except ValidationError:
            return  # what the service refuses is left out: the absence is registered anyway
        self.omgeving.nieuw["verontschuldigingen"] += 1

    @functools.cached_property
    def _verontschuldiger(self) -> Any | None:
        """Whom the person tells: their trajectbegeleider, else the facilitator or support."""
        kandidaten = (self.omgeving.trajectbegeleider, self.begeleider, self.omgeving.ondersteuner)
        return next(
            (
                gebruiker
                for gebruiker in kandidaten
                if gebruiker is not None
                and mag_aanbod_verontschuldigen(gebruiker, self.aanbod, self.omgeving.gevangenis.pk)
            ),
            None,
        )


def stopreden_kiezen(rng: random.Random) -> tuple[str, str]:
    code, _, beslist_door = rng.choices(k.STOPREDENEN, weights=[g for _, g, _ in k.STOPREDENEN])[0]
    return code, beslist_door


def resultaat_kiezen(rng: random.Random, aanbod: Any) -> tuple[bool | None, bool | None, bool]:
    """(exam taken, passed, certificate) of a completed course."""
    if aanbod.met_examen:
        examen = rng.random() < k.KANS_EXAMEN
        geslaagd = examen and rng.random() < k.KANS_GESLAAGD
        return examen, geslaagd if examen else None, geslaagd and aanbod.met_attest
    return None, None, aanbod.met_attest and rng.random() < k.KANS_ATTEST_ZONDER_EXAMEN
