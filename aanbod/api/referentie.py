"""The reference tables of the offer, read-only: a beheerder keeps them in the admin."""

from __future__ import annotations

from rest_framework import generics, serializers

from aanbod.models import Annuleringsreden, Doelgroep, Rapportagecategorie


class RapportagecategorieOutput(serializers.ModelSerializer):
    class Meta:
        model = Rapportagecategorie
        fields = ["id", "code", "naam", "levensdomein", "actief"]


class DoelgroepOutput(serializers.ModelSerializer):
    class Meta:
        model = Doelgroep
        fields = ["id", "code", "naam"]


class AnnuleringsredenOutput(serializers.ModelSerializer):
    class Meta:
        model = Annuleringsreden
        fields = ["id", "code", "naam", "toelichting_verplicht", "actief"]


class RapportagecategorieLijst(generics.ListAPIView):
    serializer_class = RapportagecategorieOutput
    queryset = Rapportagecategorie.objects.all()
    filterset_fields = ["levensdomein", "actief"]


class DoelgroepLijst(generics.ListAPIView):
    serializer_class = DoelgroepOutput
    queryset = Doelgroep.objects.all()


class AnnuleringsredenLijst(generics.ListAPIView):
    serializer_class = AnnuleringsredenOutput
    queryset = Annuleringsreden.objects.all()
    filterset_fields = ["actief"]
