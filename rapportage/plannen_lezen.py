"""Reading the targets and the plans: for the screens, the dashboards and the monitoring
report. Each function costs a fixed number of queries, however many rows it returns."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db.models import F, OuterRef, Q, QuerySet, Subquery

from hdv.models import Gevangenis
from rapportage.indicatoren import REGISTER, Indicator
from rapportage.models import (
    Actie,
    Actiestatus,
    LokaalActieplan,
    LokaleActie,
    StrategischeDoelstelling,
    Streefcijfer,
    Voortgangsnotitie,
)

# A key of the targets of a year: (indicator code, prison id); prison None = Flanders.
Sleutel = tuple[str, int | None]


def _ids(gevangenissen: Iterable[Gevangenis | int]) -> list[int]:
    return [g if isinstance(g, int) else g.pk for g in gevangenissen]


# --- targets -----------------------------------------------------------------------------


def streefcijfer_voor(
    indicator: str, gevangenis: Gevangenis | None, jaar: int, *, met_vlaanderen: bool = False
) -> Streefcijfer | None:
    """The target of an indicator for a prison (None = Flanders) and year.

    ``met_vlaanderen``: a prison without a target of its own is measured against
    Flanders' target of that year, when there is one.
    """
    voorwaarde = Q(gevangenis=gevangenis) if gevangenis is not None else Q(gevangenis__isnull=True)
    if met_vlaanderen and gevangenis is not None:
        voorwaarde |= Q(gevangenis__isnull=True)
    # The prison's own row first, Flanders' (no prison) after it.
    return (
        Streefcijfer.objects.filter(voorwaarde, indicator=indicator, jaar=jaar)
        .order_by(F("gevangenis_id").asc(nulls_last=True))
        .first()
    )


def streefcijfers_voor_jaar(
    jaar: int, gevangenissen: Iterable[Gevangenis | int]
) -> dict[Sleutel, Streefcijfer]:
    """Every target of a year for these prisons and for Flanders, in one query."""
    rijen = Streefcijfer.objects.filter(
        Q(gevangenis_id__in=_ids(gevangenissen)) | Q(gevangenis__isnull=True), jaar=jaar
    ).select_related("gezet_door")
    return {(s.indicator, s.gevangenis_id): s for s in rijen}


def gehaald(
    indicator: Indicator, waarde: float | None, streefcijfer: Decimal | None
) -> bool | None:
    """Whether a value reaches its target; None when either is missing.

    A target is a minimum for an indicator where higher is better, a maximum otherwise
    (the share of stops, a waiting time).
    """
    if waarde is None or streefcijfer is None:
        return None
    if indicator.hoger_is_beter:
        return Decimal(str(waarde)) >= streefcijfer
    return Decimal(str(waarde)) <= streefcijfer


def indicatoren() -> list[Indicator]:
    """The indicators that can have a target, in the register's order of codes."""
    return sorted(REGISTER.values(), key=lambda indicator: indicator.code)


# --- the strategic plan ------------------------------------------------------------------


def status_telling(statussen: Iterable[str]) -> dict[str, int]:
    """How many actions have each status; every status is named, also with 0."""
    telling = dict.fromkeys(Actiestatus.values, 0)
    telling.update(Counter(statussen))
    return telling


@dataclass(frozen=True)
class Statusaantal:
    waarde: str
    label: str
    aantal: int


def statusaantallen(telling: dict[str, int]) -> list[Statusaantal]:
    """The counts in the workflow's order, with their labels: what a page shows."""
    return [Statusaantal(w, str(label), telling.get(w, 0)) for w, label in Actiestatus.choices]


class _MetTelling:
    acties: list[ActieRegel]

    @property
    def telling(self) -> dict[str, int]:
        return status_telling(regel.actie.status for regel in self.acties)

    @property
    def statussen(self) -> list[Statusaantal]:
        return statusaantallen(self.telling)


@dataclass
class ActieRegel:
    """An action (of the plan or a local one) with its latest progress note."""

    actie: Actie | LokaleActie
    laatste_notitie: Voortgangsnotitie | None


@dataclass
class Operationeel:
    """An operational goal of the plan ("" where the slides give none) and its actions."""

    titel: str
    acties: list[ActieRegel] = field(default_factory=list)


@dataclass
class DoelstellingOverzicht(_MetTelling):
    doelstelling: StrategischeDoelstelling
    acties: list[ActieRegel]

    @property
    def operationeel(self) -> list[Operationeel]:
        groepen: dict[str, Operationeel] = {}
        for regel in self.acties:
            titel = getattr(regel.actie, "operationele_doelstelling", "")
            groepen.setdefault(titel, Operationeel(titel)).acties.append(regel)
        return list(groepen.values())


@dataclass
class PlanOverzicht(_MetTelling):
    doelstellingen: list[DoelstellingOverzicht]

    @property
    def acties(self) -> list[ActieRegel]:  # type: ignore[override]
        return [regel for doel in self.doelstellingen for regel in doel.acties]


def _laatste_notitie(koppeling: str) -> Subquery:
    return Subquery(
        Voortgangsnotitie.objects.filter(**{koppeling: OuterRef("pk")})
        .order_by("-datum", "-id")
        .values("id")[:1]
    )


def _met_notities(acties: Sequence[Any]) -> list[ActieRegel]:
    """Each action (annotated with ``laatste_notitie_id``) with that note: one query."""
    ids = [a.laatste_notitie_id for a in acties if a.laatste_notitie_id]
    notities = Voortgangsnotitie.objects.select_related("door").in_bulk(ids) if ids else {}
    return [ActieRegel(a, notities.get(a.laatste_notitie_id)) for a in acties]


def strategisch_plan_overzicht() -> PlanOverzicht:
    """The five goals with their actions, each with its latest note, and the status
    counts: three queries (goals, actions, latest notes)."""
    doelstellingen = list(StrategischeDoelstelling.objects.all())
    acties = list(Actie.objects.annotate(laatste_notitie_id=_laatste_notitie("actie")))
    regels = _met_notities(acties)
    per_doel: dict[int, list[ActieRegel]] = {}
    for regel in regels:
        per_doel.setdefault(regel.actie.doelstelling_id, []).append(regel)
    return PlanOverzicht(
        [DoelstellingOverzicht(doel, per_doel.get(doel.pk, [])) for doel in doelstellingen]
    )


def actie_geschiedenis(actie: Actie | LokaleActie) -> QuerySet[Voortgangsnotitie]:
    """Every progress note of an action, the newest first."""
    koppeling = "lokale_actie" if isinstance(actie, LokaleActie) else "actie"
    return Voortgangsnotitie.objects.filter(**{koppeling: actie}).select_related("door")


# --- local action plans -----------------------------------------------------------------


@dataclass
class LokaalPlanOverzicht(_MetTelling):
    plan: LokaalActieplan
    acties: list[ActieRegel]

    def per_doelstelling(
        self, doelstellingen: Iterable[StrategischeDoelstelling]
    ) -> list[DoelstellingOverzicht]:
        """Every strategic goal with the local actions that serve it (maybe none)."""
        return [
            DoelstellingOverzicht(
                doel, [r for r in self.acties if r.actie.doelstelling_id == doel.pk]
            )
            for doel in doelstellingen
        ]


def lokale_actieplannen(
    gevangenissen: Iterable[Gevangenis | int], jaar: int
) -> list[LokaalPlanOverzicht]:
    """The local action plans of these prisons for a year, with their actions and each
    action's latest note: three queries."""
    plannen = list(
        LokaalActieplan.objects.filter(gevangenis_id__in=_ids(gevangenissen), jaar=jaar)
        .select_related("gevangenis")
        .order_by("gevangenis__naam")
    )
    acties = list(
        LokaleActie.objects.filter(plan__in=plannen)
        .select_related("doelstelling")
        .annotate(laatste_notitie_id=_laatste_notitie("lokale_actie"))
    )
    per_plan: dict[int, list[ActieRegel]] = {}
    for regel in _met_notities(acties):
        per_plan.setdefault(regel.actie.plan_id, []).append(regel)  # type: ignore[union-attr]
    return [LokaalPlanOverzicht(plan, per_plan.get(plan.pk, [])) for plan in plannen]
