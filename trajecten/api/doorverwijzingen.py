"""Referrals: a person's list, the detail with its history, the transitions, and the inbox.

The content of a referral (domain, receiver, offer, question, answer) is for the
referring organisation and for organisations with the person's consent for
"doorverwijzingen" (the receiver has it: sending needs it). Others see that a referral
exists, its status and dates. Transitions are the workflow of
``trajecten.workflow``; an illegal one is a 400 on ``status``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from django.db.models import Exists, OuterRef
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from aanbod.api.toegang import PermissiePerMethode, ZichtbaarField
from aanbod.models import Aanbod, Levensdomein
from hdv.audit import inzage_vastleggen
from hdv.scope import get_in_scope_or_404, organisatie_id
from trajecten import werklijsten
from trajecten.api.dossier import Afgeschermd, PersoonView
from trajecten.api.velden import OrganisatieField, Plaatsveld, keuzeveld
from trajecten.models import Behoefte, Categorie, Doorverwijzing, Doorverwijzingsstap, Toestemming
from trajecten.services.doorverwijzingen import (
    doorverwijzing_aanmaken,
    doorverwijzing_afronden,
    doorverwijzing_beantwoorden,
    doorverwijzing_intrekken,
    doorverwijzing_versturen,
)
from trajecten.zichtbaarheid import inzicht

Doorverwijzingsstatus = keuzeveld(Doorverwijzing.Status, "Doorverwijzingsstatus")
Weigerreden = keuzeveld(Doorverwijzing.Weigerreden, "Weigerreden", leeg=True)
Stapstatus = keuzeveld(Doorverwijzing.Status, "Doorverwijzingsstapstatus", leeg=True)


class DoorverwijzingsstapOutput(serializers.ModelSerializer):
    van_status = Stapstatus()
    naar_status = Doorverwijzingsstatus()

    class Meta:
        model = Doorverwijzingsstap
        fields = ["van_status", "naar_status", "door", "tijdstip", "toelichting"]


_INHOUD = (
    "levensdomein", "naar_organisatie", "aanbod", "behoefte", "plaats", "motivatie",
    "weigerreden", "antwoord", "aangemaakt_door",
)  # fmt: skip


class DoorverwijzingOutput(Afgeschermd, serializers.ModelSerializer):
    """A referral; everything but its existence (status, dates, sender) only for its readers."""

    status = Doorverwijzingsstatus()
    levensdomein = serializers.ChoiceField(choices=Levensdomein.choices)
    plaats = Plaatsveld()
    weigerreden = Weigerreden()

    inhoudsvelden: tuple[str, ...] = _INHOUD

    class Meta:
        model = Doorverwijzing
        fields = [
            "id", "gedetineerde", "status", "van_organisatie", "aangemaakt", "verstuurd_op",
            "beantwoord_op", "afgesloten_op", *_INHOUD,
        ]  # fmt: skip

    def lezen(self, inzicht: Any, instance: Doorverwijzing) -> bool:
        return bool(inzicht.doorverwijzing(instance))


class DoorverwijzingDetailOutput(DoorverwijzingOutput):
    stappen = DoorverwijzingsstapOutput(many=True)

    inhoudsvelden = (*_INHOUD, "stappen")

    class Meta(DoorverwijzingOutput.Meta):
        fields = [*DoorverwijzingOutput.Meta.fields, "stappen"]


class DoorverwijzingInput(serializers.Serializer):
    naar_organisatie = OrganisatieField(
        required=False, allow_null=True, default=None, help_text="Of een aanbod."
    )
    aanbod = serializers.PrimaryKeyRelatedField(
        queryset=Aanbod.objects.all(), required=False, allow_null=True, default=None
    )
    levensdomein = serializers.ChoiceField(
        choices=Levensdomein.choices,
        required=False,
        default="",
        help_text="Standaard dat van het aanbod of de behoefte.",
    )
    # A need of another prison "does not exist"; one of another person the service refuses.
    behoefte = ZichtbaarField(
        queryset=Behoefte.objects.all(), required=False, allow_null=True, default=None
    )
    plaats = Plaatsveld()
    motivatie = serializers.CharField()
    versturen = serializers.BooleanField(
        default=False, help_text="Meteen versturen (vraagt de toestemming van de persoon)."
    )


class BeantwoordenInput(serializers.Serializer):
    aanvaard = serializers.BooleanField()
    weigerreden = Weigerreden(default="", help_text="Verplicht bij een weigering.")
    antwoord = serializers.CharField(allow_blank=True, default="")


class ToelichtingInput(serializers.Serializer):
    toelichting = serializers.CharField(allow_blank=True, default="")


def _queryset(user: Any) -> Any:
    return Doorverwijzing.objects.zichtbaar_voor(user).select_related(
        "gedetineerde__huidige_gevangenis"
    )


class DoorverwijzingLijst(PermissiePerMethode, PersoonView, generics.ListAPIView):
    """The person's referrals, newest first; POST makes one (a concept, or sent at once)."""

    serializer_class = DoorverwijzingOutput
    permissies = {"GET": "trajecten.view_doorverwijzing", "POST": "trajecten.add_doorverwijzing"}

    def get_queryset(self) -> Any:
        if self.schema_zonder_persoon():
            return Doorverwijzing.objects.none()
        return (
            Doorverwijzing.objects.zichtbaar_voor(self.request.user)
            .filter(gedetineerde=self.persoon())
            .order_by("-aangemaakt", "-id")
        )

    @extend_schema(request=DoorverwijzingInput, responses={201: DoorverwijzingDetailOutput})
    def post(self, request: Request, pk: int) -> Response:
        persoon = self.persoon()
        invoer = DoorverwijzingInput(data=request.data, context={"request": request})
        invoer.is_valid(raise_exception=True)
        doorverwijzing = doorverwijzing_aanmaken(
            gedetineerde=persoon, door=request.user, **invoer.validated_data
        )
        return Response(
            _detail(doorverwijzing, request, self.get_serializer_context()),
            status=status.HTTP_201_CREATED,
        )


def _detail(doorverwijzing: Doorverwijzing, request: Request, context: Mapping[str, Any]) -> Any:
    doorverwijzing = _queryset(request.user).prefetch_related("stappen").get(pk=doorverwijzing.pk)
    context = {**context, "inzicht": inzicht(request.user, doorverwijzing.gedetineerde)}
    return DoorverwijzingDetailOutput(doorverwijzing, context=context).data


class DoorverwijzingDetail(generics.GenericAPIView):
    """One referral with its history (the history is content too)."""

    serializer_class = DoorverwijzingDetailOutput
    vereiste_permissie = "trajecten.view_doorverwijzing"

    def get(self, request: Request, pk: int) -> Response:
        doorverwijzing: Doorverwijzing = get_in_scope_or_404(
            _queryset(request.user).prefetch_related("stappen"), request.user, pk=pk
        )
        gedetineerde = doorverwijzing.gedetineerde
        inzage_vastleggen(
            door=request.user,
            obj=doorverwijzing,
            persoon_id=gedetineerde.pk,
            gevangenis=gedetineerde.huidige_gevangenis,
        )
        return Response(_detail(doorverwijzing, request, self.get_serializer_context()))


class Overgang(APIView):
    """A transition of one referral: load in scope, parse, call the service, answer."""

    invoer: type[serializers.Serializer] = ToelichtingInput

    def overgang(self, doorverwijzing: Doorverwijzing, gegevens: dict[str, Any]) -> Any:
        raise NotImplementedError

    def post(self, request: Request, pk: int) -> Response:
        doorverwijzing = get_in_scope_or_404(_queryset(request.user), request.user, pk=pk)
        invoer = self.invoer(data=request.data)
        invoer.is_valid(raise_exception=True)
        doorverwijzing = self.overgang(doorverwijzing, dict(invoer.validated_data))
        return Response(_detail(doorverwijzing, request, {"request": request}))


@extend_schema(request=None, responses=DoorverwijzingDetailOutput)
class Versturen(Overgang):
    """Send a concept; the person must have consented to share referrals with the receiver."""

    vereiste_permissie = "trajecten.change_doorverwijzing"

    def overgang(self, doorverwijzing: Doorverwijzing, gegevens: dict[str, Any]) -> Any:
        return doorverwijzing_versturen(doorverwijzing=doorverwijzing, door=self.request.user)


@extend_schema(request=BeantwoordenInput, responses=DoorverwijzingDetailOutput)
class Beantwoorden(Overgang):
    """The receiving organisation accepts or refuses (with a reason)."""

    vereiste_permissie = "trajecten.beantwoord_doorverwijzing"
    invoer = BeantwoordenInput

    def overgang(self, doorverwijzing: Doorverwijzing, gegevens: dict[str, Any]) -> Any:
        return doorverwijzing_beantwoorden(
            doorverwijzing=doorverwijzing, door=self.request.user, **gegevens
        )


@extend_schema(request=ToelichtingInput, responses=DoorverwijzingDetailOutput)
class Afronden(Overgang):
    """The help the referral asked for has been given."""

    vereiste_permissie = "trajecten.change_doorverwijzing"

    def overgang(self, doorverwijzing: Doorverwijzing, gegevens: dict[str, Any]) -> Any:
        return doorverwijzing_afronden(
            doorverwijzing=doorverwijzing, door=self.request.user, **gegevens
        )


@extend_schema(request=ToelichtingInput, responses=DoorverwijzingDetailOutput)
class Intrekken(Overgang):
    """The referring organisation withdraws it."""

    vereiste_permissie = "trajecten.change_doorverwijzing"

    def overgang(self, doorverwijzing: Doorverwijzing, gegevens: dict[str, Any]) -> Any:
        return doorverwijzing_intrekken(
            doorverwijzing=doorverwijzing, door=self.request.user, **gegevens
        )


@dataclass(frozen=True)
class InboxInzicht:
    """The consent question for a list across people, answered by an annotation per row."""

    organisatie_id: int | None

    def doorverwijzing(self, doorverwijzing: Any) -> bool:
        return self.organisatie_id is not None and (
            doorverwijzing.van_organisatie_id == self.organisatie_id
            or bool(getattr(doorverwijzing, "met_toestemming", False))
        )


class Inbox(generics.ListAPIView):
    """Referrals sent to the caller's organisation, awaiting its answer, oldest first."""

    serializer_class = DoorverwijzingOutput
    vereiste_permissie = "trajecten.beantwoord_doorverwijzing"

    def get_queryset(self) -> Any:
        if getattr(self, "swagger_fake_view", False):
            return Doorverwijzing.objects.none()
        eigen = organisatie_id(self.request.user)
        if eigen is None:
            return Doorverwijzing.objects.none()
        toestemming = Toestemming.objects.filter(
            gedetineerde=OuterRef("gedetineerde"),
            organisatie_id=eigen,
            categorie=Categorie.DOORVERWIJZINGEN,
            ingetrokken_op__isnull=True,
        )
        return werklijsten.inbox(user=self.request.user).annotate(
            met_toestemming=Exists(toestemming)
        )

    def get_serializer_context(self) -> dict[str, Any]:
        return {
            **super().get_serializer_context(),
            "inzicht": InboxInzicht(organisatie_id(self.request.user)),
        }
