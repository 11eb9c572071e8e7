from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hdv.models import Organisatie
from hdv.scope import ScopedQuerySet

from .personen import Gedetineerde


class Notitie(models.Model):
    """A case note. Who may read it follows its level (see ``trajecten.zichtbaarheid``)."""

    class Niveau(models.TextChoices):
        GEDEELD = "gedeeld", _("gedeeld met de betrokken hulpverleners")
        ORGANISATIE = "organisatie", _("alleen de eigen organisatie")
        BEROEPSGEHEIM = "beroepsgeheim", _("beroepsgeheim: eigen organisatie, met naam genoemd")

    SCOPE_GEVANGENIS = "gedetineerde__huidige_gevangenis"

    gedetineerde = models.ForeignKey(
        Gedetineerde, on_delete=models.PROTECT, related_name="notities"
    )
    niveau = models.CharField(_("niveau"), max_length=20, choices=Niveau.choices)
    tekst = models.TextField(_("notitie"))
    auteur = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("auteur"),
    )
    # The author's organisation when writing: a later move of the author changes nothing.
    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisatie")
    )
    # Beroepsgeheim: colleagues of the same organisation named by the author.
    gedeeld_met = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        blank=True,
        related_name="+",
        verbose_name=_("gedeeld met collega's"),
    )
    aangemaakt = models.DateTimeField(_("geschreven op"), auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-aangemaakt", "-id"]
        verbose_name = _("notitie")
        verbose_name_plural = _("notities")

    def __str__(self) -> str:
        return f"{self.get_niveau_display()} {self.aangemaakt:%d/%m/%Y}"


class Categorie(models.TextChoices):
    """What a detainee can consent to share with an organisation."""

    ONTHAAL = "onthaal", _("onthaal en behoeften")
    PLAN = "plan", _("HDV-plan")
    DOORVERWIJZINGEN = "doorverwijzingen", _("doorverwijzingen")
    NOTITIES = "notities", _("gedeelde notities")
    VRIJLATING = "vrijlating", _("voorbereiding van de vrijlating en overdracht")


class Toestemming(models.Model):
    """The detainee's consent to share one category with one organisation.

    Active while ``ingetrokken_op`` is empty; a withdrawal takes effect on the next read.
    """

    SCOPE_GEVANGENIS = "gedetineerde__huidige_gevangenis"

    gedetineerde = models.ForeignKey(
        Gedetineerde, on_delete=models.PROTECT, related_name="toestemmingen"
    )
    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisatie")
    )
    categorie = models.CharField(_("categorie"), max_length=20, choices=Categorie.choices)
    gegeven_op = models.DateField(_("gegeven op"))
    geregistreerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    ingetrokken_op = models.DateField(_("ingetrokken op"), null=True, blank=True)
    ingetrokken_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    opmerking = models.CharField(_("opmerking"), max_length=300, blank=True)
    # When it was registered and withdrawn in HDV: orders the file's timeline within a day.
    geregistreerd = models.DateTimeField(default=timezone.now, editable=False)
    intrekking_geregistreerd = models.DateTimeField(null=True, blank=True, editable=False)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["organisatie__afkorting", "categorie", "-gegeven_op"]
        verbose_name = _("toestemming")
        verbose_name_plural = _("toestemmingen")
        constraints = [
            models.UniqueConstraint(
                fields=["gedetineerde", "organisatie", "categorie"],
                condition=Q(ingetrokken_op__isnull=True),
                name="een_actieve_toestemming",
                violation_error_message=_("Deze toestemming is al gegeven."),
            ),
            models.CheckConstraint(
                condition=Q(ingetrokken_op__isnull=True)
                | Q(ingetrokken_op__gte=models.F("gegeven_op")),
                name="toestemming_intrekking_na_geven",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_categorie_display()} → {self.organisatie}"

    @property
    def actief(self) -> bool:
        return self.ingetrokken_op is None


class Casusoverleg(models.Model):
    """A case conference: who took part and what was decided.

    Readable by its participants and the organising organisation.
    """

    SCOPE_GEVANGENIS = "gedetineerde__huidige_gevangenis"

    gedetineerde = models.ForeignKey(
        Gedetineerde, on_delete=models.PROTECT, related_name="casusoverleggen"
    )
    datum = models.DateField(_("datum"))
    onderwerp = models.CharField(_("onderwerp"), max_length=200)
    organisatie = models.ForeignKey(
        Organisatie, on_delete=models.PROTECT, related_name="+", verbose_name=_("organisator")
    )
    deelnemers = models.ManyToManyField(
        settings.AUTH_USER_MODEL, related_name="+", verbose_name=_("deelnemers")
    )
    externe_deelnemers = models.CharField(
        _("andere deelnemers"),
        max_length=300,
        blank=True,
        help_text=_("Bv. de gedetineerde, de psychosociale dienst, het justitiehuis."),
    )
    besluiten = models.TextField(_("besluiten"))
    opgesteld_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    aangemaakt = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-datum", "-id"]
        verbose_name = _("casusoverleg")
        verbose_name_plural = _("casusoverleggen")

    def __str__(self) -> str:
        return f"{self.onderwerp} ({self.datum})"
