"""Case notes, the person's consents, and case conferences.

Lists hold only what the caller may read (``trajecten.zichtbaarheid``): a note by its
level, a case conference for its participants and organiser. Consents are read by
whoever may see them (``view_toestemming``): they say who may read what, not content.
"""

from __future__ import annotations

from typing import Any

from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from aanbod.api.toegang import PermissiePerMethode
from hdv.scope import get_in_scope_or_404
from trajecten.api.dossier import PersoonView
from trajecten.api.velden import CollegaField, OrganisatieField, keuzeveld
from trajecten.models import Casusoverleg, Categorie, Notitie, Toestemming
from trajecten.services.notities import (
    casusoverleg_vastleggen,
    notitie_schrijven,
    toestemming_geven,
    toestemming_intrekken,
)
from trajecten.zichtbaarheid import zichtbare_casusoverleggen, zichtbare_notities

Notitieniveau = keuzeveld(Notitie.Niveau, "Notitieniveau")
Toestemmingscategorie = keuzeveld(Categorie, "Toestemmingscategorie")

# --- Notes ---------------------------------------------------------------------------


class NotitieOutput(serializers.ModelSerializer):
    niveau = Notitieniveau()

    class Meta:
        model = Notitie
        fields = ["id", "niveau", "tekst", "auteur", "organisatie", "gedeeld_met", "aangemaakt"]


class NotitieInput(serializers.Serializer):
    niveau = Notitieniveau()
    tekst = serializers.CharField()
    gedeeld_met = CollegaField(
        many=True,
        default=list,
        help_text="Alleen bij beroepsgeheim: collega's van de eigen organisatie.",
    )


class NotitieLijst(PermissiePerMethode, PersoonView, generics.ListAPIView):
    """The notes on the person that the caller may read, newest first."""

    serializer_class = NotitieOutput
    permissies = {"GET": "trajecten.view_notitie", "POST": "trajecten.add_notitie"}

    def get_queryset(self) -> Any:
        if self.schema_zonder_persoon():
            return Notitie.objects.none()
        return (
            zichtbare_notities(self.request.user)
            .filter(gedetineerde=self.persoon())
            .prefetch_related("gedeeld_met")
            .order_by("-aangemaakt", "-id")
        )

    @extend_schema(request=NotitieInput, responses={201: NotitieOutput})
    def post(self, request: Request, pk: int) -> Response:
        persoon = self.persoon()
        invoer = NotitieInput(data=request.data, context={"request": request})
        invoer.is_valid(raise_exception=True)
        notitie = notitie_schrijven(
            gedetineerde=persoon, door=request.user, **invoer.validated_data
        )
        return Response(NotitieOutput(notitie).data, status=status.HTTP_201_CREATED)


# --- Consent ---------------------------------------------------------------------------


class ToestemmingOutput(serializers.ModelSerializer):
    categorie = Toestemmingscategorie()
    actief = serializers.BooleanField()

    class Meta:
        model = Toestemming
        fields = [
            "id", "organisatie", "categorie", "gegeven_op", "opmerking", "actief",
            "geregistreerd_door", "ingetrokken_op", "ingetrokken_door",
        ]  # fmt: skip


class ToestemmingInput(serializers.Serializer):
    organisatie = OrganisatieField()
    categorie = Toestemmingscategorie()
    gegeven_op = serializers.DateField(required=False, help_text="Standaard vandaag.")
    opmerking = serializers.CharField(max_length=300, allow_blank=True, default="")


class IntrekkenInput(serializers.Serializer):
    ingetrokken_op = serializers.DateField(required=False, help_text="Standaard vandaag.")


class ToestemmingLijst(PermissiePerMethode, PersoonView, generics.ListAPIView):
    """The person's consents, active and withdrawn; POST registers a new one."""

    serializer_class = ToestemmingOutput
    permissies = {"GET": "trajecten.view_toestemming", "POST": "trajecten.add_toestemming"}

    def get_queryset(self) -> Any:
        if self.schema_zonder_persoon():
            return Toestemming.objects.none()
        return Toestemming.objects.zichtbaar_voor(self.request.user).filter(
            gedetineerde=self.persoon()
        )

    @extend_schema(request=ToestemmingInput, responses={201: ToestemmingOutput})
    def post(self, request: Request, pk: int) -> Response:
        persoon = self.persoon()
        invoer = ToestemmingInput(data=request.data)
        invoer.is_valid(raise_exception=True)
        toestemming = toestemming_geven(
            gedetineerde=persoon, door=request.user, **invoer.validated_data
        )
        return Response(ToestemmingOutput(toestemming).data, status=status.HTTP_201_CREATED)


class ToestemmingIntrekken(generics.GenericAPIView):
    """Withdraw a consent: it takes effect on the next read."""

    serializer_class = ToestemmingOutput
    vereiste_permissie = "trajecten.change_toestemming"

    @extend_schema(request=IntrekkenInput, responses=ToestemmingOutput)
    def post(self, request: Request, pk: int) -> Response:
        toestemming = get_in_scope_or_404(Toestemming.objects.all(), request.user, pk=pk)
        invoer = IntrekkenInput(data=request.data)
        invoer.is_valid(raise_exception=True)
        toestemming = toestemming_intrekken(
            toestemming=toestemming, door=request.user, **invoer.validated_data
        )
        return Response(ToestemmingOutput(toestemming).data)


# --- Case conferences -------------------------------------------------------------------


class CasusoverlegOutput(serializers.ModelSerializer):
    class Meta:
        model = Casusoverleg
        fields = [
            "id", "datum", "onderwerp", "organisatie", "deelnemers", "externe_deelnemers",
            "besluiten", "opgesteld_door", "aangemaakt",
        ]  # fmt: skip


class CasusoverlegInput(serializers.Serializer):
    datum = serializers.DateField()
    onderwerp = serializers.CharField(max_length=200)
    besluiten = serializers.CharField()
    deelnemers = CollegaField(
        many=True,
        default=list,
        help_text="Medewerkers van de gevangenis; de opsteller hoort erbij.",
    )
    externe_deelnemers = serializers.CharField(max_length=300, allow_blank=True, default="")


class CasusoverlegLijst(PermissiePerMethode, PersoonView, generics.ListAPIView):
    """The case conferences on the person the caller took part in or organised."""

    serializer_class = CasusoverlegOutput
    permissies = {"GET": "trajecten.view_casusoverleg", "POST": "trajecten.add_casusoverleg"}

    def get_queryset(self) -> Any:
        if self.schema_zonder_persoon():
            return Casusoverleg.objects.none()
        return (
            zichtbare_casusoverleggen(self.request.user)
            .filter(gedetineerde=self.persoon())
            .prefetch_related("deelnemers")
            .order_by("-datum", "-id")
        )

    @extend_schema(request=CasusoverlegInput, responses={201: CasusoverlegOutput})
    def post(self, request: Request, pk: int) -> Response:
        persoon = self.persoon()
        invoer = CasusoverlegInput(data=request.data, context={"request": request})
        invoer.is_valid(raise_exception=True)
        overleg = casusoverleg_vastleggen(
            gedetineerde=persoon, door=request.user, **invoer.validated_data
        )
        return Response(CasusoverlegOutput(overleg).data, status=status.HTTP_201_CREATED)
