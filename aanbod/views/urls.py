from django.urls import path

from aanbod.views import (
    activiteit_plannen,
    activiteiten,
    annuleringen,
    beschikbaarheid,
    catalogus,
    lokalen,
    planning,
)

urlpatterns = [
    path("catalogus/", catalogus.catalogus, name="catalogus"),
    path("catalogus/nieuw/", catalogus.aanbod_nieuw, name="aanbod_nieuw"),
    path("catalogus/<int:pk>/", catalogus.aanbod_detail, name="aanbod"),
    path("catalogus/<int:pk>/bewerken/", catalogus.aanbod_bewerken, name="aanbod_bewerken"),
    path(
        "catalogus/<int:pk>/archiveren/",
        catalogus.aanbod_archiveren_view,
        name="aanbod_archiveren",
    ),
    path("beschikbaarheid/", beschikbaarheid.beschikbaarheid, name="beschikbaarheid"),
    path(
        "beschikbaarheid/opnemen/",
        beschikbaarheid.beschikbaarheid_opnemen,
        name="beschikbaarheid_opnemen",
    ),
    path(
        "beschikbaarheid/<int:pk>/bewerken/",
        beschikbaarheid.beschikbaarheid_bewerken,
        name="beschikbaarheid_bewerken",
    ),
    path("lokalen/", lokalen.lokalen, name="lokalen"),
    path("lokalen/nieuw/", lokalen.lokaal_nieuw, name="lokaal_nieuw"),
    path("lokalen/<int:pk>/bewerken/", lokalen.lokaal_bewerken, name="lokaal_bewerken"),
    path("sluitingsdagen/", lokalen.sluitingsdagen, name="sluitingsdagen"),
    path(
        "sluitingsdagen/toevoegen/",
        lokalen.sluitingsdag_toevoegen_view,
        name="sluitingsdag_toevoegen",
    ),
    path(
        "sluitingsdagen/<int:pk>/verwijderen/",
        lokalen.sluitingsdag_verwijderen_view,
        name="sluitingsdag_verwijderen",
    ),
    path("planning/", planning.planning, name="planning"),
    path("activiteiten/", activiteiten.activiteiten, name="activiteiten"),
    path("activiteiten/nieuw/", activiteit_plannen.activiteit_nieuw, name="activiteit_nieuw"),
    path("activiteiten/<int:pk>/", activiteiten.activiteit_detail, name="activiteit"),
    path(
        "activiteiten/<int:pk>/bewerken/",
        activiteit_plannen.activiteit_bewerken,
        name="activiteit_bewerken",
    ),
    path(
        "sessies/<int:pk>/annuleren/",
        annuleringen.sessie_annuleren_view,
        name="sessie_annuleren",
    ),
    path(
        "sessies/<int:pk>/annulering-ongedaan/",
        annuleringen.annulering_ongedaan,
        name="annulering_ongedaan",
    ),
    path("dag-annuleren/", annuleringen.dag_annuleren, name="dag_annuleren"),
]
