"""The attendance register of one session: read it, and register the whole session at once.

PUT (or POST) takes every row in one request and answers with the register as it is
then. The service validates all rows before it writes any: a bad row refuses the
request (400, the row named) and nothing is saved. Sending the same again changes
nothing. A cancelled, future or locked session is a 400 with the reason; a caller who
may not register this session (provider staff of another organisation) gets 403.

The register is one session's people, bounded by the activity's capacity, and is read
and written whole: it is not paginated.

A person excused in advance for the session's day, with nothing registered yet, carries
that excusal on their row (the screen's register starts them as absent with its reason);
``status`` stays empty until someone registers what happened.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.request import Request
from rest_framework.response import Response
from rest_framework.views import APIView

from aanbod.api.toegang import PermissiePerMethode
from aanbod.models import Sessie
from deelname.api.inschrijvingen import DeelnemerOutput, Inschrijvingsstatus
from deelname.models import Aanwezigheid
from deelname.services.aanwezigheden import (
    Registratie,
    aanwezigheden_registreren,
    iedereen_aanwezig,
    ingeschrevenen,
    mag_registreren,
    sessie_controleren,
    vergrendeld_op,
)
from deelname.services.verontschuldigingen import verontschuldigd_op
from deelname.vertrouwelijkheid import mag_deelnemers_zien
from hdv.api.filters import GROOTSTE_ID
from hdv.scope import get_in_scope_or_404
from trajecten.api.velden import keuzeveld

Aanwezigheidsstatus = keuzeveld(Aanwezigheid.Status, "Aanwezigheidsstatus")


class VerontschuldigingOutput(serializers.Serializer):
    reden = serializers.CharField(source="reden.code", help_text="Code van de reden.")
    toelichting = serializers.CharField(allow_blank=True)
    van = serializers.DateField()
    tot = serializers.DateField(help_text="Tot en met.")


class RegisterrijOutput(serializers.Serializer):
    inschrijving = serializers.IntegerField()
    gedetineerde = DeelnemerOutput()
    inschrijvingsstatus = Inschrijvingsstatus()
    status = Aanwezigheidsstatus(allow_null=True, help_text="Leeg: nog niet geregistreerd.")
    reden = serializers.CharField(allow_null=True, help_text="Code van de afwezigheidsreden.")
    toelichting = serializers.CharField(allow_blank=True)
    gewijzigd = serializers.DateTimeField(allow_null=True)
    verontschuldiging = VerontschuldigingOutput(
        allow_null=True,
        help_text="Vooraf verontschuldigd voor deze dag en nog niets geregistreerd: "
        "registreer dan afwezig met deze reden, tenzij de persoon toch kwam.",
    )


class RegisterOutput(serializers.Serializer):
    sessie = serializers.IntegerField()
    activiteit = serializers.IntegerField()
    weergavenaam = serializers.CharField()
    datum = serializers.DateField()
    begintijd = serializers.TimeField()
    eindtijd = serializers.TimeField()
    geannuleerd = serializers.BooleanField()
    vergrendeld_op = serializers.DateField(help_text="De laatste dag waarop het register kan.")
    wijzigbaar = serializers.BooleanField(help_text="De vrager kan het register nu opslaan.")
    rijen = RegisterrijOutput(many=True)


class RegistratieInput(serializers.Serializer):
    inschrijving = serializers.IntegerField(min_value=1, max_value=GROOTSTE_ID)
    status = Aanwezigheidsstatus()
    reden = serializers.CharField(
        max_length=40,
        allow_blank=True,
        default="",
        help_text="Code van de afwezigheidsreden; alleen en altijd bij afwezig.",
    )
    toelichting = serializers.CharField(max_length=200, allow_blank=True, default="")


class RegisterInput(serializers.Serializer):
    registraties = RegistratieInput(many=True, default=list)
    iedereen_aanwezig = serializers.BooleanField(
        default=False,
        help_text="Wie niet in ``registraties`` staat, is aanwezig: eerst iedereen, "
        "dan de uitzonderingen.",
    )

    def validate(self, attrs: dict[str, Any]) -> dict[str, Any]:
        if not attrs["registraties"] and not attrs["iedereen_aanwezig"]:
            raise serializers.ValidationError(
                {"registraties": _("Geef de aanwezigheden, of zet iedereen aanwezig.")}
            )
        return attrs


def _wijzigbaar(sessie: Sessie, user: Any) -> bool:
    try:
        sessie_controleren(sessie)
    except ValidationError:
        return False
    return mag_registreren(user, sessie)


def register(sessie: Sessie, user: Any) -> dict[str, Any]:
    """The session's enrolled people, each with their attendance as registered now, or,
    with nothing registered yet, their excusal in advance (as the screen's register)."""
    aanwezigheden = {
        a.inschrijving_id: a
        for a in Aanwezigheid.objects.filter(sessie=sessie).select_related("reden")
    }
    inschrijvingen = ingeschrevenen(sessie)
    verontschuldigd = verontschuldigd_op(
        sessie.datum, [i.pk for i in inschrijvingen if i.pk not in aanwezigheden]
    )
    rijen = []
    for inschrijving in inschrijvingen:
        aanwezigheid = aanwezigheden.get(inschrijving.pk)
        rijen.append(
            {
                "inschrijving": inschrijving.pk,
                "gedetineerde": inschrijving.gedetineerde,
                "inschrijvingsstatus": inschrijving.status,
                "status": aanwezigheid.status if aanwezigheid else None,
                "reden": aanwezigheid.reden.code if aanwezigheid and aanwezigheid.reden else None,
                "toelichting": aanwezigheid.toelichting if aanwezigheid else "",
                "gewijzigd": aanwezigheid.gewijzigd if aanwezigheid else None,
                "verontschuldiging": verontschuldigd.get(inschrijving.pk),
            }
        )
    return {
        "sessie": sessie.pk,
        "activiteit": sessie.activiteit_id,
        "weergavenaam": sessie.activiteit.weergavenaam,
        "datum": sessie.datum,
        "begintijd": sessie.begintijd,
        "eindtijd": sessie.eindtijd,
        "geannuleerd": sessie.geannuleerd,
        "vergrendeld_op": vergrendeld_op(sessie),
        "wijzigbaar": _wijzigbaar(sessie, user),
        "rijen": rijen,
    }


_WEIGERING = OpenApiResponse(
    description="Een fout in een rij (de rij genoemd), of een sessie die geannuleerd is, "
    "nog moet plaatsvinden of vergrendeld is. Er is dan niets opgeslagen."
)


class SessieAanwezigheden(PermissiePerMethode, APIView):
    """The attendance register of a session."""

    permissies = {
        "GET": "deelname.view_aanwezigheid",
        "PUT": "deelname.add_aanwezigheid",
        "POST": "deelname.add_aanwezigheid",
    }

    def sessie(self, pk: int) -> Sessie:
        sessie: Sessie = get_in_scope_or_404(
            Sessie.objects.select_related("activiteit__aanbod"), self.request.user, pk=pk
        )
        if not mag_deelnemers_zien(self.request.user, sessie.activiteit.aanbod):
            raise PermissionDenied(
                _("De deelnemers van dit aanbod zijn alleen zichtbaar voor zijn organisatie.")
            )
        return sessie

    @extend_schema(responses=RegisterOutput)
    def get(self, request: Request, pk: int) -> Response:
        sessie = self.sessie(pk)
        return Response(RegisterOutput(register(sessie, request.user)).data)

    @extend_schema(request=RegisterInput, responses={200: RegisterOutput, 400: _WEIGERING})
    def put(self, request: Request, pk: int) -> Response:
        """Register the attendance of the whole session; the same again changes nothing."""
        sessie = self.sessie(pk)
        if not mag_registreren(request.user, sessie):
            raise PermissionDenied(
                _("Alleen de organisatie van dit aanbod registreert de aanwezigheden.")
            )
        invoer = RegisterInput(data=request.data)
        invoer.is_valid(raise_exception=True)
        registraties = [
            Registratie(
                inschrijving_id=rij["inschrijving"],
                status=rij["status"],
                reden=rij["reden"],
                toelichting=rij["toelichting"],
            )
            for rij in invoer.validated_data["registraties"]
        ]
        if invoer.validated_data["iedereen_aanwezig"]:
            genoemd = {r.inschrijving_id for r in registraties}
            registraties += [
                r for r in iedereen_aanwezig(sessie) if r.inschrijving_id not in genoemd
            ]
        aanwezigheden_registreren(sessie=sessie, registraties=registraties, door=request.user)
        return Response(RegisterOutput(register(sessie, request.user)).data)

    @extend_schema(request=RegisterInput, responses={200: RegisterOutput, 400: _WEIGERING})
    def post(self, request: Request, pk: int) -> Response:
        """The same as PUT, for clients that only POST."""
        return self.put(request, pk)
