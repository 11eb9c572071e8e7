"""The catalogue and which prison has which offer."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aanbod.models import Aanbod, AanbodInGevangenis, Doelgroep
from hdv.audit import wijziging_vastleggen
from hdv.models import Gevangenis, Medewerker

AANBOD_VELDEN = {
    "titel_nl", "titel_fr", "titel_en", "beschrijving_nl", "beschrijving_fr", "beschrijving_en",
    "levensdomein", "organisatie", "vorm", "rapportagecategorie", "talen", "duur_weken",
    "met_examen", "met_attest", "vereist_nederlandsniveau", "minimale_resterende_detentie_weken",
    "toelatingsvoorwaarden",
}  # fmt: skip


def _talen_opschonen(talen: Iterable[str]) -> list[str]:
    schoon = sorted({t.strip().lower() for t in talen if t and t.strip()})
    for taal in schoon:
        if not (2 <= len(taal) <= 3 and taal.isalpha()):
            raise ValidationError(
                {"talen": _("‘%(taal)s’ is geen taalcode (bv. nl, fr, ar).") % {"taal": taal}}
            )
    return schoon


@transaction.atomic
def aanbod_opslaan(
    *,
    aanbod: Aanbod | None = None,
    doelgroepen: Iterable[Doelgroep] | None = None,
    door: Any,
    **velden: Any,
) -> Aanbod:
    """Create (``aanbod=None``) or change a catalogue item; ``doelgroepen=None`` keeps them."""
    onbekend = set(velden) - AANBOD_VELDEN
    if onbekend:
        raise ValidationError(_("Onbekende velden: %s") % ", ".join(sorted(onbekend)))
    nieuw = aanbod is None
    aanbod = aanbod or Aanbod()
    if aanbod.gearchiveerd:
        raise ValidationError(_("Gearchiveerd aanbod kan niet gewijzigd worden."))
    if "talen" in velden:
        velden["talen"] = _talen_opschonen(velden["talen"])
    gewijzigd = [naam for naam, waarde in velden.items() if getattr(aanbod, naam, None) != waarde]
    for naam, waarde in velden.items():
        setattr(aanbod, naam, waarde)
    aanbod.full_clean()
    aanbod.save()
    if doelgroepen is not None:
        doelgroepen = list(doelgroepen)
        if nieuw or set(doelgroepen) != set(aanbod.doelgroepen.all()):
            gewijzigd.append("doelgroepen")
        aanbod.doelgroepen.set(doelgroepen)
    wijziging_vastleggen(
        door=door,
        actie="aanbod_aangemaakt" if nieuw else "aanbod_gewijzigd",
        obj=aanbod,
        velden=gewijzigd,
    )
    return aanbod


@transaction.atomic
def aanbod_archiveren(*, aanbod: Aanbod, door: Any) -> Aanbod:
    """Items in use are never deleted: archived, they leave the catalogue but keep their history."""
    aanbod = Aanbod.objects.select_for_update().get(pk=aanbod.pk)
    if aanbod.gearchiveerd:
        raise ValidationError(_("Dit aanbod is al gearchiveerd."))
    aanbod.gearchiveerd_op = timezone.now()
    aanbod.save(update_fields=["gearchiveerd_op"])
    vandaag = timezone.localdate()
    for beschikbaarheid in aanbod.beschikbaarheden.filter(tot__isnull=True):
        beschikbaarheid.tot = max(vandaag, beschikbaarheid.sinds)
        beschikbaarheid.save(update_fields=["tot"])
    wijziging_vastleggen(
        door=door, actie="aanbod_gearchiveerd", obj=aanbod, velden=["gearchiveerd_op"]
    )
    return aanbod


@transaction.atomic
def aanbod_in_gevangenis_opnemen(
    *,
    aanbod: Aanbod,
    gevangenis: Gevangenis,
    sinds: datetime.date,
    capaciteit: int | None = None,
    met_wachtlijst: bool = True,
    verantwoordelijken: Iterable[Medewerker] = (),
    door: Any,
) -> AanbodInGevangenis:
    if aanbod.gearchiveerd:
        raise ValidationError({"aanbod": _("Gearchiveerd aanbod kan niet meer aangeboden worden.")})
    verantwoordelijken = list(verantwoordelijken)
    _verantwoordelijken_controleren(verantwoordelijken, gevangenis)
    beschikbaarheid = AanbodInGevangenis(
        aanbod=aanbod,
        gevangenis=gevangenis,
        sinds=sinds,
        capaciteit=capaciteit,
        met_wachtlijst=met_wachtlijst,
    )
    beschikbaarheid.full_clean()
    beschikbaarheid.save()
    beschikbaarheid.verantwoordelijken.set(verantwoordelijken)
    wijziging_vastleggen(
        door=door,
        actie="aanbod_in_gevangenis_opgenomen",
        obj=beschikbaarheid,
        gevangenis=gevangenis,
        velden=["aanbod", "sinds", "capaciteit", "met_wachtlijst", "verantwoordelijken"],
    )
    return beschikbaarheid


@transaction.atomic
def aanbod_in_gevangenis_bijwerken(
    *,
    beschikbaarheid: AanbodInGevangenis,
    capaciteit: int | None,
    met_wachtlijst: bool,
    verantwoordelijken: Iterable[Medewerker],
    tot: datetime.date | None = None,
    door: Any,
) -> AanbodInGevangenis:
    verantwoordelijken = list(verantwoordelijken)
    _verantwoordelijken_controleren(verantwoordelijken, beschikbaarheid.gevangenis)
    if tot is not None and tot < beschikbaarheid.sinds:
        raise ValidationError({"tot": _("Het einde ligt voor het begin.")})
    beschikbaarheid.capaciteit = capaciteit
    beschikbaarheid.met_wachtlijst = met_wachtlijst
    beschikbaarheid.tot = tot
    beschikbaarheid.full_clean()
    beschikbaarheid.save()
    beschikbaarheid.verantwoordelijken.set(verantwoordelijken)
    wijziging_vastleggen(
        door=door,
        actie="aanbod_in_gevangenis_gewijzigd",
        obj=beschikbaarheid,
        gevangenis=beschikbaarheid.gevangenis,
        velden=["capaciteit", "met_wachtlijst", "verantwoordelijken", "tot"],
    )
    return beschikbaarheid


def _verantwoordelijken_controleren(
    verantwoordelijken: list[Medewerker], gevangenis: Gevangenis
) -> None:
    buiten = [
        m for m in verantwoordelijken if not m.gevangenissen.filter(pk=gevangenis.pk).exists()
    ]
    if buiten:
        raise ValidationError(
            {
                "verantwoordelijken": _("%(namen)s werkt niet in deze gevangenis.")
                % {"namen": ", ".join(map(str, buiten))}
            }
        )
