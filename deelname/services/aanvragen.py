"""Detainees' own requests (the digital rapportbriefje): made, then answered by staff.

A request is answered with an enrolment (through ``inschrijving_aanvragen``, so the
checks, their overrides and the capacity apply as for any enrolment) or with a reason
the person reads on the terminal.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from aanbod.models import Aanbod, AanbodInGevangenis, Activiteit
from deelname.models import LOPEND, Aanvraag, Bron, Gedetineerdeaccount, Inschrijving
from deelname.services.inschrijvingen import inschrijving_aanvragen
from hdv import rollen
from hdv.audit import wijziging_vastleggen
from trajecten.models import Gedetineerde


def _vastleggen(aanvraag: Aanvraag, actie: str, door: Any, velden: list[str]) -> None:
    wijziging_vastleggen(
        door=door,
        actie=actie,
        obj=aanvraag,
        gevangenis=aanvraag.gevangenis,
        persoon_id=aanvraag.gedetineerde_id,
        velden=velden,
    )


def aangeboden(aanbod: Aanbod, gevangenis: Any) -> bool:
    """Whether a prison offers this now (what a detainee may ask for)."""
    vandaag = timezone.localdate()
    return (
        not aanbod.gearchiveerd
        and AanbodInGevangenis.objects.filter(
            Q(tot__isnull=True) | Q(tot__gte=vandaag),
            aanbod=aanbod,
            gevangenis=gevangenis,
            sinds__lte=vandaag,
        ).exists()
    )


@transaction.atomic
def aanvraag_indienen(
    *,
    gedetineerde: Gedetineerde,
    aanbod: Aanbod,
    bron: str,
    door: Any,
    toelichting: str = "",
) -> Aanvraag:
    """A request to take part, in the person's current prison.

    Asked twice (a double tap, a second paper note) it returns the open request: there is
    never a second one.
    """
    if bron not in Aanvraag.Bron.values:
        raise ValidationError({"bron": _("Zeg hoe de aanvraag binnenkwam.")})
    gedetineerde = Gedetineerde.objects.select_related("huidige_gevangenis").get(pk=gedetineerde.pk)
    gevangenis = gedetineerde.huidige_gevangenis
    if (
        gevangenis is None
        or not gedetineerde.verblijven.filter(tot__isnull=True, gevangenis=gevangenis).exists()
    ):
        raise ValidationError({"gedetineerde": _("Deze persoon verblijft niet in een gevangenis.")})
    if not aangeboden(aanbod, gevangenis):
        raise ValidationError(
            {
                "aanbod": _("Dit aanbod wordt in %(gevangenis)s niet aangeboden.")
                % {"gevangenis": gevangenis}
            }
        )
    open_aanvragen = Aanvraag.objects.filter(
        gedetineerde=gedetineerde,
        aanbod=aanbod,
        gevangenis=gevangenis,
        status=Aanvraag.Status.NIEUW,
    )
    bestaand = open_aanvragen.first()
    if bestaand is not None:
        return bestaand
    if Inschrijving.objects.filter(
        gedetineerde=gedetineerde, aanbod=aanbod, gevangenis=gevangenis, status__in=LOPEND
    ).exists():
        raise ValidationError({"aanbod": _("Je bent hiervoor al ingeschreven.")})
    aanvraag = Aanvraag(
        gedetineerde=gedetineerde,
        gevangenis=gevangenis,
        aanbod=aanbod,
        bron=bron,
        toelichting=toelichting.strip()[:300],
        ingediend_op=timezone.now(),
        ingediend_door=door if getattr(door, "is_authenticated", False) else None,
    )
    try:
        with transaction.atomic():
            aanvraag.save()
    except IntegrityError:
        # The same request, submitted at the same moment: the other one won.
        return open_aanvragen.get()
    _vastleggen(aanvraag, "aanvraag ingediend", door, ["status", "bron", "aanbod"])
    return aanvraag


def _open_vergrendelen(aanvraag: Aanvraag) -> Aanvraag:
    aanvraag = (
        Aanvraag.objects.select_for_update(of=("self",))
        .select_related("gedetineerde", "aanbod", "gevangenis")
        .get(pk=aanvraag.pk)
    )
    if aanvraag.status != Aanvraag.Status.NIEUW:
        raise ValidationError(
            {
                "status": _("Deze aanvraag is al beantwoord (%(status)s).")
                % {"status": aanvraag.get_status_display()}
            }
        )
    return aanvraag


@transaction.atomic
def aanvraag_aanvaarden(
    *,
    aanvraag: Aanvraag,
    door: Any,
    activiteit: Activiteit | None = None,
    prioriteit: int = 2,
    overschrijven: Mapping[str, str] | None = None,
) -> Aanvraag:
    """Answer with an enrolment: into an activity of the offer, or the individual offer.

    The enrolment's checks raise ``Waarschuwingen`` unless overridden with a reason; a full
    activity puts the person on its waiting list, which is an answer too.
    """
    aanvraag = _open_vergrendelen(aanvraag)
    if aanvraag.gedetineerde.huidige_gevangenis_id != aanvraag.gevangenis_id:
        raise ValidationError(
            _(
                "Deze persoon verblijft niet meer in %(gevangenis)s: weiger de aanvraag met die reden."
            )
            % {"gevangenis": aanvraag.gevangenis}
        )
    if aanvraag.aanbod.vorm == Aanbod.Vorm.GROEP:
        if activiteit is None:
            raise ValidationError({"activiteit": _("Kies de activiteit.")})
        if (
            activiteit.aanbod_id != aanvraag.aanbod_id
            or activiteit.gevangenis_id != aanvraag.gevangenis_id
        ):
            raise ValidationError(
                {"activiteit": _("Kies een activiteit van dit aanbod in deze gevangenis.")}
            )
    elif activiteit is not None:
        raise ValidationError({"activiteit": _("Een individueel aanbod heeft geen activiteit.")})
    inschrijving = inschrijving_aanvragen(
        gedetineerde=aanvraag.gedetineerde,
        bron=Bron.EIGEN_AANVRAAG,
        door=door,
        activiteit=activiteit,
        aanbod=None if activiteit else aanvraag.aanbod,
        prioriteit=prioriteit,
        overschrijven=overschrijven,
    )
    aanvraag.status = Aanvraag.Status.AANVAARD
    aanvraag.inschrijving = inschrijving
    aanvraag.beantwoord_op = timezone.now()
    aanvraag.beantwoord_door = door if getattr(door, "is_authenticated", False) else None
    aanvraag.save()
    _vastleggen(aanvraag, "aanvraag aanvaard", door, ["status", "inschrijving"])
    return aanvraag


@transaction.atomic
def aanvraag_weigeren(*, aanvraag: Aanvraag, reden: str, door: Any) -> Aanvraag:
    """Answer with a reason: the person reads it on the terminal, so it is said plainly."""
    reden = reden.strip()
    if not reden:
        raise ValidationError({"reden": _("Geef de reden; de persoon leest die op de terminal.")})
    aanvraag = _open_vergrendelen(aanvraag)
    aanvraag.status = Aanvraag.Status.GEWEIGERD
    aanvraag.reden = reden[:500]
    aanvraag.beantwoord_op = timezone.now()
    aanvraag.beantwoord_door = door if getattr(door, "is_authenticated", False) else None
    aanvraag.save()
    _vastleggen(aanvraag, "aanvraag geweigerd", door, ["status", "reden"])
    return aanvraag


@transaction.atomic
def terminalaccount_aanmaken(
    *, gedetineerde: Gedetineerde, gebruikersnaam: str, wachtwoord: str, door: Any
) -> Gedetineerdeaccount:
    """A terminal account for one person: the role "gedetineerde" and nothing else."""
    user_model = get_user_model()
    gebruikersnaam = gebruikersnaam.strip()
    if not gebruikersnaam:
        raise ValidationError({"gebruikersnaam": _("Geef een gebruikersnaam.")})
    if Gedetineerdeaccount.objects.filter(gedetineerde=gedetineerde).exists():
        raise ValidationError({"gedetineerde": _("Deze persoon heeft al een terminalaccount.")})
    if user_model.objects.filter(username__iexact=gebruikersnaam).exists():
        raise ValidationError({"gebruikersnaam": _("Deze gebruikersnaam is al in gebruik.")})
    groep = Group.objects.filter(name=rollen.GEDETINEERDE).first()
    if groep is None:
        raise ValidationError(
            {"rol": _("De rol 'gedetineerde' bestaat niet: voer rollen_installeren uit.")}
        )
    # No name on the account: the person's data stays in the person's record.
    user = user_model(username=gebruikersnaam)
    try:
        validate_password(wachtwoord, user)
    except ValidationError as fout:
        raise ValidationError({"wachtwoord": fout.messages}) from None
    user.set_password(wachtwoord)
    user.save()
    user.groups.set([groep])
    account = Gedetineerdeaccount.objects.create(user=user, gedetineerde=gedetineerde)
    wijziging_vastleggen(
        door=door,
        actie="terminalaccount aangemaakt",
        obj=account,
        gevangenis=gedetineerde.huidige_gevangenis,
        persoon_id=gedetineerde.pk,
        velden=["gebruiker", "gedetineerde"],
    )
    return account
