"""The words of the demo's files: goals, steps, notes and answers, per life domain.

Made up, in the register of the field; they name no one.
"""

from __future__ import annotations

from aanbod.models import Levensdomein
from trajecten.models import Checklistpunt

L = Levensdomein
B = "binnen"
U = "buiten"

# Per life domain: (goal, inside or outside, steps).
DOELEN: dict[str, tuple[tuple[str, str, tuple[str, ...]], ...]] = {
    L.ONDERWIJS: (
        ("Nederlands leren tot niveau A2", B, ("Intake bij Ligo", "Les volgen", "Test afleggen")),
        ("Diploma secundair onderwijs behalen", B, ("Inschrijven bij het CVO", "Modules plannen")),
        ("Leren werken met de computer", B, ("Inschrijven voor de cursus", "Attest behalen")),
    ),
    L.WERK: (
        ("Een opleiding volgen die leidt naar werk", B, ("Gesprek met de VDAB", "Opleiding kiezen")),
        ("Werk zoeken voor na de vrijlating", U, ("Cv opmaken", "Inschrijven bij de VDAB buiten")),
        ("Werken in de gevangenis", B, ("Aanvraag voor de werkhuizen", "Veiligheidsopleiding")),
    ),
    L.WELZIJN: (
        ("Contact met de kinderen herstellen", B, ("Aanvraag bezoek in intimiteit", "Brief schrijven")),
        ("Schulden in kaart brengen", B, ("Overzicht van de schuldeisers", "Gesprek met het OCMW")),
        ("Identiteitskaart in orde brengen", B, ("Aanvraag bij de gemeente", "Foto laten nemen")),
    ),
    L.GEESTELIJKE_GEZONDHEID: (
        ("Begeleiding bij het CGG starten", B, ("Aanmelding bij het CGG", "Eerste gesprek")),
        ("Omgaan met agressie", B, ("Groepsaanbod agressiebeheersing", "Evaluatiegesprek")),
        ("Nazorg na de vrijlating regelen", U, ("Contact met TANDEM", "Afspraak buiten vastleggen")),
    ),
    L.GEZONDHEID: (
        ("Stoppen met roken", B, ("Rookstopbegeleiding aanvragen", "Opvolging na drie maanden")),
        ("Ziekenfonds in orde brengen", U, ("Aansluiting nakijken", "Formulier indienen")),
    ),
    L.WONEN: (
        ("Woonst vinden voor na de vrijlating", U, ("Inschrijven bij een SVK", "Gesprek met het OCMW")),
        ("Opvang voor de eerste weken regelen", U, ("Aanvraag bij de nachtopvang", "Bevestiging")),
    ),
    L.SPORT: (
        ("Regelmatig sporten", B, ("Inschrijven voor de sportlessen",)),
    ),
    L.CULTUUR: (
        ("Deelnemen aan het cultuuraanbod", B, ("Inschrijven voor de schrijfgroep",)),
        ("Lezen in de bibliotheek", B, ("Lidkaart aanvragen",)),
    ),
    L.JURIDISCH: (
        ("Voorwaarden voor de strafuitvoeringsrechtbank voorbereiden", B,
         ("Reclasseringsplan opmaken", "Gesprek met de psychosociale dienst")),
        ("Juridisch advies over de rechten na de vrijlating", B, ("Afspraak met de CJB",)),
    ),
    L.FINANCIEN: (
        ("Een leefloon aanvragen voor na de vrijlating", U, ("Dossier bij het OCMW", "Bankrekening")),
        ("Een afbetalingsplan opmaken", B, ("Overzicht inkomsten", "Voorstel aan de schuldeisers")),
    ),
}  # fmt: skip

ONTHAAL_OPMERKINGEN = (
    "Eerste detentie; vraagt vooral informatie over bezoek.",
    "Kent de werking al van een vorige detentie.",
    "Rustig gesprek; wil snel aan de slag met een opleiding.",
    "Maakt zich zorgen over de woning en de kinderen.",
    "",
    "",
)

BEHOEFTE_NOTITIES = {
    L.ONDERWIJS: "Wil een diploma behalen.",
    L.WERK: "Zoekt werk in de gevangenis en een opleiding.",
    L.WELZIJN: "Vraagt hulp bij het contact met de familie.",
    L.GEESTELIJKE_GEZONDHEID: "Slaapt slecht, piekert veel.",
    L.GEZONDHEID: "Wil stoppen met roken.",
    L.WONEN: "Huurcontract opgezegd tijdens de detentie.",
    L.SPORT: "",
    L.CULTUUR: "",
    L.JURIDISCH: "Vragen over de voorwaardelijke invrijheidstelling.",
    L.FINANCIEN: "Schulden bij verschillende schuldeisers.",
}

MOTIVATIES = {
    L.ONDERWIJS: "Wil zijn of haar Nederlands verbeteren en een diploma behalen.",
    L.WERK: "Vraagt een opleiding die leidt naar werk na de vrijlating.",
    L.WELZIJN: "Heeft ondersteuning nodig bij contact met het netwerk en bij administratie.",
    L.GEESTELIJKE_GEZONDHEID: "Vraagt zelf psychologische begeleiding; piekert en slaapt slecht.",
    L.GEZONDHEID: "Wil werken aan de eigen gezondheid.",
    L.WONEN: "Heeft geen woonst meer voor na de vrijlating.",
    L.SPORT: "Wil meer bewegen.",
    L.CULTUUR: "Toont interesse in het cultuuraanbod.",
    L.JURIDISCH: "Vragen bij de voorwaarden van de strafuitvoeringsrechtbank.",
    L.FINANCIEN: "Heeft geen inkomen na de vrijlating; schulden lopen op.",
}

ANTWOORDEN_AANVAARD = (
    "Welkom; eerste gesprek wordt ingepland.",
    "Aanvaard, staat op de wachtlijst voor de volgende reeks.",
    "Aanvaard. We nemen contact op via de dienst.",
)
ANTWOORDEN_GEWEIGERD = (
    "Geen plaats meer in de lopende reeks.",
    "De vraag past beter bij een ander aanbod.",
    "",
)
AFRONDINGEN = ("Traject afgerond.", "Reeks gevolgd tot het einde.", "")
INTREKKINGEN = ("De gedetineerde ziet er toch van af.", "Dubbele aanvraag.", "")

NOTITIES_GEDEELD = (
    "Gesprek gehad over de voortgang van het plan; afspraken blijven lopen.",
    "Neemt goed deel aan het aanbod; volgende stap besproken.",
    "Vraagt om een tolk bij het volgende gesprek.",
    "Afspraak gemist door een bezoek van de advocaat; nieuwe afspraak gemaakt.",
)
NOTITIES_ORGANISATIE = (
    "Intern: dossier overgedragen aan een collega tijdens het verlof.",
    "Intern: opvolgen of de aanvraag bij het OCMW vertrok.",
    "Intern: wachtlijst nagekeken; derde in de rij.",
)
NOTITIES_BEROEPSGEHEIM = (
    "Vertrouwelijk gesprek over de thuissituatie; opvolgen in het volgende gesprek.",
    "Therapeutisch gesprek: thema's rond verlies en schuld.",
    "Vertrouwelijk: zorgen over het middelengebruik, bespreken in supervisie.",
)

CASUSOVERLEGGEN = (
    ("Afstemming van het plan", "Opleiding loopt; CGG start de begeleiding; herbekijken over twee maanden."),
    ("Voorbereiding van de strafuitvoeringsrechtbank", "Reclasseringsplan verder uitwerken; woonst is het knelpunt."),
    ("Uitval bij de opleiding", "Nieuwe start in de volgende reeks; bijkomende ondersteuning Nederlands."),
)  # fmt: skip
EXTERNE_DEELNEMERS = (
    "de gedetineerde, de psychosociale dienst",
    "de gedetineerde, de justitieassistent",
    "de psychosociale dienst",
)

C = Checklistpunt.Onderwerp
# Per subject: the kind of partner that takes it up ("ocmw", "svk", "vdab", "cgg",
# "tandem", "jh") and what the worker notes.
CHECKLIST = {
    C.WONEN: ("svk", "Ingeschreven op de wachtlijst van het SVK."),
    C.INKOMEN: ("ocmw", "Leefloon aangevraagd; afspraak de week na de vrijlating."),
    C.IDENTITEITSDOCUMENTEN: ("", "Nieuwe identiteitskaart aangevraagd bij de gemeente."),
    C.ZIEKTEVERZEKERING: ("", "Aansluiting bij het ziekenfonds nagekeken."),
    C.WERK: ("vdab", "Ingeschreven als werkzoekende bij de VDAB."),
    C.NAZORG_GGZ: ("tandem", "Aangemeld bij TANDEM voor de nazorg."),
    C.NAZORG_VERSLAVING: ("cgg", "Eerste afspraak buiten vastgelegd."),
    C.SCHULDEN: ("ocmw", "Schuldbemiddeling loopt via het OCMW."),
    C.FAMILIE: ("", "Contact met de familie hersteld; opvang de eerste dagen."),
}
