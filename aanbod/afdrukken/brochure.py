"""The offer brochure for detainees, in their language: its words and its content.

The project's .po files are not compiled, so ``{% translate %}`` would print Dutch
in every language. The brochure's few sentences are therefore kept here, per
language, in plain words (short sentences, "je"/"vous"/"you"), and the tests check
that every language has every sentence and every levensdomein.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from aanbod.models import Aanbod, Levensdomein
from hdv.models import Gevangenis

STANDAARDTAAL = "nl"

TEKSTEN: dict[str, dict[str, str]] = {
    "nl": {
        "titel": "Ons aanbod",
        "kop_gevangenis": "Ons aanbod in de gevangenis van {naam}",
        "kop_andere": "Ons aanbod in {naam}",
        "inleiding": (
            "Lees wat je hier kan doen: leren, werken, sporten, hulp krijgen en meer. "
            "Bij elk aanbod staat hoe je vraagt om mee te doen."
        ),
        "examen": "Je kan een examen doen.",
        "attest": "Je krijgt een attest of certificaat.",
        "duur_een": "Het duurt ongeveer 1 week.",
        "duur": "Het duurt ongeveer {weken} weken.",
        "talen": "Taal: {talen}.",
        "niveau": "Je moet al wat Nederlands kennen (niveau {niveau}).",
        "vraag": "Wil je meedoen? Vraag ernaar bij {organisatie}: schrijf een rapportbriefje.",
        "leeg": "Er is op dit moment geen aanbod.",
        "bijgewerkt": "Bijgewerkt op {datum}",
        "andere_talen": "Andere talen",
        "pdf": "Afdrukken (PDF)",
        "terug": "Terug naar HDV",
    },
    "fr": {
        "titel": "Notre offre",
        "kop_gevangenis": "Notre offre à la prison {de}{naam}",
        "kop_andere": "Notre offre : {naam}",
        "inleiding": (
            "Voici ce que vous pouvez faire ici : apprendre, travailler, faire du sport, "
            "recevoir de l’aide et plus encore. Pour chaque offre, vous lisez comment "
            "demander à participer."
        ),
        "examen": "Vous pouvez passer un examen.",
        "attest": "Vous recevez une attestation ou un certificat.",
        "duur_een": "Cela dure environ 1 semaine.",
        "duur": "Cela dure environ {weken} semaines.",
        "talen": "Langue : {talen}.",
        "niveau": "Vous devez déjà connaître un peu le néerlandais (niveau {niveau}).",
        "vraag": (
            "Vous voulez participer ? Demandez-le à {organisatie} : "
            "écrivez un billet de rapport (rapportbriefje)."
        ),
        "leeg": "Il n’y a pas d’offre en ce moment.",
        "bijgewerkt": "Mis à jour le {datum}",
        "andere_talen": "Autres langues",
        "pdf": "Imprimer (PDF)",
        "terug": "Retour à HDV",
    },
    "en": {
        "titel": "Our offer",
        "kop_gevangenis": "Our offer in {naam} prison",
        "kop_andere": "Our offer in {naam}",
        "inleiding": (
            "Read what you can do here: learn, work, do sport, get help and more. "
            "Each offer tells you how to ask to take part."
        ),
        "examen": "You can take an exam.",
        "attest": "You get a certificate.",
        "duur_een": "It takes about 1 week.",
        "duur": "It takes about {weken} weeks.",
        "talen": "Language: {talen}.",
        "niveau": "You must already know some Dutch (level {niveau}).",
        "vraag": "Do you want to take part? Ask {organisatie}: write a request slip (rapportbriefje).",
        "leeg": "There is no offer at the moment.",
        "bijgewerkt": "Updated on {datum}",
        "andere_talen": "Other languages",
        "pdf": "Print (PDF)",
        "terug": "Back to HDV",
    },
}

# The languages offers are given in most; a code not listed here is shown as it is.
TAALNAMEN: dict[str, dict[str, str]] = {
    "nl": {
        "nl": "Nederlands", "fr": "Frans", "en": "Engels", "de": "Duits", "es": "Spaans",
        "it": "Italiaans", "pt": "Portugees", "ar": "Arabisch", "tr": "Turks", "pl": "Pools",
        "ro": "Roemeens", "ru": "Russisch", "bg": "Bulgaars", "sq": "Albanees",
    },
    "fr": {
        "nl": "néerlandais", "fr": "français", "en": "anglais", "de": "allemand", "es": "espagnol",
        "it": "italien", "pt": "portugais", "ar": "arabe", "tr": "turc", "pl": "polonais",
        "ro": "roumain", "ru": "russe", "bg": "bulgare", "sq": "albanais",
    },
    "en": {
        "nl": "Dutch", "fr": "French", "en": "English", "de": "German", "es": "Spanish",
        "it": "Italian", "pt": "Portuguese", "ar": "Arabic", "tr": "Turkish", "pl": "Polish",
        "ro": "Romanian", "ru": "Russian", "bg": "Bulgarian", "sq": "Albanian",
    },
}  # fmt: skip

# How the language links name themselves: each in its own language.
EIGEN_NAAM = {"nl": "Nederlands", "fr": "Français", "en": "English"}

DOMEINEN: dict[str, dict[str, str]] = {
    "nl": {
        Levensdomein.ONDERWIJS: "Leren",
        Levensdomein.WERK: "Werk",
        Levensdomein.WELZIJN: "Welzijn en hulp",
        Levensdomein.GEESTELIJKE_GEZONDHEID: "Geestelijke gezondheid",
        Levensdomein.GEZONDHEID: "Gezondheid",
        Levensdomein.WONEN: "Wonen",
        Levensdomein.SPORT: "Sport",
        Levensdomein.CULTUUR: "Cultuur en bibliotheek",
        Levensdomein.JURIDISCH: "Juridische hulp",
        Levensdomein.FINANCIEN: "Geld en schulden",
    },
    "fr": {
        Levensdomein.ONDERWIJS: "Apprendre",
        Levensdomein.WERK: "Travail",
        Levensdomein.WELZIJN: "Bien-être et aide",
        Levensdomein.GEESTELIJKE_GEZONDHEID: "Santé mentale",
        Levensdomein.GEZONDHEID: "Santé",
        Levensdomein.WONEN: "Logement",
        Levensdomein.SPORT: "Sport",
        Levensdomein.CULTUUR: "Culture et bibliothèque",
        Levensdomein.JURIDISCH: "Aide juridique",
        Levensdomein.FINANCIEN: "Argent et dettes",
    },
    "en": {
        Levensdomein.ONDERWIJS: "Learning",
        Levensdomein.WERK: "Work",
        Levensdomein.WELZIJN: "Well-being and help",
        Levensdomein.GEESTELIJKE_GEZONDHEID: "Mental health",
        Levensdomein.GEZONDHEID: "Health",
        Levensdomein.WONEN: "Housing",
        Levensdomein.SPORT: "Sport",
        Levensdomein.CULTUUR: "Culture and library",
        Levensdomein.JURIDISCH: "Legal help",
        Levensdomein.FINANCIEN: "Money and debts",
    },
}


def taal_uit(waarde: str | None) -> str:
    """The brochure language asked for; anything unknown gives Dutch, never an error."""
    taal = (waarde or "").strip().lower()[:2]
    return taal if taal in TEKSTEN else STANDAARDTAAL


def kop(gevangenis: Gevangenis, taal: str) -> str:
    teksten = TEKSTEN[taal]
    if gevangenis.soort != Gevangenis.Soort.GEVANGENIS:
        return teksten["kop_andere"].format(naam=gevangenis.naam)
    # French elides "de" before a vowel: "la prison d’Antwerpen", "la prison de Gent".
    de = "d’" if gevangenis.naam[:1].lower() in "aeiouyéèêâîôû" else "de "
    return teksten["kop_gevangenis"].format(naam=gevangenis.naam, de=de)


@dataclass(frozen=True)
class Item:
    titel: str
    beschrijving: str
    feiten: list[str]
    vraag: str
    # The language of title and description: the brochure's, or Dutch when untranslated
    # (marked in the HTML, so a screen reader on a cell terminal reads it as Dutch).
    titel_taal: str
    beschrijving_taal: str


@dataclass(frozen=True)
class Domein:
    code: str
    naam: str
    items: list[Item]


def _item(aanbod: Aanbod, taal: str) -> Item:
    teksten = TEKSTEN[taal]
    feiten = []
    if aanbod.met_examen:
        feiten.append(teksten["examen"])
    if aanbod.met_attest:
        feiten.append(teksten["attest"])
    if aanbod.duur_weken:
        sleutel = "duur_een" if aanbod.duur_weken == 1 else "duur"
        feiten.append(teksten[sleutel].format(weken=aanbod.duur_weken))
    if aanbod.talen:
        namen = [TAALNAMEN[taal].get(code, code.upper()) for code in aanbod.talen]
        feiten.append(teksten["talen"].format(talen=", ".join(namen)))
    if aanbod.vereist_nederlandsniveau:
        feiten.append(teksten["niveau"].format(niveau=aanbod.vereist_nederlandsniveau))
    return Item(
        titel=aanbod.titel_in(taal),
        beschrijving=aanbod.beschrijving_in(taal),
        feiten=feiten,
        vraag=teksten["vraag"].format(organisatie=aanbod.organisatie.naam),
        titel_taal=taal if getattr(aanbod, f"titel_{taal}") else STANDAARDTAAL,
        beschrijving_taal=taal if getattr(aanbod, f"beschrijving_{taal}") else STANDAARDTAAL,
    )


def domeinen(per_domein: dict[str, list[Aanbod]], taal: str) -> list[Domein]:
    """The brochure's sections: per levensdomein, its offers sorted by title in ``taal``."""
    return [
        Domein(
            code=code,
            naam=DOMEINEN[taal].get(code, code),
            items=sorted((_item(a, taal) for a in aanbod), key=lambda i: i.titel.casefold()),
        )
        for code, aanbod in per_domein.items()
    ]


def bijgewerkt(taal: str, vandaag: datetime.date) -> str:
    return TEKSTEN[taal]["bijgewerkt"].format(datum=f"{vandaag:%d/%m/%Y}")
