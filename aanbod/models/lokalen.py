from django.db import models
from django.utils.translation import gettext_lazy as _

from hdv.models import Gevangenis
from hdv.scope import ScopedQuerySet


class Lokaal(models.Model):
    class Soort(models.TextChoices):
        KLASLOKAAL = "klaslokaal", _("klaslokaal")
        POLYVALENT = "polyvalent", _("polyvalente zaal")
        SPORTZAAL = "sportzaal", _("sportzaal")
        WERKPLAATS = "werkplaats", _("werkplaats")
        SPREEKKAMER = "spreekkamer", _("spreekkamer")
        BIBLIOTHEEK = "bibliotheek", _("bibliotheek")
        BUITEN = "buiten", _("buitenruimte")

    SCOPE_GEVANGENIS = "gevangenis"

    gevangenis = models.ForeignKey(Gevangenis, on_delete=models.PROTECT, related_name="lokalen")
    naam = models.CharField(_("naam"), max_length=80)
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    capaciteit = models.PositiveSmallIntegerField(_("capaciteit"))
    actief = models.BooleanField(_("actief"), default=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["gevangenis__naam", "naam"]
        verbose_name = _("lokaal")
        verbose_name_plural = _("lokalen")
        constraints = [
            models.UniqueConstraint(
                fields=["gevangenis", "naam"],
                name="lokaal_naam_uniek_per_gevangenis",
                violation_error_message=_("Deze gevangenis heeft al een lokaal met die naam."),
            )
        ]

    def __str__(self) -> str:
        return self.naam


class Sluitingsdag(models.Model):
    """A day on which a prison holds no activities (holiday, inventory day…)."""

    SCOPE_GEVANGENIS = "gevangenis"

    gevangenis = models.ForeignKey(
        Gevangenis, on_delete=models.PROTECT, related_name="sluitingsdagen"
    )
    datum = models.DateField(_("datum"))
    reden = models.CharField(_("reden"), max_length=120)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["datum"]
        verbose_name = _("sluitingsdag")
        verbose_name_plural = _("sluitingsdagen")
        constraints = [
            models.UniqueConstraint(
                fields=["gevangenis", "datum"],
                name="een_sluitingsdag_per_datum",
                violation_error_message=_("Deze dag is al een sluitingsdag."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.datum:%d/%m/%Y} {self.reden}"
