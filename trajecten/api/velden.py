"""Fields the file's serializers share: enums with a name of their own, and colleagues.

drf-spectacular names an enum after its field; ``status`` or ``soort`` with other
choices elsewhere would collide (a warning, and the schema test fails on warnings).
Each choice set here gets its own component instead.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib.auth import get_user_model
from django.db import models
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from hdv.models import Organisatie
from hdv.scope import gevangenis_ids
from trajecten.models import Plaats

_KEUZEVELDEN: dict[str, Callable[..., serializers.ChoiceField]] = {}


def keuzeveld(
    keuzes: type[models.TextChoices], component: str, *, leeg: bool = False
) -> Callable[..., serializers.ChoiceField]:
    """A ChoiceField class for ``keuzes``, its enum in the schema named ``component``.

    ``leeg``: the empty string is a value too (a reason that only some statuses have).
    """
    if component in _KEUZEVELDEN:
        return _KEUZEVELDEN[component]
    waarden = [*([""] if leeg else []), *keuzes.values]

    @extend_schema_field({"type": "string", "enum": waarden}, component_name=component)
    class Keuzeveld(serializers.ChoiceField):
        def __init__(self, **kwargs: Any) -> None:
            if leeg:
                kwargs.setdefault("allow_blank", True)
            super().__init__(choices=keuzes.choices, **kwargs)

    Keuzeveld.__name__ = Keuzeveld.__qualname__ = f"{component}Veld"
    _KEUZEVELDEN[component] = Keuzeveld
    return Keuzeveld


Plaatsveld = keuzeveld(Plaats, "Plaats")


class CollegaField(serializers.PrimaryKeyRelatedField):
    """A user (id) working in one of the caller's prisons; the service checks the rest."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(queryset=get_user_model().objects.all(), **kwargs)

    def get_queryset(self) -> Any:
        ids = gevangenis_ids(self.context["request"].user)
        return get_user_model().objects.filter(medewerker__gevangenissen__in=ids).distinct()


class OrganisatieField(serializers.PrimaryKeyRelatedField):
    """An organisation (id); inactive ones are refused by the services where it matters."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(queryset=Organisatie.objects.all(), **kwargs)
