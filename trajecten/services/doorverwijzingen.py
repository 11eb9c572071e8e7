"""Referrals: made, sent (with the person's consent), answered, closed or withdrawn."""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from aanbod.models import Aanbod, Levensdomein
from hdv.models import Organisatie
from hdv.scope import organisatie_id
from trajecten import workflow
from trajecten.models import (
    Behoefte,
    Categorie,
    Doorverwijzing,
    Doorverwijzingsstap,
    Gedetineerde,
    Plaats,
)
from trajecten.services.vastleggen import organisatie_van, vastleggen, vereis
from trajecten.zichtbaarheid import heeft_toestemming, inzicht

S = Doorverwijzing.Status


@transaction.atomic
def doorverwijzing_aanmaken(
    *,
    gedetineerde: Gedetineerde,
    plaats: str,
    motivatie: str,
    door: Any,
    naar_organisatie: Organisatie | None = None,
    aanbod: Aanbod | None = None,
    levensdomein: str = "",
    behoefte: Behoefte | None = None,
    versturen: bool = False,
) -> Doorverwijzing:
    """A referral to an organisation, or to one of its offers (then to its organisation).

    It starts as a concept; ``versturen=True`` sends it at once.
    """
    fouten: dict[str, str] = {}
    if aanbod is not None:
        if aanbod.gearchiveerd:
            fouten["aanbod"] = _("Dit aanbod is gearchiveerd: verwijs naar een lopend aanbod.")
        elif naar_organisatie is not None and naar_organisatie.pk != aanbod.organisatie_id:
            fouten["naar_organisatie"] = _("Het aanbod hoort bij een andere organisatie.")
        naar_organisatie = aanbod.organisatie
        levensdomein = levensdomein or aanbod.levensdomein
    if behoefte is not None:
        if behoefte.gedetineerde_id != gedetineerde.pk:
            fouten["behoefte"] = _("Deze behoefte hoort bij een andere persoon.")
        elif not inzicht(door, gedetineerde).behoefte(behoefte):
            # Linking it would copy its life domain: only for who may read the need.
            fouten["behoefte"] = _("Deze behoefte is niet gedeeld met uw organisatie.")
        levensdomein = levensdomein or behoefte.levensdomein
    if naar_organisatie is None:
        fouten.setdefault("naar_organisatie", _("Kies een organisatie of een aanbod."))
    elif not naar_organisatie.actief:
        fouten["naar_organisatie"] = _("Deze organisatie is niet meer actief.")
    if levensdomein not in Levensdomein.values:
        fouten["levensdomein"] = _("Kies een levensdomein.")
    if plaats not in Plaats.values:
        fouten["plaats"] = _("Kies binnen of buiten de gevangenis.")
    if not motivatie.strip():
        fouten["motivatie"] = _("Beschrijf de vraag: wat is er nodig en waarom.")
    if fouten:
        raise ValidationError(fouten)
    assert naar_organisatie is not None
    doorverwijzing = Doorverwijzing.objects.create(
        gedetineerde=gedetineerde,
        behoefte=behoefte,
        levensdomein=levensdomein,
        van_organisatie=organisatie_van(door),
        aangemaakt_door=door,
        naar_organisatie=naar_organisatie,
        aanbod=aanbod,
        plaats=plaats,
        motivatie=motivatie.strip(),
    )
    Doorverwijzingsstap.objects.create(
        doorverwijzing=doorverwijzing, naar_status=S.CONCEPT, door=door
    )
    vastleggen(
        door=door,
        actie="doorverwijzing aangemaakt",
        obj=doorverwijzing,
        gedetineerde=gedetineerde,
        velden=["naar_organisatie", "aanbod", "levensdomein", "plaats", "motivatie", "behoefte"],
    )
    if versturen:
        doorverwijzing = doorverwijzing_versturen(doorverwijzing=doorverwijzing, door=door)
    return doorverwijzing


def _vergrendelen(doorverwijzing: Doorverwijzing) -> Doorverwijzing:
    return (
        Doorverwijzing.objects.select_for_update(of=("self",))
        .select_related("gedetineerde__huidige_gevangenis", "naar_organisatie")
        .get(pk=doorverwijzing.pk)
    )


def _overgang(
    doorverwijzing: Doorverwijzing, naar: str, door: Any, toelichting: str = ""
) -> Doorverwijzing:
    van = doorverwijzing.status
    if not workflow.doorverwijzing_mag(van, naar):
        raise ValidationError(
            {
                "status": _("Een doorverwijzing met status '%(van)s' kan niet naar '%(naar)s'.")
                % {"van": S(van).label, "naar": S(naar).label}
            }
        )
    nu = timezone.now()
    doorverwijzing.status = naar
    if naar == S.VERSTUURD:
        doorverwijzing.verstuurd_op = nu
    if naar in workflow.DOORVERWIJZING_DOOR_ONTVANGER:
        doorverwijzing.beantwoord_op = nu
    if not workflow.DOORVERWIJZING_OVERGANGEN[naar]:
        doorverwijzing.afgesloten_op = nu
    doorverwijzing.save()
    Doorverwijzingsstap.objects.create(
        doorverwijzing=doorverwijzing,
        van_status=van,
        naar_status=naar,
        door=door,
        toelichting=toelichting.strip(),
    )
    vastleggen(
        door=door,
        actie=f"doorverwijzing {naar}",
        obj=doorverwijzing,
        gedetineerde=doorverwijzing.gedetineerde,
        velden=["status"],
    )
    return doorverwijzing


def _vereis_verwijzer(doorverwijzing: Doorverwijzing, door: Any) -> None:
    vereis(
        organisatie_id(door) == doorverwijzing.van_organisatie_id,
        _("Alleen de organisatie die doorverwees kan dit doen."),
    )


@transaction.atomic
def doorverwijzing_versturen(*, doorverwijzing: Doorverwijzing, door: Any) -> Doorverwijzing:
    """Send it: the person must have consented to share referrals with the receiver."""
    doorverwijzing = _vergrendelen(doorverwijzing)
    _vereis_verwijzer(doorverwijzing, door)
    naar = doorverwijzing.naar_organisatie
    if naar.pk != doorverwijzing.van_organisatie_id and not heeft_toestemming(
        doorverwijzing.gedetineerde, naar.pk, Categorie.DOORVERWIJZINGEN
    ):
        raise ValidationError(
            {
                "naar_organisatie": _(
                    "De gedetineerde gaf geen toestemming om doorverwijzingen te delen met "
                    "%(organisatie)s. Registreer eerst de toestemming."
                )
                % {"organisatie": naar}
            }
        )
    return _overgang(doorverwijzing, S.VERSTUURD, door)


def _mag_antwoorden(doorverwijzing: Doorverwijzing, door: Any) -> bool:
    naar = doorverwijzing.naar_organisatie
    if naar.soort == Organisatie.Soort.EXTERN:
        # An outside partner does not work in HDV: the referring worker records its answer.
        return organisatie_id(door) == doorverwijzing.van_organisatie_id
    return organisatie_id(door) == naar.pk and door.has_perm("trajecten.beantwoord_doorverwijzing")


@transaction.atomic
def doorverwijzing_beantwoorden(
    *,
    doorverwijzing: Doorverwijzing,
    aanvaard: bool,
    door: Any,
    weigerreden: str = "",
    antwoord: str = "",
) -> Doorverwijzing:
    doorverwijzing = _vergrendelen(doorverwijzing)
    if not _mag_antwoorden(doorverwijzing, door):
        raise PermissionDenied(
            _("Alleen de ontvangende organisatie kan deze doorverwijzing beantwoorden.")
        )
    # The receiver reads it under the person's consent: withdrawn, it cannot answer either.
    vereis(
        inzicht(door, doorverwijzing.gedetineerde).doorverwijzing(doorverwijzing),
        _("De toestemming om deze doorverwijzing te delen is ingetrokken."),
    )
    if not aanvaard and weigerreden not in Doorverwijzing.Weigerreden.values:
        raise ValidationError({"weigerreden": _("Geef de reden van de weigering.")})
    doorverwijzing.weigerreden = "" if aanvaard else weigerreden
    doorverwijzing.antwoord = antwoord.strip()
    return _overgang(doorverwijzing, S.AANVAARD if aanvaard else S.GEWEIGERD, door, antwoord)


@transaction.atomic
def doorverwijzing_afronden(
    *, doorverwijzing: Doorverwijzing, door: Any, toelichting: str = ""
) -> Doorverwijzing:
    """The help the referral asked for has been given (by either side)."""
    doorverwijzing = _vergrendelen(doorverwijzing)
    vereis(
        organisatie_id(door)
        in {doorverwijzing.van_organisatie_id, doorverwijzing.naar_organisatie_id},
        _("Alleen de betrokken organisaties kunnen een doorverwijzing afronden."),
    )
    # The receiver works under the person's consent, as when answering.
    vereis(
        inzicht(door, doorverwijzing.gedetineerde).doorverwijzing(doorverwijzing),
        _("De toestemming om deze doorverwijzing te delen is ingetrokken."),
    )
    return _overgang(doorverwijzing, S.AFGEROND, door, toelichting)


@transaction.atomic
def doorverwijzing_intrekken(
    *, doorverwijzing: Doorverwijzing, door: Any, toelichting: str = ""
) -> Doorverwijzing:
    doorverwijzing = _vergrendelen(doorverwijzing)
    _vereis_verwijzer(doorverwijzing, door)
    return _overgang(doorverwijzing, S.INGETROKKEN, door, toelichting)
