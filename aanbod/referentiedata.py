"""The starting reference tables: reporting categories, target groups, cancellation reasons.

They are tables, not code: a beheerder adds entries or retires them (actief) in the
admin. Loaded after every migrate (also after a test flush); existing rows are kept.
"""

from typing import Any

RAPPORTAGECATEGORIEEN = [
    ("cvo-ligo-opleiding", "CVO/Ligo-opleiding", "onderwijs"),
    ("vdab-beroepsopleiding", "VDAB-beroepsopleiding", "werk"),
    ("vdab-werkplekleren", "VDAB-werkplekleren", "werk"),
    ("vdab-toeleiding-werk", "VDAB-toeleiding naar werk", "werk"),
    ("caw-trajectbegeleiding", "CAW-trajectbegeleiding", "welzijn"),
    ("caw-groepsaanbod", "CAW-groepsaanbod", "welzijn"),
    ("cgg-behandeling", "CGG-behandeling", "geestelijke_gezondheid"),
    ("verslavingszorg", "Verslavingszorg", "geestelijke_gezondheid"),
    ("gezondheidspromotie", "Gezondheidspromotie", "gezondheid"),
    ("woonbegeleiding", "Woonbegeleiding", "wonen"),
    ("sport", "Sport", "sport"),
    ("cultuur", "Cultuur", "cultuur"),
    ("bibliotheek", "Bibliotheek", "cultuur"),
    ("juridisch-advies", "Juridisch advies", "juridisch"),
    ("schuldhulpverlening", "Schuldhulpverlening", "financien"),
]

DOELGROEPEN = [
    ("anderstaligen", "Anderstaligen"),
    ("geinterneerden", "Geïnterneerden"),
    ("veelplegers", "Veelplegers"),
    ("daders-intrafamiliaal-geweld", "Daders van intrafamiliaal geweld"),
    ("zedendaders", "Zedendaders"),
    ("geradicaliseerden", "Geradicaliseerden"),
    ("jongvolwassenen", "Jongvolwassenen"),
    ("vrouwen", "Vrouwen"),
    ("ouderen", "Ouderen"),
    ("verslaafden", "Personen met een verslaving"),
]

ANNULERINGSREDENEN = [
    ("staking", "Staking", False),
    ("personeelstekort-bewaking", "Personeelstekort bewaking", False),
    ("lokaal-onbeschikbaar", "Lokaal onbeschikbaar", False),
    ("begeleider-afwezig", "Begeleider afwezig", False),
    ("te-weinig-deelnemers", "Te weinig deelnemers", False),
    ("veiligheidsincident", "Veiligheidsincident", False),
    ("andere", "Andere", True),
]


def referentiedata_laden(sender: Any = None, **kwargs: Any) -> None:
    from aanbod.models import Annuleringsreden, Doelgroep, Rapportagecategorie

    if kwargs.get("using", "default") != "default":
        return
    for code, naam, domein in RAPPORTAGECATEGORIEEN:
        Rapportagecategorie.objects.get_or_create(
            code=code, defaults={"naam": naam, "levensdomein": domein}
        )
    for code, naam in DOELGROEPEN:
        Doelgroep.objects.get_or_create(code=code, defaults={"naam": naam})
    for code, naam, toelichting in ANNULERINGSREDENEN:
        Annuleringsreden.objects.get_or_create(
            code=code, defaults={"naam": naam, "toelichting_verplicht": toelichting}
        )
