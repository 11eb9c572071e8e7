from django.urls import path

from trajecten.views import (
    doorverwijzingen,
    dossier,
    notities,
    onthaal,
    personen,
    plan,
    vrijlating,
    werklijst,
)

app_name = "trajecten"

urlpatterns = [
    path("personen/", personen.gedetineerden_lijst, name="gedetineerden"),
    path("personen/<int:pk>/audit/", personen.gedetineerde_audit, name="audit"),
    path("bevolkingsfeed/", personen.bevolkingsfeed, name="bevolkingsfeed"),
    path("bevolkingsfeed/<int:pk>/", personen.bevolkingsimport, name="bevolkingsimport"),
    # Each part of the file keeps its own routes next to its views.
    *dossier.urlpatterns,
    *onthaal.urlpatterns,
    *werklijst.urlpatterns,
    *plan.urlpatterns,
    *vrijlating.urlpatterns,
    *doorverwijzingen.urlpatterns,
    *notities.urlpatterns,
]
