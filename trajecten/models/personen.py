from django.conf import settings
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from aanbod.models import Doelgroep
from hdv.models import Gevangenis
from hdv.scope import ScopedQuerySet

# ISO 639 language codes ("nl", "fr", "ar", "ber"): the federal export uses them as is.
taalcode_validator = RegexValidator(r"^[a-z]{2,3}$", _("Een taalcode is 2 of 3 kleine letters."))


class Statuut(models.TextChoices):
    BEKLAAGDE = "beklaagde", _("beklaagde")
    VEROORDEELDE = "veroordeelde", _("veroordeelde")
    GEINTERNEERDE = "geinterneerde", _("geïnterneerde")


class NiveauNederlands(models.TextChoices):
    ONBEKEND = "onbekend", _("onbekend")
    A0 = "A0", _("A0 (geen)")
    A1 = "A1", "A1"
    A2 = "A2", "A2"
    B1 = "B1", "B1"
    B2 = "B2", "B2"
    C1 = "C1", "C1"
    C2 = "C2", "C2"


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
    talen = models.JSONField(
        _("gesproken talen"), default=list, blank=True, help_text=_("ISO 639-taalcodes.")
    )
    niveau_nederlands = models.CharField(
        _("niveau Nederlands"),
        max_length=8,
        choices=NiveauNederlands.choices,
        default=NiveauNederlands.ONBEKEND,
    )
    # The current legal status; its history is in Statuutwijziging (kept by the services).
    statuut = models.CharField(_("statuut"), max_length=20, choices=Statuut.choices, blank=True)
    datum_vi = models.DateField(
        _("toelaatbaarheid voorwaardelijke invrijheidstelling"), null=True, blank=True
    )
    strafeinde = models.DateField(_("strafeinde"), null=True, blank=True)
    eerdere_detenties = models.PositiveSmallIntegerField(_("eerdere detenties"), default=0)
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

    class Vrijlatingssoort(models.TextChoices):
        STRAFEINDE = "strafeinde", _("strafeinde")
        VOORWAARDELIJKE_INVRIJHEIDSTELLING = (
            "voorwaardelijke_invrijheidstelling",
            _("voorwaardelijke invrijheidstelling"),
        )
        ELEKTRONISCH_TOEZICHT = "elektronisch_toezicht", _("elektronisch toezicht")
        VOORLOPIGE_INVRIJHEIDSTELLING = (
            "voorlopige_invrijheidstelling",
            _("voorlopige invrijheidstelling"),
        )
        VRIJSPRAAK = "vrijspraak", _("vrijspraak")
        OPHEFFING_AANHOUDINGSBEVEL = (
            "opheffing_aanhoudingsbevel",
            _("opheffing aanhoudingsbevel"),
        )
        EINDE_INTERNERING = "einde_internering", _("einde internering")
        INVRIJHEIDSTELLING_OP_PROEF = (
            "invrijheidstelling_op_proef",
            _("invrijheidstelling op proef"),
        )
        VERWIJDERING_GRONDGEBIED = "verwijdering_grondgebied", _("verwijdering van het grondgebied")
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
    vrijlatingssoort = models.CharField(
        _("soort vrijlating"), max_length=40, choices=Vrijlatingssoort.choices, blank=True
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
            # A release says what kind; nothing else has a kind of release.
            models.CheckConstraint(
                condition=(Q(eindreden="vrijlating") & ~Q(vrijlatingssoort=""))
                | (~Q(eindreden="vrijlating") & Q(vrijlatingssoort="")),
                name="verblijf_vrijlatingssoort_bij_vrijlating",
            ),
        ]
        indexes = [models.Index(fields=["gevangenis", "tot"], name="verblijf_gevangenis_tot_idx")]

    def __str__(self) -> str:
        return f"{self.gevangenis} {self.van}–{self.tot or ''}"


class Statuutwijziging(models.Model):
    """The history of a person's legal status, appended, never edited."""

    class Bron(models.TextChoices):
        BEVOLKINGSFEED = "bevolkingsfeed", _("bevolkingsfeed")
        MANUEEL = "manueel", _("manueel")

    SCOPE_GEVANGENIS = "gedetineerde__huidige_gevangenis"

    gedetineerde = models.ForeignKey(
        Gedetineerde, on_delete=models.PROTECT, related_name="statuutwijzigingen"
    )
    statuut = models.CharField(_("statuut"), max_length=20, choices=Statuut.choices)
    sinds = models.DateField(_("sinds"))
    bron = models.CharField(_("bron"), max_length=20, choices=Bron.choices)
    aangemaakt = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-sinds", "-id"]
        verbose_name = _("statuutwijziging")
        verbose_name_plural = _("statuutwijzigingen")

    def __str__(self) -> str:
        return f"{self.get_statuut_display()} sinds {self.sinds}"


class Doelgroepvlag(models.Model):
    """A target group a person belongs to; readable only with ``view_doelgroepvlag``."""

    SCOPE_GEVANGENIS = "gedetineerde__huidige_gevangenis"

    gedetineerde = models.ForeignKey(
        Gedetineerde, on_delete=models.PROTECT, related_name="doelgroepvlaggen"
    )
    doelgroep = models.ForeignKey(
        Doelgroep, on_delete=models.PROTECT, related_name="+", verbose_name=_("doelgroep")
    )
    bron = models.CharField(_("bron"), max_length=100, help_text=_("Waar de vlag vandaan komt."))
    sinds = models.DateField(_("sinds"))
    aangemaakt = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["doelgroep__naam", "id"]
        verbose_name = _("doelgroepvlag")
        verbose_name_plural = _("doelgroepvlaggen")
        constraints = [
            models.UniqueConstraint(
                fields=["gedetineerde", "doelgroep"],
                name="een_vlag_per_doelgroep",
                violation_error_message=_("Deze persoon heeft deze doelgroepvlag al."),
            )
        ]

    def __str__(self) -> str:
        return f"{self.doelgroep} ({self.bron}, {self.sinds})"


class Bevolkingsimport(models.Model):
    """One import of the federal population feed: a file, a folder drop or an API call.

    The rows wait in ``rijen`` until the job has applied them and are then cleared: the
    import keeps its counts and the rejected rows (number, field, reason, no values).
    Imports cover all prisons, so they are not in the prison scope; reading them takes
    ``importeer_bevolking``.
    """

    class Bron(models.TextChoices):
        BESTAND = "bestand", _("bestand")
        MAP = "map", _("map (dagelijks)")
        API = "api", _("API")

    class Status(models.TextChoices):
        WACHTEND = "wachtend", _("wachtend")
        BEZIG = "bezig", _("bezig")
        KLAAR = "klaar", _("klaar")
        MISLUKT = "mislukt", _("mislukt")

    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
    )
    bron = models.CharField(_("bron"), max_length=10, choices=Bron.choices)
    bestandsnaam = models.CharField(_("bestandsnaam"), max_length=255, blank=True)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.WACHTEND
    )
    melding = models.TextField(_("melding"), blank=True)
    rijen = models.JSONField(default=list, blank=True)
    totaal = models.PositiveIntegerField(_("rijen"), default=0)
    verwerkt = models.PositiveIntegerField(_("verwerkt"), default=0)
    aanvaard = models.PositiveIntegerField(_("aanvaard"), default=0)
    ongewijzigd = models.PositiveIntegerField(_("ongewijzigd"), default=0)
    geweigerd = models.PositiveIntegerField(_("geweigerd"), default=0)
    # [{"rij": 3, "veld": "datum", "reden": "..."}], row numbers as in the file (header = 1).
    geweigerde_rijen = models.JSONField(default=list, blank=True)
    gestart = models.DateTimeField(_("gestart"), null=True, blank=True)
    beeindigd = models.DateTimeField(_("beëindigd"), null=True, blank=True)

    class Meta:
        ordering = ["-aangemaakt", "-id"]
        verbose_name = _("bevolkingsimport")
        verbose_name_plural = _("bevolkingsimporten")
        permissions = [("importeer_bevolking", _("Mag de bevolkingsfeed importeren"))]

    def __str__(self) -> str:
        return f"{self.get_bron_display()} {self.aangemaakt:%d/%m/%Y %H:%M}"

    @property
    def loopt(self) -> bool:
        return self.status in {self.Status.WACHTEND, self.Status.BEZIG}

    @property
    def voortgang(self) -> int:
        """Percentage of rows done."""
        return round(100 * self.verwerkt / self.totaal) if self.totaal else 0
