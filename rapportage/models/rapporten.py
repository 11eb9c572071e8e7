from __future__ import annotations

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hdv.models import Gevangenis
from rapportage.models.indicatoren import Periodesoort


class Monitoringrapport(models.Model):
    """A monitoring report for the Gemengde Commissie: requested, built by Celery, stored.

    The parameters (period, prisons) are kept with the files, and so are the figures it
    was made of: a later report of the same period starts from them, so the same
    parameters give the same figures (unless a revision is asked for).
    """

    class Status(models.TextChoices):
        WACHTEND = "wachtend", _("in de wachtrij")
        BEZIG = "bezig", _("wordt gemaakt")
        KLAAR = "klaar", _("klaar")
        MISLUKT = "mislukt", _("mislukt")

    periodesoort = models.CharField(_("periode"), max_length=10, choices=Periodesoort.choices)
    begin = models.DateField(_("begin"))
    einde = models.DateField(_("einde"))
    gevangenissen = models.ManyToManyField(
        Gevangenis, related_name="+", verbose_name=_("gevangenissen")
    )
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.WACHTEND
    )
    voortgang = models.PositiveSmallIntegerField(_("voortgang (%)"), default=0)
    stap = models.CharField(_("stap"), max_length=200, blank=True)
    fout = models.TextField(_("fout"), blank=True)
    aangevraagd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    aangevraagd_op = models.DateTimeField(_("aangevraagd op"))
    gepland = models.BooleanField(_("volgens planning"), default=False)
    klaar_op = models.DateTimeField(_("klaar op"), null=True, blank=True)
    gegevens_van = models.DateTimeField(_("gegevens van"), null=True, blank=True)
    pdf = models.FileField(_("PDF"), upload_to="rapporten/", blank=True)
    xlsx = models.FileField(_("XLSX"), upload_to="rapporten/", blank=True)
    # Set once the members were told it is ready: a second run of the job mails nobody.
    gemeld_op = models.DateTimeField(_("gemeld op"), null=True, blank=True)
    # The figures it is made of (rapportage.rapporten.momentopname): the same period gives
    # the same figures; a revision takes the latest computed ones.
    herziening = models.BooleanField(
        _("herziening"),
        default=False,
        help_text=_(
            "Met de nieuwste berekende cijfers, in plaats van die van het vorige rapport "
            "over dezelfde periode."
        ),
    )
    cijfers = models.JSONField(_("bewaarde cijfers"), null=True, blank=True, editable=False)
    cijfers_van = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("cijfers overgenomen van"),
    )

    class Meta:
        ordering = ["-aangevraagd_op", "-id"]
        verbose_name = _("monitoringrapport")
        verbose_name_plural = _("monitoringrapporten")
        permissions = [
            (
                "ontvang_monitoringrapport",
                _("Krijgt bericht als het geplande monitoringrapport klaar is"),
            )
        ]
        constraints = [
            # The quarterly schedule asks once per period, also when beat runs twice.
            models.UniqueConstraint(
                fields=["periodesoort", "begin"],
                condition=Q(gepland=True),
                name="een_gepland_monitoringrapport_per_periode",
            )
        ]

    def __str__(self) -> str:
        return f"{self.periode_naam} ({self.begin:%d/%m/%Y}–{self.einde:%d/%m/%Y})"

    @property
    def periode_naam(self) -> str:
        """As people say it: "K1 2025", "2025" (as ``indicatoren.Periode.naam``)."""
        if self.periodesoort == Periodesoort.KWARTAAL:
            return f"K{(self.begin.month - 1) // 3 + 1} {self.begin.year}"
        if self.periodesoort == Periodesoort.JAAR:
            return str(self.begin.year)
        return f"{self.get_periodesoort_display()} {self.begin:%d/%m/%Y}"
