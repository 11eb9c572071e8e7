from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .gevangenissen import Gevangenis


class OnveranderlijkError(Exception):
    """Audit records are append-only."""


class AuditQuerySet(models.QuerySet["Auditrecord"]):
    def update(self, **kwargs):  # type: ignore[no-untyped-def]
        raise OnveranderlijkError("Auditrecords kunnen niet gewijzigd worden.")

    def delete(self):  # type: ignore[no-untyped-def]
        raise OnveranderlijkError("Auditrecords kunnen niet verwijderd worden.")

    def voor_persoon(self, persoon_id: int) -> "AuditQuerySet":
        return self.filter(persoon_id=persoon_id)


class Auditrecord(models.Model):
    """Who did what to which object, and who opened whose file.

    Holds references only, never the sensitive values themselves. Append-only: the
    application refuses changes, and on PostgreSQL a trigger does too (migration 0002).
    """

    class Soort(models.TextChoices):
        WIJZIGING = "wijziging", _("wijziging")
        INZAGE = "inzage", _("inzage")

    tijdstip = models.DateTimeField(_("tijdstip"), auto_now_add=True, db_index=True)
    soort = models.CharField(_("soort"), max_length=10, choices=Soort.choices)
    actie = models.CharField(_("actie"), max_length=80)
    door = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("door"),
        help_text=_("Leeg bij een handeling van het systeem."),
    )
    object_type = models.CharField(_("objecttype"), max_length=80)
    object_id = models.CharField(_("object-id"), max_length=40, blank=True)
    persoon_id = models.BigIntegerField(
        _("persoon"),
        null=True,
        blank=True,
        help_text=_("De gedetineerde wiens dossier het betreft."),
    )
    gevangenis = models.ForeignKey(
        Gevangenis, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    request_id = models.CharField(_("request-id"), max_length=64, blank=True)
    velden = models.JSONField(
        _("gewijzigde velden"), default=list, blank=True, help_text=_("Namen, nooit waarden.")
    )

    objects = AuditQuerySet.as_manager()

    class Meta:
        ordering = ["-tijdstip", "-id"]
        verbose_name = _("auditrecord")
        verbose_name_plural = _("auditrecords")
        indexes = [models.Index(fields=["persoon_id", "-tijdstip"], name="audit_persoon_idx")]
        default_permissions = ("view",)

    def __str__(self) -> str:
        return f"{self.tijdstip:%Y-%m-%d %H:%M} {self.actie} {self.object_type}#{self.object_id}"

    def save(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        if self.pk is not None:
            raise OnveranderlijkError("Auditrecords kunnen niet gewijzigd worden.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise OnveranderlijkError("Auditrecords kunnen niet verwijderd worden.")
