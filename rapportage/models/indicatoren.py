"""The rollups: indicator values per prison per period, computed by a Celery job.

Dashboards and reports read these rows and never the raw facts. A row holds the counts
behind the value (teller/noemer) so that averages over prisons and suppression work on
counts, not on rounded percentages.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hdv.models import Gevangenis


class Periodesoort(models.TextChoices):
    DAG = "dag", _("dag")
    MAAND = "maand", _("maand")
    KWARTAAL = "kwartaal", _("kwartaal")
    JAAR = "jaar", _("jaar")


class Indicatorwaarde(models.Model):
    """One figure: an indicator, for a prison (or Flanders), a period and a breakdown cell.

    ``uitsplitsing`` is empty for the total; otherwise it names the breakdown (domein,
    aanbieder, categorie, aanbod, doelgroep, statuut, reden) and ``sleutel`` the cell.
    ``waarde`` is the figure itself: teller ÷ noemer for a rate, a count or a median
    otherwise; None when there was nothing to count ("geen gegevens", never 0 %).
    """

    indicator = models.CharField(_("indicator"), max_length=40)
    gevangenis = models.ForeignKey(
        Gevangenis,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Leeg = heel Vlaanderen (elke persoon één keer geteld)."),
    )
    periodesoort = models.CharField(_("periode"), max_length=10, choices=Periodesoort.choices)
    begin = models.DateField(_("begin"))
    einde = models.DateField(_("einde"), help_text=_("De laatste dag van de periode."))
    uitsplitsing = models.CharField(_("uitsplitsing"), max_length=20, blank=True)
    sleutel = models.CharField(_("sleutel"), max_length=60, blank=True)
    label = models.CharField(_("label"), max_length=200, blank=True)
    teller = models.IntegerField(_("teller"), null=True, blank=True)
    noemer = models.IntegerField(_("noemer"), null=True, blank=True)
    waarde = models.FloatField(_("waarde"), null=True, blank=True)
    berekend_op = models.DateTimeField(_("berekend op"))

    class Meta:
        ordering = ["indicator", "begin", "uitsplitsing", "sleutel"]
        verbose_name = _("indicatorwaarde")
        verbose_name_plural = _("indicatorwaarden")
        permissions = [
            (
                "lees_eigen_cijfers",
                _("Ziet de cijfers van de eigen gevangenissen zonder afscherming"),
            )
        ]
        constraints = [
            # Two partial constraints instead of nulls_distinct=False, which SQLite (the
            # embedded mode) does not support: one row per cell, per prison and for Flanders.
            models.UniqueConstraint(
                fields=[
                    "indicator",
                    "gevangenis",
                    "periodesoort",
                    "begin",
                    "uitsplitsing",
                    "sleutel",
                ],
                condition=Q(gevangenis__isnull=False),
                name="een_indicatorwaarde_per_cel",
            ),
            models.UniqueConstraint(
                fields=["indicator", "periodesoort", "begin", "uitsplitsing", "sleutel"],
                condition=Q(gevangenis__isnull=True),
                name="een_vlaamse_indicatorwaarde_per_cel",
            ),
            models.CheckConstraint(
                condition=Q(einde__gte=models.F("begin")), name="indicatorwaarde_periode"
            ),
        ]
        indexes = [
            models.Index(
                fields=["periodesoort", "indicator", "gevangenis", "begin"],
                name="indicatorwaarde_reeks",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.gevangenis or 'Vlaanderen'} {self.begin}"


class Berekening(models.Model):
    """One run of the rollup job: what it recomputed and up to which change it saw."""

    class Aanleiding(models.TextChoices):
        NACHTELIJK = "nachtelijk", _("nachtelijk")
        OP_VRAAG = "op_vraag", _("op vraag")
        VOLLEDIG = "volledig", _("volledig")

    aanleiding = models.CharField(_("aanleiding"), max_length=12, choices=Aanleiding.choices)
    gestart = models.DateTimeField(_("gestart"))
    klaar = models.DateTimeField(_("klaar"), null=True, blank=True)
    # The moment up to which changes were taken into account: the next run looks after it.
    gegevens_tot = models.DateTimeField(_("gegevens tot"))
    aantal_perioden = models.PositiveIntegerField(_("herberekende perioden"), default=0)
    aantal_waarden = models.PositiveIntegerField(_("geschreven waarden"), default=0)
    fout = models.TextField(_("fout"), blank=True)
    gevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["-gestart"]
        verbose_name = _("berekening")
        verbose_name_plural = _("berekeningen")
        get_latest_by = "gestart"

    def __str__(self) -> str:
        return f"{self.get_aanleiding_display()} {self.gestart:%Y-%m-%d %H:%M}"
