from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class DeelnameConfig(AppConfig):
    name = "deelname"
    verbose_name = _("Deelname")

    def ready(self) -> None:
        from aanbod.gebruik import registreer_gebruikscontrole
        from deelname.gebeurtenissen import registreren
        from deelname.referentiedata import referentiedata_laden
        from deelname.selectors import sessies_met_aanwezigheden

        post_migrate.connect(referentiedata_laden, sender=self)
        registreren()
        # A session with registered attendance is "in use": cancelling it asks to confirm.
        registreer_gebruikscontrole(sessies_met_aanwezigheden)
        from deelname.dossier import inschrijvingen_sectie
        from trajecten import dossiersecties

        # The person's enrolment history, as a section of the file (trajecten never imports us).
        dossiersecties.registreer(
            naam="inschrijvingen",
            sectie=inschrijvingen_sectie,
            template="deelname/dossier/_inschrijvingen.html",
        )
