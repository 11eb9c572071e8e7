from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from aanbod.models import Levensdomein
from hdv.models import Organisatie
from hdv.scope import ScopedQuerySet

from .personen import Gedetineerde, Verblijf, taalcode_validator


class Onthaal(models.Model):
    """The intake of one stay: done (with needs detection) or skipped with a reason.

    Due for every open stay within ``HDV_ONTHAAL_NORM_DAGEN``; a stay without an
    Onthaal is on the worklist. A transfer opens a new stay, so the receiving prison
    does its own intake or skips it as "gedaan in een andere gevangenis".
    """

    class Status(models.TextChoices):
        AFGEROND = "afgerond", _("afgerond")
        OVERGESLAGEN = "overgeslagen", _("overgeslagen")

    class Reden(models.TextChoices):
        GEWEIGERD = "geweigerd", _("geweigerd door de gedetineerde")
        KORT_VERBLIJF = "kort_verblijf", _("kort verblijf")
        OVERGEPLAATST = "overgeplaatst", _("overgeplaatst voor het onthaal")
        ANDERE_GEVANGENIS = "andere_gevangenis", _("gedaan in een andere gevangenis")

    SCOPE_GEVANGENIS = "gedetineerde__huidige_gevangenis"

    gedetineerde = models.ForeignKey(
        Gedetineerde, on_delete=models.PROTECT, related_name="onthalen"
    )
    verblijf = models.OneToOneField(Verblijf, on_delete=models.PROTECT, related_name="onthaal")
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    datum = models.DateField(_("datum"))
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("medewerker"),
    )
    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisatie")
    )
    taal = models.CharField(
        _("taal van het gesprek"), max_length=3, blank=True, validators=[taalcode_validator]
    )
    tolk_nodig = models.BooleanField(_("tolk nodig"), default=False)
    info_aanbod_gegeven = models.BooleanField(
        _("informatie over het aanbod gegeven"), default=False
    )
    reden_overslaan = models.CharField(
        _("reden om over te slaan"), max_length=20, choices=Reden.choices, blank=True
    )
    opmerking = models.TextField(_("opmerking"), blank=True)
    aangemaakt = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-datum", "-id"]
        verbose_name = _("onthaal")
        verbose_name_plural = _("onthalen")
        constraints = [
            models.CheckConstraint(
                condition=(Q(status="overgeslagen") & ~Q(reden_overslaan=""))
                | (Q(status="afgerond") & Q(reden_overslaan="")),
                name="onthaal_reden_alleen_bij_overslaan",
            )
        ]

    def __str__(self) -> str:
        return f"{self.get_status_display()} {self.datum}"


class Behoefte(models.Model):
    """The needs detection for one life domain, at intake or later."""

    class Antwoord(models.TextChoices):
        JA = "ja", _("ja")
        NEE = "nee", _("nee")
        ONBEKEND = "onbekend", _("onbekend")
        GEWEIGERD = "geweigerd", _("wil niet antwoorden")

    class Prioriteit(models.TextChoices):
        HOOG = "hoog", _("hoog")
        GEMIDDELD = "gemiddeld", _("gemiddeld")
        LAAG = "laag", _("laag")

    SCOPE_GEVANGENIS = "gedetineerde__huidige_gevangenis"

    gedetineerde = models.ForeignKey(
        Gedetineerde, on_delete=models.PROTECT, related_name="behoeften"
    )
    onthaal = models.ForeignKey(
        Onthaal, on_delete=models.PROTECT, null=True, blank=True, related_name="behoeften"
    )
    levensdomein = models.CharField(_("levensdomein"), max_length=30, choices=Levensdomein.choices)
    antwoord = models.CharField(_("behoefte"), max_length=10, choices=Antwoord.choices)
    prioriteit = models.CharField(
        _("prioriteit"), max_length=10, choices=Prioriteit.choices, blank=True
    )
    notitie = models.TextField(_("notitie"), blank=True)
    vastgesteld_op = models.DateField(_("vastgesteld op"))
    door = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    organisatie = models.ForeignKey(Organisatie, on_delete=models.PROTECT, related_name="+")

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["levensdomein", "-vastgesteld_op", "-id"]
        verbose_name = _("behoefte")
        verbose_name_plural = _("behoeften")
        constraints = [
            models.UniqueConstraint(
                fields=["onthaal", "levensdomein"],
                name="een_behoefte_per_domein_per_onthaal",
                violation_error_message=_("Dit levensdomein is al bevraagd in dit onthaal."),
            ),
            models.CheckConstraint(
                condition=Q(antwoord="ja") | Q(prioriteit=""),
                name="behoefte_prioriteit_alleen_bij_ja",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_levensdomein_display()}: {self.get_antwoord_display()}"
