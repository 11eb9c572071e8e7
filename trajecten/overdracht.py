"""Trajecten's own answers to transfers and releases: continuity of the file.

Registered in ``TrajectenConfig.ready`` on the events of ``trajecten.gebeurtenissen``,
in the transaction of the stay change (so a failure rolls the transfer back):

- the plan gets a version frozen at the moment of the move;
- a running release preparation moves to the new stay; on release it is frozen into
  the handover summary;
- the workers involved (the plan's trajectbegeleider, whoever sent an open referral,
  the organisations that received one) get a task in the prison the person left;
- on a transfer the receiving prison's trajectbegeleiders get a **handover task**
  saying what was running. It gives counts, not content: the receiving organisation
  reads the plan itself, under the person's consent.

Enrolments and waiting lists are deelname's: it subscribes to the same events.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth import get_user_model
from django.utils.translation import gettext as _

from hdv.models import Gevangenis, Organisatie
from trajecten import gebeurtenissen
from trajecten.models import (
    Doel,
    Doorverwijzing,
    Gedetineerde,
    HdvPlan,
    Taak,
    Verblijf,
    Vrijlatingsvoorbereiding,
)
from trajecten.services.plannen import plan_versie_bij_gebeurtenis
from trajecten.services.taken import taak_aanmaken
from trajecten.services.vastleggen import vastleggen
from trajecten.services.vrijlating import voorbereiding_bevriezen

# The permission of whoever keeps plans: the trajectbegeleiders.
PLANHOUDER = "trajecten.change_hdvplan"
ONTVANGER = "trajecten.beantwoord_doorverwijzing"


def _gebruiker(door_id: int | None) -> Any:
    return get_user_model().objects.filter(pk=door_id).first() if door_id else None


def _lopend(gedetineerde: Gedetineerde) -> tuple[HdvPlan | None, list[Doorverwijzing]]:
    plan = HdvPlan.objects.filter(gedetineerde=gedetineerde).first()
    doorverwijzingen = list(
        gedetineerde.doorverwijzingen.filter(
            status__in=[Doorverwijzing.Status.VERSTUURD, Doorverwijzing.Status.AANVAARD]
        ).select_related("naar_organisatie")
    )
    return plan, doorverwijzingen


def _samenvatting(
    gedetineerde: Gedetineerde, plan: HdvPlan | None, doorverwijzingen: list[Doorverwijzing]
) -> str:
    regels = []
    if plan is not None:
        open_doelen = plan.doelen.filter(
            status__in=[Doel.Status.OPEN, Doel.Status.IN_UITVOERING]
        ).count()
        regels.append(
            _(
                "HDV-plan (versie %(versie)s, gecoördineerd door %(organisatie)s): %(aantal)s lopende doelen."
            )
            % {"versie": plan.versie, "organisatie": plan.organisatie, "aantal": open_doelen}
        )
    else:
        regels.append(_("Nog geen HDV-plan."))
    regels.append(_("Lopende doorverwijzingen: %(aantal)s.") % {"aantal": len(doorverwijzingen)})
    onthaal = gedetineerde.onthalen.select_related("verblijf__gevangenis").first()
    if onthaal is not None:
        regels.append(
            _("Laatste onthaal: %(status)s op %(datum)s in %(gevangenis)s.")
            % {
                "status": onthaal.get_status_display(),
                "datum": onthaal.datum.strftime("%d/%m/%Y"),
                "gevangenis": onthaal.verblijf.gevangenis,
            }
        )
    if Vrijlatingsvoorbereiding.objects.filter(
        gedetineerde=gedetineerde, verblijf__tot__isnull=True, bevroren_op__isnull=True
    ).exists():
        regels.append(_("De voorbereiding van de vrijlating loopt."))
    return "\n".join(regels)


def _betrokkenen_verwittigen(
    *,
    gedetineerde: Gedetineerde,
    gevangenis: Gevangenis,
    soort: str,
    titel: str,
    plan: HdvPlan | None,
    doorverwijzingen: list[Doorverwijzing],
    door: Any,
) -> None:
    gebruikers = {d.aangemaakt_door_id for d in doorverwijzingen}
    if plan is not None and plan.begeleider_id:
        gebruikers.add(plan.begeleider_id)
    # Only workers of the prison the person left; a worker elsewhere hears nothing of it.
    for gebruiker in get_user_model().objects.filter(
        pk__in=gebruikers, is_active=True, medewerker__gevangenissen=gevangenis
    ):
        taak_aanmaken(
            gevangenis=gevangenis,
            soort=soort,
            titel=titel,
            gedetineerde=gedetineerde,
            toegewezen_aan=gebruiker,
            door=door,
        )
    ontvangers: set[Organisatie] = {
        d.naar_organisatie
        for d in doorverwijzingen
        if d.naar_organisatie.soort != Organisatie.Soort.EXTERN
    }
    for organisatie in sorted(ontvangers, key=lambda o: o.pk):
        taak_aanmaken(
            gevangenis=gevangenis,
            soort=soort,
            titel=titel,
            inhoud=_(
                "Er loopt een doorverwijzing naar je organisatie. Ze gaat mee met de persoon: "
                "je collega's in de nieuwe gevangenis kunnen ze beantwoorden, of de "
                "trajectbegeleider daar trekt ze in en verwijst opnieuw door."
            )
            if soort == Taak.Soort.OVERPLAATSING
            else _("Er liep een doorverwijzing naar je organisatie."),
            gedetineerde=gedetineerde,
            permissie=ONTVANGER,
            organisatie=organisatie,
            door=door,
        )


def bij_overplaatsing(gebeurtenis: gebeurtenissen.Overplaatsing) -> None:
    oud = Verblijf.objects.select_related("gevangenis").get(pk=gebeurtenis.oud_verblijf_id)
    nieuw = Verblijf.objects.select_related("gevangenis").get(pk=gebeurtenis.nieuw_verblijf_id)
    gedetineerde = Gedetineerde.objects.select_related("huidige_gevangenis").get(
        pk=gebeurtenis.gedetineerde_id
    )
    door = _gebruiker(gebeurtenis.door_id)
    plan, doorverwijzingen = _lopend(gedetineerde)
    if plan is not None:
        # The version bumps the plan; the handover names the version as it is now.
        plan = plan_versie_bij_gebeurtenis(
            plan=plan,
            aanleiding=_("overplaatsing naar %(gevangenis)s") % {"gevangenis": nieuw.gevangenis},
            door=door,
        ).plan
    # A running release preparation goes along with the person.
    for voorbereiding in Vrijlatingsvoorbereiding.objects.filter(
        verblijf=oud, bevroren_op__isnull=True
    ):
        voorbereiding.verblijf = nieuw
        voorbereiding.save(update_fields=["verblijf"])
        vastleggen(
            door=door,
            actie="vrijlating voorbereiding verhuisd",
            obj=voorbereiding,
            gedetineerde=gedetineerde,
            velden=["verblijf"],
        )
    titel = _("%(naam)s (%(nummer)s) is overgeplaatst naar %(gevangenis)s op %(datum)s") % {
        "naam": gedetineerde.volledige_naam,
        "nummer": gedetineerde.detineenummer,
        "gevangenis": nieuw.gevangenis,
        "datum": gebeurtenis.datum.strftime("%d/%m/%Y"),
    }
    _betrokkenen_verwittigen(
        gedetineerde=gedetineerde,
        gevangenis=oud.gevangenis,
        soort=Taak.Soort.OVERPLAATSING,
        titel=titel,
        plan=plan,
        doorverwijzingen=doorverwijzingen,
        door=door,
    )
    taak_aanmaken(
        gevangenis=nieuw.gevangenis,
        soort=Taak.Soort.OVERDRACHT,
        titel=_("Overdracht: %(naam)s (%(nummer)s) komt uit %(gevangenis)s")
        % {
            "naam": gedetineerde.volledige_naam,
            "nummer": gedetineerde.detineenummer,
            "gevangenis": oud.gevangenis,
        },
        inhoud=_samenvatting(gedetineerde, plan, doorverwijzingen),
        gedetineerde=gedetineerde,
        permissie=PLANHOUDER,
        door=door,
    )


def bij_vrijlating(gebeurtenis: gebeurtenissen.Vrijlating) -> None:
    verblijf = Verblijf.objects.select_related("gevangenis").get(pk=gebeurtenis.verblijf_id)
    gedetineerde = Gedetineerde.objects.select_related("huidige_gevangenis").get(
        pk=gebeurtenis.gedetineerde_id
    )
    door = _gebruiker(gebeurtenis.door_id)
    plan, doorverwijzingen = _lopend(gedetineerde)
    voorbereiding = Vrijlatingsvoorbereiding.objects.filter(verblijf=verblijf).first()
    if voorbereiding is not None:
        voorbereiding_bevriezen(voorbereiding=voorbereiding, datum=gebeurtenis.datum, door=door)
    if plan is not None:
        plan = plan_versie_bij_gebeurtenis(plan=plan, aanleiding=_("vrijlating"), door=door).plan
    titel = _("%(naam)s (%(nummer)s) is vrijgelaten op %(datum)s") % {
        "naam": gedetineerde.volledige_naam,
        "nummer": gedetineerde.detineenummer,
        "datum": gebeurtenis.datum.strftime("%d/%m/%Y"),
    }
    _betrokkenen_verwittigen(
        gedetineerde=gedetineerde,
        gevangenis=verblijf.gevangenis,
        soort=Taak.Soort.VRIJLATING,
        titel=titel,
        plan=plan,
        doorverwijzingen=doorverwijzingen,
        door=door,
    )


def registreren() -> None:
    gebeurtenissen.bij_overplaatsing(bij_overplaatsing)
    gebeurtenissen.bij_vrijlating(bij_vrijlating)
