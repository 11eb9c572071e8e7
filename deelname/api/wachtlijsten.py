"""An activity's waiting list, in order, and giving a freed place to the first in line."""

from __future__ import annotations

import datetime
from typing import Any

from django.utils import timezone
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from aanbod.models import Activiteit
from deelname import selectors
from deelname.api.inschrijvingen import (
    DeelnemerOutput,
    InschrijvingDetailOutput,
    Inschrijvingsbron,
    detail,
)
from deelname.models import Inschrijving
from deelname.services.inschrijvingen import volgende_plaatsen
from hdv.scope import get_in_scope_or_404


class WachtendeOutput(serializers.ModelSerializer):
    positie = serializers.IntegerField(help_text="1 = de eerste die een vrije plaats krijgt.")
    gedetineerde = DeelnemerOutput()
    bron = Inschrijvingsbron()
    dagen_gewacht = serializers.SerializerMethodField()

    class Meta:
        model = Inschrijving
        fields = [
            "id", "positie", "gedetineerde", "prioriteit", "bron", "aangevraagd_op",
            "dagen_gewacht",
        ]  # fmt: skip

    @extend_schema_field(OpenApiTypes.INT)
    def get_dagen_gewacht(self, inschrijving: Inschrijving) -> int:
        vandaag: datetime.date = self.context.get("vandaag") or timezone.localdate()
        return (vandaag - timezone.localdate(inschrijving.aangevraagd_op)).days


class Wachtlijst(generics.ListAPIView):
    """The waiting list of an activity: by priority, then by request date."""

    serializer_class = WachtendeOutput
    vereiste_permissie = "deelname.view_inschrijving"

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):
            return Inschrijving.objects.none()
        activiteit = get_in_scope_or_404(
            Activiteit.objects.all(), self.request.user, pk=self.kwargs["pk"]
        )
        return selectors.wachtlijst(user=self.request.user, activiteit=activiteit)

    def get_serializer_context(self) -> dict[str, Any]:
        return {**super().get_serializer_context(), "vandaag": timezone.localdate()}


class VolgendePlaatsen(APIView):
    """A freed place goes to the first on the waiting list, in one action.

    400 when nobody waits or no place is free; the answer is the placed enrolment.
    """

    vereiste_permissie = "deelname.change_inschrijving"

    @extend_schema(request=None, responses=InschrijvingDetailOutput)
    def post(self, request: Request, pk: int) -> Response:
        activiteit = get_in_scope_or_404(Activiteit.objects.all(), request.user, pk=pk)
        inschrijving = volgende_plaatsen(door=request.user, activiteit=activiteit)
        if inschrijving is None:
            raise serializers.ValidationError(
                {"non_field_errors": [_("Niemand staat op de wachtlijst van deze activiteit.")]}
            )
        return Response(detail(inschrijving, request.user))
