from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from aanbod.models import Levensdomein
from hdv.models import Organisatie
from hdv.scope import ScopedQuerySet

from .personen import Gedetineerde


class Plaats(models.TextChoices):
    BINNEN = "binnen", _("binnen de gevangenis")
    BUITEN = "buiten", _("buiten de gevangenis")


class HdvPlan(models.Model):
    """The individual help and services plan (decree of 2013): one per person.

    It travels with the person across transfers. Its content (goals and steps) is for
    the coordinating organisation and for organisations the person consented to share
    the plan with; anyone else in the prison sees only that a plan exists.
    """

    SCOPE_GEVANGENIS = "gedetineerde__huidige_gevangenis"

    gedetineerde = models.OneToOneField(
        Gedetineerde, on_delete=models.PROTECT, related_name="hdv_plan"
    )
    # The coordinating organisation (the trajectbegeleider's CAW) and its worker.
    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisatie")
    )
    begeleider = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("trajectbegeleider"),
    )
    versie = models.PositiveIntegerField(_("versie"), default=0)
    volgende_herziening = models.DateField(_("volgende herziening"))
    laatst_herzien = models.DateField(_("laatst herzien"), null=True, blank=True)
    aangemaakt = models.DateTimeField(auto_now_add=True)
    gewijzigd = models.DateTimeField(auto_now=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("HDV-plan")
        verbose_name_plural = _("HDV-plannen")
        indexes = [models.Index(fields=["volgende_herziening"], name="plan_herziening_idx")]

    def __str__(self) -> str:
        return f"HDV-plan {self.gedetineerde_id} v{self.versie}"


class Doel(models.Model):
    class Status(models.TextChoices):
        OPEN = "open", _("open")
        IN_UITVOERING = "in_uitvoering", _("in uitvoering")
        BEREIKT = "bereikt", _("bereikt")
        NIET_BEREIKT = "niet_bereikt", _("niet bereikt")
        STOPGEZET = "stopgezet", _("stopgezet")

    class Stopreden(models.TextChoices):
        OP_VRAAG = "op_vraag", _("op vraag van de gedetineerde")
        NIET_MEER_NODIG = "niet_meer_nodig", _("niet meer nodig")
        OVERPLAATSING = "overplaatsing", _("overplaatsing")
        VRIJLATING = "vrijlating", _("vrijlating")
        AANBOD_ONBESCHIKBAAR = "aanbod_onbeschikbaar", _("aanbod niet beschikbaar")
        ANDERE = "andere", _("andere")

    SCOPE_GEVANGENIS = "plan__gedetineerde__huidige_gevangenis"

    plan = models.ForeignKey(HdvPlan, on_delete=models.CASCADE, related_name="doelen")
    levensdomein = models.CharField(_("levensdomein"), max_length=30, choices=Levensdomein.choices)
    omschrijving = models.CharField(_("doel"), max_length=300)
    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verantwoordelijke organisatie"),
    )
    plaats = models.CharField(_("binnen of buiten"), max_length=10, choices=Plaats.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    stopreden = models.CharField(
        _("reden van stopzetting"), max_length=30, choices=Stopreden.choices, blank=True
    )
    volgorde = models.PositiveSmallIntegerField(default=0)
    aangemaakt = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["volgorde", "id"]
        verbose_name = _("doel")
        verbose_name_plural = _("doelen")
        constraints = [
            models.CheckConstraint(
                condition=(Q(status="stopgezet") & ~Q(stopreden=""))
                | (~Q(status="stopgezet") & Q(stopreden="")),
                name="doel_stopreden_bij_stopzetting",
            )
        ]

    def __str__(self) -> str:
        return self.omschrijving

    @property
    def afgesloten(self) -> bool:
        return self.status in {
            self.Status.BEREIKT,
            self.Status.NIET_BEREIKT,
            self.Status.STOPGEZET,
        }


class Stap(models.Model):
    SCOPE_GEVANGENIS = "doel__plan__gedetineerde__huidige_gevangenis"

    doel = models.ForeignKey(Doel, on_delete=models.CASCADE, related_name="stappen")
    omschrijving = models.CharField(_("stap"), max_length=300)
    tegen = models.DateField(_("tegen"), null=True, blank=True)
    gedaan_op = models.DateField(_("gedaan op"), null=True, blank=True)
    volgorde = models.PositiveSmallIntegerField(default=0)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["volgorde", "id"]
        verbose_name = _("stap")
        verbose_name_plural = _("stappen")

    def __str__(self) -> str:
        return self.omschrijving


class Planversie(models.Model):
    """A frozen copy of the plan as it was agreed: appended, never edited."""

    SCOPE_GEVANGENIS = "plan__gedetineerde__huidige_gevangenis"

    plan = models.ForeignKey(HdvPlan, on_delete=models.CASCADE, related_name="versies")
    nummer = models.PositiveIntegerField(_("versie"))
    aanleiding = models.CharField(_("aanleiding"), max_length=200)
    inhoud = models.JSONField(_("inhoud"))
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    aangemaakt = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-nummer"]
        verbose_name = _("planversie")
        verbose_name_plural = _("planversies")
        constraints = [models.UniqueConstraint(fields=["plan", "nummer"], name="planversie_uniek")]

    def __str__(self) -> str:
        return f"v{self.nummer}"
