from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from .aanwezigheden import Afwezigheidsreden
from .inschrijvingen import DeelnameQuerySet, Inschrijving


class Verontschuldiging(models.Model):
    """A participant excused in advance for the sessions from ``van`` to ``tot`` (inclusive).

    Left off the movement list of those days; the attendance register starts them as
    absent with this reason (staff can still change it on the day).
    """

    SCOPE_GEVANGENIS = "inschrijving__gevangenis"
    VERTROUWELIJK_PAD = "inschrijving__aanbod"

    inschrijving = models.ForeignKey(
        Inschrijving,
        on_delete=models.CASCADE,
        related_name="verontschuldigingen",
        verbose_name=_("inschrijving"),
    )
    van = models.DateField(_("van"))
    tot = models.DateField(_("tot en met"))
    reden = models.ForeignKey(
        Afwezigheidsreden, on_delete=models.PROTECT, related_name="+", verbose_name=_("reden")
    )
    toelichting = models.CharField(_("toelichting"), max_length=200, blank=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    aangemaakt = models.DateTimeField(auto_now_add=True)

    objects = DeelnameQuerySet.as_manager()

    class Meta:
        ordering = ["van", "tot", "id"]
        verbose_name = _("verontschuldiging")
        verbose_name_plural = _("verontschuldigingen")
        constraints = [
            models.CheckConstraint(
                condition=Q(tot__gte=F("van")), name="verontschuldiging_tot_na_van"
            ),
        ]
        indexes = [
            models.Index(fields=["inschrijving", "tot"], name="verontschuldiging_tot_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.inschrijving_id}: {self.van:%d/%m/%Y}–{self.tot:%d/%m/%Y}"
