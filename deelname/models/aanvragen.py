from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from aanbod.models import Aanbod
from hdv.models import Gevangenis
from hdv.scope import ScopedQuerySet
from trajecten.models import Gedetineerde

from .inschrijvingen import DeelnameQuerySet, Inschrijving


class Gedetineerdeaccount(models.Model):
    """The account a detainee signs in with on a prison terminal: one person, nothing else.

    It is not a Medewerker: it has no prisons and no organisation, so every scoped
    queryset of staff is empty for it; the terminal pages look only at this link.
    """

    SCOPE_GEVANGENIS = "gedetineerde__huidige_gevangenis"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="gedetineerdeaccount"
    )
    gedetineerde = models.OneToOneField(
        Gedetineerde, on_delete=models.PROTECT, related_name="terminalaccount"
    )
    aangemaakt = models.DateTimeField(auto_now_add=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        verbose_name = _("terminalaccount van een gedetineerde")
        verbose_name_plural = _("terminalaccounts van gedetineerden")

    def __str__(self) -> str:
        return f"{self.user_id} → {self.gedetineerde_id}"


class Aanvraag(models.Model):
    """A detainee's own request to take part in an offer (the digital rapportbriefje).

    Made on the terminal or registered by staff from a paper note; staff answer it with
    an enrolment (``inschrijving``) or with a reason the person reads on the terminal.
    """

    class Bron(models.TextChoices):
        TERMINAL = "terminal", _("terminal")
        PAPIER = "papier", _("papieren rapportbriefje")

    class Status(models.TextChoices):
        NIEUW = "nieuw", _("nieuw")
        AANVAARD = "aanvaard", _("aanvaard")
        GEWEIGERD = "geweigerd", _("geweigerd")

    SCOPE_GEVANGENIS = "gevangenis"
    VERTROUWELIJK_PAD = "aanbod"

    gedetineerde = models.ForeignKey(
        Gedetineerde, on_delete=models.PROTECT, related_name="aanvragen"
    )
    gevangenis = models.ForeignKey(
        Gevangenis, on_delete=models.PROTECT, related_name="+", verbose_name=_("gevangenis")
    )
    aanbod = models.ForeignKey(
        Aanbod, on_delete=models.PROTECT, related_name="aanvragen", verbose_name=_("aanbod")
    )
    bron = models.CharField(_("bron"), max_length=20, choices=Bron.choices)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NIEUW
    )
    toelichting = models.CharField(_("toelichting"), max_length=300, blank=True)
    ingediend_op = models.DateTimeField(_("ingediend op"))
    ingediend_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    reden = models.CharField(_("reden"), max_length=500, blank=True)
    beantwoord_op = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    beantwoord_door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    inschrijving = models.OneToOneField(
        Inschrijving,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="aanvraag",
        verbose_name=_("inschrijving"),
    )

    objects = DeelnameQuerySet.as_manager()

    class Meta:
        ordering = ["ingediend_op", "id"]
        verbose_name = _("aanvraag")
        verbose_name_plural = _("aanvragen")
        permissions = [
            ("gebruik_terminal", _("Kan als gedetineerde de terminal gebruiken")),
            ("beantwoord_aanvraag", _("Kan aanvragen van gedetineerden beantwoorden")),
        ]
        constraints = [
            # A double submit, or a second tap on the terminal, never makes a second request.
            models.UniqueConstraint(
                fields=["gedetineerde", "aanbod", "gevangenis"],
                condition=Q(status="nieuw"),
                name="een_open_aanvraag_per_aanbod",
                violation_error_message=_("Er is al een open aanvraag voor dit aanbod."),
            ),
            models.CheckConstraint(
                condition=~Q(status="geweigerd") | ~Q(reden=""),
                name="aanvraag_weigering_met_reden",
            ),
            models.CheckConstraint(
                condition=~Q(status="aanvaard") | Q(inschrijving__isnull=False),
                name="aanvraag_aanvaard_met_inschrijving",
            ),
        ]
        indexes = [
            models.Index(
                fields=["gevangenis", "status", "ingediend_op"], name="aanvraag_wachtrij_idx"
            )
        ]

    def __str__(self) -> str:
        return f"{self.gedetineerde_id} → {self.aanbod_id} ({self.status})"
