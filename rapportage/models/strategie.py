"""The strategic plan 2020–2025 (five strategic goals, their actions) and the local
action plans of the prisons that serve them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from hdv.models import Gevangenis


class Actiestatus(models.TextChoices):
    NIET_GESTART = "niet_gestart", _("niet gestart")
    LOPEND = "lopend", _("lopend")
    GEREALISEERD = "gerealiseerd", _("gerealiseerd")
    GESCHRAPT = "geschrapt", _("geschrapt")


class StrategischeDoelstelling(models.Model):
    nummer = models.PositiveSmallIntegerField(_("nummer"), unique=True)
    titel = models.CharField(_("titel"), max_length=300)
    omschrijving = models.TextField(_("omschrijving"), blank=True)

    class Meta:
        ordering = ["nummer"]
        verbose_name = _("strategische doelstelling")
        verbose_name_plural = _("strategische doelstellingen")

    def __str__(self) -> str:
        return f"SD{self.nummer} {self.titel}"


class Actie(models.Model):
    """An action of the strategic plan."""

    doelstelling = models.ForeignKey(
        StrategischeDoelstelling, on_delete=models.PROTECT, related_name="acties"
    )
    # The plan's slides group some actions under an operational goal ("2. We investeren
    # in de praktische organisatie van het leven na detentie"); the text, as given.
    operationele_doelstelling = models.CharField(
        _("operationele doelstelling"), max_length=300, blank=True
    )
    nummer = models.CharField(_("nummer"), max_length=10, unique=True)
    titel = models.CharField(_("titel"), max_length=300)
    eigenaar = models.CharField(_("eigenaar"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=15, choices=Actiestatus.choices, default=Actiestatus.NIET_GESTART
    )
    # The order of the source; "2.1.10" sorts before "2.1.2" as text.
    volgorde = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    gewijzigd = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["doelstelling__nummer", "volgorde", "id"]
        verbose_name = _("actie")
        verbose_name_plural = _("acties")

    def __str__(self) -> str:
        return f"{self.nummer} {self.titel}"


class LokaalActieplan(models.Model):
    gevangenis = models.ForeignKey(Gevangenis, on_delete=models.PROTECT, related_name="+")
    jaar = models.PositiveSmallIntegerField(_("jaar"))

    class Meta:
        ordering = ["-jaar", "gevangenis__naam"]
        verbose_name = _("lokaal actieplan")
        verbose_name_plural = _("lokale actieplannen")
        constraints = [
            models.UniqueConstraint(
                fields=["gevangenis", "jaar"], name="een_lokaal_actieplan_per_gevangenis_jaar"
            )
        ]

    def __str__(self) -> str:
        return f"{self.gevangenis} {self.jaar}"


class LokaleActie(models.Model):
    plan = models.ForeignKey(LokaalActieplan, on_delete=models.CASCADE, related_name="acties")
    doelstelling = models.ForeignKey(
        StrategischeDoelstelling, on_delete=models.PROTECT, related_name="lokale_acties"
    )
    titel = models.CharField(_("titel"), max_length=300)
    omschrijving = models.TextField(_("omschrijving"), blank=True)
    eigenaar = models.CharField(_("eigenaar"), max_length=200, blank=True)
    status = models.CharField(
        _("status"), max_length=15, choices=Actiestatus.choices, default=Actiestatus.NIET_GESTART
    )
    gewijzigd = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["doelstelling__nummer", "id"]
        verbose_name = _("lokale actie")
        verbose_name_plural = _("lokale acties")

    def __str__(self) -> str:
        return self.titel


class Voortgangsnotitie(models.Model):
    """A progress note on an action of the strategic plan or of a local action plan.

    The notes are the action's history: appended, never edited. A status change is a
    note with ``vorige_status`` different from ``status``.
    """

    actie = models.ForeignKey(
        Actie, on_delete=models.CASCADE, null=True, blank=True, related_name="notities"
    )
    lokale_actie = models.ForeignKey(
        LokaleActie, on_delete=models.CASCADE, null=True, blank=True, related_name="notities"
    )
    datum = models.DateField(_("datum"))
    tekst = models.TextField(_("voortgang"))
    status = models.CharField(_("status"), max_length=15, choices=Actiestatus.choices)
    vorige_status = models.CharField(
        _("vorige status"), max_length=15, choices=Actiestatus.choices, blank=True
    )
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    aangemaakt = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-datum", "-id"]
        verbose_name = _("voortgangsnotitie")
        verbose_name_plural = _("voortgangsnotities")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(actie__isnull=False, lokale_actie__isnull=True)
                | models.Q(actie__isnull=True, lokale_actie__isnull=False),
                name="voortgangsnotitie_een_actie",
            )
        ]

    def __str__(self) -> str:
        return f"{self.datum:%d/%m/%Y} {self.get_status_display()}"

    @property
    def statuswijziging(self) -> bool:
        return bool(self.vorige_status) and self.vorige_status != self.status
