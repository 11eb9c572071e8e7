"""Release preparation (brug binnen-buiten): the checklist of the person's current stay.

Whoever opens the file sees that a preparation exists and its dates; the checklist and
the frozen handover are for the trajectbegeleiders who coordinate it and for
organisations with the person's consent for "vrijlating" (``Inzicht.vrijlating``).
"""

from __future__ import annotations

from typing import Any

from django.db.models import prefetch_related_objects
from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from aanbod.api.toegang import PermissiePerMethode
from hdv.scope import get_in_scope_or_404
from trajecten.api.dossier import Afgeschermd, PersoonView
from trajecten.api.velden import CollegaField, OrganisatieField, keuzeveld
from trajecten.models import Checklistpunt, Vrijlatingsvoorbereiding
from trajecten.services.vrijlating import checklistpunt_bijwerken, vrijlating_voorbereiden

Checklistonderwerp = keuzeveld(Checklistpunt.Onderwerp, "Checklistonderwerp")
Checkliststatus = keuzeveld(Checklistpunt.Status, "Checkliststatus")


class ChecklistpuntOutput(serializers.ModelSerializer):
    onderwerp = Checklistonderwerp()
    status = Checkliststatus()

    class Meta:
        model = Checklistpunt
        fields = [
            "id", "onderwerp", "status", "organisatie", "verantwoordelijke", "toelichting",
            "gewijzigd",
        ]  # fmt: skip


class VrijlatingOutput(Afgeschermd, serializers.ModelSerializer):
    """The preparation; ``punten`` and ``overdracht`` only for its readers."""

    punten = ChecklistpuntOutput(many=True)

    inhoudsvelden = ("punten", "overdracht")

    class Meta:
        model = Vrijlatingsvoorbereiding
        fields = [
            "id", "verblijf", "verwachte_datum", "geopend_op", "bevroren_op", "punten",
            "overdracht",
        ]  # fmt: skip

    def lezen(self, inzicht: Any, instance: Vrijlatingsvoorbereiding) -> bool:
        return bool(inzicht.vrijlating())

    def to_representation(self, instance: Any) -> Any:
        data = super().to_representation(instance)
        # The frozen handover holds the plan and referrals: each under its own rule.
        if data.get("overdracht") is not None:
            data["overdracht"] = self.context["inzicht"].overdracht(data["overdracht"])
        return data


class ChecklistpuntInput(serializers.Serializer):
    """Fields left out keep their value."""

    status = Checkliststatus(required=False)
    organisatie = OrganisatieField(allow_null=True, required=False)
    verantwoordelijke = CollegaField(allow_null=True, required=False)
    toelichting = serializers.CharField(allow_blank=True, required=False)


class VrijlatingDetail(PermissiePerMethode, PersoonView):
    """The person's latest release preparation (404 when none); POST opens one.

    Opening for a stay that has one already answers that one (200).
    """

    serializer_class = VrijlatingOutput
    permissies = {
        "GET": "trajecten.view_gedetineerde",
        "POST": "trajecten.change_vrijlatingsvoorbereiding",
    }

    def _voorbereidingen(self) -> Any:
        return Vrijlatingsvoorbereiding.objects.zichtbaar_voor(self.request.user).filter(
            gedetineerde=self.persoon()
        )

    def get(self, request: Request, pk: int) -> Response:
        voorbereiding = self._voorbereidingen().order_by("-geopend_op", "-id").first()
        if voorbereiding is None:
            raise Http404("Voor deze persoon is de vrijlating niet in voorbereiding.")
        if self.inzicht().vrijlating():
            prefetch_related_objects([voorbereiding], "punten")
        return Response(self.get_serializer(voorbereiding).data)

    @extend_schema(request=None, responses={200: VrijlatingOutput, 201: VrijlatingOutput})
    def post(self, request: Request, pk: int) -> Response:
        bestond = self._voorbereidingen().filter(verblijf__tot__isnull=True).exists()
        voorbereiding = vrijlating_voorbereiden(gedetineerde=self.persoon(), door=request.user)
        prefetch_related_objects([voorbereiding], "punten")
        return Response(
            self.get_serializer(voorbereiding).data,
            status=status.HTTP_200_OK if bestond else status.HTTP_201_CREATED,
        )


class ChecklistpuntDetail(generics.GenericAPIView):
    serializer_class = ChecklistpuntOutput
    vereiste_permissie = "trajecten.change_vrijlatingsvoorbereiding"

    @extend_schema(request=ChecklistpuntInput, responses=ChecklistpuntOutput)
    def patch(self, request: Request, pk: int) -> Response:
        """Change a point of the checklist; a frozen checklist (after release) refuses."""
        punt: Checklistpunt = get_in_scope_or_404(Checklistpunt.objects.all(), request.user, pk=pk)
        invoer = ChecklistpuntInput(data=request.data, context={"request": request})
        invoer.is_valid(raise_exception=True)
        gegevens: dict[str, Any] = {
            "status": punt.status,
            "organisatie": punt.organisatie,
            "verantwoordelijke": punt.verantwoordelijke,
            "toelichting": punt.toelichting,
            **invoer.validated_data,
        }
        punt = checklistpunt_bijwerken(punt=punt, door=request.user, **gegevens)
        return Response(ChecklistpuntOutput(punt).data)
