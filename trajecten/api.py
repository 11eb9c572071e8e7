from typing import Any

from rest_framework import generics, serializers

from hdv.audit import inzage_vastleggen
from trajecten.models import Gedetineerde, Verblijf


class VerblijfOutput(serializers.ModelSerializer):
    gevangenis: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )

    class Meta:
        model = Verblijf
        fields = ["id", "gevangenis", "afdeling", "van", "tot", "eindreden"]


class GedetineerdeLijstOutput(serializers.ModelSerializer):
    gevangenis: serializers.SlugRelatedField = serializers.SlugRelatedField(
        source="huidige_gevangenis", slug_field="code", read_only=True
    )

    class Meta:
        model = Gedetineerde
        fields = ["id", "detineenummer", "voornaam", "achternaam", "gevangenis"]


class GedetineerdeOutput(GedetineerdeLijstOutput):
    verblijven = VerblijfOutput(many=True, read_only=True)

    class Meta(GedetineerdeLijstOutput.Meta):
        fields = [*GedetineerdeLijstOutput.Meta.fields, "geboortedatum", "geslacht", "verblijven"]


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
        return (
            Gedetineerde.objects.zichtbaar_voor(self.request.user)
            .select_related("huidige_gevangenis")
            .prefetch_related("verblijven__gevangenis")
        )

    def get_object(self) -> Gedetineerde:
        gedetineerde = super().get_object()
        inzage_vastleggen(
            door=self.request.user,
            obj=gedetineerde,
            persoon_id=gedetineerde.pk,
            gevangenis=gedetineerde.huidige_gevangenis,
        )
        return gedetineerde
