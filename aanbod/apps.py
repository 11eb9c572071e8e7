from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AanbodConfig(AppConfig):
    name = "aanbod"
    verbose_name = _("Aanbod")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from aanbod.referentiedata import referentiedata_laden
        from aanbod.views.panelen import registreer_panelen

        registreer_panelen()

        post_migrate.connect(
            referentiedata_laden, sender=self, dispatch_uid="aanbod_referentiedata"
        )
