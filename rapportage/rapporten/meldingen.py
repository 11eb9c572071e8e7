"""E-mail that a monitoring report is ready.

A scheduled report (the quarterly one) goes to the members of the Gemengde Commissie:
the active users who receive it (``rapportage.ontvang_monitoringrapport``, the role
"lid Gemengde Commissie" or on their own) and may read it; a beheerder or a central
worker who only may read reports is not told. A report someone asked for goes to that person. The
mail carries a link, never the report or a figure: e-mail leaves the system, HDV's
access rules do not.
"""

from __future__ import annotations

import logging
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db import transaction
from django.db.models import Q, QuerySet
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from rapportage.models import Monitoringrapport

logger = logging.getLogger(__name__)

LEZEN = ("rapportage", "view_monitoringrapport")
ONTVANGEN = ("rapportage", "ontvang_monitoringrapport")


def _met_permissie(app_label: str, codename: str) -> Q:
    return Q(
        groups__permissions__codename=codename,
        groups__permissions__content_type__app_label=app_label,
    ) | Q(
        user_permissions__codename=codename,
        user_permissions__content_type__app_label=app_label,
    )


def commissieleden() -> QuerySet[Any]:
    """The active users who receive the scheduled report and may read it."""
    gebruikers = get_user_model().objects.filter(is_active=True)
    ontvangen = gebruikers.filter(_met_permissie(*ONTVANGEN)).values("pk")
    lezen = gebruikers.filter(_met_permissie(*LEZEN)).values("pk")
    return gebruikers.filter(pk__in=ontvangen).filter(pk__in=lezen)


def ontvangers(rapport: Monitoringrapport) -> list[str]:
    if rapport.gepland:
        gebruikers: Any = commissieleden()
    elif rapport.aangevraagd_door is not None and rapport.aangevraagd_door.is_active:
        gebruikers = [rapport.aangevraagd_door]
    else:
        gebruikers = []
    return sorted({u.email for u in gebruikers if u.email})


def _bericht(rapport: Monitoringrapport) -> tuple[str, str]:
    periode = rapport.periode_naam
    onderwerp = _("HDV: het monitoringrapport %(periode)s is klaar") % {"periode": periode}
    url = settings.HDV_BASIS_URL + reverse("rapportage:rapport", args=[rapport.pk])
    if rapport.gepland:
        reden = _(
            "U krijgt dit bericht als lid van de Gemengde Commissie: het rapport wordt elk "
            "kwartaal volgens planning gemaakt."
        )
    else:
        reden = _("U krijgt dit bericht omdat u dit rapport hebt aangevraagd.")
    tekst = _(
        "Het monitoringrapport over %(periode)s is klaar (PDF en XLSX).\n\n"
        "Open het in HDV: %(url)s\n\n%(reden)s"
    ) % {"periode": periode, "url": url, "reden": reden}
    return onderwerp, tekst


def monitoringrapport_melden(*, rapport_id: int) -> int:
    """Tell the recipients once that the report is ready; returns the messages sent."""
    with transaction.atomic():
        rapport = (
            Monitoringrapport.objects.select_for_update(of=("self",))
            .select_related("aangevraagd_door")
            .filter(pk=rapport_id)
            .first()
        )
        if rapport is None or rapport.status != Monitoringrapport.Status.KLAAR:
            return 0
        if rapport.gemeld_op is not None:
            return 0
        onderwerp, tekst = _bericht(rapport)
        berichten = [(onderwerp, tekst, None, [adres]) for adres in ontvangers(rapport)]
        if not berichten and rapport.gepland:
            # Left unmarked (nobody was told); the warning is for the beheerder.
            logger.warning(
                "Monitoringrapport %s: niemand om te melden; geef de leden van de Gemengde "
                "Commissie de rol 'lid Gemengde Commissie' (met een e-mailadres).",
                rapport_id,
            )
            return 0
        verstuurd = send_mass_mail(berichten, fail_silently=False) if berichten else 0
        rapport.gemeld_op = timezone.now()
        rapport.save(update_fields=["gemeld_op"])
    logger.info("Monitoringrapport %s gemeld aan %s ontvanger(s)", rapport_id, verstuurd)
    return verstuurd
