"""Rooms and closure days: data of one prison, so only within the caller's prisons."""

from __future__ import annotations

from typing import Any

import django_filters
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from aanbod.api.toegang import EigenGevangenisField, PermissiePerMethode
from aanbod.models import Lokaal, Sluitingsdag
from aanbod.services.lokalen import lokaal_opslaan, sluitingsdag_toevoegen, sluitingsdag_verwijderen

# --- Rooms -----------------------------------------------------------------------------


# A component of its own: the enum drf-spectacular would name after ``soort`` collides
# with the kinds of prison and organisation (hdv).
@extend_schema_field({"type": "string", "enum": Lokaal.Soort.values}, component_name="Lokaalsoort")
class LokaalsoortField(serializers.ChoiceField):
    def __init__(self, **kwargs: Any) -> None:
        super().__init__(choices=Lokaal.Soort.choices, **kwargs)


class LokaalFilter(django_filters.FilterSet):
    gevangenis = django_filters.CharFilter(field_name="gevangenis__code")

    class Meta:
        model = Lokaal
        fields = ["soort", "actief"]


class LokaalOutput(serializers.ModelSerializer):
    gevangenis: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )
    soort = LokaalsoortField(read_only=True)

    class Meta:
        model = Lokaal
        fields = ["id", "gevangenis", "naam", "soort", "capaciteit", "actief"]


class LokaalInput(serializers.Serializer):
    gevangenis = EigenGevangenisField()
    naam = serializers.CharField(max_length=80)
    soort = LokaalsoortField()
    capaciteit = serializers.IntegerField(min_value=1, max_value=32767)
    actief = serializers.BooleanField(default=True)


class LokaalBijwerkenInput(serializers.Serializer):
    """Fields left out keep their value; a room never moves to another prison."""

    naam = serializers.CharField(max_length=80, required=False)
    soort = LokaalsoortField(required=False)
    capaciteit = serializers.IntegerField(min_value=1, max_value=32767, required=False)
    actief = serializers.BooleanField(required=False)


class LokaalLijst(PermissiePerMethode, generics.ListAPIView):
    """The rooms of the caller's prisons."""

    serializer_class = LokaalOutput
    filterset_class = LokaalFilter
    permissies = {"GET": "aanbod.view_lokaal", "POST": "aanbod.add_lokaal"}

    def get_queryset(self) -> Any:
        return Lokaal.objects.zichtbaar_voor(self.request.user).select_related("gevangenis")

    @extend_schema(request=LokaalInput, responses={201: LokaalOutput})
    def post(self, request: Request) -> Response:
        invoer = LokaalInput(data=request.data, context={"request": request})
        invoer.is_valid(raise_exception=True)
        lokaal = lokaal_opslaan(**invoer.validated_data, door=request.user)
        return Response(LokaalOutput(lokaal).data, status=status.HTTP_201_CREATED)


class LokaalDetail(PermissiePerMethode, generics.RetrieveAPIView):
    serializer_class = LokaalOutput
    permissies = {"GET": "aanbod.view_lokaal", "PATCH": "aanbod.change_lokaal"}

    def get_queryset(self) -> Any:
        return Lokaal.objects.zichtbaar_voor(self.request.user).select_related("gevangenis")

    @extend_schema(request=LokaalBijwerkenInput, responses=LokaalOutput)
    def patch(self, request: Request, pk: int) -> Response:
        lokaal = self.get_object()
        invoer = LokaalBijwerkenInput(data=request.data)
        invoer.is_valid(raise_exception=True)
        velden = {
            "naam": lokaal.naam,
            "soort": lokaal.soort,
            "capaciteit": lokaal.capaciteit,
            "actief": lokaal.actief,
            **invoer.validated_data,
        }
        lokaal = lokaal_opslaan(lokaal=lokaal, door=request.user, **velden)
        return Response(LokaalOutput(lokaal).data)


# --- Closure days ----------------------------------------------------------------------


class SluitingsdagFilter(django_filters.FilterSet):
    gevangenis = django_filters.CharFilter(field_name="gevangenis__code")
    datum_van = django_filters.DateFilter(field_name="datum", lookup_expr="gte")
    datum_tot = django_filters.DateFilter(field_name="datum", lookup_expr="lte")

    class Meta:
        model = Sluitingsdag
        fields: list[str] = []


class SluitingsdagOutput(serializers.ModelSerializer):
    gevangenis: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )

    class Meta:
        model = Sluitingsdag
        fields = ["id", "gevangenis", "datum", "reden"]


class SluitingsdagInput(serializers.Serializer):
    gevangenis = EigenGevangenisField()
    datum = serializers.DateField()
    reden = serializers.CharField(max_length=120)


class SluitingsdagLijst(PermissiePerMethode, generics.ListAPIView):
    """Days on which the caller's prisons hold no activities."""

    serializer_class = SluitingsdagOutput
    filterset_class = SluitingsdagFilter
    permissies = {"GET": "aanbod.view_activiteit", "POST": "aanbod.add_sluitingsdag"}

    def get_queryset(self) -> Any:
        return Sluitingsdag.objects.zichtbaar_voor(self.request.user).select_related("gevangenis")

    @extend_schema(request=SluitingsdagInput, responses={201: SluitingsdagOutput})
    def post(self, request: Request) -> Response:
        invoer = SluitingsdagInput(data=request.data, context={"request": request})
        invoer.is_valid(raise_exception=True)
        dag = sluitingsdag_toevoegen(**invoer.validated_data, door=request.user)
        return Response(SluitingsdagOutput(dag).data, status=status.HTTP_201_CREATED)


class SluitingsdagDetail(PermissiePerMethode, generics.RetrieveAPIView):
    serializer_class = SluitingsdagOutput
    permissies = {"GET": "aanbod.view_activiteit", "DELETE": "aanbod.delete_sluitingsdag"}

    def get_queryset(self) -> Any:
        return Sluitingsdag.objects.zichtbaar_voor(self.request.user).select_related("gevangenis")

    @extend_schema(responses={204: None})
    def delete(self, request: Request, pk: int) -> Response:
        sluitingsdag_verwijderen(dag=self.get_object(), door=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)
