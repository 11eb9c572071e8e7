"""Rooms and closure days of a prison."""

from __future__ import annotations

import datetime
from typing import Any

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from aanbod.gebruik import sessies_in_gebruik
from aanbod.models import Activiteit, Lokaal, Sessie, Sluitingsdag
from hdv.audit import wijziging_vastleggen
from hdv.models import Gevangenis


@transaction.atomic
def lokaal_opslaan(
    *,
    lokaal: Lokaal | None = None,
    gevangenis: Gevangenis | None = None,
    naam: str,
    soort: str,
    capaciteit: int,
    actief: bool = True,
    door: Any,
) -> Lokaal:
    nieuw = lokaal is None
    if lokaal is None:
        if gevangenis is None:
            raise ValidationError({"gevangenis": _("Kies een gevangenis.")})
        lokaal = Lokaal(gevangenis=gevangenis)
    elif capaciteit < lokaal.capaciteit:
        te_groot = lokaal.activiteiten.filter(capaciteit__gt=capaciteit).count()
        if te_groot:
            raise ValidationError(
                {"capaciteit": _("%(n)s activiteit(en) in dit lokaal hebben meer plaatsen dan %(c)s.")
                 % {"n": te_groot, "c": capaciteit}}
            )  # fmt: skip
    lokaal.naam, lokaal.soort, lokaal.capaciteit, lokaal.actief = (
        naam.strip(),
        soort,
        capaciteit,
        actief,
    )
    lokaal.full_clean()
    lokaal.save()
    wijziging_vastleggen(
        door=door,
        actie="lokaal_aangemaakt" if nieuw else "lokaal_gewijzigd",
        obj=lokaal,
        gevangenis=lokaal.gevangenis,
        velden=["naam", "soort", "capaciteit", "actief"],
    )
    return lokaal


@transaction.atomic
def sluitingsdag_toevoegen(
    *, gevangenis: Gevangenis, datum: datetime.date, reden: str, door: Any
) -> Sluitingsdag:
    """A closure day; sessions already generated that day go, unless already in use."""
    dag = Sluitingsdag(gevangenis=gevangenis, datum=datum, reden=reden.strip())
    dag.full_clean()
    dag.save()
    die_dag = set(
        Sessie.objects.filter(
            activiteit__gevangenis=gevangenis, datum=datum, annuleringsreden__isnull=True
        ).values_list("pk", flat=True)
    )
    Sessie.objects.filter(pk__in=die_dag - sessies_in_gebruik(die_dag)).delete()
    wijziging_vastleggen(
        door=door,
        actie="sluitingsdag_toegevoegd",
        obj=dag,
        gevangenis=gevangenis,
        velden=["datum", "reden"],
    )
    return dag


@transaction.atomic
def sluitingsdag_verwijderen(*, dag: Sluitingsdag, door: Any) -> None:
    """The day is open again: the activities running then get their sessions back."""
    from aanbod.services.planning import sessies_genereren

    wijziging_vastleggen(
        door=door, actie="sluitingsdag_verwijderd", obj=dag, gevangenis=dag.gevangenis
    )
    dag.delete()
    lopend = Activiteit.objects.filter(
        gevangenis=dag.gevangenis, startdatum__lte=dag.datum, einddatum__gte=dag.datum
    ).prefetch_related("slots")
    for activiteit in lopend:
        sessies_genereren(activiteit=activiteit, van=dag.datum)
