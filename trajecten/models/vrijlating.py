from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hdv.models import Organisatie
from hdv.scope import ScopedQuerySet

from .personen import Gedetineerde, Verblijf


class Vrijlatingsvoorbereiding(models.Model):
    """The bridge from inside to outside: a checklist that opens before the expected release.

    On release it is frozen: ``overdracht`` keeps the summary as it was on that day,
    and the checklist no longer changes.
    """

    SCOPE_GEVANGENIS = "gedetineerde__huidige_gevangenis"

    gedetineerde = models.ForeignKey(
        Gedetineerde, on_delete=models.PROTECT, related_name="vrijlatingsvoorbereidingen"
    )
    verblijf = models.OneToOneField(
        Verblijf, on_delete=models.PROTECT, related_name="vrijlatingsvoorbereiding"
    )
    # Who coordinates it and reads it without consent: the organisation that opened it, or
    # (opened by the daily job) that of the plan; empty until someone takes it up.
    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("organisatie"),
    )
    verwachte_datum = models.DateField(_("verwachte vrijlating"), null=True, blank=True)
    geopend_op = models.DateField(_("geopend op"))
    bevroren_op = models.DateField(_("bevroren op"), null=True, blank=True)
    overdracht = models.JSONField(_("overdrachtssamenvatting"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["verwachte_datum", "id"]
        verbose_name = _("voorbereiding van de vrijlating")
        verbose_name_plural = _("voorbereidingen van de vrijlating")

    def __str__(self) -> str:
        return f"Vrijlating {self.verwachte_datum or '?'}"

    @property
    def bevroren(self) -> bool:
        return self.bevroren_op is not None


class Checklistpunt(models.Model):
    class Onderwerp(models.TextChoices):
        WONEN = "wonen", _("huisvesting")
        INKOMEN = "inkomen", _("inkomen en OCMW")
        IDENTITEITSDOCUMENTEN = "identiteitsdocumenten", _("identiteitsdocumenten")
        ZIEKTEVERZEKERING = "ziekteverzekering", _("ziekteverzekering (ziekenfonds)")
        WERK = "werk", _("werk en VDAB buiten")
        NAZORG_GGZ = "nazorg_ggz", _("nazorg geestelijke gezondheid")
        NAZORG_VERSLAVING = "nazorg_verslaving", _("nazorg verslaving")
        SCHULDEN = "schulden", _("schulden")
        FAMILIE = "familie", _("familie en netwerk")

    class Status(models.TextChoices):
        TE_DOEN = "te_doen", _("te doen")
        BEZIG = "bezig", _("bezig")
        GEREGELD = "geregeld", _("geregeld")
        NIET_NODIG = "niet_nodig", _("niet nodig")

    SCOPE_GEVANGENIS = "voorbereiding__gedetineerde__huidige_gevangenis"

    voorbereiding = models.ForeignKey(
        Vrijlatingsvoorbereiding, on_delete=models.CASCADE, related_name="punten"
    )
    onderwerp = models.CharField(_("onderwerp"), max_length=30, choices=Onderwerp.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.TE_DOEN
    )
    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verantwoordelijke organisatie"),
    )
    verantwoordelijke = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("verantwoordelijke"),
    )
    toelichting = models.TextField(_("toelichting"), blank=True)
    gewijzigd = models.DateTimeField(auto_now=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["id"]
        verbose_name = _("punt van de checklist")
        verbose_name_plural = _("punten van de checklist")
        constraints = [
            models.UniqueConstraint(
                fields=["voorbereiding", "onderwerp"], name="een_punt_per_onderwerp"
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_onderwerp_display()}: {self.get_status_display()}"


class Taak(models.Model):
    """A task in a worklist: for one user, or for everyone of a prison with a permission.

    Made by events (a transfer, a release, a referral to answer) and by other apps
    through ``trajecten.services.taken.taak_aanmaken``.
    """

    class Soort(models.TextChoices):
        OVERPLAATSING = "overplaatsing", _("overplaatsing")
        VRIJLATING = "vrijlating", _("vrijlating")
        OVERDRACHT = "overdracht", _("overdracht na overplaatsing")
        DOORVERWIJZING = "doorverwijzing", _("doorverwijzing")
        ANDERE = "andere", _("andere")

    SCOPE_GEVANGENIS = "gevangenis"

    gevangenis = models.ForeignKey(
        "hdv.Gevangenis", on_delete=models.PROTECT, related_name="+", verbose_name=_("gevangenis")
    )
    gedetineerde = models.ForeignKey(
        Gedetineerde, on_delete=models.PROTECT, null=True, blank=True, related_name="taken"
    )
    soort = models.CharField(_("soort"), max_length=20, choices=Soort.choices)
    titel = models.CharField(_("titel"), max_length=200)
    inhoud = models.TextField(_("inhoud"), blank=True)
    # The audience: one user, or (when empty) everyone in the prison holding ``permissie``,
    # optionally only of ``organisatie``.
    toegewezen_aan = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("voor"),
    )
    permissie = models.CharField(max_length=100, blank=True)
    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    # Set by the e-mail job, so that running it twice sends nothing twice.
    gemaild = models.BooleanField(default=False)
    afgehandeld_op = models.DateTimeField(_("afgehandeld op"), null=True, blank=True)
    afgehandeld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-aangemaakt", "-id"]
        verbose_name = _("taak")
        verbose_name_plural = _("taken")
        constraints = [
            models.CheckConstraint(
                condition=~Q(toegewezen_aan__isnull=True, permissie=""),
                name="taak_heeft_een_publiek",
            )
        ]
        indexes = [models.Index(fields=["gevangenis", "afgehandeld_op"], name="taak_open_idx")]

    def __str__(self) -> str:
        return self.titel
