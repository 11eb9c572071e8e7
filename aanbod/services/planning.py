"""Group activities, their weekly pattern, the sessions generated from it, and clashes."""

from __future__ import annotations

import datetime
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext as _

from aanbod.gebruik import sessies_in_gebruik
from aanbod.models import Aanbod, AanbodInGevangenis, Activiteit, Lokaal, Sessie, Slot, Sluitingsdag
from hdv.audit import wijziging_vastleggen
from hdv.models import Gevangenis, Medewerker


@dataclass(frozen=True)
class SlotInvoer:
    weekdag: int
    begintijd: datetime.time
    eindtijd: datetime.time
    week: int = 1


@dataclass(frozen=True)
class Moment:
    datum: datetime.date
    begintijd: datetime.time
    eindtijd: datetime.time


@dataclass(frozen=True)
class Botsing:
    soort: str  # "lokaal", "begeleider" or "sluitingsdag"
    datum: datetime.date
    omschrijving: str


def horizon(vandaag: datetime.date | None = None) -> datetime.date:
    return (vandaag or timezone.localdate()) + datetime.timedelta(
        days=settings.HDV_SESSIE_HORIZON_DAGEN
    )


def momenten(
    *,
    startdatum: datetime.date,
    einddatum: datetime.date,
    slots: Sequence[SlotInvoer],
    rotatie_weken: int,
    van: datetime.date,
    tot: datetime.date,
) -> list[Moment]:
    """The occurrences of a pattern between ``van`` and ``tot`` (inclusive).

    Week 1 of a multi-week rota is the calendar week (from Monday) of the start date.
    """
    eerste_maandag = startdatum - datetime.timedelta(days=startdatum.weekday())
    begin, einde = max(startdatum, van), min(einddatum, tot)
    resultaat = []
    dag = begin
    while dag <= einde:
        week = ((dag - eerste_maandag).days // 7) % rotatie_weken + 1
        for slot in slots:
            if slot.weekdag == dag.weekday() and slot.week == week:
                resultaat.append(Moment(dag, slot.begintijd, slot.eindtijd))
        dag += datetime.timedelta(days=1)
    return sorted(resultaat, key=lambda m: (m.datum, m.begintijd))


def _overlapt(a: Moment, begintijd: datetime.time, eindtijd: datetime.time) -> bool:
    return a.begintijd < eindtijd and begintijd < a.eindtijd


def botsingen_zoeken(
    *,
    gevangenis: Gevangenis,
    lokaal: Lokaal,
    begeleiders: Iterable[Medewerker],
    geplande: Sequence[Moment],
    activiteit: Activiteit | None = None,
) -> list[Botsing]:
    """Room or facilitator double-booked, sessions on closure days: shown before saving."""
    if not geplande:
        return []
    begeleider_ids = {b.pk for b in begeleiders}
    datums = {m.datum for m in geplande}
    van, tot = min(datums), max(datums)
    andere = (
        Sessie.objects.niet_geannuleerd()
        .filter(datum__range=(van, tot))
        .filter(Q(lokaal=lokaal) | Q(activiteit__begeleiders__in=begeleider_ids))
        .select_related("activiteit__aanbod", "lokaal")
        .prefetch_related("activiteit__begeleiders__user")
        .distinct()
    )
    if activiteit is not None:
        andere = andere.exclude(activiteit=activiteit)
    per_datum: dict[datetime.date, list[Sessie]] = {}
    for sessie in andere:
        per_datum.setdefault(sessie.datum, []).append(sessie)

    botsingen: list[Botsing] = []
    for moment in geplande:
        for sessie in per_datum.get(moment.datum, []):
            if not _overlapt(moment, sessie.begintijd, sessie.eindtijd):
                continue
            tijd = f"{sessie.begintijd:%H:%M}–{sessie.eindtijd:%H:%M}"
            if sessie.lokaal_id == lokaal.pk:
                botsingen.append(
                    Botsing(
                        "lokaal",
                        moment.datum,
                        _("%(lokaal)s is bezet door %(activiteit)s (%(tijd)s).")
                        % {
                            "lokaal": lokaal.naam,
                            "activiteit": sessie.activiteit.weergavenaam,
                            "tijd": tijd,
                        },
                    )
                )
            for begeleider in sessie.activiteit.begeleiders.all():
                if begeleider.pk in begeleider_ids:
                    botsingen.append(
                        Botsing(
                            "begeleider",
                            moment.datum,
                            _("%(naam)s begeleidt dan %(activiteit)s (%(tijd)s).")
                            % {
                                "naam": begeleider,
                                "activiteit": sessie.activiteit.weergavenaam,
                                "tijd": tijd,
                            },
                        )
                    )
    for dag in Sluitingsdag.objects.filter(gevangenis=gevangenis, datum__in=datums):
        botsingen.append(
            Botsing(
                "sluitingsdag",
                dag.datum,
                _("Sluitingsdag (%(reden)s): er wordt geen sessie gepland.") % {"reden": dag.reden},
            )
        )
    return sorted(botsingen, key=lambda b: (b.datum, b.soort))  # fmt: skip


def _valideren(
    *,
    aanbod: Aanbod,
    gevangenis: Gevangenis,
    startdatum: datetime.date,
    einddatum: datetime.date,
    lokaal: Lokaal,
    begeleiders: Sequence[Medewerker],
    capaciteit: int,
    minimum_deelnemers: int,
    rotatie_weken: int,
    slots: Sequence[SlotInvoer],
    nieuw: bool,
) -> None:
    fouten: dict[str, list[str]] = {}

    def fout(veld: str, tekst: str) -> None:
        fouten.setdefault(veld, []).append(tekst)

    if aanbod.vorm != Aanbod.Vorm.GROEP:
        fout("aanbod", _("Alleen groepsaanbod wordt als activiteit gepland."))
    # The offer's state matters when a run is planned; a running one may still be
    # changed (shortened, moved) after its offer was archived.
    if nieuw and aanbod.gearchiveerd:
        fout("aanbod", _("Dit aanbod is gearchiveerd."))
    elif nieuw and (
        not AanbodInGevangenis.objects.filter(
            aanbod=aanbod, gevangenis=gevangenis, sinds__lte=einddatum
        )
        .filter(Q(tot__isnull=True) | Q(tot__gte=startdatum))
        .exists()
    ):
        fout("aanbod", _("%(gevangenis)s heeft dit aanbod niet.") % {"gevangenis": gevangenis.naam})
    if einddatum < startdatum:
        fout("einddatum", _("De einddatum ligt voor de startdatum."))
    vroegst = timezone.localdate() - datetime.timedelta(days=settings.HDV_ACTIVITEIT_TERUG_DAGEN)
    if nieuw and startdatum < vroegst:
        # Past sessions are generated from the start: a typo like 1900 would make thousands.
        fout(
            "startdatum",
            _("Een nieuwe activiteit start ten vroegste op %(datum)s.")
            % {"datum": f"{vroegst:%d/%m/%Y}"},
        )
    if lokaal.gevangenis_id != gevangenis.pk:
        fout("lokaal", _("Dit lokaal hoort bij een andere gevangenis."))
    elif not lokaal.actief:
        fout("lokaal", _("Dit lokaal is niet meer in gebruik."))
    if capaciteit < 1:
        fout("capaciteit", _("De capaciteit is minstens 1."))
    elif capaciteit > lokaal.capaciteit:
        fout("capaciteit", _("Het lokaal heeft maar %(n)s plaatsen.") % {"n": lokaal.capaciteit})
    if minimum_deelnemers > capaciteit:
        fout("minimum_deelnemers", _("Het minimum is groter dan de capaciteit."))
    if not 1 <= rotatie_weken <= 4:
        fout("rotatie_weken", _("Een patroon loopt over 1 tot 4 weken."))
    buiten = [
        str(b) for b in begeleiders if gevangenis.pk not in {g.pk for g in b.gevangenissen.all()}
    ]
    if buiten:
        fout(
            "begeleiders",
            _("%(namen)s werkt niet in deze gevangenis.") % {"namen": ", ".join(buiten)},
        )
    if not slots:
        fout("slots", _("Geef minstens één tijdslot."))
    dag_begin = datetime.time(settings.HDV_DAG_BEGIN_UUR)
    dag_einde = datetime.time(
        min(settings.HDV_DAG_EINDE_UUR, 23), 59 if settings.HDV_DAG_EINDE_UUR == 24 else 0
    )
    for slot in slots:
        if not 0 <= slot.weekdag <= 6:
            fout("slots", _("Onbekende weekdag."))
        if not 1 <= slot.week <= rotatie_weken:
            fout(
                "slots",
                _("Week %(w)s valt buiten het patroon van %(n)s weken.")
                % {"w": slot.week, "n": rotatie_weken},
            )
        if slot.eindtijd <= slot.begintijd:
            fout("slots", _("Een tijdslot eindigt na het begin."))
        elif slot.begintijd < dag_begin or slot.eindtijd > dag_einde:
            fout(
                "slots",
                _("Activiteiten vinden plaats tussen %(b)s en %(e)s.")
                % {"b": f"{dag_begin:%H:%M}", "e": f"{dag_einde:%H:%M}"},
            )
    for i, a in enumerate(slots):
        for b in slots[i + 1 :]:
            if (
                (a.week, a.weekdag) == (b.week, b.weekdag)
                and a.begintijd < b.eindtijd
                and b.begintijd < a.eindtijd
            ):
                fout("slots", _("Twee tijdsloten overlappen elkaar."))
    if fouten:
        raise ValidationError(fouten)


def _slots_vervangen(activiteit: Activiteit, slots: Sequence[SlotInvoer]) -> None:
    activiteit.slots.all().delete()
    Slot.objects.bulk_create(
        [Slot(activiteit=activiteit, week=s.week, weekdag=s.weekdag, begintijd=s.begintijd, eindtijd=s.eindtijd)
         for s in slots]
    )  # fmt: skip


def slot_invoer(activiteit: Activiteit) -> list[SlotInvoer]:
    return [SlotInvoer(s.weekdag, s.begintijd, s.eindtijd, s.week) for s in activiteit.slots.all()]


def geplande_momenten(
    *,
    startdatum: datetime.date,
    einddatum: datetime.date,
    slots: Sequence[SlotInvoer],
    rotatie_weken: int,
    van: datetime.date,
) -> list[Moment]:
    """The occurrences that would be generated now: from ``van`` up to the horizon."""
    return momenten(
        startdatum=startdatum,
        einddatum=einddatum,
        slots=slots,
        rotatie_weken=rotatie_weken,
        van=van,
        tot=horizon(),
    )


def patroon_gewijzigd(
    activiteit: Activiteit,
    *,
    startdatum: datetime.date,
    einddatum: datetime.date,
    lokaal: Lokaal,
    rotatie_weken: int,
    slots: Sequence[SlotInvoer],
    begeleiders: Iterable[Medewerker],
) -> bool:
    """Whether an edit touches what clashes depend on: dates, room, rota, slots, staff.

    Only then are clashes checked again; a new capacity must not re-raise clashes that
    were accepted when the activity was planned.
    """
    oud = (
        activiteit.startdatum, activiteit.einddatum, activiteit.lokaal_id, activiteit.rotatie_weken,
        sorted(map(repr, slot_invoer(activiteit))), sorted(activiteit.begeleiders.values_list("pk", flat=True)),
    )  # fmt: skip
    nieuw = (
        startdatum, einddatum, lokaal.pk, rotatie_weken,
        sorted(map(repr, slots)), sorted(b.pk for b in begeleiders),
    )  # fmt: skip
    return oud != nieuw


def sessies_genereren(*, activiteit: Activiteit, van: datetime.date | None = None) -> int:
    """Create the sessions of the pattern up to the horizon; safe to run twice.

    Past sessions are only made from ``van`` on (default today); closure days are skipped.
    """
    van = van or timezone.localdate()
    geplande = geplande_momenten(
        startdatum=activiteit.startdatum,
        einddatum=activiteit.einddatum,
        slots=slot_invoer(activiteit),
        rotatie_weken=activiteit.rotatie_weken,
        van=van,
    )
    if not geplande:
        return 0
    dicht = set(
        Sluitingsdag.objects.filter(
            gevangenis_id=activiteit.gevangenis_id, datum__in={m.datum for m in geplande}
        ).values_list("datum", flat=True)
    )
    bestaand = set(
        activiteit.sessies.filter(datum__gte=geplande[0].datum).values_list("datum", "begintijd")
    )
    nieuw = [
        Sessie(
            activiteit=activiteit,
            datum=moment.datum,
            begintijd=moment.begintijd,
            eindtijd=moment.eindtijd,
            lokaal_id=activiteit.lokaal_id,
        )
        for moment in geplande
        if moment.datum not in dicht and (moment.datum, moment.begintijd) not in bestaand
    ]
    Sessie.objects.bulk_create(nieuw, ignore_conflicts=True)
    return len(nieuw)


@transaction.atomic
def activiteit_aanmaken(
    *,
    aanbod: Aanbod,
    gevangenis: Gevangenis,
    startdatum: datetime.date,
    einddatum: datetime.date,
    lokaal: Lokaal,
    capaciteit: int,
    slots: Sequence[SlotInvoer],
    begeleiders: Iterable[Medewerker] = (),
    minimum_deelnemers: int = 1,
    rotatie_weken: int = 1,
    naam: str = "",
    door: Any,
) -> Activiteit:
    begeleiders = list(begeleiders)
    _valideren(
        aanbod=aanbod, gevangenis=gevangenis, startdatum=startdatum, einddatum=einddatum, lokaal=lokaal,
        begeleiders=begeleiders, capaciteit=capaciteit, minimum_deelnemers=minimum_deelnemers,
        rotatie_weken=rotatie_weken, slots=slots, nieuw=True,
    )  # fmt: skip
    activiteit = Activiteit(
        aanbod=aanbod, gevangenis=gevangenis, naam=naam.strip(), startdatum=startdatum, einddatum=einddatum,
        lokaal=lokaal, capaciteit=capaciteit, minimum_deelnemers=minimum_deelnemers, rotatie_weken=rotatie_weken,
    )  # fmt: skip
    activiteit.full_clean()
    activiteit.save()
    activiteit.begeleiders.set(begeleiders)
    _slots_vervangen(activiteit, slots)
    # A run that started already gets its past sessions too, so attendance can be caught up.
    sessies_genereren(activiteit=activiteit, van=startdatum)
    wijziging_vastleggen(
        door=door, actie="activiteit_aangemaakt", obj=activiteit, gevangenis=gevangenis,
        velden=["aanbod", "startdatum", "einddatum", "lokaal", "capaciteit", "slots", "begeleiders"],
    )  # fmt: skip
    return activiteit


@transaction.atomic
def activiteit_bijwerken(
    *,
    activiteit: Activiteit,
    startdatum: datetime.date,
    einddatum: datetime.date,
    lokaal: Lokaal,
    capaciteit: int,
    slots: Sequence[SlotInvoer],
    begeleiders: Iterable[Medewerker] = (),
    minimum_deelnemers: int = 1,
    rotatie_weken: int = 1,
    naam: str = "",
    door: Any,
) -> Activiteit:
    """Change an activity. A new pattern regenerates future sessions only.

    Sessions of today and earlier are never touched, nor are future sessions that are
    already in use (``aanbod.gebruik``); sessions that no longer fit the pattern go.
    """
    activiteit = Activiteit.objects.select_for_update().get(pk=activiteit.pk)
    begeleiders = list(begeleiders)
    _valideren(
        aanbod=activiteit.aanbod, gevangenis=activiteit.gevangenis, startdatum=startdatum, einddatum=einddatum,
        lokaal=lokaal, begeleiders=begeleiders, capaciteit=capaciteit, minimum_deelnemers=minimum_deelnemers,
        rotatie_weken=rotatie_weken, slots=slots, nieuw=False,
    )  # fmt: skip
    oud = {
        "startdatum": activiteit.startdatum, "einddatum": activiteit.einddatum, "lokaal": activiteit.lokaal_id,
        "capaciteit": activiteit.capaciteit, "minimum_deelnemers": activiteit.minimum_deelnemers,
        "rotatie_weken": activiteit.rotatie_weken, "naam": activiteit.naam,
        "slots": sorted(slot_invoer(activiteit), key=repr),
        "begeleiders": sorted(activiteit.begeleiders.values_list("pk", flat=True)),
    }  # fmt: skip
    nieuw = {
        "startdatum": startdatum, "einddatum": einddatum, "lokaal": lokaal.pk, "capaciteit": capaciteit,
        "minimum_deelnemers": minimum_deelnemers, "rotatie_weken": rotatie_weken, "naam": naam.strip(),
        "slots": sorted(slots, key=repr), "begeleiders": sorted(b.pk for b in begeleiders),
    }  # fmt: skip
    gewijzigd = [veld for veld in nieuw if nieuw[veld] != oud[veld]]
    if not gewijzigd:
        return activiteit

    activiteit.startdatum, activiteit.einddatum, activiteit.lokaal = startdatum, einddatum, lokaal
    activiteit.capaciteit, activiteit.minimum_deelnemers = capaciteit, minimum_deelnemers
    activiteit.rotatie_weken, activiteit.naam = rotatie_weken, naam.strip()
    activiteit.full_clean()
    activiteit.save()
    activiteit.begeleiders.set(begeleiders)

    patroon = {"startdatum", "einddatum", "lokaal", "rotatie_weken", "slots"}
    if patroon & set(gewijzigd):
        _slots_vervangen(activiteit, slots)
        _toekomst_herplannen(activiteit)
    wijziging_vastleggen(
        door=door,
        actie="activiteit_gewijzigd",
        obj=activiteit,
        gevangenis=activiteit.gevangenis,
        velden=gewijzigd,
    )
    return activiteit


def _toekomst_herplannen(activiteit: Activiteit) -> None:
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    gewenst = {
        (m.datum, m.begintijd): m
        for m in geplande_momenten(
            startdatum=activiteit.startdatum, einddatum=activiteit.einddatum, slots=slot_invoer(activiteit),
            rotatie_weken=activiteit.rotatie_weken, van=morgen,
        )
    }  # fmt: skip
    toekomst = list(activiteit.sessies.filter(datum__gte=morgen))
    # Sessions in use and cancelled ones are facts (attendance, a strike): they stay.
    in_gebruik = sessies_in_gebruik(s.pk for s in toekomst) | {
        s.pk for s in toekomst if s.geannuleerd
    }
    weg = []
    for sessie in toekomst:
        if sessie.pk in in_gebruik:
            continue
        moment = gewenst.get((sessie.datum, sessie.begintijd))
        if moment is None:
            weg.append(sessie.pk)
        elif (sessie.eindtijd, sessie.lokaal_id) != (moment.eindtijd, activiteit.lokaal_id):
            sessie.eindtijd, sessie.lokaal_id = moment.eindtijd, activiteit.lokaal_id
            sessie.save(update_fields=["eindtijd", "lokaal"])
    Sessie.objects.filter(pk__in=weg).delete()
    sessies_genereren(activiteit=activiteit, van=morgen)


def sessies_vooruit_plannen() -> int:
    """The daily job: every running activity gets its sessions up to the horizon."""
    vandaag = timezone.localdate()
    totaal = 0
    for activiteit in Activiteit.objects.filter(einddatum__gte=vandaag).prefetch_related("slots"):
        with transaction.atomic():
            totaal += sessies_genereren(activiteit=activiteit, van=vandaag)
    return totaal
