"""The HDV-plan of a person: goals with steps, their statuses, and the frozen versions.

The content (goals, steps, versions) is for the coordinating organisation and for
organisations with the person's consent for "plan"; others see that a plan exists, its
version and its review dates. Every change goes through ``trajecten.services.plannen``,
which refuses (403) a change by whom may not read the plan.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404
from drf_spectacular.utils import extend_schema
from rest_framework import generics, serializers, status
from rest_framework.request import Request
from rest_framework.response import Response

from aanbod.api.toegang import PermissiePerMethode
from aanbod.models import Levensdomein
from hdv.scope import get_in_scope_or_404
from trajecten.api.dossier import Afgeschermd, PersoonView
from trajecten.api.velden import OrganisatieField, Plaatsveld, keuzeveld
from trajecten.models import Doel, HdvPlan, Planversie, Stap
from trajecten.services.plannen import (
    doel_bijwerken,
    doel_status_wijzigen,
    doel_toevoegen,
    plan_openen,
    plan_vastleggen,
    stap_afvinken,
    stap_toevoegen,
)

Doelstatus = keuzeveld(Doel.Status, "Doelstatus")
Stopreden = keuzeveld(Doel.Stopreden, "Stopreden", leeg=True)


class StapOutput(serializers.ModelSerializer):
    class Meta:
        model = Stap
        fields = ["id", "omschrijving", "tegen", "gedaan_op", "volgorde"]


class DoelOutput(serializers.ModelSerializer):
    levensdomein = serializers.ChoiceField(choices=Levensdomein.choices)
    plaats = Plaatsveld()
    status = Doelstatus()
    stopreden = Stopreden()
    stappen = StapOutput(many=True)

    class Meta:
        model = Doel
        fields = [
            "id", "levensdomein", "omschrijving", "organisatie", "plaats", "status", "stopreden",
            "volgorde", "stappen",
        ]  # fmt: skip


class PlanOutput(Afgeschermd, serializers.ModelSerializer):
    """The plan; ``begeleider`` and ``doelen`` only for its readers."""

    doelen = DoelOutput(many=True)

    inhoudsvelden = ("begeleider", "doelen")

    class Meta:
        model = HdvPlan
        fields = [
            "id", "gedetineerde", "organisatie", "versie", "laatst_herzien",
            "volgende_herziening", "begeleider", "doelen",
        ]  # fmt: skip

    def lezen(self, inzicht: Any, instance: HdvPlan) -> bool:
        return bool(inzicht.plan(instance))


class PlanversieOutput(Afgeschermd, serializers.ModelSerializer):
    """A frozen version; its ``aanleiding`` and ``inhoud`` only for the plan's readers."""

    inhoudsvelden = ("aanleiding", "inhoud", "door")

    class Meta:
        model = Planversie
        fields = ["id", "nummer", "aangemaakt", "aanleiding", "inhoud", "door"]

    def lezen(self, inzicht: Any, instance: Planversie) -> bool:
        return bool(inzicht.plan(instance.plan))


class DoelInput(serializers.Serializer):
    levensdomein = serializers.ChoiceField(choices=Levensdomein.choices)
    omschrijving = serializers.CharField(max_length=300)
    plaats = Plaatsveld()
    organisatie = OrganisatieField(
        allow_null=True, default=None, help_text="De verantwoordelijke organisatie."
    )
    stappen = serializers.ListField(
        child=serializers.CharField(max_length=300), default=list, help_text="De eerste stappen."
    )


class DoelBijwerkenInput(serializers.Serializer):
    """Fields left out keep their value."""

    levensdomein = serializers.ChoiceField(choices=Levensdomein.choices, required=False)
    omschrijving = serializers.CharField(max_length=300, required=False)
    plaats = Plaatsveld(required=False)
    organisatie = OrganisatieField(allow_null=True, required=False)


class DoelStatusInput(serializers.Serializer):
    status = Doelstatus()
    stopreden = Stopreden(default="", help_text="Verplicht bij stopgezet.")


class StapInput(serializers.Serializer):
    omschrijving = serializers.CharField(max_length=300)
    tegen = serializers.DateField(required=False, allow_null=True, default=None)


class AfvinkenInput(serializers.Serializer):
    gedaan = serializers.BooleanField(default=True, help_text="Onwaar: de stap opnieuw openen.")
    gedaan_op = serializers.DateField(required=False, help_text="Standaard vandaag.")


class VastleggenInput(serializers.Serializer):
    aanleiding = serializers.CharField(max_length=200, allow_blank=True, default="")


def _doel_geladen(doel: Doel) -> Doel:
    return Doel.objects.prefetch_related("stappen").get(pk=doel.pk)


class PlanPersoonView(PersoonView):
    def plan(self) -> HdvPlan:
        plan = (
            HdvPlan.objects.zichtbaar_voor(self.request.user)
            .select_related("gedetineerde__huidige_gevangenis")
            .filter(gedetineerde=self.persoon())
            .first()
        )
        if plan is None:
            raise Http404("Deze persoon heeft geen HDV-plan.")
        return plan


class PlanDetail(PermissiePerMethode, PlanPersoonView):
    """The person's plan (404 when there is none); POST opens it."""

    serializer_class = PlanOutput
    permissies = {"GET": "trajecten.view_hdvplan", "POST": "trajecten.add_hdvplan"}

    def get(self, request: Request, pk: int) -> Response:
        plan = self.plan()
        if self.inzicht().plan(plan):
            # Read only for who may see them: otherwise the goals never leave the database.
            prefetch_related_objects(
                [plan],
                Prefetch("doelen", Doel.objects.prefetch_related("stappen")),
            )
        return Response(self.get_serializer(plan).data)

    @extend_schema(request=None, responses={201: PlanOutput})
    def post(self, request: Request, pk: int) -> Response:
        plan = plan_openen(gedetineerde=self.persoon(), door=request.user)
        return Response(self.get_serializer(plan).data, status=status.HTTP_201_CREATED)


class PlanDoelen(PlanPersoonView):
    """Add a goal (with its first steps) to the person's plan."""

    serializer_class = DoelOutput
    vereiste_permissie = "trajecten.change_hdvplan"

    @extend_schema(request=DoelInput, responses={201: DoelOutput})
    def post(self, request: Request, pk: int) -> Response:
        plan = self.plan()
        invoer = DoelInput(data=request.data)
        invoer.is_valid(raise_exception=True)
        doel = doel_toevoegen(plan=plan, door=request.user, **invoer.validated_data)
        return Response(DoelOutput(_doel_geladen(doel)).data, status=status.HTTP_201_CREATED)


class PlanVastleggen(PlanPersoonView):
    """The plan as agreed with the person: a new version, and the next review is set."""

    serializer_class = PlanversieOutput
    vereiste_permissie = "trajecten.change_hdvplan"

    @extend_schema(request=VastleggenInput, responses={201: PlanversieOutput})
    def post(self, request: Request, pk: int) -> Response:
        plan = self.plan()
        invoer = VastleggenInput(data=request.data)
        invoer.is_valid(raise_exception=True)
        versie = plan_vastleggen(plan=plan, door=request.user, **invoer.validated_data)
        return Response(self.get_serializer(versie).data, status=status.HTTP_201_CREATED)


class Planversies(PlanPersoonView, generics.ListAPIView):
    """The frozen versions of the person's plan, newest first."""

    serializer_class = PlanversieOutput
    vereiste_permissie = "trajecten.view_hdvplan"

    def get_queryset(self) -> Any:
        if self.schema_zonder_persoon():
            return Planversie.objects.none()
        return (
            Planversie.objects.zichtbaar_voor(self.request.user)
            .filter(plan=self.plan())
            .select_related("plan")
            .order_by("-nummer")
        )


def _doel(request: Request, pk: int) -> Doel:
    queryset = Doel.objects.select_related("plan__gedetineerde__huidige_gevangenis")
    doel: Doel = get_in_scope_or_404(queryset, request.user, pk=pk)
    return doel


class DoelDetail(generics.GenericAPIView):
    serializer_class = DoelOutput
    vereiste_permissie = "trajecten.change_hdvplan"

    @extend_schema(request=DoelBijwerkenInput, responses=DoelOutput)
    def patch(self, request: Request, pk: int) -> Response:
        """Change a goal's domain, description, place or organisation."""
        doel = _doel(request, pk)
        invoer = DoelBijwerkenInput(data=request.data)
        invoer.is_valid(raise_exception=True)
        gegevens: dict[str, Any] = {
            "levensdomein": doel.levensdomein,
            "omschrijving": doel.omschrijving,
            "plaats": doel.plaats,
            "organisatie": doel.organisatie,
            **invoer.validated_data,
        }
        doel = doel_bijwerken(doel=doel, door=request.user, **gegevens)
        return Response(DoelOutput(_doel_geladen(doel)).data)


class DoelStatus(generics.GenericAPIView):
    serializer_class = DoelOutput
    vereiste_permissie = "trajecten.change_hdvplan"

    @extend_schema(request=DoelStatusInput, responses=DoelOutput)
    def post(self, request: Request, pk: int) -> Response:
        """Move a goal along its workflow; stopping it needs a reason."""
        doel = _doel(request, pk)
        invoer = DoelStatusInput(data=request.data)
        invoer.is_valid(raise_exception=True)
        doel = doel_status_wijzigen(doel=doel, door=request.user, **invoer.validated_data)
        return Response(DoelOutput(_doel_geladen(doel)).data)


class DoelStappen(generics.GenericAPIView):
    serializer_class = StapOutput
    vereiste_permissie = "trajecten.change_hdvplan"

    @extend_schema(request=StapInput, responses={201: StapOutput})
    def post(self, request: Request, pk: int) -> Response:
        """Add a step to a goal."""
        doel = _doel(request, pk)
        invoer = StapInput(data=request.data)
        invoer.is_valid(raise_exception=True)
        stap = stap_toevoegen(doel=doel, door=request.user, **invoer.validated_data)
        return Response(StapOutput(stap).data, status=status.HTTP_201_CREATED)


class StapAfvinken(generics.GenericAPIView):
    serializer_class = StapOutput
    vereiste_permissie = "trajecten.change_hdvplan"

    @extend_schema(request=AfvinkenInput, responses=StapOutput)
    def post(self, request: Request, pk: int) -> Response:
        """Mark a step done, or (``gedaan`` false) not done again."""
        queryset = Stap.objects.select_related("doel__plan__gedetineerde__huidige_gevangenis")
        stap: Stap = get_in_scope_or_404(queryset, request.user, pk=pk)
        invoer = AfvinkenInput(data=request.data)
        invoer.is_valid(raise_exception=True)
        stap = stap_afvinken(stap=stap, door=request.user, **invoer.validated_data)
        return Response(StapOutput(stap).data)
