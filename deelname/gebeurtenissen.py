"""Deelname's answer to transfers, releases and other ends of a stay (trajecten.gebeurtenissen).

In the transaction of the stay change: every running enrolment and waiting-list entry
of the person in the prison they left ends with the system's reason, decided by the
system, so the uitval figures count it as a transfer, a release or an ended stay and not
as a dropout. Open requests there are answered by the system. The activities' supervisors
in that prison get a task listing what ended.
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext as _

from deelname.models import LOPEND, Aanvraag, Inschrijving, Stopreden
from deelname.services.aanvragen import aanvraag_weigeren
from deelname.services.inschrijvingen import inschrijving_stopzetten
from hdv.audit import wijziging_vastleggen
from trajecten import gebeurtenissen
from trajecten.models import Gedetineerde, Taak, Verblijf
from trajecten.services.taken import taak_aanmaken

# The system's stop reasons (deelname.referentiedata), and the task each one gives.
OVERPLAATSING = "overplaatsing"
VRIJLATING = "vrijlating"
VERBLIJF_BEEINDIGD = "verblijf-beeindigd"
TAAKSOORT = {
    OVERPLAATSING: Taak.Soort.OVERPLAATSING,
    VRIJLATING: Taak.Soort.VRIJLATING,
    VERBLIJF_BEEINDIGD: Taak.Soort.ANDERE,
}


def _beeindigen(
    *, gedetineerde_id: int, verblijf_id: int, reden: str, datum: Any, door_id: int | None
) -> None:
    from django.contrib.auth import get_user_model

    verblijf = Verblijf.objects.select_related("gevangenis").get(pk=verblijf_id)
    gedetineerde = Gedetineerde.objects.get(pk=gedetineerde_id)
    door = get_user_model().objects.filter(pk=door_id).first() if door_id else None
    stopreden = Stopreden.objects.get(code=reden)
    lopend = list(
        Inschrijving.objects.filter(
            gedetineerde_id=gedetineerde_id, gevangenis=verblijf.gevangenis, status__in=LOPEND
        ).select_related("aanbod", "activiteit")
    )
    # Open requests of the prison they left are answered by the system, so the queue there
    # no longer shows them and they cannot be accepted into a prison the person left.
    for aanvraag in Aanvraag.objects.filter(
        gedetineerde_id=gedetineerde_id,
        gevangenis=verblijf.gevangenis,
        status=Aanvraag.Status.NIEUW,
    ):
        aanvraag_weigeren(
            aanvraag=aanvraag,
            reden=_("U verblijft niet meer in deze gevangenis (%(reden)s).")
            % {"reden": stopreden.naam.lower()},
            door=door,
        )
    if reden != OVERPLAATSING:
        # The terminal account of someone who left (released, or the stay ended otherwise)
        # has nothing left to show.
        for account in get_user_model().objects.filter(
            gedetineerdeaccount__gedetineerde_id=gedetineerde_id, is_active=True
        ):
            account.is_active = False
            account.save(update_fields=["is_active"])
            wijziging_vastleggen(
                door=door,
                actie="terminalaccount gedeactiveerd",
                obj=account,
                gevangenis=verblijf.gevangenis,
                persoon_id=gedetineerde_id,
                velden=["is_active"],
            )
    begeleiders: dict[int, list[str]] = {}
    for inschrijving in lopend:
        inschrijving_stopzetten(
            inschrijving=inschrijving,
            stopreden=stopreden,
            beslist_door=Inschrijving.BeslistDoor.SYSTEEM,
            door=door,
            datum=datum,
            namens_systeem=True,
        )
        activiteit = inschrijving.activiteit
        if activiteit is not None:
            titel = activiteit.weergavenaam
            for user_id in activiteit.begeleiders.values_list("user_id", flat=True):
                begeleiders.setdefault(user_id, []).append(titel)
    if not begeleiders:
        return
    from django.contrib.auth import get_user_model

    for user in get_user_model().objects.filter(
        pk__in=begeleiders, is_active=True, medewerker__gevangenissen=verblijf.gevangenis
    ):
        taak_aanmaken(
            gevangenis=verblijf.gevangenis,
            soort=TAAKSOORT[reden],
            titel=_("%(naam)s (%(nummer)s) is weg (%(reden)s): inschrijvingen beëindigd")
            % {
                "naam": gedetineerde.volledige_naam,
                "nummer": gedetineerde.detineenummer,
                "reden": stopreden.naam.lower(),
            },
            inhoud="\n".join(sorted(set(begeleiders[user.pk]))),
            gedetineerde=gedetineerde,
            toegewezen_aan=user,
            door=door,
        )


def bij_overplaatsing(gebeurtenis: gebeurtenissen.Overplaatsing) -> None:
    _beeindigen(
        gedetineerde_id=gebeurtenis.gedetineerde_id,
        verblijf_id=gebeurtenis.oud_verblijf_id,
        reden=OVERPLAATSING,
        datum=gebeurtenis.datum,
        door_id=gebeurtenis.door_id,
    )


def bij_vrijlating(gebeurtenis: gebeurtenissen.Vrijlating) -> None:
    _beeindigen(
        gedetineerde_id=gebeurtenis.gedetineerde_id,
        verblijf_id=gebeurtenis.verblijf_id,
        reden=VRIJLATING,
        datum=gebeurtenis.datum,
        door_id=gebeurtenis.door_id,
    )


def bij_verblijf_beeindigd(gebeurtenis: gebeurtenissen.VerblijfBeeindigd) -> None:
    """Death or another end of the stay: as a release, with a reason of its own."""
    _beeindigen(
        gedetineerde_id=gebeurtenis.gedetineerde_id,
        verblijf_id=gebeurtenis.verblijf_id,
        reden=VERBLIJF_BEEINDIGD,
        datum=gebeurtenis.datum,
        door_id=gebeurtenis.door_id,
    )


def registreren() -> None:
    gebeurtenissen.bij_overplaatsing(bij_overplaatsing)
    gebeurtenissen.bij_vrijlating(bij_vrijlating)
    gebeurtenissen.bij_verblijf_beeindigd(bij_verblijf_beeindigd)
