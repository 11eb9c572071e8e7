from django.urls import path

from trajecten import views

app_name = "trajecten"

urlpatterns = [
    path("personen/", views.gedetineerden_lijst, name="gedetineerden"),
    path("personen/<int:pk>/", views.gedetineerde_dossier, name="dossier"),
    path("personen/<int:pk>/audit/", views.gedetineerde_audit, name="audit"),
    path("bevolkingsfeed/", views.bevolkingsfeed, name="bevolkingsfeed"),
    path("bevolkingsfeed/<int:pk>/", views.bevolkingsimport, name="bevolkingsimport"),
]
