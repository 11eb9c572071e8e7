from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .gevangenissen import Gevangenis
from .organisaties import Organisatie


class Medewerker(models.Model):
    """The staff profile: one organisation, one or more prisons; roles are the user's groups.

    The prisons decide the scope of every queryset of personal data (hdv.scope).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="medewerker"
    )
    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        related_name="medewerkers",
        verbose_name=_("organisatie"),
    )
    gevangenissen = models.ManyToManyField(
        Gevangenis, related_name="medewerkers", blank=True, verbose_name=_("gevangenissen")
    )
    functie = models.CharField(_("functie"), max_length=100, blank=True)
    meldingen_per_email = models.BooleanField(_("meldingen per e-mail"), default=False)

    class Meta:
        ordering = ["user__last_name", "user__first_name"]
        verbose_name = _("medewerker")
        verbose_name_plural = _("medewerkers")
        permissions = [
            ("beheer_toegang", _("Kan de beheeromgeving gebruiken")),
            ("audit_raadplegen", _("Kan de audittrail per persoon raadplegen")),
            ("vlaams_overzicht", _("Kan Vlaamse, niet-identificerende overzichten zien")),
            ("gevangenis_overzicht", _("Kan het overzicht van de eigen gevangenissen zien")),
        ]

    def __str__(self) -> str:
        return self.user.get_full_name() or self.user.get_username()
