from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from hdv.models import Gevangenis, Organisatie
from hdv.scope import gevangenissen_van


class GevangenisOutput(serializers.ModelSerializer):
    class Meta:
        model = Gevangenis
        fields = ["id", "naam", "code", "soort", "capaciteit", "actief"]


class OrganisatieOutput(serializers.ModelSerializer):
    class Meta:
        model = Organisatie
        fields = ["id", "naam", "afkorting", "soort", "sector", "actief"]


class MijOutput(serializers.Serializer):
    gebruikersnaam = serializers.CharField()
    naam = serializers.CharField()
    organisatie = OrganisatieOutput(allow_null=True)
    gevangenissen = GevangenisOutput(many=True)
    rollen = serializers.ListField(child=serializers.CharField())
    permissies = serializers.ListField(child=serializers.CharField())


class GevangenisLijst(generics.ListAPIView):
    """The prisons and FPCs of Flanders and Brussels (reference data, not personal)."""

    serializer_class = GevangenisOutput
    queryset = Gevangenis.objects.all()
    filterset_fields = ["soort", "actief"]


class GevangenisDetail(generics.RetrieveAPIView):
    serializer_class = GevangenisOutput
    queryset = Gevangenis.objects.all()


class OrganisatieLijst(generics.ListAPIView):
    serializer_class = OrganisatieOutput
    queryset = Organisatie.objects.all()
    filterset_fields = ["soort", "sector", "actief"]


class Mij(APIView):
    """The signed-in user: organisation, prisons, roles and permissions."""

    @extend_schema(responses=MijOutput)
    def get(self, request: Request) -> Response:
        user = request.user
        medewerker = getattr(user, "medewerker", None)
        data = {
            "gebruikersnaam": user.get_username(),
            "naam": getattr(user, "get_full_name", str)(),
            "organisatie": medewerker.organisatie if medewerker else None,
            "gevangenissen": gevangenissen_van(user),
            "rollen": sorted(user.groups.values_list("name", flat=True)),
            "permissies": sorted(user.get_all_permissions()),
        }
        return Response(MijOutput(data).data)
