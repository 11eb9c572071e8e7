"""The content of the demo's files, written through the services by the prison's staff.

Per person present, from a generator of their own (``ZAAD`` and the detainee number),
so a smaller scale yields a prefix of a larger one:

- **intake**: most arrivals have one, done with needs per life domain or skipped with
  a reason; of the arrivals within the norm about half are still due, and a few older
  ones are overdue, so the worklist shows both;
- **consent** to share with the region's CGG, VDAB and the partners referred to; a few
  withdrawn later;
- **plan** for a good share: goals per domain with steps, statuses (stopped ones with a
  reason), a version when agreed and often a second at the review; a plan that came
  along with a transfer is taken over at the intake, with the person's consent;
- **referrals** to offers of the prison and to outside partners, in every status, with
  response times as they go; **notes** at each level; **case conferences**;
- **release preparation** for whoever's expected release is within the window, some
  items done; older **handover tasks** of transfers handled.

Everything goes through ``trajecten.services``, each call on its day (``klok``), so the
audit trail and the timestamps tell the same story. A person who has any content is
left as they are: a second run today writes nothing.
"""

from __future__ import annotations

import datetime
import random
from collections import Counter
from typing import Any

from django.conf import settings

from aanbod.models import Aanbod, AanbodInGevangenis, Levensdomein
from hdv.demo import ZAAD, Kern, Telregel
from trajecten.models import (
    Behoefte,
    Casusoverleg,
    Categorie,
    Doorverwijzing,
    Gedetineerde,
    HdvPlan,
    Notitie,
    Onthaal,
    Taak,
    Toestemming,
    Verblijf,
    Vrijlatingsvoorbereiding,
)
from trajecten.services.notities import (
    casusoverleg_vastleggen,
    notitie_schrijven,
    toestemming_geven,
    toestemming_intrekken,
)
from trajecten.services.onthaal import BehoefteInvoer, onthaal_overslaan, onthaal_registreren
from trajecten.services.plannen import plan_overnemen
from trajecten.services.taken import taak_afhandelen

from . import teksten
from .klok import klok, moment
from .medewerkers import Team, medewerkers_aanmaken, teams
from .omgeving import Omgeving, toestemming_voor
from .verloop import doorverwijzingen_maken, plan_maken, vrijlating_voorbereiden

AANDEEL_ONTHAAL_BINNEN_NORM = 0.5
AANDEEL_ONTHAAL = 0.88
AANDEEL_OVERGESLAGEN = 0.07  # of the older arrivals; the rest of them is overdue
AANDEEL_OVERGESLAGEN_NA_OVERPLAATSING = 0.5
# Who came with a plan is announced by the handover task: the new prison sees them sooner.
AANDEEL_OVERGESLAGEN_MET_PLAN = 0.25
AANDEEL_TOESTEMMING = 0.7
# Every service call is validated and audited; these shares keep ``make demo`` quick
# while each prison's worklists and files still have plenty to show.
AANDEEL_PLAN = 0.2
AANDEEL_DOORVERWIJZING = 0.25  # on top of everyone with a plan
AANDEEL_NOTITIES = 0.2
AANDEEL_NOTITIES_MET_DEMO_ACCOUNT = 0.5
AANDEEL_CASUSOVERLEG = 0.2  # of the plans
AANDEEL_INGETROKKEN = 0.15  # of the people who consented
AANDEEL_TAKEN_AFGEHANDELD = 0.6  # of the handover tasks of transfers a month ago or more

# (answer, weight); a need gets a priority.
ANTWOORDEN = (
    (Behoefte.Antwoord.JA, 30),
    (Behoefte.Antwoord.NEE, 50),
    (Behoefte.Antwoord.ONBEKEND, 12),
    (Behoefte.Antwoord.GEWEIGERD, 8),
)
L = Levensdomein


def dossiers_laden(*, kern: Kern, vandaag: datetime.date) -> list[Telregel]:
    """Write the files of the people present who have none yet."""
    # Made with the people already (``vertrek``); here for a load of the files alone.
    medewerkers_aanmaken(kern)
    per_gevangenis = teams(kern)
    met_dossier = _met_dossier()
    nieuw: Counter[str] = Counter()
    for code, team in per_gevangenis.items():
        omgeving = Omgeving(
            team=team,
            organisaties=kern.organisaties,
            aanbod=_aanbod_van(team),
            vandaag=vandaag,
            nieuw=nieuw,
            met_demo_account=team.trajectbegeleider.get_username() in kern.medewerkers,
        )
        verblijven = (
            Verblijf.objects.filter(gevangenis=team.gevangenis, tot__isnull=True)
            .exclude(gedetineerde_id__in=met_dossier)
            .select_related("gedetineerde__huidige_gevangenis")
            .order_by("id")
        )
        overgeplaatst = set(
            Verblijf.objects.filter(
                eindreden=Verblijf.Eindreden.OVERPLAATSING,
                gedetineerde__huidige_gevangenis=team.gevangenis,
            ).values_list("gedetineerde_id", flat=True)
        )
        for verblijf in verblijven:
            _dossier(omgeving, verblijf, verblijf.gedetineerde_id in overgeplaatst)
        _taken_afhandelen(omgeving, code)
    return _telregels(nieuw, vandaag)


def _met_dossier() -> set[int]:
    """The people with any content already: they are left alone.

    A plan (and the consents given with it) alone does not count: the plan of someone
    transferred with it was written in the prison they left (``vertrek``), and the file
    here is still to be written. Here a plan or consent always comes with an intake.
    """
    ids: set[int] = set()
    for model in (
        Onthaal,
        Doorverwijzing,
        Notitie,
        Casusoverleg,
        Vrijlatingsvoorbereiding,
    ):
        ids.update(model.objects.values_list("gedetineerde_id", flat=True))  # type: ignore[attr-defined]
    return ids


def _aanbod_van(team: Team) -> dict[str, list[Aanbod]]:
    per_domein: dict[str, list[Aanbod]] = {}
    beschikbaar = (
        AanbodInGevangenis.objects.filter(
            gevangenis=team.gevangenis, tot__isnull=True, aanbod__gearchiveerd_op__isnull=True
        )
        .select_related("aanbod__organisatie")
        .order_by("aanbod__titel_nl", "id")
    )
    for item in beschikbaar:
        if item.aanbod.organisatie.actief:
            per_domein.setdefault(item.aanbod.levensdomein, []).append(item.aanbod)
    return per_domein


def _dossier(omgeving: Omgeving, verblijf: Verblijf, overgeplaatst: bool) -> None:
    gedetineerde = verblijf.gedetineerde
    # Demo data, not security: a seeded generator is the point.
    rng = random.Random(f"{ZAAD}-{gedetineerde.detineenummer}-dossier")  # noqa: S311
    tb = omgeving.team.trajectbegeleider
    # The plan goes along with the person: agreed in the prison they came from.
    plan = HdvPlan.objects.filter(gedetineerde=gedetineerde).first() if overgeplaatst else None
    onthaal = _onthaal(omgeving, verblijf, overgeplaatst, rng, tb, meegekomen=plan is not None)
    if onthaal is not None and onthaal.status == Onthaal.Status.AFGEROND:
        behoeften = {b.levensdomein: b for b in onthaal.behoeften.all()}
        noden = [d for d, b in behoeften.items() if b.antwoord == Behoefte.Antwoord.JA]
        toestemming = rng.random() < AANDEEL_TOESTEMMING
        if plan is not None:
            plan = _plan_overnemen(omgeving, plan, onthaal.datum, tb)
        if noden and rng.random() < AANDEEL_PLAN and plan is None:
            if toestemming:
                _toestemmingen_geven(omgeving, gedetineerde, onthaal.datum, tb)
            plan = plan_maken(omgeving, gedetineerde, onthaal.datum, noden, rng, tb)
        if noden and (plan is not None or rng.random() < AANDEEL_DOORVERWIJZING):
            doorverwijzingen_maken(omgeving, gedetineerde, onthaal.datum, behoeften, noden, rng, tb)
        notities = (
            AANDEEL_NOTITIES_MET_DEMO_ACCOUNT if omgeving.met_demo_account else AANDEEL_NOTITIES
        )
        if rng.random() < notities:
            _notities_schrijven(omgeving, gedetineerde, onthaal.datum, rng)
        if plan is not None and rng.random() < AANDEEL_CASUSOVERLEG:
            _casusoverleg(omgeving, gedetineerde, onthaal.datum, rng, tb)
        if toestemming and rng.random() < AANDEEL_INGETROKKEN:
            _toestemming_intrekken(omgeving, gedetineerde, rng, tb)
        vrijlating_voorbereiden(omgeving, gedetineerde, verblijf, rng, tb)
    else:
        # The daily job opens the checklist for everyone, with or without an intake; a plan
        # that came along and was not taken over leaves it to the prison the person left.
        vrijlating_voorbereiden(omgeving, gedetineerde, verblijf, rng, None)


def _plan_overnemen(omgeving: Omgeving, plan: HdvPlan, datum: datetime.date, tb: Any) -> HdvPlan:
    """At the intake the trajectbegeleider here takes over the plan that came along,
    with the person's consent when it was another organisation's."""
    organisatie = tb.medewerker.organisatie
    if plan.organisatie_id != organisatie.pk:
        toestemming_voor(omgeving, plan.gedetineerde, organisatie, Categorie.PLAN, datum, tb)
    with klok(moment(datum, 16, 30)):
        plan = plan_overnemen(plan=plan, door=tb)
    omgeving.nieuw["plannen overgenomen"] += 1
    return plan


def _onthaal(
    omgeving: Omgeving,
    verblijf: Verblijf,
    overgeplaatst: bool,
    rng: random.Random,
    tb: Any,
    *,
    meegekomen: bool = False,
) -> Onthaal | None:
    """``meegekomen``: the person came with a plan, which the handover task announced."""
    norm = settings.HDV_ONTHAAL_NORM_DAGEN
    overslaan = (
        AANDEEL_OVERGESLAGEN_MET_PLAN if meegekomen else AANDEEL_OVERGESLAGEN_NA_OVERPLAATSING
    )
    dagen = (omgeving.vandaag - verblijf.van).days
    keuze = rng.random()
    if dagen < norm:
        if keuze >= AANDEEL_ONTHAAL_BINNEN_NORM:
            return None  # still due
        return _onthaal_registreren(
            omgeving, verblijf, omgeving.dag(verblijf.van, rng, dagen), rng, tb
        )
    if overgeplaatst and keuze < overslaan:
        return _onthaal_overslaan(
            omgeving, verblijf, Onthaal.Reden.ANDERE_GEVANGENIS, rng.randint(0, 5), tb
        )
    if keuze < AANDEEL_ONTHAAL:
        # Mostly within the norm, now and then a little late.
        laat = rng.random() < 0.1
        datum = omgeving.dag(
            verblijf.van, rng, norm + 20 if laat else norm - 1, norm if laat else 1
        )
        return _onthaal_registreren(omgeving, verblijf, datum, rng, tb)
    if keuze < AANDEEL_ONTHAAL + AANDEEL_OVERGESLAGEN:
        reden = rng.choice((Onthaal.Reden.GEWEIGERD, Onthaal.Reden.KORT_VERBLIJF))
        return _onthaal_overslaan(omgeving, verblijf, reden, rng.randint(1, norm), tb)
    return None  # overdue: on the worklist


def _onthaal_registreren(
    omgeving: Omgeving, verblijf: Verblijf, datum: datetime.date, rng: random.Random, tb: Any
) -> Onthaal:
    gedetineerde = verblijf.gedetineerde
    behoeften = []
    for domein in L.values:
        antwoord = rng.choices([a for a, _ in ANTWOORDEN], weights=[g for _, g in ANTWOORDEN])[0]
        ja = antwoord == Behoefte.Antwoord.JA
        behoeften.append(
            BehoefteInvoer(
                levensdomein=domein,
                antwoord=antwoord,
                prioriteit=rng.choice(list(Behoefte.Prioriteit.values)) if ja else "",
                notitie=teksten.BEHOEFTE_NOTITIES[L(domein)] if ja else "",
            )
        )
    talen = list(gedetineerde.talen)
    with klok(moment(datum, rng.randint(9, 15), rng.choice((0, 15, 30, 45)))):
        onthaal = onthaal_registreren(
            verblijf=verblijf,
            datum=datum,
            door=tb,
            taal=talen[0] if talen else "",
            tolk_nodig="nl" not in talen and gedetineerde.niveau_nederlands in ("A0", "A1"),
            info_aanbod_gegeven=rng.random() < 0.85,
            opmerking=rng.choice(teksten.ONTHAAL_OPMERKINGEN),
            behoeften=behoeften,
        )
    omgeving.nieuw["onthalen"] += 1
    return onthaal


def _onthaal_overslaan(
    omgeving: Omgeving, verblijf: Verblijf, reden: str, na: int, tb: Any
) -> Onthaal:
    datum = min(verblijf.van + datetime.timedelta(days=na), omgeving.vandaag)
    with klok(moment(datum, 11)):
        onthaal = onthaal_overslaan(verblijf=verblijf, reden=reden, door=tb, datum=datum)
    omgeving.nieuw["onthalen"] += 1
    return onthaal


def _toestemmingen_geven(
    omgeving: Omgeving, gedetineerde: Gedetineerde, datum: datetime.date, tb: Any
) -> None:
    """Signed with the plan: the CGG reads the intake, the plan and the shared notes; the VDAB the plan."""
    cgg = omgeving.organisaties[omgeving.team.cgg]
    vdab = omgeving.organisaties["VDAB"]
    with klok(moment(datum, 16)):
        for organisatie, categorieen in (
            (cgg, (Categorie.ONTHAAL, Categorie.PLAN, Categorie.NOTITIES)),
            (vdab, (Categorie.PLAN,)),
        ):
            for categorie in categorieen:
                toestemming_geven(
                    gedetineerde=gedetineerde,
                    organisatie=organisatie,
                    categorie=categorie,
                    door=tb,
                    gegeven_op=datum,
                    opmerking="Formulier ondertekend bij het onthaal.",
                )
                omgeving.nieuw["toestemmingen"] += 1


def _toestemming_intrekken(
    omgeving: Omgeving, gedetineerde: Gedetineerde, rng: random.Random, tb: Any
) -> None:
    """The person takes back what the CGG may read: the plan or the shared notes."""
    toestemming = (
        Toestemming.objects.filter(
            gedetineerde=gedetineerde,
            organisatie__afkorting=omgeving.team.cgg,
            categorie__in=[Categorie.PLAN, Categorie.NOTITIES],
            ingetrokken_op__isnull=True,
        )
        .order_by("categorie")
        .first()
    )
    if toestemming is None:
        return
    datum = omgeving.dag(toestemming.gegeven_op, rng, 60, 7)
    with klok(moment(datum, 14)):
        toestemming_intrekken(toestemming=toestemming, door=tb, ingetrokken_op=datum)
    omgeving.nieuw["ingetrokken"] += 1


def _notities_schrijven(
    omgeving: Omgeving, gedetineerde: Gedetineerde, sinds: datetime.date, rng: random.Random
) -> None:
    team = omgeving.team
    cgg = team.van(team.cgg)
    caw = team.van(team.caw)
    niveaus = [Notitie.Niveau.GEDEELD, Notitie.Niveau.ORGANISATIE, Notitie.Niveau.BEROEPSGEHEIM]
    for niveau in rng.sample(niveaus, rng.randint(1, 3)):
        gedeeld_met: list[Any] = []
        if niveau == Notitie.Niveau.GEDEELD:
            auteur, tekst = caw[0], rng.choice(teksten.NOTITIES_GEDEELD)
        elif niveau == Notitie.Niveau.ORGANISATIE:
            auteur = rng.choice(cgg or caw)
            tekst = rng.choice(teksten.NOTITIES_ORGANISATIE)
        else:
            # Professional secrecy, naming a colleague of the same organisation where
            # there is one (the CGG psychologist first).
            collegas = next((c for c in (cgg, caw) if len(c) > 1), cgg or caw)
            auteur, tekst = collegas[0], rng.choice(teksten.NOTITIES_BEROEPSGEHEIM)
            gedeeld_met = collegas[1:2]
        datum = omgeving.dag(sinds, rng, (omgeving.vandaag - sinds).days, 1)
        with klok(moment(datum, rng.randint(9, 16), rng.randint(0, 59))):
            notitie_schrijven(
                gedetineerde=gedetineerde,
                niveau=niveau,
                tekst=tekst,
                door=auteur,
                gedeeld_met=gedeeld_met,
            )
        omgeving.nieuw["notities"] += 1


def _casusoverleg(
    omgeving: Omgeving,
    gedetineerde: Gedetineerde,
    sinds: datetime.date,
    rng: random.Random,
    tb: Any,
) -> None:
    team = omgeving.team
    deelnemers = [
        g for g in (team.eerste(team.cgg), team.eerste("VDAB")) if g is not None and g != tb
    ]
    onderwerp, besluiten = rng.choice(teksten.CASUSOVERLEGGEN)
    datum = omgeving.dag(sinds, rng, (omgeving.vandaag - sinds).days, 14)
    with klok(moment(datum, 13, 30)):
        casusoverleg_vastleggen(
            gedetineerde=gedetineerde,
            datum=datum,
            onderwerp=onderwerp,
            besluiten=besluiten,
            deelnemers=deelnemers,
            door=tb,
            externe_deelnemers=rng.choice(teksten.EXTERNE_DEELNEMERS),
        )
    omgeving.nieuw["casusoverleggen"] += 1


def _taken_afhandelen(omgeving: Omgeving, code: str) -> None:
    """Older handover tasks of transfers: most taken up by the trajectbegeleider."""
    grens = omgeving.vandaag - datetime.timedelta(days=30)
    taken = Taak.objects.filter(
        gevangenis=omgeving.team.gevangenis,
        soort=Taak.Soort.OVERDRACHT,
        afgehandeld_op__isnull=True,
        gedetineerde__verblijven__gevangenis=omgeving.team.gevangenis,
        gedetineerde__verblijven__tot__isnull=True,
        gedetineerde__verblijven__van__lte=grens,
    ).order_by("id")
    for taak in taken:
        rng = random.Random(f"{ZAAD}-{code}-taak-{taak.gedetineerde_id}")  # noqa: S311
        if rng.random() < AANDEEL_TAKEN_AFGEHANDELD:
            taak_afhandelen(taak=taak, door=omgeving.team.trajectbegeleider)
            omgeving.nieuw["taken"] += 1


def _telregels(nieuw: Counter[str], vandaag: datetime.date) -> list[Telregel]:
    onthalen = Onthaal.objects.all()
    te_doen = Verblijf.objects.filter(tot__isnull=True, onthaal__isnull=True)
    norm = vandaag - datetime.timedelta(days=settings.HDV_ONTHAAL_NORM_DAGEN)
    doorverwijzingen = Doorverwijzing.objects.all()
    return [
        Telregel("Onthalen", onthalen.count(), nieuw["onthalen"]),
        Telregel(
            "  waarvan overgeslagen", onthalen.filter(status=Onthaal.Status.OVERGESLAGEN).count()
        ),
        Telregel("Onthalen te doen", te_doen.count()),
        Telregel("  waarvan te laat", te_doen.filter(van__lt=norm).count()),
        Telregel("HDV-plannen", HdvPlan.objects.count(), nieuw["plannen"]),
        Telregel("Doorverwijzingen", doorverwijzingen.count(), nieuw["doorverwijzingen"]),
        *(
            Telregel(f"  {status.label}", doorverwijzingen.filter(status=status).count())
            for status in Doorverwijzing.Status
        ),
        Telregel("Toestemmingen", Toestemming.objects.count(), nieuw["toestemmingen"]),
        Telregel(
            "  waarvan ingetrokken",
            Toestemming.objects.filter(ingetrokken_op__isnull=False).count(),
            nieuw["ingetrokken"],
        ),
        Telregel("Notities", Notitie.objects.count(), nieuw["notities"]),
        Telregel("Casusoverleggen", Casusoverleg.objects.count(), nieuw["casusoverleggen"]),
        Telregel(
            "Vrijlatingsvoorbereidingen",
            Vrijlatingsvoorbereiding.objects.count(),
            nieuw["vrijlatingen"],
        ),
        Telregel(
            "Taken afgehandeld",
            Taak.objects.filter(afgehandeld_op__isnull=False).count(),
            nieuw["taken"],
        ),
    ]
