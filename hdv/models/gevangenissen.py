from django.db import models
from django.utils.translation import gettext_lazy as _


class Gevangenis(models.Model):
    class Soort(models.TextChoices):
        GEVANGENIS = "gevangenis", _("gevangenis")
        FPC = "fpc", _("forensisch psychiatrisch centrum")
        DETENTIEHUIS = "detentiehuis", _("detentiehuis")
        TRANSITIEHUIS = "transitiehuis", _("transitiehuis")

    naam = models.CharField(_("naam"), max_length=100, unique=True)
    code = models.SlugField(
        _("code"), max_length=20, unique=True, help_text=_("Korte code, bv. ANT of FPC-GENT.")
    )
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    capaciteit = models.PositiveIntegerField(_("capaciteit"))
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("gevangenis")
        verbose_name_plural = _("gevangenissen")

    def __str__(self) -> str:
        return self.naam
