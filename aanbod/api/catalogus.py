"""The catalogue (Flanders-wide) and which prison offers which item.

Reads of the catalogue and of its availability are not limited to a prison: who offers
what is the same for everyone. Writing an availability is: only for one's own prisons.
"""

from __future__ import annotations

from typing import Any

import django_filters
from django.db.models import Q
from django.utils import timezone
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from aanbod.api.toegang import CollegaField, EigenGevangenisField, PermissiePerMethode
from aanbod.models import (
    Aanbod,
    AanbodInGevangenis,
    Doelgroep,
    Levensdomein,
    Rapportagecategorie,
)
from aanbod.services.catalogus import (
    aanbod_archiveren,
    aanbod_in_gevangenis_bijwerken,
    aanbod_in_gevangenis_opnemen,
    aanbod_opslaan,
)
from hdv.api.filters import IdFilter
from hdv.models import Organisatie
from hdv.scope import gevangenis_ids


def lopend() -> Q:
    """Availabilities that have not ended: no end date, or one from today on."""
    return Q(tot__isnull=True) | Q(tot__gte=timezone.localdate())


# --- Catalogue -------------------------------------------------------------------------


class AanbodFilter(django_filters.FilterSet):
    levensdomein = django_filters.ChoiceFilter(choices=Levensdomein.choices)
    organisatie = IdFilter(field_name="organisatie_id")
    vorm = django_filters.ChoiceFilter(choices=Aanbod.Vorm.choices)
    doelgroep = django_filters.CharFilter(method="_doelgroep", help_text="Code van een doelgroep.")
    taal = django_filters.CharFilter(method="_taal", help_text="Taalcode, bv. nl, fr, ar.")
    gevangenis = django_filters.CharFilter(
        method="_gevangenis", help_text="Code van een gevangenis die het aanbod nu heeft."
    )
    gearchiveerd = django_filters.BooleanFilter(
        field_name="gearchiveerd_op", exclude=True, lookup_expr="isnull"
    )

    class Meta:
        model = Aanbod
        fields: list[str] = []

    def _doelgroep(self, queryset: Any, name: str, value: str) -> Any:
        return queryset.filter(doelgroepen__code=value).distinct()

    def _taal(self, queryset: Any, name: str, value: str) -> Any:
        # talen is a JSON list of 2–3 letter codes; the quoted code matches one element
        # on SQLite and PostgreSQL alike (``contains`` on JSON is PostgreSQL-only).
        return queryset.filter(talen__icontains=f'"{value.strip().lower()}"')

    def _gevangenis(self, queryset: Any, name: str, value: str) -> Any:
        beschikbaar = AanbodInGevangenis.objects.filter(lopend(), gevangenis__code=value)
        return queryset.filter(pk__in=beschikbaar.values("aanbod_id"))


class AanbodOutput(serializers.ModelSerializer):
    rapportagecategorie: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )
    doelgroepen: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="code", many=True, read_only=True
    )
    talen = serializers.ListField(child=serializers.CharField())
    gearchiveerd = serializers.BooleanField()

    class Meta:
        model = Aanbod
        fields = [
            "id", "titel_nl", "titel_fr", "titel_en", "beschrijving_nl", "beschrijving_fr",
            "beschrijving_en", "levensdomein", "organisatie", "vorm", "rapportagecategorie",
            "doelgroepen", "talen", "duur_weken", "met_examen", "met_attest",
            "vereist_nederlandsniveau", "minimale_resterende_detentie_weken",
            "toelatingsvoorwaarden", "gearchiveerd", "gearchiveerd_op",
        ]  # fmt: skip


class AanbodInput(serializers.Serializer):
    """A catalogue item. With PUT the optional fields go back to their defaults when left out."""

    titel_nl = serializers.CharField(max_length=150)
    titel_fr = serializers.CharField(max_length=150, allow_blank=True, default="")
    titel_en = serializers.CharField(max_length=150, allow_blank=True, default="")
    beschrijving_nl = serializers.CharField()
    beschrijving_fr = serializers.CharField(allow_blank=True, default="")
    beschrijving_en = serializers.CharField(allow_blank=True, default="")
    levensdomein = serializers.ChoiceField(choices=Levensdomein.choices)
    organisatie = serializers.PrimaryKeyRelatedField(queryset=Organisatie.objects.all())
    vorm = serializers.ChoiceField(choices=Aanbod.Vorm.choices)
    rapportagecategorie = serializers.SlugRelatedField(
        slug_field="code", queryset=Rapportagecategorie.objects.filter(actief=True)
    )
    doelgroepen = serializers.SlugRelatedField(
        slug_field="code", queryset=Doelgroep.objects.all(), many=True, required=False
    )
    talen = serializers.ListField(child=serializers.CharField(max_length=10), default=list)
    duur_weken = serializers.IntegerField(min_value=1, allow_null=True, default=None)
    met_examen = serializers.BooleanField(default=False)
    met_attest = serializers.BooleanField(default=False)
    vereist_nederlandsniveau = serializers.ChoiceField(
        choices=Aanbod.Nederlandsniveau.choices, allow_blank=True, default=""
    )
    minimale_resterende_detentie_weken = serializers.IntegerField(
        min_value=0, allow_null=True, default=None
    )
    toelatingsvoorwaarden = serializers.CharField(allow_blank=True, default="")


class AanbodLijst(PermissiePerMethode, generics.ListAPIView):
    """The catalogue; ``gevangenis`` (code) narrows to what that prison offers now."""

    serializer_class = AanbodOutput
    filterset_class = AanbodFilter
    permissies = {"GET": "aanbod.view_aanbod", "POST": "aanbod.add_aanbod"}

    def get_queryset(self) -> Any:
        return Aanbod.objects.select_related("rapportagecategorie").prefetch_related("doelgroepen")

    @extend_schema(request=AanbodInput, responses={201: AanbodOutput})
    def post(self, request: Request) -> Response:
        invoer = AanbodInput(data=request.data)
        invoer.is_valid(raise_exception=True)
        velden = dict(invoer.validated_data)
        doelgroepen = velden.pop("doelgroepen", [])
        aanbod = aanbod_opslaan(doelgroepen=doelgroepen, door=request.user, **velden)
        return Response(AanbodOutput(aanbod).data, status=status.HTTP_201_CREATED)


class AanbodDetail(PermissiePerMethode, generics.RetrieveAPIView):
    serializer_class = AanbodOutput
    permissies = {
        "GET": "aanbod.view_aanbod",
        "PUT": "aanbod.change_aanbod",
        "PATCH": "aanbod.change_aanbod",
    }

    def get_queryset(self) -> Any:
        return Aanbod.objects.select_related("rapportagecategorie").prefetch_related("doelgroepen")

    @extend_schema(request=AanbodInput, responses=AanbodOutput)
    def put(self, request: Request, pk: int) -> Response:
        return self._bijwerken(request, gedeeltelijk=False)

    @extend_schema(request=AanbodInput, responses=AanbodOutput)
    def patch(self, request: Request, pk: int) -> Response:
        return self._bijwerken(request, gedeeltelijk=True)

    def _bijwerken(self, request: Request, *, gedeeltelijk: bool) -> Response:
        aanbod = self.get_object()
        invoer = AanbodInput(data=request.data, partial=gedeeltelijk)
        invoer.is_valid(raise_exception=True)
        velden = dict(invoer.validated_data)
        # The service sets the target groups every time: a PATCH without them keeps them,
        # a PUT without them has none.
        doelgroepen = velden.pop("doelgroepen", aanbod.doelgroepen.all() if gedeeltelijk else [])
        aanbod = aanbod_opslaan(aanbod=aanbod, doelgroepen=doelgroepen, door=request.user, **velden)
        return Response(AanbodOutput(aanbod).data)


class AanbodArchiveren(generics.GenericAPIView):
    """Take an item out of the catalogue; running availabilities end today."""

    serializer_class = AanbodOutput
    vereiste_permissie = "aanbod.archiveer_aanbod"
    queryset = Aanbod.objects.all()

    @extend_schema(request=None, responses=AanbodOutput)
    def post(self, request: Request, pk: int) -> Response:
        aanbod = aanbod_archiveren(aanbod=self.get_object(), door=request.user)
        return Response(AanbodOutput(aanbod).data)


# --- Availability per prison -----------------------------------------------------------


class BeschikbaarheidFilter(django_filters.FilterSet):
    aanbod = IdFilter(field_name="aanbod_id")
    gevangenis = django_filters.CharFilter(field_name="gevangenis__code")
    lopend = django_filters.BooleanFilter(
        method="_lopend", help_text="Nog niet beëindigd: zonder einddatum of tot vandaag of later."
    )

    class Meta:
        model = AanbodInGevangenis
        fields: list[str] = []

    def _lopend(self, queryset: Any, name: str, value: bool) -> Any:
        return queryset.filter(lopend()) if value else queryset.exclude(lopend())


class BeschikbaarheidOutput(serializers.ModelSerializer):
    gevangenis: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )

    class Meta:
        model = AanbodInGevangenis
        fields = [
            "id", "aanbod", "gevangenis", "sinds", "tot", "capaciteit", "met_wachtlijst",
            "verantwoordelijken",
        ]  # fmt: skip


class BeschikbaarheidInput(serializers.Serializer):
    aanbod = serializers.PrimaryKeyRelatedField(queryset=Aanbod.objects.all())
    gevangenis = EigenGevangenisField()
    sinds = serializers.DateField()
    capaciteit = serializers.IntegerField(min_value=0, allow_null=True, default=None)
    met_wachtlijst = serializers.BooleanField(default=True)
    verantwoordelijken = CollegaField(many=True, default=list)


class BeschikbaarheidBijwerkenInput(serializers.Serializer):
    """Fields left out of a PATCH keep their value."""

    capaciteit = serializers.IntegerField(min_value=0, allow_null=True, required=False)
    met_wachtlijst = serializers.BooleanField(required=False)
    verantwoordelijken = CollegaField(many=True, required=False)
    tot = serializers.DateField(allow_null=True, required=False)


class BeschikbaarheidLijst(PermissiePerMethode, generics.ListAPIView):
    """Which prison offers which item, since when and with how many places."""

    serializer_class = BeschikbaarheidOutput
    filterset_class = BeschikbaarheidFilter
    permissies = {"GET": "aanbod.view_aanbod", "POST": "aanbod.add_aanbodingevangenis"}

    def get_queryset(self) -> Any:
        return AanbodInGevangenis.objects.select_related("gevangenis").prefetch_related(
            "verantwoordelijken"
        )

    @extend_schema(request=BeschikbaarheidInput, responses={201: BeschikbaarheidOutput})
    def post(self, request: Request) -> Response:
        invoer = BeschikbaarheidInput(data=request.data, context={"request": request})
        invoer.is_valid(raise_exception=True)
        beschikbaarheid = aanbod_in_gevangenis_opnemen(**invoer.validated_data, door=request.user)
        return Response(BeschikbaarheidOutput(beschikbaarheid).data, status=status.HTTP_201_CREATED)


class BeschikbaarheidDetail(PermissiePerMethode, generics.RetrieveAPIView):
    serializer_class = BeschikbaarheidOutput
    permissies = {"GET": "aanbod.view_aanbod", "PATCH": "aanbod.change_aanbodingevangenis"}

    def get_queryset(self) -> Any:
        queryset = AanbodInGevangenis.objects.select_related("gevangenis").prefetch_related(
            "verantwoordelijken"
        )
        if self.request.method == "PATCH":
            # Anyone may read who offers what; only a prison's own staff change it.
            queryset = queryset.filter(gevangenis__in=gevangenis_ids(self.request.user))
        return queryset

    @extend_schema(request=BeschikbaarheidBijwerkenInput, responses=BeschikbaarheidOutput)
    def patch(self, request: Request, pk: int) -> Response:
        beschikbaarheid = self.get_object()
        invoer = BeschikbaarheidBijwerkenInput(data=request.data, context={"request": request})
        invoer.is_valid(raise_exception=True)
        velden = {
            "capaciteit": beschikbaarheid.capaciteit,
            "met_wachtlijst": beschikbaarheid.met_wachtlijst,
            "verantwoordelijken": beschikbaarheid.verantwoordelijken.all(),
            "tot": beschikbaarheid.tot,
            **invoer.validated_data,
        }
        beschikbaarheid = aanbod_in_gevangenis_bijwerken(
            beschikbaarheid=beschikbaarheid, door=request.user, **velden
        )
        return Response(BeschikbaarheidOutput(beschikbaarheid).data)
