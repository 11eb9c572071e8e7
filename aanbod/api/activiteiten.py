"""Activities of the caller's prisons, their weekly pattern, and the clashes it would cause.

A write with clashes (room or facilitator double-booked, a closure day) is refused with
the list of clashes, unless the input says ``botsingen_aanvaard``; the dry run
(``activiteiten/botsingen/``) shows the same list without saving.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import django_filters
from django.db import transaction
from django.utils import timezone
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from aanbod.api.toegang import (
    CollegaField,
    EigenGevangenisField,
    PermissiePerMethode,
    ZichtbaarField,
)
from aanbod.models import Aanbod, Activiteit, Lokaal, Slot
from aanbod.services.planning import (
    Botsing,
    SlotInvoer,
    activiteit_aanmaken,
    activiteit_bijwerken,
    botsingen_zoeken,
    geplande_momenten,
    patroon_gewijzigd,
)
from hdv.api.filters import IdFilter


class ActiviteitFilter(django_filters.FilterSet):
    aanbod = IdFilter(field_name="aanbod_id")
    gevangenis = django_filters.CharFilter(field_name="gevangenis__code")
    lokaal = IdFilter(field_name="lokaal_id")

    class Meta:
        model = Activiteit
        fields: list[str] = []


class SlotSerializer(serializers.Serializer):
    """One weekly slot, in week ``week`` of the pattern; input and output alike."""

    week = serializers.IntegerField(min_value=1, max_value=4, default=1)
    weekdag = serializers.ChoiceField(choices=Slot.Weekdag.choices)
    begintijd = serializers.TimeField()
    eindtijd = serializers.TimeField()

    def validate(self, attrs: dict[str, Any]) -> SlotInvoer:  # type: ignore[override]
        return SlotInvoer(**attrs)


class ActiviteitOutput(serializers.ModelSerializer):
    gevangenis: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )
    weergavenaam = serializers.CharField()
    slots = SlotSerializer(many=True)

    class Meta:
        model = Activiteit
        fields = [
            "id", "aanbod", "gevangenis", "naam", "weergavenaam", "startdatum", "einddatum",
            "lokaal", "capaciteit", "minimum_deelnemers", "rotatie_weken", "begeleiders", "slots",
        ]  # fmt: skip


class BotsingOutput(serializers.Serializer):
    soort = serializers.CharField(help_text="lokaal, begeleider of sluitingsdag")
    datum = serializers.DateField()
    omschrijving = serializers.CharField()


class BotsingenOutput(serializers.Serializer):
    botsingen = BotsingOutput(many=True)


class ActiviteitBijwerkenInput(serializers.Serializer):
    naam = serializers.CharField(max_length=150, allow_blank=True, default="")
    startdatum = serializers.DateField()
    einddatum = serializers.DateField()
    lokaal = ZichtbaarField(queryset=Lokaal.objects.all())
    capaciteit = serializers.IntegerField(min_value=1, max_value=32767)
    minimum_deelnemers = serializers.IntegerField(min_value=0, max_value=32767, default=1)
    rotatie_weken = serializers.IntegerField(min_value=1, max_value=4, default=1)
    begeleiders = CollegaField(many=True, default=list)
    slots = SlotSerializer(many=True)
    botsingen_aanvaard = serializers.BooleanField(
        default=False, help_text="Opslaan ondanks de gemelde botsingen."
    )


class ActiviteitInput(ActiviteitBijwerkenInput):
    aanbod = serializers.PrimaryKeyRelatedField(queryset=Aanbod.objects.all())
    gevangenis = EigenGevangenisField()


class BotsingenInput(serializers.Serializer):
    """The planned pattern; ``activiteit`` when it changes an existing one."""

    activiteit = ZichtbaarField(queryset=Activiteit.objects.all(), required=False)
    startdatum = serializers.DateField()
    einddatum = serializers.DateField()
    lokaal = ZichtbaarField(queryset=Lokaal.objects.all())
    rotatie_weken = serializers.IntegerField(min_value=1, max_value=4, default=1)
    begeleiders = CollegaField(many=True, default=list)
    slots = SlotSerializer(many=True)


def _botsingen(
    invoer: dict[str, Any], *, lokaal: Lokaal, activiteit: Activiteit | None, wijziging: bool
) -> list[Botsing]:
    """The clashes of the pattern in ``invoer``; ``activiteit``'s own sessions left out.

    A new activity is planned from its start (past sessions included, as the service
    does); a change only replans from tomorrow.
    """
    van = invoer["startdatum"]
    if wijziging:
        van = timezone.localdate() + datetime.timedelta(days=1)
    return botsingen_zoeken(
        gevangenis=lokaal.gevangenis,
        lokaal=lokaal,
        begeleiders=invoer["begeleiders"],
        geplande=geplande_momenten(
            startdatum=invoer["startdatum"],
            einddatum=invoer["einddatum"],
            slots=invoer["slots"],
            rotatie_weken=invoer["rotatie_weken"],
            van=van,
        ),
        activiteit=activiteit,
    )


def _opslaan_zonder_onaanvaarde_botsingen(
    invoer: dict[str, Any],
    opslaan: Callable[..., Activiteit],
    *,
    wijziging: bool,
    controleren: bool = True,
) -> Activiteit:
    """Save through the service, then refuse (roll back) when clashes were not accepted.

    Saving first lets the service's validation speak before the clashes do: a room of
    another prison or a slot at night is a field error, not a list of clashes.
    """
    aanvaard = invoer.pop("botsingen_aanvaard")
    with transaction.atomic():
        activiteit = opslaan(**invoer)
        botsingen = (
            _botsingen(invoer, lokaal=activiteit.lokaal, activiteit=activiteit, wijziging=wijziging)
            if controleren
            else []
        )
        if botsingen and not aanvaard:
            raise serializers.ValidationError(
                {"botsingen": BotsingOutput(botsingen, many=True).data}
            )
    return activiteit


_WEIGERING = OpenApiResponse(
    response=BotsingenOutput,
    description="De botsingen, als ``botsingen_aanvaard`` niet waar is; of veldfouten. "
    "Er is dan niets opgeslagen.",
)


def _queryset(user: Any) -> Any:
    return (
        Activiteit.objects.zichtbaar_voor(user)
        .select_related("aanbod", "gevangenis")
        .prefetch_related("slots", "begeleiders")
    )


def _opnieuw_geladen(activiteit: Activiteit, user: Any) -> Activiteit:
    return _queryset(user).get(pk=activiteit.pk)


class ActiviteitLijst(PermissiePerMethode, generics.ListAPIView):
    """The activities of the caller's prisons."""

    serializer_class = ActiviteitOutput
    filterset_class = ActiviteitFilter
    permissies = {"GET": "aanbod.view_activiteit", "POST": "aanbod.plan_activiteit"}

    def get_queryset(self) -> Any:
        return _queryset(self.request.user)

    @extend_schema(request=ActiviteitInput, responses={201: ActiviteitOutput, 400: _WEIGERING})
    def post(self, request: Request) -> Response:
        invoer = ActiviteitInput(data=request.data, context={"request": request})
        invoer.is_valid(raise_exception=True)
        activiteit = _opslaan_zonder_onaanvaarde_botsingen(
            dict(invoer.validated_data),
            lambda **velden: activiteit_aanmaken(**velden, door=request.user),
            wijziging=False,
        )
        return Response(
            ActiviteitOutput(_opnieuw_geladen(activiteit, request.user)).data,
            status=status.HTTP_201_CREATED,
        )


class ActiviteitDetail(PermissiePerMethode, generics.RetrieveAPIView):
    serializer_class = ActiviteitOutput
    permissies = {"GET": "aanbod.view_activiteit", "PUT": "aanbod.plan_activiteit"}

    def get_queryset(self) -> Any:
        return _queryset(self.request.user)

    @extend_schema(
        request=ActiviteitBijwerkenInput, responses={200: ActiviteitOutput, 400: _WEIGERING}
    )
    def put(self, request: Request, pk: int) -> Response:
        """Change an activity; a new pattern replans future sessions that are not in use."""
        huidige = self.get_object()
        invoer = ActiviteitBijwerkenInput(data=request.data, context={"request": request})
        invoer.is_valid(raise_exception=True)
        gegevens = dict(invoer.validated_data)
        activiteit = _opslaan_zonder_onaanvaarde_botsingen(
            gegevens,
            lambda **velden: activiteit_bijwerken(activiteit=huidige, **velden, door=request.user),
            wijziging=True,
            # Accepted clashes stay accepted: check again only when the pattern changes.
            controleren=patroon_gewijzigd(
                huidige,
                **{
                    k: gegevens[k]
                    for k in ("startdatum", "einddatum", "lokaal", "rotatie_weken", "slots")
                },
                begeleiders=gegevens.get("begeleiders", []),
            ),
        )
        return Response(ActiviteitOutput(_opnieuw_geladen(activiteit, request.user)).data)


class ActiviteitBotsingen(generics.GenericAPIView):
    """Dry run: the clashes a pattern would cause; nothing is saved."""

    serializer_class = BotsingenOutput
    vereiste_permissie = "aanbod.plan_activiteit"

    @extend_schema(request=BotsingenInput, responses=BotsingenOutput)
    def post(self, request: Request) -> Response:
        invoer = BotsingenInput(data=request.data, context={"request": request})
        invoer.is_valid(raise_exception=True)
        gegevens = invoer.validated_data
        activiteit = gegevens.get("activiteit")
        botsingen = _botsingen(
            gegevens,
            lokaal=gegevens["lokaal"],
            activiteit=activiteit,
            wijziging=activiteit is not None,
        )
        return Response(BotsingenOutput({"botsingen": botsingen}).data)
