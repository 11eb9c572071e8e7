from django.urls import include, path

app_name = "aanbod"

urlpatterns = [
    path("", include("aanbod.views.urls")),
    path("", include("aanbod.afdrukken.urls")),
]
