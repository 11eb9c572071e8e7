"""The strategic plan and the local action plans in the admin, for beheerders.

The admin corrects the plan's texts (a goal's wording, an action's title or owner, an
action the interim evaluation added) through the core service, so it is audited. What
has a workflow stays with the screens: an action's status changes only with a progress
note (rapportage.services.strategie), and the notes are history, never edited here.
Local action plans are kept by their prison's beleidscoördinator; here they are read.
"""

from typing import Any

from django.contrib import admin
from django.http import HttpRequest

from hdv.admin import ViaServiceAdmin
from rapportage.models import (
    Actie,
    LokaalActieplan,
    LokaleActie,
    StrategischeDoelstelling,
    Voortgangsnotitie,
)


class AlleenLezen:
    def has_add_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


class NotitieInline(AlleenLezen, admin.TabularInline):  # type: ignore[type-arg]
    model = Voortgangsnotitie
    fk_name = "actie"
    fields = ["datum", "vorige_status", "status", "tekst", "door"]
    readonly_fields = ["datum", "vorige_status", "status", "tekst", "door"]
    extra = 0


class LokaleNotitieInline(NotitieInline):
    fk_name = "lokale_actie"


@admin.register(StrategischeDoelstelling)
class StrategischeDoelstellingAdmin(ViaServiceAdmin):
    list_display = ["nummer", "titel"]

    # The plan has five goals: they are reworded, never added or removed.
    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(Actie)
class ActieAdmin(ViaServiceAdmin):
    list_display = ["nummer", "titel", "doelstelling", "eigenaar", "status"]
    list_filter = ["doelstelling", "status"]
    search_fields = ["nummer", "titel", "eigenaar"]
    list_select_related = ["doelstelling"]
    fields = [
        "doelstelling", "operationele_doelstelling", "nummer", "volgorde", "titel",
        "eigenaar", "status",
    ]  # fmt: skip
    readonly_fields = ["status"]
    inlines = [NotitieInline]

    # Removing an action would remove its history; "geschrapt" is the status for that.
    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


@admin.register(LokaalActieplan)
class LokaalActieplanAdmin(AlleenLezen, admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["gevangenis", "jaar"]
    list_filter = ["jaar", "gevangenis"]
    list_select_related = ["gevangenis"]


@admin.register(LokaleActie)
class LokaleActieAdmin(AlleenLezen, admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["titel", "plan", "doelstelling", "eigenaar", "status"]
    list_filter = ["plan__jaar", "plan__gevangenis", "doelstelling", "status"]
    search_fields = ["titel", "eigenaar"]
    list_select_related = ["plan__gevangenis", "doelstelling"]
    inlines = [LokaleNotitieInline]
