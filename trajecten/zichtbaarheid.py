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

from django.db.models import F, Q, QuerySet

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

_ONBEKEND = object()


def vrijlating_met_eigenaar(queryset: Any) -> Any:
    """Preparations annotated with what ``Inzicht.vrijlating`` needs, to spare it a query."""
    return queryset.annotate(plan_organisatie_id=F("gedetineerde__hdv_plan__organisatie_id"))


def vrijlating_eigenaar(gedetineerde_id: int) -> int | None:
    """The organisation coordinating a person's (latest) release preparation, if any."""
    from trajecten.models import Vrijlatingsvoorbereiding

    rij = (
        Vrijlatingsvoorbereiding.objects.filter(gedetineerde_id=gedetineerde_id)
        .order_by("-geopend_op", "-id")
        .values_list("organisatie_id", "gedetineerde__hdv_plan__organisatie_id")
        .first()
    )
    if rij is None:
        plan = (
            HdvPlan.objects.filter(gedetineerde_id=gedetineerde_id)
            .values_list("organisatie_id", flat=True)
            .first()
        )
        return plan
    return rij[0] or rij[1]


@dataclass
class Inzicht:
    """What one user may read of one person's file, computed once per request."""

    user: Any
    gedetineerde_id: int
    organisatie_id: int | None
    categorieen: frozenset[str] = field(default_factory=frozenset)
    _vrijlating_eigenaar: Any = field(default=None, repr=False)

    def __post_init__(self) -> None:
        self._vrijlating_eigenaar = _ONBEKEND

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

    def vrijlating(self, voorbereiding: Any = None) -> bool:
        """The release preparation: for its coordinating organisation (the one that opened
        it, else the plan's), and for organisations with consent. One not yet taken up by
        anyone is open to the trajectbegeleiders, the first of whom takes it up."""
        if self.organisatie_id is None:
            return False
        if Categorie.VRIJLATING in self.categorieen:
            return True
        if self._vrijlating_eigenaar is _ONBEKEND:
            if voorbereiding is not None and hasattr(voorbereiding, "plan_organisatie_id"):
                # Loaded with its plan's organisation (vrijlating_met_eigenaar): no query.
                self._vrijlating_eigenaar = (
                    voorbereiding.organisatie_id or voorbereiding.plan_organisatie_id
                )
            else:
                self._vrijlating_eigenaar = vrijlating_eigenaar(self.gedetineerde_id)
        eigenaar = self._vrijlating_eigenaar
        if eigenaar is None:
            return bool(self.user.has_perm("trajecten.change_vrijlatingsvoorbereiding"))
        return eigenaar == self.organisatie_id

    def overdracht(self, inhoud: dict[str, Any] | None) -> dict[str, Any]:
        """A handover summary with only what this user may read: the plan under the plan's
        rule, each referral under the referrals' rule."""
        inhoud = dict(inhoud or {})
        plan = inhoud.get("plan")
        if plan and not self.mag(Categorie.PLAN, plan.get("organisatie_id")):
            inhoud["plan"] = None
            inhoud["plan_afgeschermd"] = True
        doorverwijzingen = inhoud.get("doorverwijzingen") or []
        zichtbaar = [
            d
            for d in doorverwijzingen
            if self.mag(Categorie.DOORVERWIJZINGEN, d.get("van_organisatie_id"))
        ]
        inhoud["doorverwijzingen"] = zichtbaar
        inhoud["doorverwijzingen_afgeschermd"] = len(doorverwijzingen) - len(zichtbaar)
        return inhoud


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
