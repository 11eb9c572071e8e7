"""The aanbod API, included in ``api_v1`` (names in the ``api:`` namespace)."""

from django.urls import path

from aanbod.api import activiteiten, catalogus, lokalen, referentie, sessies

urlpatterns = [
    path("aanbod/", catalogus.AanbodLijst.as_view(), name="aanbod"),
    path("aanbod/<int:pk>/", catalogus.AanbodDetail.as_view(), name="aanbod_detail"),
    path(
        "aanbod/<int:pk>/archiveren/",
        catalogus.AanbodArchiveren.as_view(),
        name="aanbod_archiveren",
    ),
    path("beschikbaarheden/", catalogus.BeschikbaarheidLijst.as_view(), name="beschikbaarheden"),
    path(
        "beschikbaarheden/<int:pk>/",
        catalogus.BeschikbaarheidDetail.as_view(),
        name="beschikbaarheid",
    ),
    path("lokalen/", lokalen.LokaalLijst.as_view(), name="lokalen"),
    path("lokalen/<int:pk>/", lokalen.LokaalDetail.as_view(), name="lokaal"),
    path("sluitingsdagen/", lokalen.SluitingsdagLijst.as_view(), name="sluitingsdagen"),
    path("sluitingsdagen/<int:pk>/", lokalen.SluitingsdagDetail.as_view(), name="sluitingsdag"),
    path("activiteiten/", activiteiten.ActiviteitLijst.as_view(), name="activiteiten"),
    path(
        "activiteiten/botsingen/",
        activiteiten.ActiviteitBotsingen.as_view(),
        name="activiteit_botsingen",
    ),
    path("activiteiten/<int:pk>/", activiteiten.ActiviteitDetail.as_view(), name="activiteit"),
    path("sessies/", sessies.SessieLijst.as_view(), name="sessies"),
    path("sessies/<int:pk>/", sessies.SessieDetail.as_view(), name="sessie"),
    path("sessies/<int:pk>/annuleren/", sessies.SessieAnnuleren.as_view(), name="sessie_annuleren"),
    path(
        "sessies/<int:pk>/annulering-ongedaan/",
        sessies.AnnuleringOngedaan.as_view(),
        name="annulering_ongedaan",
    ),
    path("annuleringen/dag/", sessies.DagAnnuleren.as_view(), name="dag_annuleren"),
    path(
        "rapportagecategorieen/",
        referentie.RapportagecategorieLijst.as_view(),
        name="rapportagecategorieen",
    ),
    path("doelgroepen/", referentie.DoelgroepLijst.as_view(), name="doelgroepen"),
    path(
        "annuleringsredenen/",
        referentie.AnnuleringsredenLijst.as_view(),
        name="annuleringsredenen",
    ),
]
