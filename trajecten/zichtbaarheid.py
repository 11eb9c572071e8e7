"""Who may read what of a person's file, beyond the prison scope.

The prison scope (``hdv.scope``) decides *whose* file a user can open. This module
decides which *content* of an open file they read:

- **Consent** (Toestemming): an organisation reads the content of a category (intake
  and needs, plan, referrals, shared notes, release preparation) if it owns the record
  or if the person gave that organisation consent for the category. Without it the user
  sees that the record exists, not what is in it. A withdrawal takes effect on the next
  read: nothing is cached beyond one request.
- **Note levels**: ``gedeeld`` notes are for the author's organisation and the
  organisations with consent for notes; ``organisatie`` notes for the author's
  organisation only; ``beroepsgeheim`` notes for the author and the colleagues they
  named, never by consent.
- **Case conferences**: for their participants and the organising organisation.

HTML views, the API and the PDFs all ask here, so the rules live in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from django.db.models import Q, QuerySet

from hdv.scope import organisatie_id
from trajecten.models import (
    Casusoverleg,
    Categorie,
    Doorverwijzing,
    Gedetineerde,
    HdvPlan,
    Notitie,
    Toestemming,
)


@dataclass
class Inzicht:
    """What one user may read of one person's file, computed once per request."""

    user: Any
    gedetineerde_id: int
    organisatie_id: int | None
    categorieen: frozenset[str] = field(default_factory=frozenset)

    def mag(self, categorie: str, eigenaar_id: int | None) -> bool:
        """May this user read content of ``categorie`` owned by organisation ``eigenaar_id``?"""
        if self.organisatie_id is None:
            return False
        return eigenaar_id == self.organisatie_id or categorie in self.categorieen

    def onthaal(self, onthaal: Any) -> bool:
        return self.mag(Categorie.ONTHAAL, onthaal.organisatie_id)

    def behoefte(self, behoefte: Any) -> bool:
        return self.mag(Categorie.ONTHAAL, behoefte.organisatie_id)

    def plan(self, plan: HdvPlan) -> bool:
        return self.mag(Categorie.PLAN, plan.organisatie_id)

    def doorverwijzing(self, doorverwijzing: Doorverwijzing) -> bool:
        return self.mag(Categorie.DOORVERWIJZINGEN, doorverwijzing.van_organisatie_id)

    def vrijlating(self) -> bool:
        # The release preparation is the trajectbegeleiders' coordination work; other
        # organisations read it with consent.
        return self.user.has_perm("trajecten.change_vrijlatingsvoorbereiding") or (
            Categorie.VRIJLATING in self.categorieen
        )


def actieve_toestemmingen(gedetineerde_id: int) -> QuerySet[Toestemming]:
    return Toestemming.objects.filter(gedetineerde_id=gedetineerde_id, ingetrokken_op__isnull=True)


def inzicht(user: Any, gedetineerde: Gedetineerde) -> Inzicht:
    eigen = organisatie_id(user)
    categorieen: frozenset[str] = frozenset()
    if eigen is not None:
        categorieen = frozenset(
            actieve_toestemmingen(gedetineerde.pk)
            .filter(organisatie_id=eigen)
            .values_list("categorie", flat=True)
        )
    return Inzicht(
        user=user, gedetineerde_id=gedetineerde.pk, organisatie_id=eigen, categorieen=categorieen
    )


def heeft_toestemming(gedetineerde: Gedetineerde, organisatie_id: int, categorie: str) -> bool:
    return (
        actieve_toestemmingen(gedetineerde.pk)
        .filter(organisatie_id=organisatie_id, categorie=categorie)
        .exists()
    )


def notities_filter(user: Any) -> Q:
    """The notes a user may read, as a filter (on top of the prison scope)."""
    eigen = organisatie_id(user)
    if eigen is None:
        return Q(pk__in=[])
    met_toestemming = Q(
        niveau=Notitie.Niveau.GEDEELD,
        gedetineerde__toestemmingen__organisatie_id=eigen,
        gedetineerde__toestemmingen__categorie=Categorie.NOTITIES,
        gedetineerde__toestemmingen__ingetrokken_op__isnull=True,
    )
    return (
        Q(niveau__in=[Notitie.Niveau.GEDEELD, Notitie.Niveau.ORGANISATIE], organisatie_id=eigen)
        | Q(niveau=Notitie.Niveau.BEROEPSGEHEIM, organisatie_id=eigen, auteur=user)
        | Q(niveau=Notitie.Niveau.BEROEPSGEHEIM, organisatie_id=eigen, gedeeld_met=user)
        | met_toestemming
    )


def zichtbare_notities(user: Any) -> QuerySet[Notitie]:
    # The joins for consent and named colleagues can repeat a note: distinct on the ids.
    ids = Notitie.objects.zichtbaar_voor(user).filter(notities_filter(user)).values("pk")
    return Notitie.objects.filter(pk__in=ids)


def casusoverleg_filter(user: Any) -> Q:
    eigen = organisatie_id(user)
    return Q(deelnemers=user) | Q(organisatie_id=eigen) if eigen else Q(deelnemers=user)


def zichtbare_casusoverleggen(user: Any) -> QuerySet[Casusoverleg]:
    ids = Casusoverleg.objects.zichtbaar_voor(user).filter(casusoverleg_filter(user)).values("pk")
    return Casusoverleg.objects.filter(pk__in=ids)
