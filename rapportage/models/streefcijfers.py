from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hdv.models import Gevangenis


class Streefcijfer(models.Model):
    """A target for an indicator in a year, for one prison or (no prison) for Flanders."""

    indicator = models.CharField(_("indicator"), max_length=40)
    gevangenis = models.ForeignKey(
        Gevangenis, on_delete=models.CASCADE, null=True, blank=True, related_name="+"
    )
    jaar = models.PositiveSmallIntegerField(_("jaar"))
    waarde = models.DecimalField(_("streefcijfer"), max_digits=9, decimal_places=2)
    toelichting = models.CharField(_("toelichting"), max_length=300, blank=True)
    gezet_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    gewijzigd = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["jaar", "indicator"]
        verbose_name = _("streefcijfer")
        verbose_name_plural = _("streefcijfers")
        constraints = [
            # Two partial constraints instead of nulls_distinct=False (not on SQLite).
            models.UniqueConstraint(
                fields=["indicator", "gevangenis", "jaar"],
                condition=Q(gevangenis__isnull=False),
                name="een_streefcijfer_per_indicator_gevangenis_jaar",
            ),
            models.UniqueConstraint(
                fields=["indicator", "jaar"],
                condition=Q(gevangenis__isnull=True),
                name="een_vlaams_streefcijfer_per_indicator_jaar",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.jaar}: {self.waarde}"
