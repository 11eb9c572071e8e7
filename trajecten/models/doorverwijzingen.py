from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from aanbod.models import Aanbod, Levensdomein
from hdv.models import Organisatie
from hdv.scope import ScopedQuerySet

from .onthaal import Behoefte
from .personen import Gedetineerde
from .plannen import Plaats


class Doorverwijzing(models.Model):
    """A referral from a worker to an organisation (and possibly one of its offers).

    The lifecycle is data (``trajecten.workflow.DOORVERWIJZING_OVERGANGEN``); every
    change is appended to ``Doorverwijzingsstap``. Organisations that work in HDV answer
    from their inbox; for an outside partner the worker records the answer.
    """

    class Status(models.TextChoices):
        CONCEPT = "concept", _("concept")
        VERSTUURD = "verstuurd", _("verstuurd")
        AANVAARD = "aanvaard", _("aanvaard")
        GEWEIGERD = "geweigerd", _("geweigerd")
        AFGEROND = "afgerond", _("afgerond")
        INGETROKKEN = "ingetrokken", _("ingetrokken")

    class Weigerreden(models.TextChoices):
        GEEN_PLAATS = "geen_plaats", _("geen plaats of wachtlijst vol")
        NIET_GESCHIKT = "niet_geschikt", _("aanbod niet geschikt")
        BUITEN_WERKGEBIED = "buiten_werkgebied", _("buiten het werkgebied")
        GEDETINEERDE_WEIGERT = "gedetineerde_weigert", _("de gedetineerde weigert")
        ONVOLDOENDE_INFORMATIE = "onvoldoende_informatie", _("onvoldoende informatie")
        ANDERE = "andere", _("andere")

    SCOPE_GEVANGENIS = "gedetineerde__huidige_gevangenis"

    gedetineerde = models.ForeignKey(
        Gedetineerde, on_delete=models.PROTECT, related_name="doorverwijzingen"
    )
    behoefte = models.ForeignKey(
        Behoefte,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="doorverwijzingen",
        verbose_name=_("behoefte"),
    )
    levensdomein = models.CharField(_("levensdomein"), max_length=30, choices=Levensdomein.choices)
    van_organisatie = models.ForeignKey(
        Organisatie, on_delete=models.PROTECT, related_name="+", verbose_name=_("van")
    )
    aangemaakt_door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("doorverwijzer"),
    )
    naar_organisatie = models.ForeignKey(
        Organisatie,
        on_delete=models.PROTECT,
        related_name="doorverwijzingen_ontvangen",
        verbose_name=_("naar organisatie"),
    )
    aanbod = models.ForeignKey(
        Aanbod,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("aanbod"),
    )
    plaats = models.CharField(_("binnen of buiten"), max_length=10, choices=Plaats.choices)
    motivatie = models.TextField(_("vraag en motivatie"))
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CONCEPT
    )
    weigerreden = models.CharField(
        _("reden van weigering"), max_length=30, choices=Weigerreden.choices, blank=True
    )
    antwoord = models.TextField(_("antwoord"), blank=True)
    aangemaakt = models.DateTimeField(_("aangemaakt"), auto_now_add=True)
    verstuurd_op = models.DateTimeField(_("verstuurd op"), null=True, blank=True)
    beantwoord_op = models.DateTimeField(_("beantwoord op"), null=True, blank=True)
    afgesloten_op = models.DateTimeField(_("afgesloten op"), null=True, blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["-aangemaakt", "-id"]
        verbose_name = _("doorverwijzing")
        verbose_name_plural = _("doorverwijzingen")
        permissions = [
            (
                "beantwoord_doorverwijzing",
                _("Mag doorverwijzingen aan de eigen organisatie beantwoorden"),
            )
        ]
        indexes = [
            models.Index(fields=["naar_organisatie", "status"], name="doorverwijzing_inbox_idx")
        ]

    def __str__(self) -> str:
        return f"{self.get_levensdomein_display()} → {self.naar_organisatie}"

    @property
    def open(self) -> bool:
        return self.status in {self.Status.CONCEPT, self.Status.VERSTUURD, self.Status.AANVAARD}

    @property
    def antwoordtijd(self):  # type: ignore[no-untyped-def]
        """How long the receiving organisation took to answer (a timedelta, or None)."""
        if self.verstuurd_op and self.beantwoord_op:
            return self.beantwoord_op - self.verstuurd_op
        return None


class Doorverwijzingsstap(models.Model):
    """One status change of a referral: appended, never edited."""

    SCOPE_GEVANGENIS = "doorverwijzing__gedetineerde__huidige_gevangenis"

    doorverwijzing = models.ForeignKey(
        Doorverwijzing, on_delete=models.CASCADE, related_name="stappen"
    )
    van_status = models.CharField(max_length=20, choices=Doorverwijzing.Status.choices, blank=True)
    naar_status = models.CharField(max_length=20, choices=Doorverwijzing.Status.choices)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    tijdstip = models.DateTimeField(auto_now_add=True)
    toelichting = models.TextField(blank=True)

    objects = ScopedQuerySet.as_manager()

    class Meta:
        ordering = ["tijdstip", "id"]
        verbose_name = _("statuswijziging van een doorverwijzing")
        verbose_name_plural = _("statuswijzigingen van doorverwijzingen")

    def __str__(self) -> str:
        return f"{self.van_status or '–'} → {self.naar_status}"
