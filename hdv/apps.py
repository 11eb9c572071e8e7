from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class HdvConfig(AppConfig):
    default = True
    name = "hdv"
    verbose_name = _("HDV kern")

    def ready(self) -> None:
        from django.db.models.signals import post_migrate

        from hdv.panelen import registreer_panelen
        from hdv.rollen import rollen_installeren_na_migratie

        registreer_panelen()

        post_migrate.connect(rollen_installeren_na_migratie, dispatch_uid="hdv_rollen")


class HdvAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "hdv.admin_site.HdvAdminSite"
