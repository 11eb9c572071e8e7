"""Writes on detainees and their stays. Each validates, writes and records the audit trail."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from hdv.audit import wijziging_vastleggen
from hdv.models import Gevangenis
from trajecten.models import Gedetineerde, Verblijf


@transaction.atomic
def gedetineerde_opnemen(
    *,
    detineenummer: str,
    voornaam: str,
    achternaam: str,
    geboortedatum: datetime.date,
    geslacht: str,
    gevangenis: Gevangenis,
    van: datetime.date,
    afdeling: str = "",
    door: Any,
) -> Gedetineerde:
    """An arrival of someone new: the person and their first open stay."""
    gedetineerde = Gedetineerde(
        detineenummer=detineenummer.strip(),
        voornaam=voornaam.strip(),
        achternaam=achternaam.strip(),
        geboortedatum=geboortedatum,
        geslacht=geslacht,
        huidige_gevangenis=gevangenis,
    )
    gedetineerde.full_clean()
    if geboortedatum >= van:
        raise ValidationError({"geboortedatum": _("De geboortedatum ligt na de aankomst.")})
    try:
        # A concurrent import may have taken the number since full_clean looked.
        with transaction.atomic():
            gedetineerde.save()
    except IntegrityError:
        raise ValidationError(
            {"detineenummer": _("Er bestaat al een gedetineerde met dit nummer.")}
        ) from None
    wijziging_vastleggen(
        door=door,
        actie="gedetineerde_opgenomen",
        obj=gedetineerde,
        gevangenis=gevangenis,
        persoon_id=gedetineerde.pk,
        velden=["detineenummer", "voornaam", "achternaam", "geboortedatum", "geslacht"],
    )
    _verblijf_openen(
        gedetineerde=gedetineerde, gevangenis=gevangenis, van=van, afdeling=afdeling, door=door
    )
    return gedetineerde


def _verblijf_openen(
    *,
    gedetineerde: Gedetineerde,
    gevangenis: Gevangenis,
    van: datetime.date,
    afdeling: str,
    door: Any,
) -> Verblijf:
    verblijf = Verblijf(
        gedetineerde=gedetineerde, gevangenis=gevangenis, van=van, afdeling=afdeling
    )
    verblijf.full_clean()
    verblijf.save()
    if gedetineerde.huidige_gevangenis_id != gevangenis.pk:
        gedetineerde.huidige_gevangenis = gevangenis
        gedetineerde.save(update_fields=["huidige_gevangenis"])
    wijziging_vastleggen(
        door=door,
        actie="verblijf_geopend",
        obj=verblijf,
        gevangenis=gevangenis,
        persoon_id=gedetineerde.pk,
        velden=["gevangenis", "afdeling", "van"],
    )
    return verblijf


@transaction.atomic
def verblijf_beeindigen(
    *, verblijf: Verblijf, tot: datetime.date, eindreden: str, door: Any
) -> Verblijf:
    verblijf = Verblijf.objects.select_for_update().get(pk=verblijf.pk)
    if verblijf.tot is not None:
        raise ValidationError({"tot": _("Dit verblijf is al beëindigd.")})
    if tot < verblijf.van:
        raise ValidationError({"tot": _("Het einde ligt voor het begin van het verblijf.")})
    if eindreden not in Verblijf.Eindreden.values:
        raise ValidationError({"eindreden": _("Onbekende eindreden.")})
    verblijf.tot = tot
    verblijf.eindreden = eindreden
    verblijf.save(update_fields=["tot", "eindreden"])
    wijziging_vastleggen(
        door=door,
        actie="verblijf_beeindigd",
        obj=verblijf,
        gevangenis=verblijf.gevangenis,
        persoon_id=verblijf.gedetineerde_id,
        velden=["tot", "eindreden"],
    )
    return verblijf


@transaction.atomic
def gedetineerde_overplaatsen(
    *,
    gedetineerde: Gedetineerde,
    naar: Gevangenis,
    datum: datetime.date,
    afdeling: str = "",
    door: Any,
) -> Verblijf:
    """A transfer: the open stay ends and a new one opens in the receiving prison."""
    gedetineerde = Gedetineerde.objects.select_for_update().get(pk=gedetineerde.pk)
    open_verblijf = gedetineerde.verblijven.filter(tot__isnull=True).first()
    if open_verblijf is None:
        raise ValidationError(_("Deze persoon heeft geen lopend verblijf om over te plaatsen."))
    if open_verblijf.gevangenis_id == naar.pk:
        raise ValidationError({"naar": _("De persoon verblijft al in deze gevangenis.")})
    verblijf_beeindigen(
        verblijf=open_verblijf, tot=datum, eindreden=Verblijf.Eindreden.OVERPLAATSING, door=door
    )
    return _verblijf_openen(
        gedetineerde=gedetineerde, gevangenis=naar, van=datum, afdeling=afdeling, door=door
    )
