"""The admin, for beheerders only; every save goes through the core services (audit)."""

from typing import Any

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models import Q
from django.http import HttpRequest
from rest_framework.authtoken.admin import TokenAdmin
from rest_framework.authtoken.models import TokenProxy

from hdv.audit import wijziging_vastleggen
from hdv.models import Auditrecord, Gevangenis, Medewerker, Organisatie
from hdv.scope import gevangenis_ids
from hdv.services import api_token_aanmaken, api_token_intrekken, beheer_opslaan, beheer_verwijderen


class ViaServiceAdmin(admin.ModelAdmin):
    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        beheer_opslaan(obj=obj, door=request.user, velden=form.changed_data)

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        beheer_verwijderen(obj=obj, door=request.user)

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        for obj in queryset:
            beheer_verwijderen(obj=obj, door=request.user)

    def save_formset(self, request: HttpRequest, form: Any, formset: Any, change: bool) -> None:
        formset.save(commit=False)
        for inline_form in formset.forms:
            obj = inline_form.instance
            if inline_form in formset.deleted_forms or not inline_form.has_changed():
                continue
            beheer_opslaan(obj=obj, door=request.user, velden=inline_form.changed_data)
        for obj in formset.deleted_objects:
            beheer_verwijderen(obj=obj, door=request.user)
        formset.save_m2m()


@admin.register(Gevangenis)
class GevangenisAdmin(ViaServiceAdmin):
    list_display = ["naam", "code", "soort", "capaciteit", "actief"]
    list_filter = ["soort", "actief"]
    search_fields = ["naam", "code"]


@admin.register(Organisatie)
class OrganisatieAdmin(ViaServiceAdmin):
    list_display = ["afkorting", "naam", "soort", "sector", "actief"]
    list_filter = ["soort", "sector", "actief"]
    search_fields = ["naam", "afkorting"]


@admin.register(Medewerker)
class MedewerkerAdmin(ViaServiceAdmin):
    list_display = ["__str__", "organisatie", "functie"]
    list_filter = ["organisatie", "gevangenissen", "user__groups"]
    search_fields = ["user__username", "user__first_name", "user__last_name"]
    filter_horizontal = ["gevangenissen"]
    autocomplete_fields = ["user"]
    list_select_related = ["user", "organisatie"]


class MedewerkerInline(admin.StackedInline):
    model = Medewerker
    can_delete = False
    filter_horizontal = ["gevangenissen"]


User = get_user_model()


class HdvUserAdmin(ViaServiceAdmin, UserAdmin):
    inlines = [MedewerkerInline]
    list_display = ["username", "first_name", "last_name", "email", "is_active"]
    list_filter = ["is_active", "groups"]
    # Access comes from roles (groups) only: no superuser flag, no loose permissions.
    fieldsets = (
        (None, {"fields": ("username", "password")}),
        ("Persoonlijke gegevens", {"fields": ("first_name", "last_name", "email")}),
        ("Toegang", {"fields": ("is_active", "groups")}),
        ("Belangrijke datums", {"fields": ("last_login", "date_joined")}),
    )
    readonly_fields = ["last_login", "date_joined"]

    @transaction.atomic
    def user_change_password(self, request: HttpRequest, id: str, form_url: str = "") -> Any:
        response = super().user_change_password(request, id, form_url)
        if request.method == "POST" and response.status_code == 302:
            user = self.get_object(request, id)
            assert user is not None  # the password view answers 404 for a missing user
            wijziging_vastleggen(
                door=request.user, actie="wachtwoord_gewijzigd", obj=user, velden=["password"]
            )
        return response


class RolAdmin(ViaServiceAdmin, GroupAdmin):
    pass


@admin.register(Auditrecord)
class AuditrecordAdmin(admin.ModelAdmin):
    def get_queryset(self, request: HttpRequest) -> Any:
        # The prison scope holds here too: records of one's own prisons, and those
        # about no prison and no person (reference data, accounts).
        return (
            super()
            .get_queryset(request)
            .filter(
                Q(gevangenis_id__in=gevangenis_ids(request.user))
                | Q(gevangenis__isnull=True, persoon_id__isnull=True)
            )
        )

    list_display = [
        "tijdstip",
        "soort",
        "actie",
        "door",
        "object_type",
        "object_id",
        "persoon_id",
        "gevangenis",
    ]
    list_filter = ["soort", "gevangenis"]
    search_fields = ["object_type", "object_id", "request_id", "door__username"]
    list_select_related = ["door", "gevangenis"]
    date_hierarchy = "tijdstip"

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False


if admin.site.is_registered(User):
    admin.site.unregister(User)
admin.site.register(User, HdvUserAdmin)
if admin.site.is_registered(Group):
    admin.site.unregister(Group)
admin.site.register(Group, RolAdmin)


class ApiTokenAdmin(TokenAdmin):
    # The key is a secret: never in a list, a log entry or an audit record.
    list_display = ("user", "created")
    fields = ("user",)

    def save_model(self, request: HttpRequest, obj: Any, form: Any, change: bool) -> None:
        token = api_token_aanmaken(user=obj.user, door=request.user)
        obj.key = token.key
        messages.warning(
            request,
            f"Het token voor {obj.user} is {token.key}. Het wordt maar één keer getoond: geef het nu door.",
        )

    # Django's admin log would name the token by its key; the audit trail (which names
    # the account) is the record of tokens made and revoked.
    def log_addition(self, request: HttpRequest, obj: Any, message: Any) -> Any:
        return None

    def log_deletions(self, request: HttpRequest, queryset: Any) -> Any:
        return []

    def delete_model(self, request: HttpRequest, obj: Any) -> None:
        api_token_intrekken(token=obj, door=request.user)

    def delete_queryset(self, request: HttpRequest, queryset: Any) -> None:
        for token in queryset:
            api_token_intrekken(token=token, door=request.user)


if admin.site.is_registered(TokenProxy):
    admin.site.unregister(TokenProxy)
admin.site.register(TokenProxy, ApiTokenAdmin)
