from typing import Any, TypeVar

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from aanbod.models import Aanbod, Activiteit
from hdv.models import Gevangenis
from hdv.scope import ScopedQuerySet
from trajecten.models import Doorverwijzing, Gedetineerde


class Stopreden(models.Model):
    """Why an enrolment stopped early: a table a beheerder keeps (uitval indicators)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    naam = models.CharField(_("naam"), max_length=100, unique=True)
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("stopreden")
        verbose_name_plural = _("stopredenen")

    def __str__(self) -> str:
        return self.naam


class Status(models.TextChoices):
    AANGEVRAAGD = "aangevraagd", _("aangevraagd")
    WACHTLIJST = "wachtlijst", _("op de wachtlijst")
    INGESCHREVEN = "ingeschreven", _("ingeschreven")
    ACTIEF = "actief", _("actief")
    AFGEROND = "afgerond", _("afgerond")
    STOPGEZET = "stopgezet", _("stopgezet")


class Bron(models.TextChoices):
    EIGEN_AANVRAAG = "eigen_aanvraag", _("eigen aanvraag")
    DOORVERWIJZING = "doorverwijzing", _("doorverwijzing")
    TOELEIDING_PSD = "toeleiding_psd", _("toeleiding door de PSD")
    TRAJECTBEGELEIDER = "trajectbegeleider", _("via de trajectbegeleider")
    ANDERE = "andere", _("andere")


M = TypeVar("M", bound=models.Model)


class DeelnameQuerySet(ScopedQuerySet[M]):
    """The prison scope, and confidential offers only for who may see their participants."""

    VERTROUWELIJK_PAD = "aanbod"

    def zichtbaar_voor(self, user: Any) -> ScopedQuerySet[M]:
        from deelname.vertrouwelijkheid import zichtbaar_filter

        pad = getattr(self.model, "VERTROUWELIJK_PAD", "aanbod")
        return super().zichtbaar_voor(user).filter(zichtbaar_filter(user, pad))


class Inschrijving(models.Model):
    """A person in a group activity, or in an individual offer of a prison.

    Statuses and their allowed transitions are data (``deelname.workflow``); every change
    is appended to ``Inschrijvingsstap``. Places are counted on ingeschreven + actief.
    """

    class BeslistDoor(models.TextChoices):
        DEELNEMER = "deelnemer", _("de deelnemer")
        BEGELEIDER = "begeleider", _("de begeleider")
        SYSTEEM = "systeem", _("het systeem")

    SCOPE_GEVANGENIS = "gevangenis"
    VERTROUWELIJK_PAD = "aanbod"

    gedetineerde = models.ForeignKey(
        Gedetineerde, on_delete=models.PROTECT, related_name="inschrijvingen"
    )
    gevangenis = models.ForeignKey(
        Gevangenis, on_delete=models.PROTECT, related_name="+", verbose_name=_("gevangenis")
    )
    aanbod = models.ForeignKey(
        Aanbod, on_delete=models.PROTECT, related_name="inschrijvingen", verbose_name=_("aanbod")
    )
    activiteit = models.ForeignKey(
        Activiteit,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="inschrijvingen",
        verbose_name=_("activiteit"),
    )
    bron = models.CharField(_("bron"), max_length=20, choices=Bron.choices)
    doorverwijzing = models.ForeignKey(
        Doorverwijzing, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    prioriteit = models.PositiveSmallIntegerField(
        _("prioriteit"), default=2, help_text=_("1 = hoog, 2 = gewoon, 3 = laag.")
    )
    aangevraagd_op = models.DateTimeField(_("aangevraagd op"))
    # The overridden warnings at enrolment (clash, remaining detention…), with the reason.
    overschreven_waarschuwingen = models.JSONField(default=list, blank=True)
    stopreden = models.ForeignKey(
        Stopreden, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    gestopt_door = models.CharField(
        _("beslist door"), max_length=20, choices=BeslistDoor.choices, blank=True
    )
    examen_afgelegd = models.BooleanField(_("examen afgelegd"), null=True, blank=True)
    examen_geslaagd = models.BooleanField(_("geslaagd"), null=True, blank=True)
    attest = models.BooleanField(_("attest behaald"), default=False)
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    gewijzigd = models.DateTimeField(auto_now=True)

    objects = DeelnameQuerySet.as_manager()

    class Meta:
        ordering = ["prioriteit", "aangevraagd_op", "id"]
        verbose_name = _("inschrijving")
        verbose_name_plural = _("inschrijvingen")
        constraints = [
            # One running enrolment per person per activity (or individual offer and prison).
            models.UniqueConstraint(
                fields=["gedetineerde", "activiteit"],
                condition=Q(status__in=["aangevraagd", "wachtlijst", "ingeschreven", "actief"])
                & Q(activiteit__isnull=False),
                name="een_lopende_inschrijving_per_activiteit",
                violation_error_message=_("Deze persoon is al ingeschreven voor deze activiteit."),
            ),
            models.UniqueConstraint(
                fields=["gedetineerde", "aanbod", "gevangenis"],
                condition=Q(status__in=["aangevraagd", "wachtlijst", "ingeschreven", "actief"])
                & Q(activiteit__isnull=True),
                name="een_lopende_inschrijving_per_individueel_aanbod",
                violation_error_message=_("Deze persoon is al ingeschreven voor dit aanbod."),
            ),
            models.CheckConstraint(
                condition=(Q(status="stopgezet") & Q(stopreden__isnull=False))
                | (~Q(status="stopgezet") & Q(stopreden__isnull=True)),
                name="inschrijving_stopreden_bij_stopzetting",
            ),
            models.CheckConstraint(
                condition=Q(prioriteit__gte=1) & Q(prioriteit__lte=3),
                name="inschrijving_prioriteit_1_tot_3",
            ),
        ]
        indexes = [
            models.Index(fields=["activiteit", "status"], name="inschrijving_activiteit_idx"),
            models.Index(fields=["gevangenis", "aanbod", "status"], name="inschrijving_aanbod_idx"),
        ]

    def __str__(self) -> str:
        return f"{self.gedetineerde_id} → {self.aanbod_id} ({self.status})"

    @property
    def lopend(self) -> bool:
        return self.status in LOPEND


LOPEND = frozenset({Status.AANGEVRAAGD, Status.WACHTLIJST, Status.INGESCHREVEN, Status.ACTIEF})
PLAATS_BEZET = frozenset({Status.INGESCHREVEN, Status.ACTIEF})


class Inschrijvingsstap(models.Model):
    """One status change of an enrolment: appended, never edited."""

    SCOPE_GEVANGENIS = "inschrijving__gevangenis"

    inschrijving = models.ForeignKey(Inschrijving, on_delete=models.CASCADE, related_name="stappen")
    van_status = models.CharField(max_length=20, choices=Status.choices, blank=True)
    naar_status = models.CharField(max_length=20, choices=Status.choices)
    datum = models.DateField(_("datum"))
    tijdstip = models.DateTimeField(auto_now_add=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    toelichting = models.CharField(max_length=300, blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["tijdstip", "id"]
        verbose_name = _("statuswijziging van een inschrijving")
        verbose_name_plural = _("statuswijzigingen van inschrijvingen")

    def __str__(self) -> str:
        return f"{self.van_status or '–'} → {self.naar_status}"
