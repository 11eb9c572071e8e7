"""Case notes with a level, the detainee's consent, and case conferences."""

from __future__ import annotations

import datetime
from collections.abc import Sequence
from typing import Any

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hdv.models import Organisatie
from trajecten.models import Casusoverleg, Categorie, Gedetineerde, Notitie, Toestemming
from trajecten.services.vastleggen import organisatie_van, vastleggen


@transaction.atomic
def notitie_schrijven(
    *,
    gedetineerde: Gedetineerde,
    niveau: str,
    tekst: str,
    door: Any,
    gedeeld_met: Sequence[Any] = (),
) -> Notitie:
    """A note; under professional secrecy it can name colleagues of the same organisation."""
    fouten = {}
    if niveau not in Notitie.Niveau.values:
        fouten["niveau"] = _("Kies wie de notitie mag lezen.")
    if not tekst.strip():
        fouten["tekst"] = _("De notitie is leeg.")
    organisatie = organisatie_van(door)
    collegas = list(gedeeld_met)
    if collegas and niveau != Notitie.Niveau.BEROEPSGEHEIM:
        fouten["gedeeld_met"] = _("Collega's met naam noemen kan alleen bij beroepsgeheim.")
    vreemd = [
        c
        for c in collegas
        if getattr(getattr(c, "medewerker", None), "organisatie_id", None) != organisatie.pk
    ]
    if vreemd:
        fouten["gedeeld_met"] = _(
            "Beroepsgeheim deelt u alleen met collega's van uw eigen organisatie."
        )
    if fouten:
        raise ValidationError(fouten)
    notitie = Notitie.objects.create(
        gedetineerde=gedetineerde,
        niveau=niveau,
        tekst=tekst.strip(),
        auteur=door,
        organisatie=organisatie,
    )
    if collegas:
        notitie.gedeeld_met.set(collegas)
    vastleggen(
        door=door,
        actie="notitie geschreven",
        obj=notitie,
        gedetineerde=gedetineerde,
        velden=["niveau", "tekst", *(["gedeeld_met"] if collegas else [])],
    )
    return notitie


@transaction.atomic
def toestemming_geven(
    *,
    gedetineerde: Gedetineerde,
    organisatie: Organisatie,
    categorie: str,
    door: Any,
    gegeven_op: datetime.date | None = None,
    opmerking: str = "",
) -> Toestemming:
    """Register the person's consent (signed form or recorded in the conversation)."""
    gegeven_op = gegeven_op or timezone.localdate()
    fouten = {}
    if categorie not in Categorie.values:
        fouten["categorie"] = _("Kies wat gedeeld mag worden.")
    if gegeven_op > timezone.localdate():
        fouten["gegeven_op"] = _("Een toestemming kan niet in de toekomst gegeven zijn.")
    if fouten:
        raise ValidationError(fouten)
    try:
        with transaction.atomic():
            toestemming = Toestemming.objects.create(
                gedetineerde=gedetineerde,
                organisatie=organisatie,
                categorie=categorie,
                gegeven_op=gegeven_op,
                geregistreerd_door=door,
                opmerking=opmerking.strip(),
            )
    except IntegrityError:
        raise ValidationError(
            {"categorie": _("Deze toestemming is al gegeven en niet ingetrokken.")}
        ) from None
    vastleggen(
        door=door,
        actie="toestemming gegeven",
        obj=toestemming,
        gedetineerde=gedetineerde,
        velden=["organisatie", "categorie", "gegeven_op"],
    )
    return toestemming


@transaction.atomic
def toestemming_intrekken(
    *, toestemming: Toestemming, door: Any, ingetrokken_op: datetime.date | None = None
) -> Toestemming:
    """Withdrawal takes effect at once: every read checks the active consents."""
    toestemming = (
        Toestemming.objects.select_for_update(of=("self",))
        .select_related("gedetineerde__huidige_gevangenis")
        .get(pk=toestemming.pk)
    )
    if toestemming.ingetrokken_op is not None:
        raise ValidationError(_("Deze toestemming is al ingetrokken."))
    ingetrokken_op = ingetrokken_op or timezone.localdate()
    if ingetrokken_op > timezone.localdate():
        # It takes effect at once; a withdrawal "from next month" would mislead.
        raise ValidationError(
            {"ingetrokken_op": _("Een intrekking kan niet in de toekomst liggen.")}
        )
    if ingetrokken_op < toestemming.gegeven_op:
        raise ValidationError(
            {"ingetrokken_op": _("Een intrekking kan niet voor de toestemming liggen.")}
        )
    toestemming.ingetrokken_op = ingetrokken_op
    toestemming.ingetrokken_door = door
    toestemming.intrekking_geregistreerd = timezone.now()
    toestemming.save(
        update_fields=["ingetrokken_op", "ingetrokken_door", "intrekking_geregistreerd"]
    )
    vastleggen(
        door=door,
        actie="toestemming ingetrokken",
        obj=toestemming,
        gedetineerde=toestemming.gedetineerde,
        velden=["ingetrokken_op"],
    )
    return toestemming


@transaction.atomic
def casusoverleg_vastleggen(
    *,
    gedetineerde: Gedetineerde,
    datum: datetime.date,
    onderwerp: str,
    besluiten: str,
    deelnemers: Sequence[Any],
    door: Any,
    externe_deelnemers: str = "",
) -> Casusoverleg:
    fouten = {}
    if datum > timezone.localdate():
        fouten["datum"] = _("Leg een casusoverleg vast nadat het plaatsvond.")
    if not onderwerp.strip():
        fouten["onderwerp"] = _("Geef het onderwerp.")
    if not besluiten.strip():
        fouten["besluiten"] = _("Noteer wat besloten werd.")
    deelnemers = list(deelnemers)
    gevangenis_id = gedetineerde.huidige_gevangenis_id
    gebruikers = get_user_model().objects.filter(
        pk__in=[d.pk for d in deelnemers], medewerker__gevangenissen=gevangenis_id
    )
    if len({d.pk for d in deelnemers}) != gebruikers.count():
        fouten["deelnemers"] = _("Deelnemers moeten medewerkers van deze gevangenis zijn.")
    if fouten:
        raise ValidationError(fouten)
    overleg = Casusoverleg.objects.create(
        gedetineerde=gedetineerde,
        datum=datum,
        onderwerp=onderwerp.strip(),
        organisatie=organisatie_van(door),
        externe_deelnemers=externe_deelnemers.strip(),
        besluiten=besluiten.strip(),
        opgesteld_door=door,
    )
    overleg.deelnemers.set({*deelnemers, door})
    vastleggen(
        door=door,
        actie="casusoverleg vastgelegd",
        obj=overleg,
        gedetineerde=gedetineerde,
        velden=["datum", "onderwerp", "deelnemers", "besluiten"],
    )
    return overleg
