"""The caller's open tasks (the worklist's), and marking one done."""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from hdv.scope import get_in_scope_or_404
from trajecten import werklijsten
from trajecten.api.velden import keuzeveld
from trajecten.models import Taak
from trajecten.services.taken import taak_afhandelen

Taaksoort = keuzeveld(Taak.Soort, "Taaksoort")


class TaakOutput(serializers.ModelSerializer):
    soort = Taaksoort()
    gevangenis: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )

    class Meta:
        model = Taak
        fields = [
            "id", "soort", "titel", "inhoud", "gedetineerde", "gevangenis", "aangemaakt",
            "afgehandeld_op",
        ]  # fmt: skip


class TakenLijst(generics.ListAPIView):
    """The open tasks addressed to the caller (by name or by a permission), oldest first."""

    serializer_class = TaakOutput
    vereiste_permissie = "trajecten.view_taak"

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):
            return Taak.objects.none()
        return werklijsten.open_taken(user=self.request.user)


class TaakAfhandelen(generics.GenericAPIView):
    """Mark a task done; a task not addressed to the caller is a 404."""

    serializer_class = TaakOutput
    vereiste_permissie = "trajecten.view_taak"

    @extend_schema(request=None, responses=TaakOutput)
    def post(self, request: Request, pk: int) -> Response:
        queryset = Taak.objects.filter(werklijsten.taken_filter(request.user)).select_related(
            "gevangenis"
        )
        taak = get_in_scope_or_404(queryset, request.user, pk=pk)
        taak = taak_afhandelen(taak=taak, door=request.user)
        return Response(TaakOutput(taak).data)
