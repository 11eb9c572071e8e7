from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from hdv.scope import ScopedQuerySet

from .activiteiten import Activiteit
from .lokalen import Lokaal


class Annuleringsreden(models.Model):
    """Why a session did not take place: a table, so the indicators can count by reason."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    naam = models.CharField(_("naam"), max_length=100)
    toelichting_verplicht = models.BooleanField(_("toelichting verplicht"), default=False)
    actief = models.BooleanField(_("actief"), default=True)

    class Meta:
        ordering = ["naam"]
        verbose_name = _("annuleringsreden")
        verbose_name_plural = _("annuleringsredenen")

    def __str__(self) -> str:
        return self.naam


class SessieQuerySet(ScopedQuerySet["Sessie"]):
    def niet_geannuleerd(self) -> "SessieQuerySet":
        return self.filter(annuleringsreden__isnull=True)


class Sessie(models.Model):
    """One occurrence of an activity: a date, a time, a room; possibly cancelled."""

    SCOPE_GEVANGENIS = "activiteit__gevangenis"

    activiteit = models.ForeignKey(Activiteit, on_delete=models.PROTECT, related_name="sessies")
    datum = models.DateField(_("datum"), db_index=True)
    begintijd = models.TimeField(_("begintijd"))
    eindtijd = models.TimeField(_("eindtijd"))
    lokaal = models.ForeignKey(
        Lokaal, on_delete=models.PROTECT, related_name="sessies", verbose_name=_("lokaal")
    )
    annuleringsreden = models.ForeignKey(
        Annuleringsreden, on_delete=models.PROTECT, null=True, blank=True, related_name="sessies"
    )
    annulering_toelichting = models.CharField(_("toelichting"), max_length=300, blank=True)
    geannuleerd_op = models.DateTimeField(null=True, blank=True)
    geannuleerd_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    # Sessions cancelled together (a strike day) share this id and are undone together.
    annulering_groep = models.UUIDField(null=True, blank=True, db_index=True)

    objects = SessieQuerySet.as_manager()

    class Meta:
        ordering = ["datum", "begintijd", "id"]
        verbose_name = _("sessie")
        verbose_name_plural = _("sessies")
        constraints = [
            models.UniqueConstraint(
                fields=["activiteit", "datum", "begintijd"], name="sessie_uniek_per_moment"
            ),
            models.CheckConstraint(
                condition=Q(eindtijd__gt=F("begintijd")), name="sessie_einde_na_begin"
            ),
        ]
        indexes = [models.Index(fields=["lokaal", "datum"], name="sessie_lokaal_datum_idx")]

    def __str__(self) -> str:
        return f"{self.activiteit} {self.datum:%d/%m/%Y} {self.begintijd:%H:%M}"

    @property
    def geannuleerd(self) -> bool:
        return self.annuleringsreden_id is not None
