# Placeholder: filled by the helper that owns this module.
from typing import Any

from django.urls import path

from trajecten.views import personen

urlpatterns: list[Any] = [
    path("personen/<int:pk>/", personen.gedetineerde_dossier, name="dossier"),
]
