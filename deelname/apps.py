from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DeelnameConfig(AppConfig):
    name = "deelname"
    verbose_name = _("Deelname")
