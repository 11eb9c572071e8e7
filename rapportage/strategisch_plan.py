"""The Flemish strategic plan 2020–2025, as far as the source gives it.

The source is the plan's presentation (shared seed 001, "Vlaams strategisch plan hulp- en
dienstverlening aan gedetineerden en geïnterneerden 2020-2025"): five strategic goals in
full, eight operational goals under three of them, and 23 of the plan's 53 actions by
name; the slides end each list with "…". Only those 23 are here: no action is made up.
The slides name no owner per action, so ``eigenaar`` starts empty; the central level
fills it in with the action's progress. Numbers are HDV's own (the slides number the
goals, not the actions): goal.operational goal.action, or goal.action.

Loaded by migration 0004 (every installation has the plan) and again by the demo, for
a database that was emptied after migrating. Rows that exist are left as they are: a
status, an owner or a reworded title set by the central level stays.
"""

from __future__ import annotations

from typing import Any, NamedTuple

# The number of actions the plan has, of which the source names the ones below.
AANTAL_ACTIES_IN_PLAN = 53
BRON = (
    "Vlaams strategisch plan hulp- en dienstverlening aan gedetineerden en geïnterneerden "
    "2020-2025 (presentatie)"
)


class Doelstelling(NamedTuple):
    nummer: int
    titel: str
    omschrijving: str


class Plantactie(NamedTuple):
    nummer: str
    doelstelling: int
    operationele_doelstelling: str
    titel: str


DOELSTELLINGEN = (
    Doelstelling(
        1,
        "Evidence-based",
        "We zetten in op een meer evidence-based hulp- en dienstverleningsaanbod.",
    ),
    Doelstelling(
        2,
        "Inzetten op alle beleidsdomeinen",
        "Alle Vlaamse beleidsdomeinen zetten maximaal in op hulp- en dienstverlening, en in "
        "het bijzonder op onderwijs, werk, welzijn, geestelijke gezondheidszorg en wonen, "
        "aan gedetineerden om re-integratie te bevorderen, zodoende ook recidive te beperken "
        "en nieuwe slachtoffers te voorkomen.",
    ),
    Doelstelling(
        3,
        "Doelgroepen",
        "We besteden binnen de hulp- en dienstverlening bijzondere aandacht aan volgende "
        "doelgroepen: geradicaliseerden; veelplegers; daders van intrafamiliaal (incl. "
        "kindermishandeling) en seksueel geweld.",
    ),
    Doelstelling(
        4,
        "Overgang van het leven binnen en buiten de gevangenis",
        "We zetten in op de overgang van het leven binnen en buiten de gevangenis zodat de "
        "gedetineerden het traject dat hij binnen de gevangenis heeft opgezet, kan "
        "verderzetten na zijn vrijlaten en omgekeerd.",
    ),
    Doelstelling(
        5,
        "Versterkte samenwerking en organisatievormen",
        "We zetten in op (hernieuwde en) versterkte samenwerking en organisatievormen om te "
        "komen tot een hulp- en dienstverleningsaanbod op maat voor elke gedetineerde.",
    ),
)

OD_2_1 = (
    "We zetten in op de verdere ontwikkeling van de capaciteiten, competenties en kennis "
    "van gedetineerden."
)
OD_2_2 = "We investeren in de praktische organisatie van het leven na detentie."
OD_3_1 = (
    "Via disengagementtrajecten op maat van de gedetineerden zetten we in samenwerking met "
    "DG EPI in op de aanpak van radicalisering binnen de gevangenissen."
)
OD_3_2 = "We investeren in de groep van gedetineerde veelplegers."
OD_3_3 = "We investeren in een aanbod voor daders van intrafamiliaal en seksueel geweld."
OD_4_1 = "We brengen organisaties met elkaar in contact en leren hun werking kennen."
OD_4_2 = "We bouwen aan een structuur om met gedetineerden aan trajecten te kunnen bouwen."
OD_4_3 = (
    "We brengen de digitale wereld in de gevangenis met oog op de ontwikkeling van digitale "
    "vaardigheden."
)

ACTIES = (
    Plantactie("1.1", 1, "", "Onderzoek naar een behoeftegerichte hulp- en dienstverlening"),
    Plantactie(
        "1.2",
        1,
        "",
        "Uitwerking van een behoeftegericht en effectief hulp- en dienstverleningsaanbod",
    ),
    Plantactie("2.1.1", 2, OD_2_1, "Cursus Nederlands"),
    Plantactie("2.1.2", 2, OD_2_1, "Beroepsopleidingen"),
    Plantactie("2.1.3", 2, OD_2_1, "Uitbouw leertrajectbegeleiding"),
    Plantactie("2.2.1", 2, OD_2_2, "Huisvesting"),
    Plantactie("2.2.2", 2, OD_2_2, "Infosessies inburgeringstraject"),
    Plantactie(
        "3.1.1",
        3,
        OD_3_1,
        "Verdere uitwerking nieuw mandaat “voorbereiding” reclassering van de justitiehuizen "
        "tijdens detentie",
    ),
    Plantactie(
        "3.1.2",
        3,
        OD_3_1,
        "Betere informatiedeling tijdens multidisciplinair overleg in het kader van "
        "disengagementtrajecten",
    ),
    Plantactie("3.2.1", 3, OD_3_2, "Afbakening doelgroep veelplegers en hun noden"),
    Plantactie(
        "3.3.1",
        3,
        OD_3_3,
        "Aanklampend aanbod gedragstraining intrafamiliaal geweld tijdens detentie",
    ),
    Plantactie(
        "3.3.2", 3, OD_3_3, "Onderzoek naar de begeleiding en behandeling van zedendelinquenten"
    ),
    Plantactie("3.3.3", 3, OD_3_3, "COSA in de gevangenis"),
    Plantactie(
        "4.1.1",
        4,
        OD_4_1,
        "Verhoogd bewustzijn voor de noden van (ex-)gedetineerden bij VDAB bemiddelaars en "
        "instructeurs",
    ),
    Plantactie(
        "4.1.2",
        4,
        OD_4_1,
        "Organiseren van netwerkmomenten wonen in de verschillende gevangenissen",
    ),
    Plantactie("4.2.1", 4, OD_4_2, "Continuïteit traject binnen-buiten detentie"),
    Plantactie(
        "4.2.2",
        4,
        OD_4_2,
        "De rol van de lokale besturen in het kader van de re-integratie van "
        "(ex-)gedetineerden verduidelijken en partnerschappen op dit vlak versterken",
    ),
    Plantactie(
        "4.2.3",
        4,
        OD_4_2,
        "Gedeelde visie concretiseren na afronding template forensische hulpverlening OPGG",
    ),
    Plantactie("4.3.1", 4, OD_4_3, "Versterking van de digitale architectuur"),
    Plantactie("4.3.2", 4, OD_4_3, "Digitalisering van het onderwijsaanbod"),
    Plantactie(
        "5.1",
        5,
        "",
        "De multidisciplinaire aanpak in samenwerking tussen de hulp- en "
        "dienstverleningspartner binnen de netwerkorganisatie evalueren en versterken",
    ),
    Plantactie("5.2", 5, "", "Ingebruikname van het individueel hulp- en dienstverleningsplan"),
    Plantactie(
        "5.3",
        5,
        "",
        "Het partnerschap met de federale overheid (in het bijzonder met het "
        "directoraat-generaal Penitentiaire Inrichtingen)",
    ),
)


def strategisch_plan_laden(doelstelling_model: Any, actie_model: Any) -> int:
    """Create the goals and actions that are missing; the number of rows added.

    Takes the models as arguments so that a migration can pass its historical ones.
    """
    nieuw = 0
    doelstellingen = {}
    for doel in DOELSTELLINGEN:
        doelstellingen[doel.nummer], aangemaakt = doelstelling_model.objects.get_or_create(
            nummer=doel.nummer, defaults={"titel": doel.titel, "omschrijving": doel.omschrijving}
        )
        nieuw += aangemaakt
    for volgorde, actie in enumerate(ACTIES, start=1):
        _, aangemaakt = actie_model.objects.get_or_create(
            nummer=actie.nummer,
            defaults={
                "doelstelling": doelstellingen[actie.doelstelling],
                "operationele_doelstelling": actie.operationele_doelstelling,
                "titel": actie.titel,
                "volgorde": volgorde,
            },
        )
        nieuw += aangemaakt
    return nieuw
