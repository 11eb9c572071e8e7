"""Writes on detainees and their stays. Each validates, writes and records the audit trail."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from aanbod.models import Doelgroep
from hdv.audit import wijziging_vastleggen
from hdv.models import Gevangenis
from trajecten import gebeurtenissen
from trajecten.models import (
    Doelgroepvlag,
    Gedetineerde,
    NiveauNederlands,
    Statuut,
    Statuutwijziging,
    Verblijf,
    taalcode_validator,
)

# What the federal feed (and later a form) may change on a person, besides the stays.
BIJWERKBARE_VELDEN = (
    "voornaam",
    "achternaam",
    "geboortedatum",
    "geslacht",
    "talen",
    "niveau_nederlands",
    "datum_vi",
    "strafeinde",
    "eerdere_detenties",
)


def _door_id(door: Any) -> int | None:
    return door.pk if getattr(door, "is_authenticated", False) else None


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
    statuut: str = "",
    statuut_bron: str = Statuutwijziging.Bron.MANUEEL,
    door: Any,
    **gegevens: Any,
) -> Gedetineerde:
    """An arrival of someone new: the person and their first open stay.

    ``statuut`` starts the status history on the day of arrival; ``gegevens`` are other
    fields of BIJWERKBARE_VELDEN (talen, strafeinde…).
    """
    onbekend = set(gegevens) - set(BIJWERKBARE_VELDEN)
    if onbekend:
        raise ValueError(f"Onbekende gegevens: {sorted(onbekend)}")
    if "talen" in gegevens:
        gegevens["talen"] = _talen(gegevens["talen"])
    gedetineerde = Gedetineerde(
        detineenummer=detineenummer.strip(),
        voornaam=voornaam.strip(),
        achternaam=achternaam.strip(),
        geboortedatum=geboortedatum,
        geslacht=geslacht,
        huidige_gevangenis=gevangenis,
        statuut=statuut,
        **gegevens,
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
        velden=[
            "detineenummer",
            "voornaam",
            "achternaam",
            "geboortedatum",
            "geslacht",
            *(["statuut"] if statuut else []),
            *gegevens,
        ],
    )
    if statuut:
        if statuut_bron not in Statuutwijziging.Bron.values:
            raise ValidationError({"statuut": _("Onbekende bron.")})
        Statuutwijziging.objects.create(
            gedetineerde=gedetineerde, statuut=statuut, sinds=van, bron=statuut_bron
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
    # A stay that is still open, or ends after this one begins, would overlap it. A
    # transfer ends the old stay on the day the new one begins: touching is no overlap.
    overlappend = (
        gedetineerde.verblijven.filter(Q(tot__isnull=True) | Q(tot__gt=van))
        .select_related("gevangenis")
        .first()
    )
    if overlappend is not None:
        raise ValidationError(
            {
                "van": _("Dit verblijf overlapt met het verblijf in %(gevangenis)s vanaf %(van)s.")
                % {"gevangenis": overlappend.gevangenis, "van": f"{overlappend.van:%d/%m/%Y}"}
            }
        )
    verblijf = Verblijf(
        gedetineerde=gedetineerde, gevangenis=gevangenis, van=van, afdeling=afdeling
    )
    verblijf.full_clean(validate_constraints=False)
    try:
        # Two imports at once: the database keeps the one open stay.
        with transaction.atomic():
            verblijf.save()
    except IntegrityError:
        raise ValidationError({"van": _("Deze persoon heeft al een lopend verblijf.")}) from None
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
def verblijf_openen(
    *,
    gedetineerde: Gedetineerde,
    gevangenis: Gevangenis,
    van: datetime.date,
    afdeling: str = "",
    door: Any,
) -> Verblijf:
    """The arrival of someone already known (a new detention after a release)."""
    gedetineerde = Gedetineerde.objects.select_for_update().get(pk=gedetineerde.pk)
    return _verblijf_openen(
        gedetineerde=gedetineerde, gevangenis=gevangenis, van=van, afdeling=afdeling, door=door
    )


@transaction.atomic
def verblijf_beeindigen(
    *,
    verblijf: Verblijf,
    tot: datetime.date,
    eindreden: str,
    vrijlatingssoort: str = "",
    door: Any,
) -> Verblijf:
    """End a stay. A release (eindreden vrijlating) names its kind and is an event.

    Another end than a transfer or a release (overlijden, andere) is an event too
    (``VerblijfBeeindigd``); a transfer is announced by ``gedetineerde_overplaatsen`` once
    the new stay is open.
    """
    # Lock the stay only, not the prison joined to it: imports in one prison run side by side.
    verblijf = (
        Verblijf.objects.select_for_update(of=("self",))
        .select_related("gevangenis")
        .get(pk=verblijf.pk)
    )
    if verblijf.tot is not None:
        raise ValidationError({"tot": _("Dit verblijf is al beëindigd.")})
    if tot < verblijf.van:
        raise ValidationError(
            {
                "tot": _("Het einde ligt voor de aankomst (%(van)s).")
                % {"van": f"{verblijf.van:%d/%m/%Y}"}
            }
        )
    if eindreden not in Verblijf.Eindreden.values:
        raise ValidationError({"eindreden": _("Onbekende eindreden.")})
    if eindreden == Verblijf.Eindreden.VRIJLATING:
        if vrijlatingssoort not in Verblijf.Vrijlatingssoort.values:
            raise ValidationError({"vrijlatingssoort": _("Geef een geldige soort vrijlating.")})
    elif vrijlatingssoort:
        raise ValidationError(
            {"vrijlatingssoort": _("Een soort vrijlating hoort alleen bij een vrijlating.")}
        )
    verblijf.tot = tot
    verblijf.eindreden = eindreden
    verblijf.vrijlatingssoort = vrijlatingssoort
    verblijf.save(update_fields=["tot", "eindreden", "vrijlatingssoort"])
    wijziging_vastleggen(
        door=door,
        actie="verblijf_beeindigd",
        obj=verblijf,
        gevangenis=verblijf.gevangenis,
        persoon_id=verblijf.gedetineerde_id,
        velden=["tot", "eindreden", "vrijlatingssoort"]
        if vrijlatingssoort
        else ["tot", "eindreden"],
    )
    if eindreden == Verblijf.Eindreden.VRIJLATING:
        gebeurtenissen.melden(
            gebeurtenissen.Vrijlating(
                gedetineerde_id=verblijf.gedetineerde_id,
                verblijf_id=verblijf.pk,
                datum=tot,
                vrijlatingssoort=vrijlatingssoort,
                door_id=_door_id(door),
            )
        )
    elif eindreden != Verblijf.Eindreden.OVERPLAATSING:
        gebeurtenissen.melden(
            gebeurtenissen.VerblijfBeeindigd(
                gedetineerde_id=verblijf.gedetineerde_id,
                verblijf_id=verblijf.pk,
                datum=tot,
                eindreden=eindreden,
                door_id=_door_id(door),
            )
        )
    return verblijf


@transaction.atomic
def gedetineerde_vrijlaten(
    *, gedetineerde: Gedetineerde, datum: datetime.date, vrijlatingssoort: str, door: Any
) -> Verblijf:
    """A release: the open stay ends; the person stays in the scope of their last prison."""
    gedetineerde = Gedetineerde.objects.select_for_update().get(pk=gedetineerde.pk)
    open_verblijf = gedetineerde.verblijven.filter(tot__isnull=True).first()
    if open_verblijf is None:
        raise ValidationError(_("Deze persoon heeft geen lopend verblijf om te beëindigen."))
    return verblijf_beeindigen(
        verblijf=open_verblijf,
        tot=datum,
        eindreden=Verblijf.Eindreden.VRIJLATING,
        vrijlatingssoort=vrijlatingssoort,
        door=door,
    )


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
    nieuw = _verblijf_openen(
        gedetineerde=gedetineerde, gevangenis=naar, van=datum, afdeling=afdeling, door=door
    )
    gebeurtenissen.melden(
        gebeurtenissen.Overplaatsing(
            gedetineerde_id=gedetineerde.pk,
            oud_verblijf_id=open_verblijf.pk,
            nieuw_verblijf_id=nieuw.pk,
            datum=datum,
            door_id=_door_id(door),
        )
    )
    return nieuw


@transaction.atomic
def gedetineerde_bijwerken(
    *, gedetineerde: Gedetineerde, door: Any, **wijzigingen: Any
) -> list[str]:
    """Change a person's details (not the stays, not the status); the changed field names."""
    onbekend = set(wijzigingen) - set(BIJWERKBARE_VELDEN)
    if onbekend:
        raise ValueError(f"Niet bij te werken: {sorted(onbekend)}")
    gedetineerde = Gedetineerde.objects.select_for_update().get(pk=gedetineerde.pk)
    if "talen" in wijzigingen:
        wijzigingen["talen"] = _talen(wijzigingen["talen"])
    if "niveau_nederlands" in wijzigingen and not wijzigingen["niveau_nederlands"]:
        wijzigingen["niveau_nederlands"] = NiveauNederlands.ONBEKEND
    gewijzigd = [
        veld for veld, waarde in wijzigingen.items() if getattr(gedetineerde, veld) != waarde
    ]
    if not gewijzigd:
        return []
    for veld in gewijzigd:
        setattr(gedetineerde, veld, wijzigingen[veld])
    gedetineerde.full_clean(exclude=["detineenummer", "huidige_gevangenis"])
    gedetineerde.save(update_fields=gewijzigd)
    wijziging_vastleggen(
        door=door,
        actie="gedetineerde_bijgewerkt",
        obj=gedetineerde,
        gevangenis=gedetineerde.huidige_gevangenis,
        persoon_id=gedetineerde.pk,
        velden=gewijzigd,
    )
    return gewijzigd


def _talen(talen: Any) -> list[str]:
    if not isinstance(talen, list | tuple):
        raise ValidationError({"talen": _("Geef de talen als een lijst van taalcodes.")})
    schoon: list[str] = []
    for taal in talen:
        code = str(taal).strip().lower()
        try:
            taalcode_validator(code)
        except ValidationError as fout:
            raise ValidationError({"talen": fout.messages}) from None
        if code not in schoon:
            schoon.append(code)
    return schoon


@transaction.atomic
def statuut_wijzigen(
    *, gedetineerde: Gedetineerde, statuut: str, sinds: datetime.date, bron: str, door: Any
) -> Statuutwijziging | None:
    """A new legal status, appended to the history; ``None`` when it is the current one."""
    gedetineerde = Gedetineerde.objects.select_for_update().get(pk=gedetineerde.pk)
    if statuut not in Statuut.values:
        raise ValidationError({"statuut": _("Onbekend statuut.")})
    if bron not in Statuutwijziging.Bron.values:
        raise ValidationError({"bron": _("Onbekende bron.")})
    if gedetineerde.statuut == statuut:
        return None
    laatste = gedetineerde.statuutwijzigingen.first()
    if laatste is not None and sinds < laatste.sinds:
        raise ValidationError(
            {
                "sinds": _("Het statuut geldt al sinds %(sinds)s; een wijziging kan niet vroeger.")
                % {"sinds": f"{laatste.sinds:%d/%m/%Y}"}
            }
        )
    wijziging = Statuutwijziging.objects.create(
        gedetineerde=gedetineerde, statuut=statuut, sinds=sinds, bron=bron
    )
    gedetineerde.statuut = statuut
    gedetineerde.save(update_fields=["statuut"])
    wijziging_vastleggen(
        door=door,
        actie="statuut_gewijzigd",
        obj=wijziging,
        gevangenis=gedetineerde.huidige_gevangenis,
        persoon_id=gedetineerde.pk,
        velden=["statuut", "sinds", "bron"],
    )
    return wijziging


@transaction.atomic
def doelgroepvlag_zetten(
    *,
    gedetineerde: Gedetineerde,
    doelgroep: Doelgroep,
    bron: str,
    sinds: datetime.date,
    door: Any,
) -> Doelgroepvlag:
    """Flag a person as part of a target group; an existing flag is returned unchanged."""
    bestaand = Doelgroepvlag.objects.filter(gedetineerde=gedetineerde, doelgroep=doelgroep).first()
    if bestaand is not None:
        return bestaand
    vlag = Doelgroepvlag(
        gedetineerde=gedetineerde, doelgroep=doelgroep, bron=bron.strip(), sinds=sinds
    )
    vlag.full_clean(validate_constraints=False)
    try:
        with transaction.atomic():
            vlag.save()
    except IntegrityError:
        raise ValidationError(
            {"doelgroep": _("Deze persoon heeft deze doelgroepvlag al.")}
        ) from None
    # The audit names the fields, never which target group: that is the sensitive part.
    wijziging_vastleggen(
        door=door,
        actie="doelgroepvlag_gezet",
        obj=vlag,
        gevangenis=gedetineerde.huidige_gevangenis,
        persoon_id=gedetineerde.pk,
        velden=["doelgroep", "bron", "sinds"],
    )
    return vlag


@transaction.atomic
def doelgroepvlag_verwijderen(*, vlag: Doelgroepvlag, door: Any) -> None:
    gedetineerde = vlag.gedetineerde
    wijziging_vastleggen(
        door=door,
        actie="doelgroepvlag_verwijderd",
        obj=vlag,
        gevangenis=gedetineerde.huidige_gevangenis,
        persoon_id=gedetineerde.pk,
        velden=["doelgroep"],
    )
    vlag.delete()
