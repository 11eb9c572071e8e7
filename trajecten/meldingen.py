"""E-mail about new tasks, for the workers who opted in (Medewerker.meldingen_per_email).

The mail says that there is a task and where; it never carries a name or other
personal data: e-mail leaves the system, the worklist does not.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.utils.translation import gettext as _

from trajecten.models import Taak
from trajecten.werklijsten import taak_ontvangers

logger = logging.getLogger(__name__)


def taak_mailen(*, taak_id: int) -> int:
    """Send the task's e-mail once; returns the number of messages sent."""
    with transaction.atomic():
        taak = (
            # Lock the task only, not its prison: tasks of one prison are mailed side by side.
            Taak.objects.select_for_update(of=("self",))
            .select_related("gevangenis")
            .filter(pk=taak_id)
            .first()
        )
        if taak is None or taak.gemaild or taak.afgehandeld_op is not None:
            return 0
        adressen = sorted(
            {
                u.email
                for u in taak_ontvangers(taak).filter(medewerker__meldingen_per_email=True)
                if u.email
            }
        )
        onderwerp = _("HDV: een nieuwe taak in uw werklijst (%(gevangenis)s)") % {
            "gevangenis": taak.gevangenis.naam
        }
        tekst = _(
            "Er staat een nieuwe taak van het soort '%(soort)s' in uw werklijst in HDV "
            "(%(gevangenis)s).\n\nOpen uw werklijst: %(url)s\n\n"
            "U krijgt dit bericht omdat u meldingen per e-mail hebt aangezet."
        ) % {
            "soort": taak.get_soort_display(),
            "gevangenis": taak.gevangenis.naam,
            "url": f"{settings.HDV_BASIS_URL}/werklijst/",
        }
        berichten = [(onderwerp, tekst, None, [adres]) for adres in adressen]
        verstuurd = send_mass_mail(berichten, fail_silently=False) if berichten else 0
        taak.gemaild = True
        taak.save(update_fields=["gemaild"])
    logger.info("Taak %s gemaild aan %s ontvanger(s)", taak_id, verstuurd)
    return verstuurd
