"""The deelname API, included in ``api_v1`` (names in the ``api:`` namespace)."""

from django.urls import path

from deelname.api import aanwezigheden, inschrijvingen, referentie, wachtlijsten

inschrijving = "inschrijvingen/<int:pk>/"

urlpatterns = [
    path("inschrijvingen/", inschrijvingen.InschrijvingLijst.as_view(), name="inschrijvingen"),
    path(inschrijving, inschrijvingen.InschrijvingDetail.as_view(), name="inschrijving"),
    path(
        f"{inschrijving}plaatsen/",
        inschrijvingen.Plaatsen.as_view(),
        name="inschrijving_plaatsen",
    ),
    path(
        f"{inschrijving}stopzetten/",
        inschrijvingen.Stopzetten.as_view(),
        name="inschrijving_stopzetten",
    ),
    path(
        f"{inschrijving}afronden/",
        inschrijvingen.Afronden.as_view(),
        name="inschrijving_afronden",
    ),
    path(
        "activiteiten/<int:pk>/wachtlijst/",
        wachtlijsten.Wachtlijst.as_view(),
        name="activiteit_wachtlijst",
    ),
    path(
        "activiteiten/<int:pk>/volgende-plaatsen/",
        wachtlijsten.VolgendePlaatsen.as_view(),
        name="volgende_plaatsen",
    ),
    path(
        "sessies/<int:pk>/aanwezigheden/",
        aanwezigheden.SessieAanwezigheden.as_view(),
        name="sessie_aanwezigheden",
    ),
    path(
        "afwezigheidsredenen/",
        referentie.AfwezigheidsredenLijst.as_view(),
        name="afwezigheidsredenen",
    ),
    path("stopredenen/", referentie.StopredenLijst.as_view(), name="stopredenen"),
]
