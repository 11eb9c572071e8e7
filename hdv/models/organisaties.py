from django.db import models
from django.utils.translation import gettext_lazy as _


class Organisatie(models.Model):
    class Sector(models.TextChoices):
        WELZIJN = "welzijn", _("welzijn")
        GEESTELIJKE_GEZONDHEID = "geestelijke_gezondheid", _("geestelijke gezondheid")
        GEZONDHEID = "gezondheid", _("gezondheid")
        ONDERWIJS = "onderwijs", _("onderwijs")
        WERK = "werk", _("werk")
        SPORT = "sport", _("sport")
        CULTUUR = "cultuur", _("cultuur")
        WONEN = "wonen", _("wonen")
        JUSTITIE = "justitie", _("justitie en handhaving")
        FEDERAAL = "federaal", _("federale overheid")

    class Soort(models.TextChoices):
        AANBODVERSTREKKER = "aanbodverstrekker", _("aanbodverstrekker")
        ADMINISTRATIE = "administratie", _("administratie")
        # Partners outside the prison (OCMW, justitiehuis, TANDEM…): referrals and
        # handovers go to them, but their staff do not work in HDV.
        EXTERN = "extern", _("externe partner")

    naam = models.CharField(_("naam"), max_length=150, unique=True)
    afkorting = models.CharField(_("afkorting"), max_length=30, unique=True)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    sector = models.CharField(_("sector"), max_length=30, choices=Sector.choices)
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")

    def __str__(self) -> str:
        return self.afkorting
