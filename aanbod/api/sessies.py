"""Sessions of the caller's prisons, and cancelling them: one, a whole day (a strike), undo.

A cancellation of sessions that already have attendance needs ``bevestigd``; without it
the answer is 400 with an error on ``bevestigd`` and nothing changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import django_filters
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from aanbod.api.toegang import EigenGevangenisField
from aanbod.models import Annuleringsreden, Sessie
from aanbod.services.annuleringen import (
    annulering_ongedaan_maken,
    sessie_annuleren,
    sessies_annuleren_op_dag,
)
from hdv.api.filters import IdFilter


class SessieFilter(django_filters.FilterSet):
    activiteit = IdFilter(field_name="activiteit_id")
    gevangenis = django_filters.CharFilter(field_name="activiteit__gevangenis__code")
    datum_van = django_filters.DateFilter(field_name="datum", lookup_expr="gte")
    datum_tot = django_filters.DateFilter(field_name="datum", lookup_expr="lte")
    geannuleerd = django_filters.BooleanFilter(
        field_name="annuleringsreden", lookup_expr="isnull", exclude=True
    )

    class Meta:
        model = Sessie
        fields: list[str] = []


class SessieOutput(serializers.ModelSerializer):
    weergavenaam = serializers.CharField(source="activiteit.weergavenaam")
    gevangenis = serializers.CharField(source="activiteit.gevangenis.code")
    geannuleerd = serializers.BooleanField()
    annuleringsreden: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )

    class Meta:
        model = Sessie
        fields = [
            "id", "activiteit", "weergavenaam", "gevangenis", "datum", "begintijd", "eindtijd",
            "lokaal", "geannuleerd", "annuleringsreden", "annulering_toelichting",
            "geannuleerd_op", "annulering_groep",
        ]  # fmt: skip


class SessiesOutput(serializers.Serializer):
    sessies = SessieOutput(many=True)


class AnnulerenInput(serializers.Serializer):
    reden = serializers.SlugRelatedField(
        slug_field="code", queryset=Annuleringsreden.objects.all(), help_text="Code van de reden."
    )
    toelichting = serializers.CharField(max_length=300, allow_blank=True, default="")
    bevestigd = serializers.BooleanField(
        default=False, help_text="Ook annuleren als er al aanwezigheden zijn."
    )


class DagAnnulerenInput(AnnulerenInput):
    gevangenis = EigenGevangenisField()
    datum = serializers.DateField()


def _queryset(user: Any) -> Any:
    return Sessie.objects.zichtbaar_voor(user).select_related(
        "activiteit__aanbod", "activiteit__gevangenis", "annuleringsreden"
    )


def _sessies(sessies: Iterable[Sessie], user: Any) -> Response:
    geladen = _queryset(user).filter(pk__in=[s.pk for s in sessies])
    return Response(SessiesOutput({"sessies": geladen}).data)


class SessieLijst(generics.ListAPIView):
    """The sessions of the caller's prisons, in date order."""

    serializer_class = SessieOutput
    filterset_class = SessieFilter
    vereiste_permissie = "aanbod.view_activiteit"

    def get_queryset(self) -> Any:
        return _queryset(self.request.user)


class SessieDetail(generics.RetrieveAPIView):
    serializer_class = SessieOutput
    vereiste_permissie = "aanbod.view_activiteit"

    def get_queryset(self) -> Any:
        return _queryset(self.request.user)


class SessieAnnuleren(generics.GenericAPIView):
    serializer_class = SessieOutput
    vereiste_permissie = "aanbod.plan_activiteit"

    def get_queryset(self) -> Any:
        return _queryset(self.request.user)

    @extend_schema(request=AnnulerenInput, responses=SessieOutput)
    def post(self, request: Request, pk: int) -> Response:
        sessie = self.get_object()
        invoer = AnnulerenInput(data=request.data)
        invoer.is_valid(raise_exception=True)
        sessie_annuleren(sessie=sessie, **invoer.validated_data, door=request.user)
        return Response(SessieOutput(self.get_object()).data)


class AnnuleringOngedaan(generics.GenericAPIView):
    """Undo a cancellation; a session cancelled with its whole day brings the day back."""

    serializer_class = SessiesOutput
    vereiste_permissie = "aanbod.plan_activiteit"

    def get_queryset(self) -> Any:
        return _queryset(self.request.user)

    @extend_schema(request=None, responses=SessiesOutput)
    def post(self, request: Request, pk: int) -> Response:
        sessies = annulering_ongedaan_maken(sessie=self.get_object(), door=request.user)
        return _sessies(sessies, request.user)


class DagAnnuleren(generics.GenericAPIView):
    """Cancel every session of one prison on one day (a strike); undone as one."""

    serializer_class = SessiesOutput
    vereiste_permissie = "aanbod.plan_activiteit"

    @extend_schema(request=DagAnnulerenInput, responses=SessiesOutput)
    def post(self, request: Request) -> Response:
        invoer = DagAnnulerenInput(data=request.data, context={"request": request})
        invoer.is_valid(raise_exception=True)
        sessies = sessies_annuleren_op_dag(**invoer.validated_data, door=request.user)
        return _sessies(sessies, request.user)
