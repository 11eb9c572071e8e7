"""Enrolments of the caller's prisons: the list, asking for one, the detail, the transitions.

Asking runs the checks of ``deelname.controles``. A check that is not overridden is a
400 with ``waarschuwingen`` ([{code, tekst}]); the client sends the same request again
with ``overschrijven`` ({code: reden}) to enrol anyway. Capacity is never a warning: a
full activity puts the person on the waiting list. The transitions are the workflow of
``deelname.workflow``; an illegal one is a 400 on ``status``.

Placing, stopping and completing are for the offer's organisation and the organisation
support (``deelname.beheer``): anyone else gets a 403. A waiting list keeps its order:
placing someone who is not first is a 400 on ``voorrang`` unless ``voorrang`` gives the
reason.
"""

from __future__ import annotations

from typing import Any

import django_filters
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from aanbod.api.toegang import PermissiePerMethode, ZichtbaarField
from aanbod.models import Aanbod, Activiteit
from deelname.beheer import beheer_controleren
from deelname.models import Bron, Inschrijving, Inschrijvingsstap, Status, Stopreden
from deelname.services.inschrijvingen import (
    Waarschuwingen,
    inschrijving_aanvragen,
    inschrijving_afronden,
    inschrijving_plaatsen,
    inschrijving_stopzetten,
)
from hdv.api.filters import IdFilter
from hdv.audit import inzage_vastleggen
from hdv.scope import get_in_scope_or_404
from trajecten.api.velden import keuzeveld
from trajecten.models import Doorverwijzing, Gedetineerde

Inschrijvingsstatus = keuzeveld(Status, "Inschrijvingsstatus")
Stapstatus = keuzeveld(Status, "Inschrijvingsstapstatus", leeg=True)
Inschrijvingsbron = keuzeveld(Bron, "Inschrijvingsbron")
BeslistDoor = keuzeveld(Inschrijving.BeslistDoor, "BeslistDoor")
GestoptDoor = keuzeveld(Inschrijving.BeslistDoor, "GestoptDoor", leeg=True)


class InschrijvingFilter(django_filters.FilterSet):
    activiteit = IdFilter(field_name="activiteit_id")
    aanbod = IdFilter(field_name="aanbod_id")
    gedetineerde = IdFilter(field_name="gedetineerde_id")
    gevangenis = django_filters.CharFilter(field_name="gevangenis__code")
    status = django_filters.ChoiceFilter(choices=Status.choices)

    class Meta:
        model = Inschrijving
        fields: list[str] = []


class DeelnemerOutput(serializers.ModelSerializer):
    """The person of an enrolment: who, not their file."""

    class Meta:
        model = Gedetineerde
        fields = ["id", "detineenummer", "voornaam", "achternaam"]


class InschrijvingsstapOutput(serializers.ModelSerializer):
    van_status = Stapstatus()
    naar_status = Inschrijvingsstatus()

    class Meta:
        model = Inschrijvingsstap
        fields = ["van_status", "naar_status", "datum", "tijdstip", "door", "toelichting"]


class OverschrevenWaarschuwingOutput(serializers.Serializer):
    code = serializers.CharField()
    tekst = serializers.CharField()
    reden = serializers.CharField()


class InschrijvingOutput(serializers.ModelSerializer):
    gedetineerde = DeelnemerOutput()
    gevangenis: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="code", read_only=True
    )
    titel = serializers.CharField(source="aanbod.titel_nl")
    status = Inschrijvingsstatus()
    bron = Inschrijvingsbron()
    stopreden: serializers.SlugRelatedField = serializers.SlugRelatedField(
        slug_field="code", read_only=True, allow_null=True
    )
    gestopt_door = GestoptDoor()
    overschreven_waarschuwingen = OverschrevenWaarschuwingOutput(many=True)

    class Meta:
        model = Inschrijving
        fields = [
            "id", "gedetineerde", "gevangenis", "aanbod", "titel", "activiteit", "bron",
            "doorverwijzing", "status", "prioriteit", "aangevraagd_op",
            "overschreven_waarschuwingen", "stopreden", "gestopt_door", "examen_afgelegd",
            "examen_geslaagd", "attest", "gewijzigd",
        ]  # fmt: skip


class InschrijvingDetailOutput(InschrijvingOutput):
    stappen = InschrijvingsstapOutput(many=True)

    class Meta(InschrijvingOutput.Meta):
        fields = [*InschrijvingOutput.Meta.fields, "stappen"]


class WaarschuwingOutput(serializers.Serializer):
    code = serializers.CharField(
        help_text="botsing, groep (al in een andere groep van dit aanbod), detentie, taal, "
        "niveau of doelgroep"
    )
    tekst = serializers.CharField()


class WaarschuwingenOutput(serializers.Serializer):
    waarschuwingen = WaarschuwingOutput(many=True)


class InschrijvingInput(serializers.Serializer):
    # Another prison's person, activity or referral "does not exist": a 400 on the field.
    gedetineerde = ZichtbaarField(queryset=Gedetineerde.objects.all())
    activiteit = ZichtbaarField(
        queryset=Activiteit.objects.all(),
        required=False,
        allow_null=True,
        default=None,
        help_text="De activiteit van een groepsaanbod.",
    )
    aanbod = serializers.PrimaryKeyRelatedField(
        queryset=Aanbod.objects.all(),
        required=False,
        allow_null=True,
        default=None,
        help_text="Een individueel aanbod (zonder activiteit), in de gevangenis van de persoon.",
    )
    bron = Inschrijvingsbron()
    prioriteit = serializers.IntegerField(min_value=1, max_value=3, default=2)
    doorverwijzing = ZichtbaarField(
        queryset=Doorverwijzing.objects.all(), required=False, allow_null=True, default=None
    )
    overschrijven = serializers.DictField(
        child=serializers.CharField(max_length=300),
        default=dict,
        help_text="Per code van een waarschuwing de reden om toch in te schrijven.",
    )
    plaatsen = serializers.BooleanField(
        default=True,
        help_text="Meteen een plaats geven (of op de wachtlijst zetten); "
        "anders blijft het een aanvraag.",
    )


class PlaatsenInput(serializers.Serializer):
    voorrang = serializers.CharField(
        max_length=280,  # with "Voorrang: " it fits the step's 300 characters
        allow_blank=True,
        default="",
        help_text="De reden om iemand een plaats te geven die niet de eerste op de wachtlijst "
        "is (of een aanvraag terwijl anderen wachten). Komt in de stap en het auditspoor.",
    )


class StopzettenInput(serializers.Serializer):
    stopreden = serializers.SlugRelatedField(
        slug_field="code",
        queryset=Stopreden.objects.filter(actief=True),
        help_text="Code van de stopreden.",
    )
    beslist_door = BeslistDoor()
    toelichting = serializers.CharField(max_length=300, allow_blank=True, default="")


class AfrondenInput(serializers.Serializer):
    examen_afgelegd = serializers.BooleanField(allow_null=True, default=None)
    examen_geslaagd = serializers.BooleanField(allow_null=True, default=None)
    attest = serializers.BooleanField(default=False)


def inschrijvingen(user: Any) -> Any:
    """The enrolments of the caller's prisons, with what their output shows."""
    return Inschrijving.objects.zichtbaar_voor(user).select_related(
        "gedetineerde", "gevangenis", "aanbod", "stopreden"
    )


def detail(inschrijving: Inschrijving, user: Any) -> Any:
    """The enrolment as it is now, with its steps: the answer of every write."""
    geladen = inschrijvingen(user).prefetch_related("stappen").get(pk=inschrijving.pk)
    return InschrijvingDetailOutput(geladen).data


_WAARSCHUWINGEN = OpenApiResponse(
    response=WaarschuwingenOutput,
    description="De controles die niet overschreven zijn (stuur opnieuw met "
    "``overschrijven``); of veldfouten. Er is dan niets opgeslagen.",
)


class InschrijvingLijst(PermissiePerMethode, generics.ListAPIView):
    """The enrolments of the caller's prisons, newest first; POST asks for one."""

    serializer_class = InschrijvingOutput
    filterset_class = InschrijvingFilter
    permissies = {"GET": "deelname.view_inschrijving", "POST": "deelname.add_inschrijving"}

    def get_queryset(self) -> Any:
        return inschrijvingen(self.request.user).order_by("-aangevraagd_op", "-id")

    @extend_schema(
        request=InschrijvingInput,
        responses={201: InschrijvingDetailOutput, 400: _WAARSCHUWINGEN},
    )
    def post(self, request: Request) -> Response:
        invoer = InschrijvingInput(data=request.data, context={"request": request})
        invoer.is_valid(raise_exception=True)
        try:
            inschrijving = inschrijving_aanvragen(**invoer.validated_data, door=request.user)
        except Waarschuwingen as fout:
            return Response(
                WaarschuwingenOutput({"waarschuwingen": fout.waarschuwingen}).data,
                status=status.HTTP_400_BAD_REQUEST,
            )
        return Response(detail(inschrijving, request.user), status=status.HTTP_201_CREATED)


class InschrijvingDetail(APIView):
    """One enrolment with the date of every step."""

    vereiste_permissie = "deelname.view_inschrijving"

    @extend_schema(responses=InschrijvingDetailOutput)
    def get(self, request: Request, pk: int) -> Response:
        inschrijving: Inschrijving = get_in_scope_or_404(
            inschrijvingen(request.user).prefetch_related("stappen"), request.user, pk=pk
        )
        inzage_vastleggen(
            door=request.user,
            obj=inschrijving,
            persoon_id=inschrijving.gedetineerde_id,
            gevangenis=inschrijving.gevangenis,
        )
        return Response(InschrijvingDetailOutput(inschrijving).data)


class Overgang(APIView):
    """A transition of one enrolment: load in scope, parse, call the service, answer."""

    vereiste_permissie = "deelname.change_inschrijving"
    invoer: type[serializers.Serializer] | None = None

    def overgang(self, inschrijving: Inschrijving, gegevens: dict[str, Any]) -> Inschrijving:
        raise NotImplementedError

    def post(self, request: Request, pk: int) -> Response:
        inschrijving = get_in_scope_or_404(
            Inschrijving.objects.select_related("aanbod__organisatie"), request.user, pk=pk
        )
        # Before the input: who may not manage this enrolment learns nothing from a 400.
        beheer_controleren(request.user, inschrijving)
        gegevens: dict[str, Any] = {}
        if self.invoer is not None:
            invoer = self.invoer(data=request.data)
            invoer.is_valid(raise_exception=True)
            gegevens = dict(invoer.validated_data)
        inschrijving = self.overgang(inschrijving, gegevens)
        return Response(detail(inschrijving, request.user))


@extend_schema(request=PlaatsenInput, responses=InschrijvingDetailOutput)
class Plaatsen(Overgang):
    """Give a place to a request or a waiting person; a full activity puts a request on
    the waiting list, a waiting person stays waiting (400).

    The first on the waiting list goes first: a request while others wait joins the list,
    and anyone else on it is a 400 on ``voorrang``, unless ``voorrang`` gives the reason."""

    invoer = PlaatsenInput

    def overgang(self, inschrijving: Inschrijving, gegevens: dict[str, Any]) -> Inschrijving:
        return inschrijving_plaatsen(inschrijving=inschrijving, door=self.request.user, **gegevens)


@extend_schema(request=StopzettenInput, responses=InschrijvingDetailOutput)
class Stopzetten(Overgang):
    """Stop an enrolment, with the reason and who decided."""

    invoer = StopzettenInput

    def overgang(self, inschrijving: Inschrijving, gegevens: dict[str, Any]) -> Inschrijving:
        return inschrijving_stopzetten(
            inschrijving=inschrijving, door=self.request.user, **gegevens
        )


@extend_schema(request=AfrondenInput, responses=InschrijvingDetailOutput)
class Afronden(Overgang):
    """Complete an enrolment with its results: exam taken, passed, certificate."""

    invoer = AfrondenInput

    def overgang(self, inschrijving: Inschrijving, gegevens: dict[str, Any]) -> Inschrijving:
        return inschrijving_afronden(inschrijving=inschrijving, door=self.request.user, **gegevens)
