"""Writes on the core: prisons, organisations, staff. Every one leaves an audit record."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.http import HttpRequest
from django.utils.translation import gettext as _
from rest_framework.authtoken.models import Token

from hdv.audit import wijziging_vastleggen
from hdv.models import Gevangenis, Medewerker, Organisatie
from hdv.scope import SESSIE_SLEUTEL, gevangenissen_van


@transaction.atomic
def beheer_opslaan(*, obj: models.Model, door: Any, velden: Iterable[str] = ()) -> models.Model:
    """Save a reference object edited in the admin (prison, organisation, role…)."""
    nieuw = obj.pk is None
    obj.full_clean()
    obj.save()
    wijziging_vastleggen(
        door=door,
        actie="aangemaakt" if nieuw else "gewijzigd",
        obj=obj,
        gevangenis=obj if isinstance(obj, Gevangenis) else None,
        velden=velden,
    )
    return obj


@transaction.atomic
def beheer_verwijderen(*, obj: models.Model, door: Any) -> None:
    wijziging_vastleggen(door=door, actie="verwijderd", obj=obj)
    obj.delete()


@transaction.atomic
def medewerker_aanmaken(
    *,
    gebruikersnaam: str,
    voornaam: str,
    achternaam: str,
    email: str,
    wachtwoord: str,
    organisatie: Organisatie,
    gevangenissen: Iterable[Gevangenis],
    rollen: Iterable[str],
    functie: str = "",
    door: Any,
) -> Medewerker:
    """A staff member: an account, their organisation, prisons and roles (groups)."""
    user_model = get_user_model()
    if user_model.objects.filter(username__iexact=gebruikersnaam).exists():
        raise ValidationError({"gebruikersnaam": _("Deze gebruikersnaam is al in gebruik.")})
    groepen = list(Group.objects.filter(name__in=list(rollen)))
    onbekend = set(rollen) - {groep.name for groep in groepen}
    if onbekend:
        raise ValidationError({"rollen": _("Onbekende rol: %s") % ", ".join(sorted(onbekend))})
    user = user_model(
        username=gebruikersnaam, first_name=voornaam, last_name=achternaam, email=email
    )
    try:
        validate_password(wachtwoord, user)
    except ValidationError as exc:
        raise ValidationError({"wachtwoord": exc.messages}) from None
    user.set_password(wachtwoord)
    user.save()
    user.groups.set(groepen)
    medewerker = Medewerker.objects.create(user=user, organisatie=organisatie, functie=functie)
    medewerker.gevangenissen.set(list(gevangenissen))
    wijziging_vastleggen(
        door=door,
        actie="medewerker_aangemaakt",
        obj=medewerker,
        velden=["gebruiker", "organisatie", "gevangenissen", "rollen"],
    )
    return medewerker


def gevangenis_kiezen(*, request: HttpRequest, gevangenis_id: int) -> Gevangenis:
    """The switcher: choose which of one's own prisons to work in now."""
    gevangenis = next((g for g in gevangenissen_van(request.user) if g.pk == gevangenis_id), None)
    if gevangenis is None:
        raise ValidationError({"gevangenis": _("U werkt niet in deze gevangenis.")})
    request.session[SESSIE_SLEUTEL] = gevangenis.pk
    request._hdv_actieve_gevangenis = gevangenis  # type: ignore[attr-defined]
    return gevangenis


@transaction.atomic
def api_token_aanmaken(*, user: Any, door: Any) -> Token:
    """A token for an API client (e.g. the population feed); one per account.

    The audit record points at the account, never at the token: its key is the secret.
    """
    Token.objects.filter(user=user).delete()
    token = Token.objects.create(user=user)
    wijziging_vastleggen(door=door, actie="api_token_aangemaakt", obj=user)
    return token


@transaction.atomic
def api_token_intrekken(*, token: Token, door: Any) -> None:
    user = token.user
    token.delete()
    wijziging_vastleggen(door=door, actie="api_token_ingetrokken", obj=user)


@transaction.atomic
def meldingen_instellen(*, medewerker: Medewerker, per_email: bool, door: Any) -> Medewerker:
    """A worker chooses whether new tasks in their worklist also come by e-mail."""
    if per_email and not medewerker.user.email:
        raise ValidationError(
            {
                "meldingen_per_email": _(
                    "Uw account heeft geen e-mailadres; vraag het aan de beheerder."
                )
            }
        )
    if medewerker.meldingen_per_email != per_email:
        medewerker.meldingen_per_email = per_email
        medewerker.save(update_fields=["meldingen_per_email"])
        wijziging_vastleggen(
            door=door, actie="meldingen ingesteld", obj=medewerker, velden=["meldingen_per_email"]
        )
    return medewerker
