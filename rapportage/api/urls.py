"""The rapportage API, included in ``api_v1`` (names in the ``api:`` namespace)."""

from django.urls import URLPattern, URLResolver, path

from rapportage.api import indicatoren, plannen, rapporten, streefcijfers

urlpatterns: list[URLPattern | URLResolver] = []

# Indicator definitions and their values (aggregate, suppressed).
urlpatterns += [
    path("indicatoren/", indicatoren.IndicatorLijst.as_view(), name="indicatoren"),
    path("indicatorwaarden/", indicatoren.IndicatorwaardeLijst.as_view(), name="indicatorwaarden"),
]

monitoringrapport = "monitoringrapporten/<int:pk>/"
urlpatterns += [
    path(
        "monitoringrapporten/",
        rapporten.MonitoringrapportLijst.as_view(),
        name="monitoringrapporten",
    ),
    path(
        monitoringrapport,
        rapporten.MonitoringrapportDetail.as_view(),
        name="monitoringrapport",
    ),
    path(
        f"{monitoringrapport}pdf/",
        rapporten.MonitoringrapportPdf.as_view(),
        name="monitoringrapport_pdf",
    ),
    path(
        f"{monitoringrapport}xlsx/",
        rapporten.MonitoringrapportXlsx.as_view(),
        name="monitoringrapport_xlsx",
    ),
]

# Targets, the strategic plan and the local action plans.
urlpatterns += [
    path("streefcijfers/", streefcijfers.StreefcijferLijst.as_view(), name="streefcijfers"),
    path(
        "streefcijfers/<int:pk>/", streefcijfers.StreefcijferDetail.as_view(), name="streefcijfer"
    ),
    path("strategisch-plan/", plannen.StrategischPlan.as_view(), name="strategisch_plan"),
    path("actieplannen/", plannen.LokaleActieplannen.as_view(), name="actieplannen"),
    path("actieplannen/<int:pk>/", plannen.LokaalActieplanDetail.as_view(), name="actieplan"),
]
