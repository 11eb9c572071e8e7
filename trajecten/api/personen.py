from typing import Any

from django.db.models import Prefetch
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers
from rest_framework.request import Request
from rest_framework.response import Response

from trajecten.bevolkingsfeed import Bestandsfout
from trajecten.bevolkingsimport import bevolkingsimport_uit_api
from trajecten.models import (
    Bevolkingsimport,
    Doelgroepvlag,
    Gedetineerde,
    Statuutwijziging,
    Verblijf,
)
from trajecten.selectors import gedetineerde_openen


class VerblijfOutput(serializers.ModelSerializer):
    gevangenis: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )

    class Meta:
        model = Verblijf
        fields = ["id", "gevangenis", "afdeling", "van", "tot", "eindreden", "vrijlatingssoort"]


class StatuutwijzigingOutput(serializers.ModelSerializer):
    class Meta:
        model = Statuutwijziging
        fields = ["statuut", "sinds", "bron"]


class DoelgroepvlagOutput(serializers.ModelSerializer):
    doelgroep: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )

    class Meta:
        model = Doelgroepvlag
        fields = ["doelgroep", "bron", "sinds"]


class GedetineerdeLijstOutput(serializers.ModelSerializer):
    gevangenis: serializers.SlugRelatedField = serializers.SlugRelatedField(
        source="huidige_gevangenis", slug_field="code", read_only=True
    )

    class Meta:
        model = Gedetineerde
        fields = ["id", "detineenummer", "voornaam", "achternaam", "gevangenis"]


class GedetineerdeOutput(GedetineerdeLijstOutput):
    """``doelgroepen`` is absent (not empty) for a caller without ``view_doelgroepvlag``."""

    verblijven = VerblijfOutput(many=True, read_only=True)
    statuutwijzigingen = StatuutwijzigingOutput(many=True, read_only=True)
    doelgroepen = DoelgroepvlagOutput(
        source="doelgroepvlaggen",
        many=True,
        read_only=True,
        required=False,
        help_text="Alleen met de permissie trajecten.view_doelgroepvlag.",
    )

    class Meta(GedetineerdeLijstOutput.Meta):
        fields = [
            *GedetineerdeLijstOutput.Meta.fields,
            "geboortedatum",
            "geslacht",
            "statuut",
            "talen",
            "niveau_nederlands",
            "datum_vi",
            "strafeinde",
            "eerdere_detenties",
            "verblijven",
            "statuutwijzigingen",
            "doelgroepen",
        ]

    def get_fields(self) -> dict[str, Any]:
        fields = super().get_fields()
        request = self.context.get("request")
        if request is not None and not request.user.has_perm("trajecten.view_doelgroepvlag"):
            del fields["doelgroepen"]
        return fields


class GedetineerdeLijst(generics.ListAPIView):
    """People in the prisons the caller works in; ``gevangenis`` (code) narrows to one."""

    serializer_class = GedetineerdeLijstOutput
    vereiste_permissie = "trajecten.view_gedetineerde"

    def get_queryset(self) -> Any:
        queryset = Gedetineerde.objects.zichtbaar_voor(self.request.user).select_related(
            "huidige_gevangenis"
        )
        code = self.request.query_params.get("gevangenis")
        if code:
            queryset = queryset.filter(huidige_gevangenis__code=code)
        return queryset.order_by("achternaam", "voornaam", "id")


class GedetineerdeDetail(generics.RetrieveAPIView):
    serializer_class = GedetineerdeOutput
    vereiste_permissie = "trajecten.view_gedetineerde"

    def get_queryset(self) -> Any:
        queryset = (
            Gedetineerde.objects.zichtbaar_voor(self.request.user)
            .select_related("huidige_gevangenis")
            .prefetch_related("verblijven__gevangenis", "statuutwijzigingen")
        )
        if self.request.user.has_perm("trajecten.view_doelgroepvlag"):
            # Read only for who may see them: otherwise the flags never leave the database.
            queryset = queryset.prefetch_related(
                Prefetch("doelgroepvlaggen", Doelgroepvlag.objects.select_related("doelgroep"))
            )
        return queryset

    def get_object(self) -> Gedetineerde:
        return gedetineerde_openen(
            user=self.request.user, pk=self.kwargs["pk"], queryset=self.get_queryset()
        )


class GeweigerdeRijOutput(serializers.Serializer):
    rij = serializers.IntegerField()
    veld = serializers.CharField()
    reden = serializers.CharField()


class BevolkingsimportOutput(serializers.ModelSerializer):
    # Plain text, not an enum: a second "bron" enum (next to the status history's)
    # would collide in the schema's component names.
    bron = serializers.CharField(read_only=True, help_text="bestand, map of api")

    class Meta:
        model = Bevolkingsimport
        fields = [
            "id",
            "aangemaakt",
            "bron",
            "bestandsnaam",
            "status",
            "melding",
            "totaal",
            "verwerkt",
            "aanvaard",
            "ongewijzigd",
            "geweigerd",
            "gestart",
            "beeindigd",
        ]


class BevolkingsimportDetailOutput(BevolkingsimportOutput):
    geweigerde_rijen = GeweigerdeRijOutput(many=True, read_only=True)

    class Meta(BevolkingsimportOutput.Meta):
        fields = [*BevolkingsimportOutput.Meta.fields, "geweigerde_rijen"]


class BevolkingsfeedInput(serializers.Serializer):
    rijen = serializers.ListField(
        child=serializers.JSONField(),
        allow_empty=False,
        help_text=(
            "De rijen van de bevolkingsfeed als objecten met de kolommen van de CSV "
            "(docs/bevolkingsfeed.md); talen mag ook een lijst zijn."
        ),
    )


class Bevolkingsfeed(generics.ListAPIView):
    """The imports of the federal population feed; POST the rows of a new one.

    A POST answers 202: the rows are applied by a job; follow ``status`` on the import.
    """

    serializer_class = BevolkingsimportOutput
    vereiste_permissie = "trajecten.importeer_bevolking"

    def get_queryset(self) -> Any:
        return Bevolkingsimport.objects.select_related("door").defer("rijen", "geweigerde_rijen")

    @extend_schema(request=BevolkingsfeedInput, responses={202: BevolkingsimportOutput})
    def post(self, request: Request) -> Response:
        invoer = BevolkingsfeedInput(data=request.data)
        invoer.is_valid(raise_exception=True)
        try:
            bevolkingsimport = bevolkingsimport_uit_api(
                rijen=invoer.validated_data["rijen"], door=request.user
            )
        except Bestandsfout as fout:
            raise serializers.ValidationError({"rijen": fout.messages}) from None
        return Response(BevolkingsimportOutput(bevolkingsimport).data, status=202)


class BevolkingsimportDetail(generics.RetrieveAPIView):
    serializer_class = BevolkingsimportDetailOutput
    vereiste_permissie = "trajecten.importeer_bevolking"

    def get_queryset(self) -> Any:
        return Bevolkingsimport.objects.defer("rijen")
