"""The reference tables of deelname, read-only: a beheerder keeps them in the admin."""

from __future__ import annotations

from rest_framework import generics, serializers

from deelname.models import Afwezigheidsreden, Stopreden


class AfwezigheidsredenOutput(serializers.ModelSerializer):
    class Meta:
        model = Afwezigheidsreden
        fields = ["id", "code", "naam", "aanvaardbaar", "actief"]


class StopredenOutput(serializers.ModelSerializer):
    class Meta:
        model = Stopreden
        fields = ["id", "code", "naam", "actief"]


class AfwezigheidsredenLijst(generics.ListAPIView):
    """Why someone was absent; ``aanvaardbaar`` says whether it counts against them."""

    serializer_class = AfwezigheidsredenOutput
    queryset = Afwezigheidsreden.objects.all()
    filterset_fields = ["aanvaardbaar", "actief"]


class StopredenLijst(generics.ListAPIView):
    serializer_class = StopredenOutput
    queryset = Stopreden.objects.all()
    filterset_fields = ["actief"]
