"""Who may call an aanbod endpoint, and which related objects an input may name.

Input fields only accept objects inside the caller's prisons: another prison's room,
activity or colleague is "does not exist" (400 on that field), never a way in.
"""

from __future__ import annotations

from typing import Any

from rest_framework import serializers
from rest_framework.permissions import SAFE_METHODS

from hdv.models import Gevangenis, Medewerker
from hdv.scope import gevangenis_ids


class PermissiePerMethode:
    """``vereiste_permissie`` (hdv.api.permissions) that depends on the HTTP method.

    ``permissies`` maps "GET" (every safe method) and each write method to a codename.
    """

    permissies: dict[str, str]
    request: Any

    @property
    def vereiste_permissie(self) -> str:
        methode = "GET" if self.request.method in SAFE_METHODS else self.request.method
        return self.permissies.get(methode, self.permissies["GET"])


def _gebruiker(field: serializers.Field) -> Any:
    return field.context["request"].user


class EigenGevangenisField(serializers.SlugRelatedField):
    """A prison by its code, one of the caller's own prisons."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(slug_field="code", queryset=Gevangenis.objects.all(), **kwargs)

    def get_queryset(self) -> Any:
        return Gevangenis.objects.filter(pk__in=gevangenis_ids(_gebruiker(self)))


class ZichtbaarField(serializers.PrimaryKeyRelatedField):
    """An object of a scoped model (``ScopedQuerySet``) that the caller may see."""

    def get_queryset(self) -> Any:
        queryset: Any = super().get_queryset()
        return queryset.zichtbaar_voor(_gebruiker(self))


class CollegaField(serializers.PrimaryKeyRelatedField):
    """A staff member (Medewerker id) working in one of the caller's prisons."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(queryset=Medewerker.objects.all(), **kwargs)

    def get_queryset(self) -> Any:
        ids = gevangenis_ids(_gebruiker(self))
        return Medewerker.objects.filter(gevangenissen__in=ids).distinct()
