"""The longer stories of a file: the plan, the referrals and the release preparation.

Each runs over weeks: the plan is agreed and reviewed, a referral is sent, answered
and closed, a checklist fills up towards the release. Every step is a service call on
its own day; a step that would fall after today has not happened yet.
"""

from __future__ import annotations

import datetime
import random
from typing import Any

from django.conf import settings

from aanbod.models import Aanbod, Levensdomein
from hdv.models import Organisatie
from trajecten.models import (
    Behoefte,
    Categorie,
    Checklistpunt,
    Doel,
    Doorverwijzing,
    Gedetineerde,
    HdvPlan,
    Plaats,
    Verblijf,
)
from trajecten.services.doorverwijzingen import (
    doorverwijzing_aanmaken,
    doorverwijzing_afronden,
    doorverwijzing_beantwoorden,
    doorverwijzing_intrekken,
    doorverwijzing_versturen,
)
from trajecten.services.plannen import (
    doel_status_wijzigen,
    doel_toevoegen,
    plan_openen,
    plan_vastleggen,
    stap_afvinken,
    stap_toevoegen,
    verwachte_vrijlating,
)
from trajecten.services.vrijlating import checklistpunt_bijwerken
from trajecten.services.vrijlating import vrijlating_voorbereiden as voorbereiding_openen

from . import teksten
from .klok import klok, moment
from .omgeving import Omgeving, toestemming_voor

L = Levensdomein
D = Doorverwijzing.Status
MAX_DOELEN = 3
# The organisation that takes up a goal, by kind: an abbreviation, or "caw"/"cgg" of the
# region, or an outside partner ("ocmw", "svk", "jh").
UITVOERDER = {
    L.ONDERWIJS: "LIGO",
    L.WERK: "vdab",
    L.WELZIJN: "caw",
    L.GEESTELIJKE_GEZONDHEID: "cgg",
    L.GEZONDHEID: "GEZOND-LEVEN",
    L.WONEN: "svk",
    L.SPORT: "SPORT-VL",
    L.CULTUUR: "BIB",
    L.JURIDISCH: "CJB",
    L.FINANCIEN: "ocmw",
}
DOELSTATUSSEN = (
    (Doel.Status.OPEN, 20),
    (Doel.Status.IN_UITVOERING, 35),
    (Doel.Status.BEREIKT, 18),
    (Doel.Status.NIET_BEREIKT, 7),
    (Doel.Status.STOPGEZET, 20),
)
DOORVERWIJZINGSTATUSSEN = (
    (D.CONCEPT, 6),
    (D.VERSTUURD, 16),
    (D.AANVAARD, 26),
    (D.GEWEIGERD, 12),
    (D.AFGEROND, 30),
    (D.INGETROKKEN, 8),
)
# Outside the prison, by life domain: the kind of partner a worker refers to.
BUITEN = {
    L.WONEN: ("svk", "ocmw"),
    L.FINANCIEN: ("ocmw",),
    L.WELZIJN: ("ocmw",),
    L.JURIDISCH: ("jh",),
    L.GEESTELIJKE_GEZONDHEID: ("tandem",),
}
CHECKLISTSTATUSSEN = (
    (Checklistpunt.Status.TE_DOEN, 35),
    (Checklistpunt.Status.BEZIG, 25),
    (Checklistpunt.Status.GEREGELD, 30),
    (Checklistpunt.Status.NIET_NODIG, 10),
)
AANDEEL_OVERDRACHT_JUSTITIEHUIS = 0.4
AANDEEL_TOESTEMMING_DOORVERWIJZING = 0.85


def _kies(rng: random.Random, gewogen: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([w for w, _ in gewogen], weights=[g for _, g in gewogen])[0]


def _uitvoerder(omgeving: Omgeving, domein: str) -> Organisatie:
    soort = UITVOERDER[L(domein)]
    if soort == "caw":
        return omgeving.organisaties[omgeving.team.caw]
    partner = omgeving.partner(soort) if soort.islower() else None
    return partner or omgeving.organisaties[soort]


def plan_maken(
    omgeving: Omgeving,
    gedetineerde: Gedetineerde,
    sinds: datetime.date,
    noden: list[str],
    rng: random.Random,
    tb: Any,
) -> HdvPlan:
    """A plan agreed a few weeks after the intake; reviewed later if time has passed."""
    opgemaakt = omgeving.dag(sinds, rng, 21, 2)
    domeinen = rng.sample(noden, min(len(noden), MAX_DOELEN))
    with klok(moment(opgemaakt, 10)):
        plan = plan_openen(gedetineerde=gedetineerde, door=tb)
        doelen = []
        for domein in domeinen:
            omschrijving, plaats, stappen = rng.choice(teksten.DOELEN[L(domein)])
            doelen.append(
                doel_toevoegen(
                    plan=plan,
                    levensdomein=domein,
                    omschrijving=omschrijving,
                    plaats=plaats,
                    door=tb,
                    organisatie=_uitvoerder(omgeving, domein),
                    stappen=stappen,
                )
            )
        plan_vastleggen(plan=plan, door=tb, aanleiding="Eerste plan, besproken met de gedetineerde")
    omgeving.nieuw["plannen"] += 1
    herzien = opgemaakt + datetime.timedelta(days=rng.randint(14, 120))
    if herzien > omgeving.vandaag:
        return plan
    with klok(moment(herzien, 11)):
        for doel in doelen:
            status = _kies(rng, DOELSTATUSSEN)
            if status in (Doel.Status.IN_UITVOERING, Doel.Status.BEREIKT):
                eerste = doel.stappen.order_by("volgorde").first()
                if eerste is not None:
                    stap_afvinken(
                        stap=eerste,
                        door=tb,
                        gedaan_op=herzien - datetime.timedelta(days=rng.randint(0, 10)),
                    )
            if status != Doel.Status.OPEN:
                doel_status_wijzigen(
                    doel=doel,
                    status=status,
                    door=tb,
                    stopreden=(
                        rng.choice(list(Doel.Stopreden.values))
                        if status == Doel.Status.STOPGEZET
                        else ""
                    ),
                )
        if rng.random() < 0.5:
            stap_toevoegen(
                doel=doelen[0],
                omschrijving="Opvolggesprek met de gedetineerde",
                door=tb,
                tegen=herzien + datetime.timedelta(days=rng.randint(14, 60)),
            )
        if rng.random() < 0.7:
            plan_vastleggen(plan=plan, door=tb, aanleiding="Herziening")
    return plan


def _bestemming(
    omgeving: Omgeving, domein: str, rng: random.Random, antwoord_nodig: bool, tb: Any
) -> tuple[Organisatie, Aanbod | None, str] | None:
    """An offer of the prison, an outside partner, or the regional CGG/CAW/VDAB.

    A referral that is to be answered goes to an offer whose organisation works here.
    """
    aanbod = [
        a
        for a in omgeving.aanbod.get(domein, [])
        if not antwoord_nodig or _ontvanger(omgeving, a.organisatie, tb) is not None
    ]
    buiten = BUITEN.get(L(domein), ())
    if aanbod and (not buiten or rng.random() < 0.6):
        gekozen = rng.choice(aanbod)
        return gekozen.organisatie, gekozen, Plaats.BINNEN
    if buiten:
        partner = omgeving.partner(rng.choice(buiten))
        assert partner is not None
        return partner, None, Plaats.BUITEN
    if UITVOERDER[L(domein)] in ("caw", "cgg", "vdab"):
        return _uitvoerder(omgeving, domein), None, Plaats.BINNEN
    return None


def _ontvanger(omgeving: Omgeving, naar: Organisatie, tb: Any) -> Any | None:
    """Who answers: the receiving organisation's worker here; for a partner outside, tb."""
    if naar.soort == Organisatie.Soort.EXTERN:
        return tb
    return next(
        (
            g
            for g in omgeving.team.van(naar.afkorting)
            if g.has_perm("trajecten.beantwoord_doorverwijzing")
        ),
        None,
    )


def _antwoordtijd(rng: random.Random, extern: bool) -> int:
    """Days until the answer: most within two weeks, some take over a month."""
    dagen = rng.choices(
        (rng.randint(1, 4), rng.randint(5, 14), rng.randint(15, 40)), weights=(45, 35, 20)
    )[0]
    return dagen + (rng.randint(3, 10) if extern else 0)


def doorverwijzingen_maken(
    omgeving: Omgeving,
    gedetineerde: Gedetineerde,
    sinds: datetime.date,
    behoeften: dict[str, Behoefte],
    noden: list[str],
    rng: random.Random,
    tb: Any,
) -> None:
    for domein in rng.sample(noden, min(len(noden), rng.randint(1, 3))):
        status = _kies(rng, DOORVERWIJZINGSTATUSSEN)
        antwoord_nodig = status in (D.AANVAARD, D.GEWEIGERD, D.AFGEROND)
        bestemming = _bestemming(omgeving, domein, rng, antwoord_nodig, tb)
        if bestemming is None:
            continue
        naar, aanbod, plaats = bestemming
        eigen = naar.pk == tb.medewerker.organisatie_id
        # Consent per referral; without it the referral cannot be sent.
        toestemming = eigen or rng.random() < AANDEEL_TOESTEMMING_DOORVERWIJZING
        if not toestemming:
            status = rng.choice((D.CONCEPT, D.INGETROKKEN))
        ontvanger = _ontvanger(omgeving, naar, tb)
        if status in (D.AANVAARD, D.GEWEIGERD, D.AFGEROND) and ontvanger is None:
            status = D.VERSTUURD
        aangemaakt = omgeving.dag(sinds, rng, 30)
        with klok(moment(aangemaakt, 10, rng.randint(0, 59))):
            doorverwijzing = doorverwijzing_aanmaken(
                gedetineerde=gedetineerde,
                plaats=plaats,
                motivatie=teksten.MOTIVATIES[L(domein)],
                door=tb,
                naar_organisatie=None if aanbod else naar,
                aanbod=aanbod,
                levensdomein=domein,
                behoefte=behoeften.get(domein),
            )
        omgeving.nieuw["doorverwijzingen"] += 1
        _verloop(
            omgeving, doorverwijzing, status, aangemaakt, eigen, toestemming, ontvanger, rng, tb
        )


def _verloop(
    omgeving: Omgeving,
    doorverwijzing: Doorverwijzing,
    status: str,
    aangemaakt: datetime.date,
    eigen: bool,
    kan_versturen: bool,
    ontvanger: Any,
    rng: random.Random,
    tb: Any,
) -> None:
    """Take a referral from concept to ``status``, each step on its day (if it has come)."""
    if status == D.CONCEPT:
        return
    verstuurd = omgeving.dag(aangemaakt, rng, 2)
    if status == D.INGETROKKEN and (not kan_versturen or rng.random() < 0.3):
        with klok(moment(verstuurd, 15)):
            doorverwijzing_intrekken(
                doorverwijzing=doorverwijzing, door=tb, toelichting=rng.choice(teksten.INTREKKINGEN)
            )
        return
    if not eigen:
        toestemming_voor(
            omgeving,
            doorverwijzing.gedetineerde,
            doorverwijzing.naar_organisatie,
            Categorie.DOORVERWIJZINGEN,
            verstuurd,
            tb,
        )
    with klok(moment(verstuurd, 11, rng.randint(0, 59))):
        doorverwijzing = doorverwijzing_versturen(doorverwijzing=doorverwijzing, door=tb)
    if status == D.VERSTUURD:
        return
    if status == D.INGETROKKEN:
        ingetrokken = omgeving.dag(verstuurd, rng, 10, 1)
        with klok(moment(ingetrokken, 15)):
            doorverwijzing_intrekken(
                doorverwijzing=doorverwijzing, door=tb, toelichting=rng.choice(teksten.INTREKKINGEN)
            )
        return
    extern = doorverwijzing.naar_organisatie.soort == Organisatie.Soort.EXTERN
    beantwoord = verstuurd + datetime.timedelta(days=_antwoordtijd(rng, extern))
    if beantwoord > omgeving.vandaag:
        return  # still waiting for the answer
    aanvaard = status != D.GEWEIGERD
    with klok(moment(beantwoord, rng.randint(9, 16), rng.randint(0, 59))):
        doorverwijzing = doorverwijzing_beantwoorden(
            doorverwijzing=doorverwijzing,
            aanvaard=aanvaard,
            door=ontvanger,
            weigerreden="" if aanvaard else rng.choice(list(Doorverwijzing.Weigerreden.values)),
            antwoord=rng.choice(
                teksten.ANTWOORDEN_AANVAARD if aanvaard else teksten.ANTWOORDEN_GEWEIGERD
            ),
        )
    if status != D.AFGEROND:
        return
    afgerond = beantwoord + datetime.timedelta(days=rng.randint(14, 120))
    if afgerond > omgeving.vandaag:
        return
    with klok(moment(afgerond, 14)):
        doorverwijzing_afronden(
            doorverwijzing=doorverwijzing,
            door=ontvanger if rng.random() < 0.5 else tb,
            toelichting=rng.choice(teksten.AFRONDINGEN),
        )


def vrijlating_voorbereiden(
    omgeving: Omgeving,
    gedetineerde: Gedetineerde,
    verblijf: Verblijf,
    rng: random.Random,
    tb: Any | None,
) -> None:
    """Opened by the daily job when the release enters the window; then filled in by tb."""
    verwacht = verwachte_vrijlating(gedetineerde, omgeving.vandaag)
    venster = datetime.timedelta(days=settings.HDV_VRIJLATING_VOORBEREIDING_DAGEN)
    if verwacht is None or verwacht - omgeving.vandaag > venster:
        return
    geopend = min(max(verblijf.van, verwacht - venster), omgeving.vandaag)
    with klok(moment(geopend, 6)):
        voorbereiding = voorbereiding_openen(gedetineerde=gedetineerde, door=None, vandaag=geopend)
    omgeving.nieuw["vrijlatingen"] += 1
    if tb is None:
        return
    if rng.random() < AANDEEL_OVERDRACHT_JUSTITIEHUIS:
        toestemming_voor(
            omgeving, gedetineerde, omgeving.extern("jh"), Categorie.VRIJLATING, geopend, tb
        )
    verloop = (omgeving.vandaag - geopend).days
    for punt in voorbereiding.punten.order_by("id"):
        status = _kies(rng, CHECKLISTSTATUSSEN)
        if status == Checklistpunt.Status.TE_DOEN:
            continue
        partner, toelichting = teksten.CHECKLIST[Checklistpunt.Onderwerp(punt.onderwerp)]
        with klok(moment(omgeving.dag(geopend, rng, verloop), rng.randint(9, 16))):
            checklistpunt_bijwerken(
                punt=punt,
                status=status,
                door=tb,
                organisatie=omgeving.partner(partner),
                verantwoordelijke=tb,
                toelichting="" if status == Checklistpunt.Status.NIET_NODIG else toelichting,
            )
