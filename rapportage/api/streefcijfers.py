"""Targets through the API: the list (of the caller's prisons and Flanders), setting one
(create or change), reading and removing one.

The same rules as the screens, through the same service: a rate's target lies within
0–100, an unknown indicator or another prison is a 400 with a clear message on its
field; Flanders' targets are the central level's.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from aanbod.api.toegang import PermissiePerMethode
from hdv.models import Gevangenis
from rapportage.indicatoren import REGISTER
from rapportage.models import Streefcijfer
from rapportage.plantoegang import bewerkbaar_streefcijfer, leesbare_streefcijfers
from rapportage.services.streefcijfers import streefcijfer_verwijderen, streefcijfer_zetten

VLAANDEREN = "vlaanderen"


class StreefcijferFilter(django_filters.FilterSet):
    jaar = django_filters.NumberFilter(field_name="jaar")
    indicator = django_filters.CharFilter(field_name="indicator")
    gevangenis = django_filters.CharFilter(
        method="op_gevangenis",
        help_text=f"De code van een gevangenis, of '{VLAANDEREN}' voor heel Vlaanderen.",
    )

    class Meta:
        model = Streefcijfer
        fields: list[str] = []

    def op_gevangenis(self, queryset: Any, naam: str, waarde: str) -> Any:
        if waarde.lower() == VLAANDEREN:
            return queryset.filter(gevangenis__isnull=True)
        return queryset.filter(gevangenis__code=waarde)


class StreefcijferOutput(serializers.ModelSerializer):
    gevangenis: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="code",
        read_only=True,
        allow_null=True,
        help_text="De code van de gevangenis; leeg (null) voor heel Vlaanderen.",
    )
    indicator_naam = serializers.SerializerMethodField()
    eenheid = serializers.SerializerMethodField(help_text="percentage, aantal of dagen")
    waarde = serializers.DecimalField(max_digits=9, decimal_places=2, coerce_to_string=False)
    gezet_door: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="username", read_only=True, allow_null=True
    )

    class Meta:
        model = Streefcijfer
        fields = [
            "id", "indicator", "indicator_naam", "eenheid", "gevangenis", "jaar", "waarde",
            "toelichting", "gezet_door", "gewijzigd",
        ]  # fmt: skip

    def get_indicator_naam(self, streefcijfer: Streefcijfer) -> str:
        indicator = REGISTER.get(streefcijfer.indicator)
        return str(indicator.naam) if indicator else streefcijfer.indicator

    def get_eenheid(self, streefcijfer: Streefcijfer) -> str:
        indicator = REGISTER.get(streefcijfer.indicator)
        return indicator.eenheid if indicator else ""


class StreefcijferInput(serializers.Serializer):
    # Checked by the service against the register: "Onbekende indicator: …" on this field.
    indicator = serializers.CharField(max_length=40, help_text="De code van de kernindicator.")
    # Any active prison: the service says clearly when it is not one of the caller's.
    gevangenis = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Gevangenis.objects.filter(actief=True),
        allow_null=True,
        help_text="De code van de gevangenis; null voor heel Vlaanderen (alleen centraal).",
    )
    jaar = serializers.IntegerField()
    waarde = serializers.DecimalField(
        max_digits=9,
        decimal_places=2,
        help_text="Voor een percentage 0 tot 100; een aantal of aantal dagen is nooit negatief.",
    )
    toelichting = serializers.CharField(max_length=300, allow_blank=True, default="")


class StreefcijferLijst(PermissiePerMethode, generics.ListAPIView):
    """The targets of the caller's prisons and of Flanders; POST sets one (creates it, or
    changes the existing one of that indicator, prison and year)."""

    serializer_class = StreefcijferOutput
    filterset_class = StreefcijferFilter
    permissies = {"GET": "rapportage.view_streefcijfer", "POST": "rapportage.add_streefcijfer"}

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):
            return Streefcijfer.objects.none()
        return leesbare_streefcijfers(self.request.user).order_by(
            "-jaar", "indicator", "gevangenis__naam", "id"
        )

    @extend_schema(request=StreefcijferInput, responses=StreefcijferOutput)
    def post(self, request: Request) -> Response:
        invoer = StreefcijferInput(data=request.data)
        invoer.is_valid(raise_exception=True)
        streefcijfer = streefcijfer_zetten(**invoer.validated_data, door=request.user)
        geladen = leesbare_streefcijfers(request.user).get(pk=streefcijfer.pk)
        return Response(StreefcijferOutput(geladen).data)


class StreefcijferDetail(PermissiePerMethode, APIView):
    """One target; DELETE removes it (another prison's is a 404, Flanders' is central)."""

    permissies = {"GET": "rapportage.view_streefcijfer", "DELETE": "rapportage.change_streefcijfer"}

    @extend_schema(responses=StreefcijferOutput)
    def get(self, request: Request, pk: int) -> Response:
        streefcijfer = leesbare_streefcijfers(request.user).filter(pk=pk).first()
        if streefcijfer is None:
            raise Http404
        return Response(StreefcijferOutput(streefcijfer).data)

    @extend_schema(responses={204: None})
    def delete(self, request: Request, pk: int) -> Response:
        streefcijfer = bewerkbaar_streefcijfer(request.user, pk)
        streefcijfer_verwijderen(streefcijfer=streefcijfer, door=request.user)
        return Response(status=204)
