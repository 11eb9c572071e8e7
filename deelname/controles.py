"""The checks at enrolment. Each is a warning that staff may override with a reason;
capacity is the only hard block (and is not here: it is the service's lock)."""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

from aanbod.models import Aanbod, Activiteit, Sessie
from trajecten.models import Gedetineerde, NiveauNederlands
from trajecten.services.plannen import verwachte_vrijlating

NIVEAUS = ["A0", "A1", "A2", "B1", "B2", "C1", "C2"]


@dataclass(frozen=True)
class Waarschuwing:
    code: str  # botsing, groep, detentie, taal, niveau, doelgroep
    tekst: str


def _botsingen(gedetineerde: Gedetineerde, activiteit: Activiteit) -> list[Waarschuwing]:
    from deelname.models import PLAATS_BEZET

    vandaag = timezone.localdate()
    andere = (
        Sessie.objects.niet_geannuleerd()
        .filter(
            datum__gte=vandaag,
            activiteit__inschrijvingen__gedetineerde=gedetineerde,
            activiteit__inschrijvingen__status__in=PLAATS_BEZET,
        )
        .exclude(activiteit=activiteit)
        .select_related("activiteit__aanbod")
        .only("datum", "begintijd", "eindtijd", "activiteit__naam", "activiteit__aanbod__titel_nl")
    )
    per_dag: dict[datetime.date, list[Sessie]] = {}
    for sessie in andere:
        per_dag.setdefault(sessie.datum, []).append(sessie)
    if not per_dag:
        return []
    eigen = activiteit.sessies.niet_geannuleerd().filter(datum__in=list(per_dag))
    gevonden: dict[int, tuple[Sessie, datetime.date]] = {}
    for sessie in eigen:
        for ander in per_dag[sessie.datum]:
            if sessie.begintijd < ander.eindtijd and ander.begintijd < sessie.eindtijd:
                gevonden.setdefault(ander.activiteit_id, (ander, sessie.datum))
    return [
        Waarschuwing(
            "botsing",
            _("Botst met %(activiteit)s (bv. op %(datum)s).")
            % {
                "activiteit": f"{ander.activiteit.aanbod.titel_nl} – {ander.activiteit.naam}",
                "datum": datum.strftime("%d/%m/%Y"),
            },
        )
        for ander, datum in gevonden.values()
    ]


def _andere_groep(gedetineerde: Gedetineerde, activiteit: Activiteit) -> list[Waarschuwing]:
    """Already running (asked, waiting, placed or active) in another group of the offer:
    usually one group is enough, and a second place is taken from someone else."""
    from deelname.models import LOPEND, Inschrijving, Status

    andere = (
        Inschrijving.objects.filter(
            gedetineerde=gedetineerde,
            aanbod_id=activiteit.aanbod_id,
            activiteit__isnull=False,
            status__in=LOPEND,
        )
        .exclude(activiteit=activiteit)
        .select_related("activiteit__aanbod")
        .order_by("aangevraagd_op", "id")
    )
    return [
        Waarschuwing(
            "groep",
            _(
                "Loopt al in een andere groep van dit aanbod: %(groep)s "
                "(%(start)s–%(einde)s, %(status)s)."
            )
            % {
                "groep": inschrijving.activiteit.weergavenaam,
                "start": inschrijving.activiteit.startdatum.strftime("%d/%m/%Y"),
                "einde": inschrijving.activiteit.einddatum.strftime("%d/%m/%Y"),
                "status": Status(inschrijving.status).label,
            },
        )
        for inschrijving in andere
        if inschrijving.activiteit is not None
    ]


def _detentie(
    gedetineerde: Gedetineerde, einddatum: datetime.date | None, aanbod: Aanbod | None = None
) -> list[Waarschuwing]:
    """The expected release falls before the end: of the activity, or (an individual offer)
    of its expected duration; or within the minimum remaining detention the offer asks."""
    vrijlating = verwachte_vrijlating(gedetineerde)
    if vrijlating is None:
        return []
    vandaag = timezone.localdate()
    if einddatum is None and aanbod is not None and aanbod.duur_weken:
        einddatum = vandaag + datetime.timedelta(weeks=aanbod.duur_weken)
    if einddatum and vrijlating < einddatum:
        return [
            Waarschuwing(
                "detentie",
                _("De verwachte vrijlating (%(vrijlating)s) valt voor het einde (%(einde)s).")
                % {
                    "vrijlating": vrijlating.strftime("%d/%m/%Y"),
                    "einde": einddatum.strftime("%d/%m/%Y"),
                },
            )
        ]
    weken = aanbod.minimale_resterende_detentie_weken if aanbod is not None else None
    if weken and vrijlating < vandaag + datetime.timedelta(weeks=weken):
        return [
            Waarschuwing(
                "detentie",
                _(
                    "Het aanbod vraagt nog minstens %(weken)s weken detentie; de verwachte "
                    "vrijlating is %(vrijlating)s."
                )
                % {"weken": weken, "vrijlating": vrijlating.strftime("%d/%m/%Y")},
            )
        ]
    return []


def _taal_en_niveau(gedetineerde: Gedetineerde, aanbod: Aanbod) -> list[Waarschuwing]:
    waarschuwingen = []
    vereist = aanbod.vereist_nederlandsniveau
    if vereist:
        niveau = gedetineerde.niveau_nederlands
        if niveau == NiveauNederlands.ONBEKEND:
            waarschuwingen.append(
                Waarschuwing(
                    "niveau",
                    _(
                        "Vereist niveau Nederlands %(vereist)s; het niveau van de persoon is onbekend."
                    )
                    % {"vereist": vereist},
                )
            )
        elif NIVEAUS.index(niveau) < NIVEAUS.index(vereist):
            waarschuwingen.append(
                Waarschuwing(
                    "niveau",
                    _("Vereist niveau Nederlands %(vereist)s; de persoon heeft %(niveau)s.")
                    % {"vereist": vereist, "niveau": niveau},
                )
            )
    talen = set(aanbod.talen or [])
    if talen and not talen & set(gedetineerde.talen or []) and "nl" not in talen:
        waarschuwingen.append(
            Waarschuwing(
                "taal",
                _("Het aanbod is in %(talen)s; de persoon spreekt %(eigen)s.")
                % {
                    "talen": ", ".join(sorted(talen)),
                    "eigen": ", ".join(gedetineerde.talen) or _("onbekend"),
                },
            )
        )
    return waarschuwingen


def _doelgroep(gedetineerde: Gedetineerde, aanbod: Aanbod) -> list[Waarschuwing]:
    doelgroepen = set(aanbod.doelgroepen.values_list("pk", flat=True))
    if not doelgroepen:
        return []
    eigen = set(gedetineerde.doelgroepvlaggen.values_list("doelgroep_id", flat=True))
    if doelgroepen & eigen:
        return []
    namen = ", ".join(aanbod.doelgroepen.values_list("naam", flat=True))
    return [
        Waarschuwing(
            "doelgroep",
            _("Dit aanbod is voor: %(doelgroepen)s.") % {"doelgroepen": namen},
        )
    ]


def controleren(
    *, gedetineerde: Gedetineerde, aanbod: Aanbod, activiteit: Activiteit | None
) -> list[Waarschuwing]:
    waarschuwingen = []
    if activiteit is not None:
        waarschuwingen += _botsingen(gedetineerde, activiteit)
        waarschuwingen += _andere_groep(gedetineerde, activiteit)
    waarschuwingen += _detentie(gedetineerde, activiteit.einddatum if activiteit else None, aanbod)
    waarschuwingen += _taal_en_niveau(gedetineerde, aanbod)
    waarschuwingen += _doelgroep(gedetineerde, aanbod)
    return waarschuwingen
