from django.urls import path

from trajecten import api
from trajecten.api import doorverwijzingen, notities, onthaal, plan, taken, vrijlating

persoon = "gedetineerden/<int:pk>/"

urlpatterns = [
    path("gedetineerden/", api.GedetineerdeLijst.as_view(), name="gedetineerden"),
    path("gedetineerden/<int:pk>/", api.GedetineerdeDetail.as_view(), name="gedetineerde"),
    path("bevolkingsfeed/", api.Bevolkingsfeed.as_view(), name="bevolkingsfeed"),
    path("bevolkingsfeed/<int:pk>/", api.BevolkingsimportDetail.as_view(), name="bevolkingsimport"),
    # The person's file.
    path(f"{persoon}onthalen/", onthaal.OnthaalLijst.as_view(), name="onthalen"),
    path(
        f"{persoon}onthaal/overslaan/",
        onthaal.OnthaalOverslaan.as_view(),
        name="onthaal_overslaan",
    ),
    path(f"{persoon}behoeften/", onthaal.BehoefteLijst.as_view(), name="behoeften"),
    path(f"{persoon}plan/", plan.PlanDetail.as_view(), name="plan"),
    path(f"{persoon}plan/doelen/", plan.PlanDoelen.as_view(), name="plan_doelen"),
    path(f"{persoon}plan/vastleggen/", plan.PlanVastleggen.as_view(), name="plan_vastleggen"),
    path(f"{persoon}plan/versies/", plan.Planversies.as_view(), name="planversies"),
    path("doelen/<int:pk>/", plan.DoelDetail.as_view(), name="doel"),
    path("doelen/<int:pk>/status/", plan.DoelStatus.as_view(), name="doel_status"),
    path("doelen/<int:pk>/stappen/", plan.DoelStappen.as_view(), name="doel_stappen"),
    path("stappen/<int:pk>/afvinken/", plan.StapAfvinken.as_view(), name="stap_afvinken"),
    path(
        f"{persoon}doorverwijzingen/",
        doorverwijzingen.DoorverwijzingLijst.as_view(),
        name="doorverwijzingen",
    ),
    path(
        "doorverwijzingen/inbox/",
        doorverwijzingen.Inbox.as_view(),
        name="doorverwijzingen_inbox",
    ),
    path(
        "doorverwijzingen/<int:pk>/",
        doorverwijzingen.DoorverwijzingDetail.as_view(),
        name="doorverwijzing",
    ),
    path(
        "doorverwijzingen/<int:pk>/versturen/",
        doorverwijzingen.Versturen.as_view(),
        name="doorverwijzing_versturen",
    ),
    path(
        "doorverwijzingen/<int:pk>/beantwoorden/",
        doorverwijzingen.Beantwoorden.as_view(),
        name="doorverwijzing_beantwoorden",
    ),
    path(
        "doorverwijzingen/<int:pk>/afronden/",
        doorverwijzingen.Afronden.as_view(),
        name="doorverwijzing_afronden",
    ),
    path(
        "doorverwijzingen/<int:pk>/intrekken/",
        doorverwijzingen.Intrekken.as_view(),
        name="doorverwijzing_intrekken",
    ),
    path(f"{persoon}notities/", notities.NotitieLijst.as_view(), name="notities"),
    path(f"{persoon}toestemmingen/", notities.ToestemmingLijst.as_view(), name="toestemmingen"),
    path(
        "toestemmingen/<int:pk>/intrekken/",
        notities.ToestemmingIntrekken.as_view(),
        name="toestemming_intrekken",
    ),
    path(
        f"{persoon}casusoverleggen/",
        notities.CasusoverlegLijst.as_view(),
        name="casusoverleggen",
    ),
    path(f"{persoon}vrijlating/", vrijlating.VrijlatingDetail.as_view(), name="vrijlating"),
    path(
        "checklistpunten/<int:pk>/",
        vrijlating.ChecklistpuntDetail.as_view(),
        name="checklistpunt",
    ),
    path("taken/", taken.TakenLijst.as_view(), name="taken"),
    path("taken/<int:pk>/afhandelen/", taken.TaakAfhandelen.as_view(), name="taak_afhandelen"),
]
