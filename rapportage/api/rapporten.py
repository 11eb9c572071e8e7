"""Monitoring reports over the API: ask for one, follow its progress, download its files.

Asking is the same service as the screen (``monitoringrapport_aanvragen``): a running or
future period, a period without computed figures or no prison is a 400 on the field.
"""

from __future__ import annotations

from typing import Any

from django.http import FileResponse, Http404
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_field
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from aanbod.api.toegang import PermissiePerMethode
from hdv.models import Gevangenis
from rapportage.models import Monitoringrapport, Periodesoort
from rapportage.rapporten.bestanden import SOORTEN, bestand_antwoord
from rapportage.rapporten.selectors import monitoringrapport_of_404, monitoringrapporten
from rapportage.rapporten.services import RAPPORT_PERIODESOORTEN, monitoringrapport_aanvragen
from trajecten.api.velden import keuzeveld

LEZEN = "rapportage.view_monitoringrapport"
AANVRAGEN = "rapportage.add_monitoringrapport"

Rapportstatus = keuzeveld(Monitoringrapport.Status, "Monitoringrapportstatus")


@extend_schema_field(
    {"type": "string", "enum": list(RAPPORT_PERIODESOORTEN)}, component_name="Rapportperiode"
)
class RapportperiodeVeld(serializers.ChoiceField):
    def __init__(self, **kwargs: Any) -> None:
        keuzes = [(p, Periodesoort(p).label) for p in RAPPORT_PERIODESOORTEN]
        super().__init__(choices=keuzes, **kwargs)


class MonitoringrapportInput(serializers.Serializer):
    periodesoort = RapportperiodeVeld()
    begin = serializers.DateField(
        help_text="Een dag van het kwartaal of jaar (de eerste dag, of een andere erin)."
    )
    gevangenissen = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Gevangenis.objects.filter(actief=True),
        many=True,
        help_text="Codes van de gevangenissen; minstens één.",
    )
    herziening = serializers.BooleanField(
        default=False,
        help_text=(
            "Standaard de cijfers van het vorige rapport over dezelfde periode (dezelfde "
            "parameters, dezelfde cijfers); true: de nieuwste berekende cijfers."
        ),
    )


class MonitoringrapportOutput(serializers.ModelSerializer):
    periodesoort = RapportperiodeVeld()
    status = Rapportstatus()
    gevangenissen: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True
    )
    aangevraagd_door = serializers.SerializerMethodField()
    pdf = serializers.SerializerMethodField()
    xlsx = serializers.SerializerMethodField()

    class Meta:
        model = Monitoringrapport
        fields = [
            "id", "periodesoort", "begin", "einde", "gevangenissen", "status", "voortgang",
            "stap", "fout", "aangevraagd_door", "aangevraagd_op", "gepland", "klaar_op",
            "gegevens_van", "herziening", "cijfers_van", "pdf", "xlsx",
        ]  # fmt: skip

    @extend_schema_field(serializers.CharField(allow_null=True))
    def get_aangevraagd_door(self, rapport: Monitoringrapport) -> str | None:
        door = rapport.aangevraagd_door
        return (door.get_full_name() or door.get_username()) if door else None

    def _url(self, rapport: Monitoringrapport, soort: str) -> str | None:
        if rapport.status != Monitoringrapport.Status.KLAAR:
            return None
        pad = reverse(f"api:monitoringrapport_{soort}", args=[rapport.pk])
        request = self.context.get("request")
        return request.build_absolute_uri(pad) if request else pad

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_pdf(self, rapport: Monitoringrapport) -> str | None:
        return self._url(rapport, "pdf")

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_xlsx(self, rapport: Monitoringrapport) -> str | None:
        return self._url(rapport, "xlsx")


class MonitoringrapportLijst(PermissiePerMethode, generics.ListAPIView):
    """Every monitoring report, newest first; POST asks for one (built in the background)."""

    serializer_class = MonitoringrapportOutput
    permissies = {"GET": LEZEN, "POST": AANVRAGEN}

    def get_queryset(self) -> Any:
        return monitoringrapporten()

    @extend_schema(
        request=MonitoringrapportInput,
        responses={
            202: MonitoringrapportOutput,
            400: OpenApiResponse(description="Veldfouten; er is niets aangevraagd."),
        },
    )
    def post(self, request: Request) -> Response:
        invoer = MonitoringrapportInput(data=request.data)
        invoer.is_valid(raise_exception=True)
        rapport = monitoringrapport_aanvragen(**invoer.validated_data, door=request.user)
        rapport = monitoringrapport_of_404(rapport.pk)
        uit = MonitoringrapportOutput(rapport, context={"request": request})
        # Accepted: the report is being built; follow it at its own address.
        return Response(uit.data, status=status.HTTP_202_ACCEPTED)


class MonitoringrapportDetail(APIView):
    """One report: its parameters, status and progress, and its files once it is ready."""

    vereiste_permissie = LEZEN

    @extend_schema(responses=MonitoringrapportOutput)
    def get(self, request: Request, pk: int) -> Response:
        rapport = monitoringrapport_of_404(pk)
        return Response(MonitoringrapportOutput(rapport, context={"request": request}).data)


class MonitoringrapportBestand(APIView):
    """A file of a finished report; 404 while it is not ready."""

    vereiste_permissie = LEZEN
    soort = "pdf"

    def perform_content_negotiation(self, request: Request, force: bool = False) -> Any:
        # A file answers any Accept header (application/pdf included), never a 406.
        return super().perform_content_negotiation(request, force=True)

    def get(self, request: Request, pk: int) -> FileResponse:
        antwoord = bestand_antwoord(monitoringrapport_of_404(pk), self.soort)
        if antwoord is None:
            raise Http404
        return antwoord


@extend_schema(responses={(200, SOORTEN["pdf"]): OpenApiTypes.BINARY})
class MonitoringrapportPdf(MonitoringrapportBestand):
    """The report's PDF; 404 while it is not ready."""

    soort = "pdf"


@extend_schema(responses={(200, SOORTEN["xlsx"]): OpenApiTypes.BINARY})
class MonitoringrapportXlsx(MonitoringrapportBestand):
    """The report's XLSX (the same figures as the PDF); 404 while it is not ready."""

    soort = "xlsx"
