"""The rapportage screens: dashboards, targets, the plans, monitoring reports."""

from django.urls import URLPattern, URLResolver

app_name = "rapportage"

# Each screen's routes are added here next to its views module.
urlpatterns: list[URLPattern | URLResolver] = []
