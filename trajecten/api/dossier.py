"""What every endpoint of a person's file shares: opening the file, and reading its content.

A person of another prison is a 404 (``gedetineerde_openen``, which also records the
read). Content follows ``trajecten.zichtbaarheid``: a record the caller may not read
keeps only its existence fields (id, date, status, owner); its content fields are
absent from the JSON, not blank.
"""

from __future__ import annotations

from typing import Any

from rest_framework import generics, serializers
from rest_framework.permissions import SAFE_METHODS

from hdv.scope import get_in_scope_or_404
from trajecten.models import Gedetineerde
from trajecten.selectors import gedetineerde_openen
from trajecten.zichtbaarheid import Inzicht, inzicht


class Afgeschermd(serializers.Serializer):
    """An output whose ``inhoudsvelden`` only the readers of the record receive.

    ``lezen`` asks the ``inzicht`` in the serializer's context (an ``Inzicht``, or
    anything with the same question); without one nothing of the content leaves.
    The content fields are optional in the schema: a response may lack them.
    """

    inhoudsvelden: tuple[str, ...] = ()

    def lezen(self, inzicht: Any, instance: Any) -> bool:
        raise NotImplementedError

    def get_fields(self) -> dict[str, Any]:
        fields: dict[str, Any] = super().get_fields()
        for naam in self.inhoudsvelden:
            fields[naam].required = False
        return fields

    def to_representation(self, instance: Any) -> Any:
        data = super().to_representation(instance)
        inzicht = self.context.get("inzicht")
        if inzicht is None or not self.lezen(inzicht, instance):
            for naam in self.inhoudsvelden:
                data.pop(naam, None)
        return data


class PersoonView(generics.GenericAPIView):
    """An endpoint under ``gedetineerden/<pk>/``: the person in scope, or 404.

    A read opens the file (and is recorded as such); a write only checks the scope:
    the service records the change itself.
    """

    _persoon: Gedetineerde
    _inzicht: Inzicht

    def persoon(self) -> Gedetineerde:
        if not hasattr(self, "_persoon"):
            queryset = Gedetineerde.objects.select_related("huidige_gevangenis")
            if self.request.method in SAFE_METHODS:
                self._persoon = gedetineerde_openen(
                    user=self.request.user, pk=self.kwargs["pk"], queryset=queryset
                )
            else:
                self._persoon = get_in_scope_or_404(
                    queryset, self.request.user, pk=self.kwargs["pk"]
                )
        return self._persoon

    def inzicht(self) -> Inzicht:
        if not hasattr(self, "_inzicht"):
            self._inzicht = inzicht(self.request.user, self.persoon())
        return self._inzicht

    def schema_zonder_persoon(self) -> bool:
        # drf-spectacular calls get_queryset without a person.
        return getattr(self, "swagger_fake_view", False)

    def get_serializer_context(self) -> dict[str, Any]:
        context = dict(super().get_serializer_context())
        # Only an output with content rules asks: the others spare the consent query.
        afgeschermd = issubclass(self.get_serializer_class(), Afgeschermd)
        if afgeschermd and not self.schema_zonder_persoon():
            context["inzicht"] = self.inzicht()
        return context
