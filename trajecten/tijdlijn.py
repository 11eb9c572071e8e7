"""The timeline of a person's file: what happened, newest first, as far as the user may read.

Built from the records themselves (stays, status changes, intakes and needs, plan
versions, referral steps, notes, case conferences, consents), never stored. Content
follows ``trajecten.zichtbaarheid``: without consent a record shows only that it exists
("HDV-plan versie 3 vastgelegd"), not what is in it. A category the user's role does not
read at all (no ``view_…`` permission) is left out, and its query is not even run.

One query per source, whatever the size of the file: the test pins it.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import Any

from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from trajecten.models import (
    Behoefte,
    Doorverwijzingsstap,
    Gedetineerde,
    Onthaal,
    Planversie,
    Statuutwijziging,
    Toestemming,
    Verblijf,
)
from trajecten.zichtbaarheid import Inzicht, zichtbare_casusoverleggen, zichtbare_notities

DETAIL_LENGTE = 200


class Soort(models.TextChoices):
    VERBLIJF = "verblijf", gettext_lazy("verblijf")
    STATUUT = "statuut", gettext_lazy("statuut")
    ONTHAAL = "onthaal", gettext_lazy("onthaal")
    BEHOEFTE = "behoefte", gettext_lazy("behoefte")
    PLAN = "plan", gettext_lazy("HDV-plan")
    DOORVERWIJZING = "doorverwijzing", gettext_lazy("doorverwijzing")
    NOTITIE = "notitie", gettext_lazy("notitie")
    CASUSOVERLEG = "casusoverleg", gettext_lazy("casusoverleg")
    TOESTEMMING = "toestemming", gettext_lazy("toestemming")


@dataclass(frozen=True)
class Gebeurtenis:
    datum: datetime.date
    soort: str
    titel: str
    detail: str = ""
    url: str | None = None
    # Set for records that know the moment (a note, a referral step), not only the day.
    tijdstip: datetime.datetime | None = None
    # False when the user sees that the record exists but not its content.
    inhoud_zichtbaar: bool = True


def _op_moment(tijdstip: datetime.datetime, **velden: Any) -> Gebeurtenis:
    return Gebeurtenis(datum=timezone.localdate(tijdstip), tijdstip=tijdstip, **velden)


def _volgorde(gebeurtenis: Gebeurtenis) -> tuple[datetime.date, float]:
    # Within a day, a record with a moment comes after one that only has the day.
    moment = gebeurtenis.tijdstip.timestamp() if gebeurtenis.tijdstip else float("-inf")
    return gebeurtenis.datum, moment


def _moment_op(
    datum: datetime.date, geregistreerd: datetime.datetime | None
) -> datetime.datetime | None:
    """The moment of registration, when it was registered on the day itself (a consent
    signed last week and entered today only has its day)."""
    if geregistreerd is not None and timezone.localdate(geregistreerd) == datum:
        return geregistreerd
    return None


def _kort(tekst: str) -> str:
    return Truncator(tekst).chars(DETAIL_LENGTE)


def _niet_gedeeld() -> str:
    return _("Inhoud niet gedeeld met uw organisatie.")


def _verblijven(gedetineerde: Gedetineerde, url: str) -> Iterator[Gebeurtenis]:
    vorige: Verblijf | None = None
    for verblijf in gedetineerde.verblijven.select_related("gevangenis").order_by("van", "id"):
        overgeplaatst = vorige is not None and vorige.eindreden == Verblijf.Eindreden.OVERPLAATSING
        if overgeplaatst:
            assert vorige is not None
            titel = _("Overplaatsing van %(van)s naar %(naar)s") % {
                "van": vorige.gevangenis,
                "naar": verblijf.gevangenis,
            }
        else:
            titel = _("Aankomst in %s") % verblijf.gevangenis
        afdeling = _("afdeling %s") % verblijf.afdeling if verblijf.afdeling else ""
        yield Gebeurtenis(
            datum=verblijf.van, soort=Soort.VERBLIJF, titel=titel, detail=afdeling, url=url
        )
        # A transfer's end is told by the next stay's arrival.
        if verblijf.tot and verblijf.eindreden != Verblijf.Eindreden.OVERPLAATSING:
            if verblijf.eindreden == Verblijf.Eindreden.VRIJLATING:
                titel = _("Vrijlating uit %s") % verblijf.gevangenis
                detail = verblijf.get_vrijlatingssoort_display()
            else:
                titel = _("Verblijf in %s beëindigd") % verblijf.gevangenis
                detail = verblijf.get_eindreden_display()
            yield Gebeurtenis(
                datum=verblijf.tot, soort=Soort.VERBLIJF, titel=titel, detail=detail, url=url
            )
        vorige = verblijf


def _statuten(gedetineerde: Gedetineerde) -> Iterator[Gebeurtenis]:
    for wijziging in Statuutwijziging.objects.filter(gedetineerde=gedetineerde):
        yield Gebeurtenis(
            datum=wijziging.sinds,
            soort=Soort.STATUUT,
            titel=_("Statuut: %s") % wijziging.get_statuut_display(),
            detail=_("bron: %s") % wijziging.get_bron_display(),
        )


def _behoeften_samengevat(behoeften: Iterable[Behoefte]) -> str:
    gemeld = [
        f"{b.get_levensdomein_display()} ({b.get_prioriteit_display()})"
        if b.prioriteit
        else b.get_levensdomein_display()
        for b in behoeften
        if b.antwoord == Behoefte.Antwoord.JA
    ]
    if not gemeld:
        return _("Geen behoeften gemeld.")
    return _("Behoeften: %s.") % ", ".join(gemeld)


def _onthalen(gedetineerde: Gedetineerde, inzicht: Inzicht, url: str) -> Iterator[Gebeurtenis]:
    per_onthaal: dict[int | None, list[Behoefte]] = defaultdict(list)
    for behoefte in Behoefte.objects.filter(gedetineerde=gedetineerde).order_by("levensdomein"):
        per_onthaal[behoefte.onthaal_id].append(behoefte)
    for onthaal in Onthaal.objects.filter(gedetineerde=gedetineerde).select_related(
        "organisatie", "verblijf__gevangenis"
    ):
        zichtbaar = inzicht.onthaal(onthaal)
        if onthaal.status == Onthaal.Status.AFGEROND:
            titel = _("Onthaal afgerond in %s") % onthaal.verblijf.gevangenis
            inhoud = f"{onthaal.organisatie}. {_behoeften_samengevat(per_onthaal[onthaal.pk])}"
        else:
            titel = _("Onthaal overgeslagen in %s") % onthaal.verblijf.gevangenis
            inhoud = onthaal.get_reden_overslaan_display()
        yield Gebeurtenis(
            datum=onthaal.datum,
            soort=Soort.ONTHAAL,
            titel=titel,
            detail=inhoud if zichtbaar else _niet_gedeeld(),
            url=f"{url}#onthaal",
            inhoud_zichtbaar=zichtbaar,
        )
    # Needs detected after the intake stand on their own.
    for behoefte in per_onthaal[None]:
        zichtbaar = inzicht.behoefte(behoefte)
        if zichtbaar:
            titel = _("Behoefte vastgesteld: %(domein)s (%(antwoord)s)") % {
                "domein": behoefte.get_levensdomein_display(),
                "antwoord": behoefte.get_antwoord_display(),
            }
            detail = _kort(behoefte.notitie)
        else:
            titel, detail = _("Behoefte vastgesteld"), _niet_gedeeld()
        yield Gebeurtenis(
            datum=behoefte.vastgesteld_op,
            soort=Soort.BEHOEFTE,
            titel=titel,
            detail=detail,
            url=f"{url}#onthaal",
            inhoud_zichtbaar=zichtbaar,
        )


def _planversies(gedetineerde: Gedetineerde, inzicht: Inzicht) -> Iterator[Gebeurtenis]:
    for versie in Planversie.objects.filter(plan__gedetineerde=gedetineerde).select_related("plan"):
        zichtbaar = inzicht.plan(versie.plan)
        yield _op_moment(
            versie.aangemaakt,
            soort=Soort.PLAN,
            titel=_("HDV-plan versie %s vastgelegd") % versie.nummer,
            detail=versie.aanleiding if zichtbaar else _niet_gedeeld(),
            url=reverse("trajecten:planversie", args=[versie.pk]),
            inhoud_zichtbaar=zichtbaar,
        )


def _doorverwijzingen(gedetineerde: Gedetineerde, inzicht: Inzicht) -> Iterator[Gebeurtenis]:
    stappen = Doorverwijzingsstap.objects.filter(
        doorverwijzing__gedetineerde=gedetineerde
    ).select_related("doorverwijzing__naar_organisatie")
    for stap in stappen:
        doorverwijzing = stap.doorverwijzing
        zichtbaar = inzicht.doorverwijzing(doorverwijzing)
        if zichtbaar:
            detail = (
                f"{doorverwijzing.get_levensdomein_display()} → {doorverwijzing.naar_organisatie}"
            )
            if stap.toelichting:
                detail = f"{detail}: {_kort(stap.toelichting)}"
        else:
            detail = _niet_gedeeld()
        yield _op_moment(
            stap.tijdstip,
            soort=Soort.DOORVERWIJZING,
            titel=_("Doorverwijzing: status %s") % stap.get_naar_status_display(),
            detail=detail,
            url=reverse("trajecten:doorverwijzing", args=[doorverwijzing.pk]),
            inhoud_zichtbaar=zichtbaar,
        )


def _notities(user: Any, gedetineerde: Gedetineerde, url: str) -> Iterator[Gebeurtenis]:
    # Only the notes this user may read: the others are not even shown to exist.
    notities = (
        zichtbare_notities(user).filter(gedetineerde=gedetineerde).select_related("organisatie")
    )
    for notitie in notities:
        yield _op_moment(
            notitie.aangemaakt,
            soort=Soort.NOTITIE,
            titel=_("Notitie van %(organisatie)s (%(niveau)s)")
            % {"organisatie": notitie.organisatie, "niveau": notitie.get_niveau_display()},
            detail=_kort(notitie.tekst),
            url=f"{url}#notities",
        )


def _casusoverleggen(user: Any, gedetineerde: Gedetineerde) -> Iterator[Gebeurtenis]:
    for overleg in zichtbare_casusoverleggen(user).filter(gedetineerde=gedetineerde):
        yield Gebeurtenis(
            datum=overleg.datum,
            soort=Soort.CASUSOVERLEG,
            titel=_("Casusoverleg: %s") % overleg.onderwerp,
            detail=_kort(overleg.besluiten),
            url=reverse("trajecten:casusoverleg", args=[overleg.pk]),
        )


def _toestemmingen(gedetineerde: Gedetineerde, url: str) -> Iterator[Gebeurtenis]:
    for toestemming in Toestemming.objects.filter(gedetineerde=gedetineerde).select_related(
        "organisatie"
    ):
        wat = {
            "categorie": toestemming.get_categorie_display(),
            "organisatie": toestemming.organisatie,
        }
        yield Gebeurtenis(
            datum=toestemming.gegeven_op,
            tijdstip=_moment_op(toestemming.gegeven_op, toestemming.geregistreerd),
            soort=Soort.TOESTEMMING,
            titel=_("Toestemming gegeven: %(categorie)s delen met %(organisatie)s") % wat,
            detail=toestemming.opmerking,
            url=f"{url}#notities",
        )
        if toestemming.ingetrokken_op:
            yield Gebeurtenis(
                datum=toestemming.ingetrokken_op,
                tijdstip=_moment_op(
                    toestemming.ingetrokken_op, toestemming.intrekking_geregistreerd
                ),
                soort=Soort.TOESTEMMING,
                titel=_("Toestemming ingetrokken: %(categorie)s delen met %(organisatie)s") % wat,
                url=f"{url}#notities",
            )


def tijdlijn(*, user: Any, gedetineerde: Gedetineerde, inzicht: Inzicht) -> list[Gebeurtenis]:
    """Everything that happened in this person's file that the user may know of, newest first."""
    url = reverse("trajecten:dossier", args=[gedetineerde.pk])
    gebeurtenissen = [*_verblijven(gedetineerde, f"{url}#verblijven"), *_statuten(gedetineerde)]
    if user.has_perm("trajecten.view_onthaal"):
        gebeurtenissen += _onthalen(gedetineerde, inzicht, url)
    if user.has_perm("trajecten.view_hdvplan"):
        gebeurtenissen += _planversies(gedetineerde, inzicht)
    if user.has_perm("trajecten.view_doorverwijzing"):
        gebeurtenissen += _doorverwijzingen(gedetineerde, inzicht)
    if user.has_perm("trajecten.view_notitie"):
        gebeurtenissen += _notities(user, gedetineerde, url)
    if user.has_perm("trajecten.view_casusoverleg"):
        gebeurtenissen += _casusoverleggen(user, gedetineerde)
    if user.has_perm("trajecten.view_toestemming"):
        gebeurtenissen += _toestemmingen(gedetineerde, url)
    return sorted(gebeurtenissen, key=_volgorde, reverse=True)
