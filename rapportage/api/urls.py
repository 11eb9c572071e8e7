"""The rapportage API, included in ``api_v1`` (names in the ``api:`` namespace)."""

from django.urls import URLPattern, URLResolver

urlpatterns: list[URLPattern | URLResolver] = []
