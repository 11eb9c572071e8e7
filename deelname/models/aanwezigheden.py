from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from aanbod.models import Sessie
from hdv.scope import ScopedQuerySet

from .inschrijvingen import DeelnameQuerySet, Inschrijving


class Afwezigheidsreden(models.Model):
    """Why someone was absent; ``aanvaardbaar`` says whether it counts against them."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    naam = models.CharField(_("naam"), max_length=100, unique=True)
    aanvaardbaar = models.BooleanField(_("aanvaardbaar"))
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("afwezigheidsreden")
        verbose_name_plural = _("afwezigheidsredenen")

    def __str__(self) -> str:
        return self.naam


class Aanwezigheid(models.Model):
    """One row per person per session, whatever is submitted twice."""

    class Status(models.TextChoices):
        AANWEZIG = "aanwezig", _("aanwezig")
        TE_LAAT = "te_laat", _("te laat")
        AFWEZIG = "afwezig", _("afwezig")

    SCOPE_GEVANGENIS = "sessie__activiteit__gevangenis"
    VERTROUWELIJK_PAD = "inschrijving__aanbod"

    sessie = models.ForeignKey(Sessie, on_delete=models.PROTECT, related_name="aanwezigheden")
    inschrijving = models.ForeignKey(
        Inschrijving, on_delete=models.PROTECT, related_name="aanwezigheden"
    )
    status = models.CharField(_("aanwezigheid"), max_length=10, choices=Status.choices)
    reden = models.ForeignKey(
        Afwezigheidsreden,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("reden"),
    )
    toelichting = models.CharField(_("toelichting"), max_length=200, blank=True)
    geregistreerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    gewijzigd = models.DateTimeField(auto_now=True)

    objects = DeelnameQuerySet.as_manager()

    class Meta:
        ordering = ["sessie", "inschrijving"]
        verbose_name = _("aanwezigheid")
        verbose_name_plural = _("aanwezigheden")
        permissions = [
            (
                "registreer_alle_aanwezigheden",
                _("Mag de aanwezigheden van elke sessie in de eigen gevangenissen registreren"),
            )
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["sessie", "inschrijving"], name="een_aanwezigheid_per_sessie"
            ),
            models.CheckConstraint(
                condition=(Q(status="afwezig") & Q(reden__isnull=False))
                | (~Q(status="afwezig") & Q(reden__isnull=True)),
                name="aanwezigheid_reden_bij_afwezigheid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.sessie_id}/{self.inschrijving_id}: {self.status}"


class Aanwezigheidswijziging(models.Model):
    """The history of an attendance row: every change appended, never edited."""

    SCOPE_GEVANGENIS = "aanwezigheid__sessie__activiteit__gevangenis"

    aanwezigheid = models.ForeignKey(
        Aanwezigheid, on_delete=models.CASCADE, related_name="wijzigingen"
    )
    status = models.CharField(max_length=10, choices=Aanwezigheid.Status.choices)
    reden = models.ForeignKey(
        Afwezigheidsreden, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    tijdstip = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["tijdstip", "id"]
        verbose_name = _("wijziging van een aanwezigheid")
        verbose_name_plural = _("wijzigingen van aanwezigheden")

    def __str__(self) -> str:
        return f"{self.status} {self.tijdstip:%d/%m/%Y %H:%M}"
