"""The strategic plan and the local action plans through the API: read only.

The plan lists the actions its source names (``aantal_acties_in_plan`` says how many the
plan has); each action carries its latest progress note. Local plans are those of the
caller's prisons (every prison for the central level); another prison's is a 404.
"""

from __future__ import annotations

from typing import Any

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from rapportage.models import Actiestatus, LokaalActieplan, Voortgangsnotitie
from rapportage.plannen_lezen import lokale_actieplannen, strategisch_plan_overzicht
from rapportage.plantoegang import zichtbare_gevangenissen
from rapportage.strategisch_plan import AANTAL_ACTIES_IN_PLAN, BRON
from trajecten.api.velden import keuzeveld

Actiestatusveld = keuzeveld(Actiestatus, "Actiestatus")


class ActiestatustellingOutput(serializers.Serializer):
    niet_gestart = serializers.IntegerField()
    lopend = serializers.IntegerField()
    gerealiseerd = serializers.IntegerField()
    geschrapt = serializers.IntegerField()


class VoortgangsnotitieOutput(serializers.ModelSerializer):
    status = Actiestatusveld()

    class Meta:
        model = Voortgangsnotitie
        fields = ["datum", "status", "tekst"]


class PlanactieOutput(serializers.Serializer):
    id = serializers.IntegerField(source="actie.pk")
    nummer = serializers.CharField(source="actie.nummer")
    operationele_doelstelling = serializers.CharField(source="actie.operationele_doelstelling")
    titel = serializers.CharField(source="actie.titel")
    eigenaar = serializers.CharField(source="actie.eigenaar")
    status = Actiestatusveld(source="actie.status")
    laatste_notitie = VoortgangsnotitieOutput(allow_null=True)


class StrategischeDoelstellingOutput(serializers.Serializer):
    nummer = serializers.IntegerField(source="doelstelling.nummer")
    titel = serializers.CharField(source="doelstelling.titel")
    omschrijving = serializers.CharField(source="doelstelling.omschrijving")
    telling = ActiestatustellingOutput()
    acties = PlanactieOutput(many=True)


class StrategischPlanOutput(serializers.Serializer):
    bron = serializers.CharField()
    aantal_acties_in_plan = serializers.IntegerField(
        help_text="Zoveel acties telt het plan; de lijst bevat die welke de bron bij naam noemt."
    )
    telling = ActiestatustellingOutput()
    doelstellingen = StrategischeDoelstellingOutput(many=True)


class StrategischPlan(APIView):
    """The strategic plan 2020–2025: five goals, their actions, the counts per status."""

    vereiste_permissie = "rapportage.view_actie"

    @extend_schema(responses=StrategischPlanOutput)
    def get(self, request: Request) -> Response:
        overzicht = strategisch_plan_overzicht()
        gegevens = {
            "bron": BRON,
            "aantal_acties_in_plan": AANTAL_ACTIES_IN_PLAN,
            "telling": overzicht.telling,
            "doelstellingen": overzicht.doelstellingen,
        }
        return Response(StrategischPlanOutput(gegevens).data)


class LokaleActieOutput(serializers.Serializer):
    id = serializers.IntegerField(source="actie.pk")
    doelstelling = serializers.IntegerField(
        source="actie.doelstelling.nummer", help_text="Het nummer van de strategische doelstelling."
    )
    titel = serializers.CharField(source="actie.titel")
    omschrijving = serializers.CharField(source="actie.omschrijving")
    eigenaar = serializers.CharField(source="actie.eigenaar")
    status = Actiestatusveld(source="actie.status")
    laatste_notitie = VoortgangsnotitieOutput(allow_null=True)


class LokaalActieplanOutput(serializers.Serializer):
    id = serializers.IntegerField(source="plan.pk")
    gevangenis = serializers.CharField(source="plan.gevangenis.code")
    jaar = serializers.IntegerField(source="plan.jaar")
    telling = ActiestatustellingOutput()
    acties = LokaleActieOutput(many=True)


class LokaleActieplannen(generics.ListAPIView):
    """The local action plans of a year (this year unless ``jaar``), of the caller's
    prisons, by prison name."""

    vereiste_permissie = "rapportage.view_lokaalactieplan"
    serializer_class = LokaalActieplanOutput
    filter_backends: list[Any] = []

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):
            return LokaalActieplan.objects.none()
        try:
            jaar = int(self.request.query_params.get("jaar") or timezone.localdate().year)
        except ValueError:
            raise serializers.ValidationError({"jaar": [_("Geef een jaar als getal.")]}) from None
        # Each plan with its actions and their latest notes: three queries, not one per plan.
        return lokale_actieplannen(zichtbare_gevangenissen(self.request.user), jaar)

    @extend_schema(
        parameters=[OpenApiParameter("jaar", int, description="Het jaar; standaard dit jaar.")]
    )
    def get(self, request: Request, *args: Any, **kwargs: Any) -> Response:
        return super().get(request, *args, **kwargs)


class LokaalActieplanDetail(APIView):
    """One local action plan, with its actions and their latest progress."""

    vereiste_permissie = "rapportage.view_lokaalactieplan"

    @extend_schema(responses=LokaalActieplanOutput)
    def get(self, request: Request, pk: int) -> Response:
        plan = (
            LokaalActieplan.objects.filter(
                pk=pk, gevangenis__in=zichtbare_gevangenissen(request.user)
            )
            .values("gevangenis_id", "jaar")
            .first()
        )
        if plan is None:
            raise Http404
        overzicht = lokale_actieplannen([plan["gevangenis_id"]], plan["jaar"])[0]
        return Response(LokaalActieplanOutput(overzicht).data)
