"""The demo's targets and plans: targets per prison and for Flanders for this year, some
progress on the strategic plan's actions, and a local action plan per prison.

The plan's goals and actions are the real ones (rapportage.strategisch_plan); the
progress, the local actions and the targets are invented and say so ("Demo:"). Everything
goes through the services; what exists is left alone, so a second run adds nothing.
"""

from __future__ import annotations

import datetime
import random
from decimal import Decimal
from typing import Any

from hdv.demo import ZAAD, Kern, Telregel
from rapportage.indicatoren import REGISTER, Indicator
from rapportage.indicatoren.basis import Eenheid
from rapportage.models import (
    Actie,
    Actiestatus,
    LokaalActieplan,
    LokaleActie,
    StrategischeDoelstelling,
    Streefcijfer,
    Voortgangsnotitie,
)
from rapportage.services.strategie import (
    actie_bijwerken,
    lokaal_actieplan_aanmaken,
    lokale_actie_bijwerken,
    lokale_actie_toevoegen,
)
from rapportage.services.streefcijfers import streefcijfer_zetten
from rapportage.strategisch_plan import strategisch_plan_laden

CENTRAAL = "centraal"
BELEIDSCOORDINATOR = "beleidscoordinator"

# (action number, [(status, note)…]): the history the demo gives a few actions.
VOORTGANG = (
    ("2.1.1", [(Actiestatus.LOPEND, "Demo: cursus loopt in de eerste gevangenissen.")]),
    (
        "2.1.3",
        [
            (Actiestatus.LOPEND, "Demo: leertrajectbegeleiders aangeworven."),
            (Actiestatus.GEREALISEERD, "Demo: leertrajectbegeleiding in elke gevangenis."),
        ],
    ),
    ("3.2.1", [(Actiestatus.LOPEND, "Demo: werkgroep afbakening veelplegers gestart.")]),
    ("4.2.1", [(Actiestatus.LOPEND, "Demo: afspraken binnen-buiten met de justitiehuizen.")]),
    ("5.2", [(Actiestatus.LOPEND, "Demo: proefproject met het hulp- en dienstverleningsplan.")]),
    (
        "4.3.2",
        [
            (Actiestatus.LOPEND, "Demo: digitaal leerplatform getest."),
            (
                Actiestatus.GESCHRAPT,
                "Demo: opgegaan in de versterking van de digitale architectuur.",
            ),
        ],
    ),
)

# (goal number, title, owner): local actions a prison's plan picks from.
LOKALE_ACTIES = (
    (2, "Demo: wachtlijst trajectbegeleiding wekelijks overlopen", "beleidscoördinator"),
    (2, "Demo: extra reeks Nederlands voor anderstaligen", "CVO en Ligo"),
    (3, "Demo: groepsaanbod voor daders van intrafamiliaal geweld", "CAW"),
    (4, "Demo: infomoment over wonen na detentie", "OCMW en CAW"),
    (4, "Demo: overdracht naar de trajectbegeleiding buiten bij vrijlating", "CAW"),
    (5, "Demo: maandelijks casusoverleg met de psychosociale dienst", "beleidscoördinator"),
    (1, "Demo: bevraging van gedetineerden over hun noden", "organisatieondersteuner"),
)


def _gebruiker(kern: Kern, gebruikersnaam: str) -> Any:
    medewerker = kern.medewerkers.get(gebruikersnaam)
    return medewerker.user if medewerker else None


def _streefwaarde(indicator: Indicator, gevangenis_code: str, capaciteit: int) -> Decimal:
    kiezer = random.Random(f"{ZAAD}-{gevangenis_code}-{indicator.code}")  # noqa: S311
    if indicator.eenheid == Eenheid.PERCENTAGE:
        # A lower-is-better rate (stops) gets a ceiling, the others a floor to reach.
        waarde = kiezer.randint(25, 45) if not indicator.hoger_is_beter else kiezer.randint(50, 85)
    elif indicator.eenheid == Eenheid.DAGEN:
        waarde = kiezer.randint(14, 60)
    elif indicator.hoger_is_beter:
        waarde = round(capaciteit * kiezer.uniform(0.2, 0.6))
    else:
        # A count to keep low (cancelled sessions, people gone while waiting).
        waarde = round(capaciteit * kiezer.uniform(0.02, 0.08))
    return Decimal(waarde)


def _streefcijfers_laden(kern: Kern, jaar: int, door: Any) -> int:
    bestaand = set(Streefcijfer.objects.filter(jaar=jaar).values_list("indicator", "gevangenis_id"))
    totale_capaciteit = sum(g.capaciteit for g in kern.gevangenissen.values())
    nieuw = 0
    for indicator in REGISTER.values():
        doelen = [(None, "VL", totale_capaciteit)] + [
            (g, code, g.capaciteit) for code, g in kern.gevangenissen.items()
        ]
        for gevangenis, code, capaciteit in doelen:
            if (indicator.code, gevangenis.pk if gevangenis else None) in bestaand:
                continue
            streefcijfer_zetten(
                indicator=indicator.code,
                gevangenis=gevangenis,
                jaar=jaar,
                waarde=_streefwaarde(indicator, code, capaciteit),
                toelichting="Demo: streefcijfer ter illustratie.",
                door=door,
            )
            nieuw += 1
    return nieuw


def _voortgang_laden(vandaag: datetime.date, door: Any) -> int:
    acties = Actie.objects.in_bulk([nummer for nummer, _ in VOORTGANG], field_name="nummer")
    met_notities = set(
        Voortgangsnotitie.objects.filter(actie__in=acties.values()).values_list(
            "actie_id", flat=True
        )
    )
    nieuw = 0
    for nummer, stappen in VOORTGANG:
        actie = acties.get(nummer)
        if actie is None or actie.pk in met_notities:
            continue
        for i, (status, tekst) in enumerate(stappen):
            datum = vandaag - datetime.timedelta(days=120 * (len(stappen) - i))
            actie = actie_bijwerken(
                actie=actie, status=status, notitie=tekst, datum=datum, door=door
            )
            nieuw += 1
    return nieuw


def _lokale_plannen_laden(
    kern: Kern, jaar: int, vandaag: datetime.date, beleidscoordinator: Any
) -> tuple[int, int]:
    doelstellingen = StrategischeDoelstelling.objects.in_bulk(field_name="nummer")
    met_plan = set(
        LokaalActieplan.objects.filter(jaar=jaar).values_list("gevangenis_id", flat=True)
    )
    eigen = set()
    if beleidscoordinator is not None:
        eigen = set(beleidscoordinator.medewerker.gevangenissen.values_list("pk", flat=True))
    plannen = acties = 0
    for code, gevangenis in kern.gevangenissen.items():
        if gevangenis.pk in met_plan:
            continue
        # The prison's own beleidscoördinator where the demo has one; the system elsewhere.
        door = beleidscoordinator if gevangenis.pk in eigen else None
        plan = lokaal_actieplan_aanmaken(gevangenis=gevangenis, jaar=jaar, door=door)
        plannen += 1
        kiezer = random.Random(f"{ZAAD}-{code}-actieplan")  # noqa: S311
        for nummer, titel, eigenaar in kiezer.sample(LOKALE_ACTIES, 3):
            lokale_actie = lokale_actie_toevoegen(
                plan=plan,
                doelstelling=doelstellingen[nummer],
                titel=titel,
                eigenaar=eigenaar,
                door=door,
            )
            acties += 1
            if kiezer.random() < 0.5:
                lokale_actie_bijwerken(
                    lokale_actie=lokale_actie,
                    doelstelling=lokale_actie.doelstelling,
                    titel=lokale_actie.titel,
                    omschrijving=lokale_actie.omschrijving,
                    eigenaar=lokale_actie.eigenaar,
                    status=Actiestatus.LOPEND,
                    notitie="Demo: gestart, eerste afspraken gemaakt.",
                    datum=max(vandaag - datetime.timedelta(days=30), datetime.date(jaar, 1, 1)),
                    door=door,
                )
    return plannen, acties


def plannen_laden(*, kern: Kern, vandaag: datetime.date) -> list[Telregel]:
    """Targets of this year, progress on the plan, a local action plan per prison."""
    # The plan comes with migrate; a database emptied after migrating lacks it.
    strategisch_plan_laden(StrategischeDoelstelling, Actie)
    jaar = vandaag.year
    centraal = _gebruiker(kern, CENTRAAL)
    nieuwe_streefcijfers = _streefcijfers_laden(kern, jaar, centraal)
    nieuwe_notities = _voortgang_laden(vandaag, centraal)
    plannen, acties = _lokale_plannen_laden(
        kern, jaar, vandaag, _gebruiker(kern, BELEIDSCOORDINATOR)
    )
    return [
        Telregel("Streefcijfers", Streefcijfer.objects.count(), nieuwe_streefcijfers),
        Telregel("Acties strategisch plan", Actie.objects.count()),
        Telregel("Voortgangsnotities", Voortgangsnotitie.objects.count(), nieuwe_notities),
        Telregel("Lokale actieplannen", LokaalActieplan.objects.count(), plannen),
        Telregel("Lokale acties", LokaleActie.objects.count(), acties),
    ]
