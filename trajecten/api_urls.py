from django.urls import path

from trajecten import api

urlpatterns = [
    path("gedetineerden/", api.GedetineerdeLijst.as_view(), name="gedetineerden"),
    path("gedetineerden/<int:pk>/", api.GedetineerdeDetail.as_view(), name="gedetineerde"),
    path("bevolkingsfeed/", api.Bevolkingsfeed.as_view(), name="bevolkingsfeed"),
    path("bevolkingsfeed/<int:pk>/", api.BevolkingsimportDetail.as_view(), name="bevolkingsimport"),
]
