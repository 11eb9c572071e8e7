from django.contrib import admin
from django.urls import URLPattern, URLResolver, include, path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView

from hdv.api import views as api
from hdv.api.permissions import HeeftModelPermissie
from hdv.views import account, gezondheid, home

api_v1: list[URLPattern | URLResolver] = [
    path(
        "schema/",
        SpectacularAPIView.as_view(permission_classes=[HeeftModelPermissie]),
        name="schema",
    ),
    path(
        "docs/",
        SpectacularSwaggerView.as_view(
            url_name="api:schema", permission_classes=[HeeftModelPermissie]
        ),
        name="docs",
    ),
    path("mij/", api.Mij.as_view(), name="mij"),
    path("gevangenissen/", api.GevangenisLijst.as_view(), name="gevangenissen"),
    path("gevangenissen/<int:pk>/", api.GevangenisDetail.as_view(), name="gevangenis"),
    path("organisaties/", api.OrganisatieLijst.as_view(), name="organisaties"),
    path("", include("trajecten.api_urls")),
    path("", include("aanbod.api.urls")),
    path("", include("deelname.api.urls")),
    path("", include("rapportage.api.urls")),
]

urlpatterns = [
    path("", home.home, name="home"),
    path("aanmelden/", account.AanmeldView.as_view(), name="login"),
    path("afmelden/", account.AfmeldView.as_view(), name="logout"),
    path("gevangenis/wisselen/", account.gevangenis_wisselen, name="gevangenis_wisselen"),
    path("instellingen/", account.instellingen, name="instellingen"),
    path("gezondheid/", gezondheid.gezondheid, name="gezondheid"),
    path("", include("trajecten.urls")),
    path("aanbod/", include("aanbod.urls")),
    path("deelname/", include("deelname.urls")),
    path("rapportage/", include("rapportage.urls")),
    path("api/v1/", include((api_v1, "api"))),
    path("beheer/", admin.site.urls),
]
