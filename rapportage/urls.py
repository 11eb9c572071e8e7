"""The rapportage screens: dashboards, targets, the plans, monitoring reports."""

from django.urls import URLPattern, URLResolver, path

from rapportage.views import actieplannen, dashboards, rapporten, strategie, streefcijfers

app_name = "rapportage"

# Each screen's routes are added here next to its views module.
urlpatterns: list[URLPattern | URLResolver] = []

# The dashboards: a prison's, an indicator's breakdowns, Flanders; recomputing now.
urlpatterns += dashboards.urlpatterns

rapport = "rapporten/<int:pk>/"
urlpatterns += [
    path("rapporten/", rapporten.rapporten, name="rapporten"),
    path("rapporten/aanvragen/", rapporten.rapport_aanvragen, name="rapport_aanvragen"),
    path(rapport, rapporten.rapport, name="rapport"),
    path(f"{rapport}pdf/", rapporten.rapport_bestand, {"soort": "pdf"}, name="rapport_pdf"),
    path(f"{rapport}xlsx/", rapporten.rapport_bestand, {"soort": "xlsx"}, name="rapport_xlsx"),
]

# Targets, the strategic plan and the local action plans.
urlpatterns += [*streefcijfers.urlpatterns, *strategie.urlpatterns, *actieplannen.urlpatterns]
