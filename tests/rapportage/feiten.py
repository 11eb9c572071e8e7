"""Hand-built facts for the indicator tests, written straight to the tables.

The services' rules are tested in their own apps; an indicator test needs facts on
exactly the dates of its worked example (a stay that ends on the period's first day, a
stop two months ago), which the services would stamp with today. So: plain creates, with
the status history (Inschrijvingsstap) that the services would have appended.
"""

from __future__ import annotations

import datetime
import itertools
from typing import Any

from django.utils import timezone

from aanbod.models import Aanbod, Activiteit, Doelgroep, Lokaal, Rapportagecategorie, Sessie
from deelname.models import (
    Aanwezigheid,
    Afwezigheidsreden,
    Bron,
    Inschrijving,
    Inschrijvingsstap,
    Stopreden,
)
from hdv.models import Gevangenis, Organisatie
from tests.factories import GedetineerdeFactory
from trajecten.models import Doelgroepvlag, Gedetineerde, Statuutwijziging, Verblijf

D = datetime.date
_volgnummer = itertools.count(1)


def moment(datum: datetime.date, uur: int = 10) -> datetime.datetime:
    return timezone.make_aware(datetime.datetime.combine(datum, datetime.time(uur)))


def verblijf(
    persoon: Gedetineerde,
    gevangenis: Gevangenis,
    van: datetime.date,
    tot: datetime.date | None = None,
    eindreden: str = "",
) -> Verblijf:
    if tot is not None and not eindreden:
        eindreden = Verblijf.Eindreden.VRIJLATING
    return Verblijf.objects.create(
        gedetineerde=persoon,
        gevangenis=gevangenis,
        van=van,
        tot=tot,
        eindreden=eindreden,
        vrijlatingssoort=(
            Verblijf.Vrijlatingssoort.STRAFEINDE
            if eindreden == Verblijf.Eindreden.VRIJLATING
            else ""
        ),
    )


def gedetineerde(
    gevangenis: Gevangenis,
    van: datetime.date,
    tot: datetime.date | None = None,
    *,
    statuut: str = "veroordeelde",
    eindreden: str = "",
) -> Gedetineerde:
    """A person with one stay (released on ``tot`` unless another reason is given)."""
    persoon = GedetineerdeFactory(huidige_gevangenis=gevangenis, verblijf=False, statuut=statuut)
    verblijf(persoon, gevangenis, van, tot, eindreden)
    return persoon


def overplaatsen(persoon: Gedetineerde, naar: Gevangenis, datum: datetime.date) -> Verblijf:
    """As the transfer service does: the old stay ends that day, the new one begins."""
    oud = persoon.verblijven.get(tot__isnull=True)
    oud.tot = datum
    oud.eindreden = Verblijf.Eindreden.OVERPLAATSING
    oud.save()
    persoon.huidige_gevangenis = naar
    persoon.save()
    return verblijf(persoon, naar, datum)


def statuut_sinds(persoon: Gedetineerde, statuut: str, sinds: datetime.date) -> None:
    Statuutwijziging.objects.create(
        gedetineerde=persoon, statuut=statuut, sinds=sinds, bron="bevolkingsfeed"
    )


def vlag(persoon: Gedetineerde, code: str, sinds: datetime.date) -> None:
    Doelgroepvlag.objects.create(
        gedetineerde=persoon, doelgroep=Doelgroep.objects.get(code=code), bron="test", sinds=sinds
    )


def organisatie(afkorting: str, naam: str = "") -> Organisatie:
    return Organisatie.objects.get_or_create(
        afkorting=afkorting,
        defaults={
            "naam": naam or afkorting,
            "soort": Organisatie.Soort.AANBODVERSTREKKER,
            "sector": Organisatie.Sector.WELZIJN,
        },
    )[0]


def aanbod(
    aanbieder: Organisatie,
    *,
    categorie: str = "cvo-ligo-opleiding",
    vorm: str = Aanbod.Vorm.GROEP,
    titel: str = "",
) -> Aanbod:
    """An offer in the domain of its reporting category."""
    rapportagecategorie = Rapportagecategorie.objects.get(code=categorie)
    return Aanbod.objects.create(
        titel_nl=titel or f"Aanbod {next(_volgnummer)}",
        beschrijving_nl="Synthetisch testaanbod.",
        levensdomein=rapportagecategorie.levensdomein,
        organisatie=aanbieder,
        vorm=vorm,
        rapportagecategorie=rapportagecategorie,
    )


def activiteit(aanbod: Aanbod, gevangenis: Gevangenis) -> Activiteit:
    lokaal = Lokaal.objects.create(
        gevangenis=gevangenis, naam=f"Lokaal {next(_volgnummer)}", soort="klaslokaal", capaciteit=12
    )
    return Activiteit.objects.create(
        aanbod=aanbod,
        gevangenis=gevangenis,
        startdatum=D(2020, 1, 1),
        einddatum=D(2030, 12, 31),
        lokaal=lokaal,
        capaciteit=12,
    )


def sessie(activiteit: Activiteit, datum: datetime.date) -> Sessie:
    return Sessie.objects.create(
        activiteit=activiteit,
        datum=datum,
        begintijd=datetime.time(9),
        eindtijd=datetime.time(11),
        lokaal=activiteit.lokaal,
    )


def inschrijving(
    persoon: Gedetineerde,
    gevangenis: Gevangenis,
    aanbod: Aanbod,
    stappen: list[tuple[str, datetime.date]],
    *,
    activiteit: Activiteit | None = None,
    stopreden: str = "",
    gestopt_door: str = "",
) -> Inschrijving:
    """An enrolment with its history: ``stappen`` = [(naar_status, datum), …]."""
    ingeschreven = Inschrijving.objects.create(
        gedetineerde=persoon,
        gevangenis=gevangenis,
        aanbod=aanbod,
        activiteit=activiteit,
        bron=Bron.ANDERE,
        status=stappen[-1][0],
        aangevraagd_op=moment(stappen[0][1]),
        stopreden=Stopreden.objects.get(code=stopreden) if stopreden else None,
        gestopt_door=gestopt_door,
    )
    van = ""
    for naar, datum in stappen:
        Inschrijvingsstap.objects.create(
            inschrijving=ingeschreven, van_status=van, naar_status=naar, datum=datum
        )
        van = naar
    return ingeschreven


def aanwezigheid(sessie: Sessie, inschrijving: Inschrijving, status: str = "aanwezig") -> Any:
    return Aanwezigheid.objects.create(
        sessie=sessie,
        inschrijving=inschrijving,
        status=status,
        reden=Afwezigheidsreden.objects.first() if status == "afwezig" else None,
    )
