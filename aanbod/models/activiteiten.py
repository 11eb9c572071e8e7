from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from hdv.models import Gevangenis, Medewerker
from hdv.scope import ScopedQuerySet

from .catalogus import Aanbod
from .lokalen import Lokaal


class Activiteit(models.Model):
    """A run of a group offer in one prison, with a weekly (or multi-week) pattern of slots."""

    SCOPE_GEVANGENIS = "gevangenis"

    aanbod = models.ForeignKey(
        Aanbod, on_delete=models.PROTECT, related_name="activiteiten", verbose_name=_("aanbod")
    )
    gevangenis = models.ForeignKey(
        Gevangenis, on_delete=models.PROTECT, related_name="activiteiten"
    )
    naam = models.CharField(
        _("naam"),
        max_length=150,
        blank=True,
        help_text=_("Bv. ‘groep 2’; leeg: de titel van het aanbod."),
    )
    startdatum = models.DateField(_("startdatum"))
    einddatum = models.DateField(_("einddatum"))
    lokaal = models.ForeignKey(
        Lokaal, on_delete=models.PROTECT, related_name="activiteiten", verbose_name=_("lokaal")
    )
    begeleiders = models.ManyToManyField(
        Medewerker, blank=True, related_name="begeleide_activiteiten", verbose_name=_("begeleiders")
    )
    capaciteit = models.PositiveSmallIntegerField(_("capaciteit"))
    minimum_deelnemers = models.PositiveSmallIntegerField(_("minimum aantal deelnemers"), default=1)
    rotatie_weken = models.PositiveSmallIntegerField(
        _("weekpatroon over"),
        default=1,
        help_text=_("1 = elke week hetzelfde; 2 = een patroon van twee weken (week 1, week 2)…"),
    )
    aangemaakt = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["gevangenis__naam", "aanbod__titel_nl", "startdatum"]
        verbose_name = _("activiteit")
        verbose_name_plural = _("activiteiten")
        permissions = [("plan_activiteit", _("Kan activiteiten plannen en sessies annuleren"))]
        constraints = [
            models.CheckConstraint(
                condition=Q(einddatum__gte=F("startdatum")), name="activiteit_einde_na_start"
            ),
            models.CheckConstraint(
                condition=Q(minimum_deelnemers__lte=F("capaciteit")),
                name="activiteit_minimum_binnen_capaciteit",
            ),
            models.CheckConstraint(
                condition=Q(rotatie_weken__gte=1, rotatie_weken__lte=4),
                name="activiteit_rotatie_1_tot_4",
            ),
        ]

    def __str__(self) -> str:
        return self.weergavenaam

    @property
    def weergavenaam(self) -> str:
        return f"{self.aanbod.titel_nl} – {self.naam}" if self.naam else self.aanbod.titel_nl


class Slot(models.Model):
    """One weekly time slot of an activity, in week ``week`` of its rota."""

    class Weekdag(models.IntegerChoices):
        MAANDAG = 0, _("maandag")
        DINSDAG = 1, _("dinsdag")
        WOENSDAG = 2, _("woensdag")
        DONDERDAG = 3, _("donderdag")
        VRIJDAG = 4, _("vrijdag")
        ZATERDAG = 5, _("zaterdag")
        ZONDAG = 6, _("zondag")

    activiteit = models.ForeignKey(Activiteit, on_delete=models.CASCADE, related_name="slots")
    week = models.PositiveSmallIntegerField(_("week van het patroon"), default=1)
    weekdag = models.PositiveSmallIntegerField(_("weekdag"), choices=Weekdag.choices)
    begintijd = models.TimeField(_("begintijd"))
    eindtijd = models.TimeField(_("eindtijd"))

    class Meta:
        ordering = ["week", "weekdag", "begintijd"]
        verbose_name = _("tijdslot")
        verbose_name_plural = _("tijdsloten")
        constraints = [
            models.CheckConstraint(
                condition=Q(eindtijd__gt=F("begintijd")), name="slot_einde_na_begin"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_weekdag_display()} {self.begintijd:%H:%M}–{self.eindtijd:%H:%M}"
