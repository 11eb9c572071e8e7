from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from hdv.models import Gevangenis
from hdv.scope import ScopedQuerySet


class Gedetineerde(models.Model):
    """A person held in a prison. Who is where comes from the federal system (SIDIS Suite)."""

    class Geslacht(models.TextChoices):
        MAN = "M", _("man")
        VROUW = "V", _("vrouw")
        X = "X", _("X")

    SCOPE_GEVANGENIS = "huidige_gevangenis"

    detineenummer = models.CharField(
        _("gedetineerdennummer"), max_length=20, unique=True, help_text=_("Het federale nummer.")
    )
    voornaam = models.CharField(_("voornaam"), max_length=100)
    achternaam = models.CharField(_("achternaam"), max_length=100)
    geboortedatum = models.DateField(_("geboortedatum"))
    geslacht = models.CharField(_("geslacht"), max_length=1, choices=Geslacht.choices)
    # The prison of the open stay, or of the last one after release: kept by the stay
    # services so that the scope is one indexed comparison, not a join on stays.
    huidige_gevangenis = models.ForeignKey(
        Gevangenis,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("gevangenis"),
    )
    aangemaakt = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["achternaam", "voornaam", "id"]
        verbose_name = _("gedetineerde")
        verbose_name_plural = _("gedetineerden")

    def __str__(self) -> str:
        return f"{self.achternaam}, {self.voornaam} ({self.detineenummer})"

    @property
    def volledige_naam(self) -> str:
        return f"{self.voornaam} {self.achternaam}"


class Verblijf(models.Model):
    class Eindreden(models.TextChoices):
        OVERPLAATSING = "overplaatsing", _("overplaatsing")
        VRIJLATING = "vrijlating", _("vrijlating")
        OVERLIJDEN = "overlijden", _("overlijden")
        ANDERE = "andere", _("andere")

    SCOPE_GEVANGENIS = "gedetineerde__huidige_gevangenis"

    gedetineerde = models.ForeignKey(
        Gedetineerde, on_delete=models.PROTECT, related_name="verblijven"
    )
    gevangenis = models.ForeignKey(
        Gevangenis,
        on_delete=models.PROTECT,
        related_name="verblijven",
        verbose_name=_("gevangenis"),
    )
    afdeling = models.CharField(_("afdeling"), max_length=50, blank=True)
    van = models.DateField(_("van"))
    tot = models.DateField(_("tot"), null=True, blank=True)
    eindreden = models.CharField(
        _("eindreden"), max_length=20, choices=Eindreden.choices, blank=True
    )

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-van", "-id"]
        verbose_name = _("verblijf")
        verbose_name_plural = _("verblijven")
        constraints = [
            models.UniqueConstraint(
                fields=["gedetineerde"],
                condition=Q(tot__isnull=True),
                name="een_open_verblijf_per_gedetineerde",
                violation_error_message=_("Deze persoon heeft al een lopend verblijf."),
            ),
            models.CheckConstraint(
                condition=Q(tot__isnull=True) | Q(tot__gte=models.F("van")),
                name="verblijf_tot_na_van",
            ),
        ]
        indexes = [models.Index(fields=["gevangenis", "tot"], name="verblijf_gevangenis_tot_idx")]

    def __str__(self) -> str:
        return f"{self.gevangenis} {self.van}–{self.tot or ''}"
