from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from hdv.models import Gevangenis, Medewerker, Organisatie
from hdv.scope import ScopedQuerySet

TALEN = [("nl", _("Nederlands")), ("fr", _("Frans")), ("en", _("Engels"))]


class Levensdomein(models.TextChoices):
    ONDERWIJS = "onderwijs", _("onderwijs")
    WERK = "werk", _("werk")
    WELZIJN = "welzijn", _("welzijn")
    GEESTELIJKE_GEZONDHEID = "geestelijke_gezondheid", _("geestelijke gezondheid")
    GEZONDHEID = "gezondheid", _("gezondheid")
    WONEN = "wonen", _("wonen")
    SPORT = "sport", _("sport")
    CULTUUR = "cultuur", _("cultuur")
    JURIDISCH = "juridisch", _("juridisch")
    FINANCIEN = "financien", _("financiën")


class Rapportagecategorie(models.Model):
    """How an offer is counted in the indicators (CVO/Ligo-opleiding, CGG-behandeling…)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    naam = models.CharField(_("naam"), max_length=100, unique=True)
    levensdomein = models.CharField(_("levensdomein"), max_length=30, choices=Levensdomein.choices)
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("rapportagecategorie")
        verbose_name_plural = _("rapportagecategorieën")

    def __str__(self) -> str:
        return self.naam


class Doelgroep(models.Model):
    """A target group of the strategic plan (anderstaligen, geïnterneerden, veelplegers…)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    naam = models.CharField(_("naam"), max_length=100, unique=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("doelgroep")
        verbose_name_plural = _("doelgroepen")

    def __str__(self) -> str:
        return self.naam


class AanbodQuerySet(models.QuerySet["Aanbod"]):
    def actief(self) -> "AanbodQuerySet":
        return self.filter(gearchiveerd_op__isnull=True)


class Aanbod(models.Model):
    """An item of the offer catalogue, Flanders-wide; prisons offer it via AanbodInGevangenis."""

    class Vorm(models.TextChoices):
        GROEP = "groep", _("groepsaanbod")
        INDIVIDUEEL = "individueel", _("individueel aanbod")

    class Nederlandsniveau(models.TextChoices):
        GEEN = "", _("geen vereiste")
        A1 = "A1", "A1"
        A2 = "A2", "A2"
        B1 = "B1", "B1"
        B2 = "B2", "B2"

    titel_nl = models.CharField(_("titel (Nederlands)"), max_length=150)
    titel_fr = models.CharField(_("titel (Frans)"), max_length=150, blank=True)
    titel_en = models.CharField(_("titel (Engels)"), max_length=150, blank=True)
    beschrijving_nl = models.TextField(_("beschrijving in eenvoudige taal (Nederlands)"))
    beschrijving_fr = models.TextField(_("beschrijving (Frans)"), blank=True)
    beschrijving_en = models.TextField(_("beschrijving (Engels)"), blank=True)
    levensdomein = models.CharField(_("levensdomein"), max_length=30, choices=Levensdomein.choices)
    organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        related_name="aanbod",
        verbose_name=_("aanbodverstrekker"),
    )
    vorm = models.CharField(_("vorm"), max_length=20, choices=Vorm.choices)
    rapportagecategorie = models.ForeignKey(
        Rapportagecategorie,
        on_delete=models.PROTECT,
        related_name="aanbod",
        verbose_name=_("rapportagecategorie"),
    )
    doelgroepen = models.ManyToManyField(
        Doelgroep, blank=True, related_name="aanbod", verbose_name=_("doelgroepen")
    )
    talen = models.JSONField(
        _("talen"), default=list, blank=True, help_text=_("Taalcodes, bv. nl, fr, en, ar.")
    )
    duur_weken = models.PositiveSmallIntegerField(
        _("verwachte duur (weken)"), null=True, blank=True
    )
    met_examen = models.BooleanField(_("leidt tot een examen"), default=False)
    met_attest = models.BooleanField(_("leidt tot een attest of certificaat"), default=False)
    vereist_nederlandsniveau = models.CharField(
        _("vereist niveau Nederlands"), max_length=2, choices=Nederlandsniveau.choices, blank=True
    )
    minimale_resterende_detentie_weken = models.PositiveSmallIntegerField(
        _("minimale resterende detentie (weken)"), null=True, blank=True
    )
    toelatingsvoorwaarden = models.TextField(_("andere toelatingsvoorwaarden"), blank=True)
    gearchiveerd_op = models.DateTimeField(_("gearchiveerd op"), null=True, blank=True)

    objects = AanbodQuerySet.as_manager()

    class Meta:
        ordering = ["titel_nl"]
        verbose_name = _("aanbod")
        verbose_name_plural = _("aanbod")
        permissions = [("archiveer_aanbod", _("Kan aanbod archiveren"))]

    def __str__(self) -> str:
        return self.titel_nl

    def titel_in(self, taal: str | None = None) -> str:
        taal = (taal or get_language() or "nl")[:2]
        return getattr(self, f"titel_{taal}", "") or self.titel_nl

    def beschrijving_in(self, taal: str | None = None) -> str:
        taal = (taal or get_language() or "nl")[:2]
        return getattr(self, f"beschrijving_{taal}", "") or self.beschrijving_nl

    @property
    def gearchiveerd(self) -> bool:
        return self.gearchiveerd_op is not None


class AanbodInGevangenis(models.Model):
    """That a prison has an offer: since when, how many places, who is responsible.

    Everyone may read who offers what (the availability matrix); writes are scoped to
    one's own prisons through ``zichtbaar_voor``.
    """

    SCOPE_GEVANGENIS = "gevangenis"

    aanbod = models.ForeignKey(Aanbod, on_delete=models.PROTECT, related_name="beschikbaarheden")
    gevangenis = models.ForeignKey(Gevangenis, on_delete=models.PROTECT, related_name="aanbod")
    sinds = models.DateField(_("sinds"))
    tot = models.DateField(_("tot"), null=True, blank=True)
    capaciteit = models.PositiveIntegerField(_("capaciteit"), null=True, blank=True)
    verantwoordelijken = models.ManyToManyField(
        Medewerker,
        blank=True,
        related_name="aanbod_verantwoordelijk",
        verbose_name=_("verantwoordelijken"),
    )
    met_wachtlijst = models.BooleanField(_("houdt een wachtlijst bij"), default=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["gevangenis__naam", "aanbod__titel_nl"]
        verbose_name = _("aanbod in gevangenis")
        verbose_name_plural = _("aanbod in gevangenissen")
        constraints = [
            models.UniqueConstraint(
                fields=["aanbod", "gevangenis"],
                condition=models.Q(tot__isnull=True),
                name="aanbod_een_keer_lopend_per_gevangenis",
                violation_error_message=_("Deze gevangenis heeft dit aanbod al."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.aanbod} in {self.gevangenis}"
