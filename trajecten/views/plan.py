"""The HDV-plan: goals per life domain with their steps, statuses, versions and its PDF.

Content is for the coordinating organisation and for organisations the person gave
consent for the plan (``inzicht.plan``); everyone else with the permission sees only
that a plan exists. The services check the same rule again on every write.
"""

from __future__ import annotations

from typing import Any

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from aanbod.models import Levensdomein
from aanbod.views.forms import DATUM, fouten_tonen
from hdv.audit import inzage_vastleggen
from hdv.models import Organisatie
from hdv.scope import get_in_scope_or_404, organisatie_id
from trajecten import afdrukken, workflow
from trajecten.models import Doel, Gedetineerde, HdvPlan, Plaats, Planversie, Stap
from trajecten.selectors import gedetineerde_openen
from trajecten.services.plannen import (
    doel_bijwerken,
    doel_status_wijzigen,
    doel_toevoegen,
    plan_openen,
    plan_overnemen,
    plan_vastleggen,
    stap_afvinken,
    stap_toevoegen,
    volgende_herziening,
)
from trajecten.zichtbaarheid import Inzicht, inzicht

AFGESCHERMD = gettext_lazy(
    "Uw organisatie heeft geen toestemming van de gedetineerde om dit HDV-plan te lezen."
)


# --- forms -------------------------------------------------------------------------------


def formgegevens(request: HttpRequest) -> Any:
    """The posted data, also when empty: an empty POST is a bound form with errors."""
    return request.POST if request.method == "POST" else None


class OrganisatieKeuze(forms.ModelChoiceField):
    def label_from_instance(self, obj: Any) -> str:
        return f"{obj.naam} ({obj.afkorting})"


class DoelForm(forms.Form):
    levensdomein = forms.ChoiceField(
        label=gettext_lazy("Levensdomein"), choices=[("", "—"), *Levensdomein.choices]
    )
    omschrijving = forms.CharField(label=gettext_lazy("Doel"), max_length=300)
    organisatie = OrganisatieKeuze(
        label=gettext_lazy("Verantwoordelijke organisatie"),
        queryset=Organisatie.objects.none(),
        required=False,
    )
    plaats = forms.ChoiceField(
        label=gettext_lazy("Binnen of buiten de gevangenis"), choices=Plaats.choices
    )
    stappen = forms.CharField(
        label=gettext_lazy("Eerste stappen"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=gettext_lazy("Eén stap per regel; u kunt later stappen toevoegen."),
    )

    def __init__(self, *args: Any, nieuw: bool = True, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisatie"].queryset = Organisatie.objects.filter(actief=True)  # type: ignore[attr-defined]
        if not nieuw:
            del self.fields["stappen"]

    def stappenlijst(self) -> list[str]:
        return [regel.strip() for regel in self.cleaned_data["stappen"].splitlines() if regel]


class DoelStatusForm(forms.Form):
    status = forms.ChoiceField(label=gettext_lazy("Nieuwe status"), choices=Doel.Status.choices)
    stopreden = forms.ChoiceField(
        label=gettext_lazy("Reden van stopzetting"),
        choices=[("", "—"), *Doel.Stopreden.choices],
        required=False,
        help_text=gettext_lazy("Verplicht als u het doel stopzet."),
    )

    def __init__(self, *args: Any, doel: Doel, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # Only the allowed transitions are offered; any known status is accepted, so that
        # the service (which knows the workflow) explains an illegal one in words.
        toegelaten = [
            (s, label) for s, label in Doel.Status.choices if workflow.doel_mag(doel.status, s)
        ]
        self.fields["status"].widget.choices = toegelaten


class StapForm(forms.Form):
    omschrijving = forms.CharField(label=gettext_lazy("Stap"), max_length=300)
    tegen = forms.DateField(label=gettext_lazy("Tegen"), required=False, widget=DATUM)


class VastleggenForm(forms.Form):
    aanleiding = forms.CharField(
        label=gettext_lazy("Aanleiding"),
        max_length=200,
        required=False,
        help_text=gettext_lazy("Bijvoorbeeld: gesprek met de gedetineerde, herziening."),
    )


# --- access --------------------------------------------------------------------------------


def _gedetineerde_voor(request: HttpRequest, pk: int) -> Gedetineerde:
    return get_in_scope_or_404(
        Gedetineerde.objects.select_related("huidige_gevangenis"), request.user, pk=pk
    )


def _plan_van(gedetineerde: Gedetineerde) -> HdvPlan | None:
    return (
        HdvPlan.objects.filter(gedetineerde=gedetineerde)
        .select_related("organisatie", "begeleider")
        .first()
    )


def _plan_of_404(gedetineerde: Gedetineerde) -> HdvPlan:
    plan = _plan_van(gedetineerde)
    if plan is None:
        raise Http404
    plan.gedetineerde = gedetineerde
    return plan


def _vereis_inhoud(request: HttpRequest, plan: HdvPlan) -> None:
    if not inzicht(request.user, plan.gedetineerde).plan(plan):
        raise PermissionDenied(AFGESCHERMD)


def _doel_voor(request: HttpRequest, pk: int) -> Doel:
    """A goal in the user's prisons (else 404) whose plan the user may read (else 403)."""
    doel = get_in_scope_or_404(
        Doel.objects.select_related(
            "plan__gedetineerde__huidige_gevangenis", "plan__organisatie", "organisatie"
        ),
        request.user,
        pk=pk,
    )
    _vereis_inhoud(request, doel.plan)
    if request.method == "GET":
        _inzage(request, doel, doel.plan.gedetineerde)
    return doel


def _inzage(request: HttpRequest, obj: Any, gedetineerde: Gedetineerde) -> None:
    inzage_vastleggen(
        door=request.user,
        obj=obj,
        persoon_id=gedetineerde.pk,
        gevangenis=gedetineerde.huidige_gevangenis,
    )


def _naar_plan(gedetineerde_id: int, anker: str = "") -> HttpResponse:
    url = reverse("trajecten:plan", args=[gedetineerde_id])
    return redirect(f"{url}#{anker}" if anker else url)


# --- reading ---------------------------------------------------------------------------------


def _per_domein(doelen: list[Any], domein: Any = lambda d: d.levensdomein) -> list[dict[str, Any]]:
    """Goals grouped by life domain, in the order of the domains."""
    groepen: dict[str, list[Any]] = {}
    for doel in doelen:
        groepen.setdefault(domein(doel), []).append(doel)
    return [
        {"code": code, "naam": label, "doelen": groepen[code]}
        for code, label in Levensdomein.choices
        if code in groepen
    ]


def _doelen(plan: HdvPlan) -> list[Doel]:
    return list(
        plan.doelen.select_related("organisatie").prefetch_related(
            Prefetch("stappen", queryset=Stap.objects.order_by("volgorde", "id"))
        )
    )


def _mag_overnemen(request: HttpRequest, plan: HdvPlan) -> bool:
    return request.user.has_perm("trajecten.change_hdvplan") and (
        plan.organisatie_id != organisatie_id(request.user) or plan.begeleider_id != request.user.pk
    )


def _planpagina(
    request: HttpRequest,
    gedetineerde: Gedetineerde,
    *,
    vastleggen_form: VastleggenForm | None = None,
) -> HttpResponse:
    plan = _plan_van(gedetineerde)
    context: dict[str, Any] = {"gedetineerde": gedetineerde, "plan": plan, "zichtbaar": False}
    if plan is not None:
        plan.gedetineerde = gedetineerde
        zichtbaar = inzicht(request.user, gedetineerde).plan(plan)
        context["zichtbaar"] = zichtbaar
        if zichtbaar:
            context.update(
                domeinen=_per_domein(_doelen(plan)),
                versies=list(plan.versies.select_related("door")),
                doel_form=DoelForm(),
                vastleggen_form=vastleggen_form or VastleggenForm(),
                nieuwe_herziening=volgende_herziening(gedetineerde),
                mag_overnemen=_mag_overnemen(request, plan),
            )
        else:
            context["toestemming_nodig"] = request.user.has_perm("trajecten.change_hdvplan")
    return render(request, "trajecten/plan.html", context)


@permission_required("trajecten.view_hdvplan", raise_exception=True)
def plan(request: HttpRequest, pk: int) -> HttpResponse:
    """The plan page; a POST starts the person's plan."""
    if request.method == "POST":
        if not request.user.has_perm("trajecten.add_hdvplan"):
            raise PermissionDenied
        gedetineerde = _gedetineerde_voor(request, pk)
        try:
            plan_openen(gedetineerde=gedetineerde, door=request.user)
        except ValidationError as fout:
            messages.error(request, " ".join(fout.messages))
        else:
            messages.success(request, _("Het HDV-plan is gestart. Voeg de eerste doelen toe."))
        return _naar_plan(gedetineerde.pk)
    return _planpagina(request, gedetineerde_openen(user=request.user, pk=pk))


# --- goals and steps -----------------------------------------------------------------------


def _doel_gegevens(form: DoelForm) -> dict[str, Any]:
    gegevens = form.cleaned_data
    return {
        "levensdomein": gegevens["levensdomein"],
        "omschrijving": gegevens["omschrijving"],
        "plaats": gegevens["plaats"],
        "organisatie": gegevens["organisatie"],
    }


@permission_required("trajecten.change_hdvplan", raise_exception=True)
def doel_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    gedetineerde = _gedetineerde_voor(request, pk)
    plan = _plan_of_404(gedetineerde)
    _vereis_inhoud(request, plan)
    form = DoelForm(formgegevens(request))
    if request.method == "POST" and form.is_valid():
        try:
            doel = doel_toevoegen(
                plan=plan, door=request.user, stappen=form.stappenlijst(), **_doel_gegevens(form)
            )
        except ValidationError as fout:
            fouten_tonen(form, fout)
        else:
            messages.success(request, _("Het doel is toegevoegd."))
            return _naar_plan(gedetineerde.pk, f"doel-{doel.pk}")
    elif request.method == "GET":
        _inzage(request, plan, gedetineerde)
    return render(
        request,
        "trajecten/plan_doel.html",
        {"gedetineerde": gedetineerde, "form": form, "doel": None},
    )


@permission_required("trajecten.change_hdvplan", raise_exception=True)
def doel_bewerken(request: HttpRequest, pk: int) -> HttpResponse:
    doel = _doel_voor(request, pk)
    initieel = {
        "levensdomein": doel.levensdomein,
        "omschrijving": doel.omschrijving,
        "plaats": doel.plaats,
        "organisatie": doel.organisatie,
    }
    form = DoelForm(formgegevens(request), initial=initieel, nieuw=False)
    if request.method == "POST" and form.is_valid():
        try:
            doel_bijwerken(doel=doel, door=request.user, **_doel_gegevens(form))
        except ValidationError as fout:
            fouten_tonen(form, fout)
        else:
            messages.success(request, _("Het doel is gewijzigd."))
            return _naar_plan(doel.plan.gedetineerde_id, f"doel-{doel.pk}")
    return render(
        request,
        "trajecten/plan_doel.html",
        {"gedetineerde": doel.plan.gedetineerde, "form": form, "doel": doel},
    )


@permission_required("trajecten.change_hdvplan", raise_exception=True)
def doel_status(request: HttpRequest, pk: int) -> HttpResponse:
    doel = _doel_voor(request, pk)
    form = DoelStatusForm(formgegevens(request), doel=doel)
    if request.method == "POST" and form.is_valid():
        try:
            doel_status_wijzigen(
                doel=doel,
                status=form.cleaned_data["status"],
                stopreden=form.cleaned_data["stopreden"],
                door=request.user,
            )
        except ValidationError as fout:
            fouten_tonen(form, fout)
        else:
            messages.success(request, _("De status van het doel is gewijzigd."))
            return _naar_plan(doel.plan.gedetineerde_id, f"doel-{doel.pk}")
    return render(
        request,
        "trajecten/plan_doel_status.html",
        {"gedetineerde": doel.plan.gedetineerde, "form": form, "doel": doel},
    )


@permission_required("trajecten.change_hdvplan", raise_exception=True)
def stap_nieuw(request: HttpRequest, pk: int) -> HttpResponse:
    doel = _doel_voor(request, pk)
    form = StapForm(formgegevens(request))
    if request.method == "POST" and form.is_valid():
        try:
            stap_toevoegen(
                doel=doel,
                omschrijving=form.cleaned_data["omschrijving"],
                tegen=form.cleaned_data["tegen"],
                door=request.user,
            )
        except ValidationError as fout:
            fouten_tonen(form, fout)
        else:
            messages.success(request, _("De stap is toegevoegd."))
            return _naar_plan(doel.plan.gedetineerde_id, f"doel-{doel.pk}")
    return render(
        request,
        "trajecten/plan_stap.html",
        {"gedetineerde": doel.plan.gedetineerde, "form": form, "doel": doel},
    )


@require_POST
@permission_required("trajecten.change_hdvplan", raise_exception=True)
def stap_afvinken_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Tick a step as done (``gedaan=1``, the default) or open it again (``gedaan=0``)."""
    stap = get_in_scope_or_404(
        Stap.objects.select_related("doel__plan__gedetineerde__huidige_gevangenis"),
        request.user,
        pk=pk,
    )
    _vereis_inhoud(request, stap.doel.plan)
    gedaan = request.POST.get("gedaan", "1") != "0"
    try:
        stap_afvinken(stap=stap, door=request.user, gedaan=gedaan)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(
            request, _("De stap is afgevinkt.") if gedaan else _("De stap staat weer open.")
        )
    return _naar_plan(stap.doel.plan.gedetineerde_id, f"doel-{stap.doel_id}")


# --- the plan as a whole -------------------------------------------------------------------


@require_POST
@permission_required("trajecten.change_hdvplan", raise_exception=True)
def plan_vastleggen_view(request: HttpRequest, pk: int) -> HttpResponse:
    """The plan as agreed with the person: a new version, and the next review is set."""
    gedetineerde = _gedetineerde_voor(request, pk)
    plan = _plan_of_404(gedetineerde)
    form = VastleggenForm(request.POST)
    if form.is_valid():
        try:
            versie = plan_vastleggen(
                plan=plan, door=request.user, aanleiding=form.cleaned_data["aanleiding"]
            )
        except ValidationError as fout:
            fouten_tonen(form, fout)
        else:
            messages.success(
                request,
                _("Versie %(nummer)s van het plan is vastgelegd. Volgende herziening: %(datum)s.")
                % {
                    "nummer": versie.nummer,
                    "datum": f"{versie.plan.volgende_herziening:%d/%m/%Y}",
                },
            )
            return _naar_plan(gedetineerde.pk, "versies")
    _vereis_inhoud(request, plan)
    return _planpagina(request, gedetineerde, vastleggen_form=form)


@require_POST
@permission_required("trajecten.change_hdvplan", raise_exception=True)
def plan_overnemen_view(request: HttpRequest, pk: int) -> HttpResponse:
    """After a transfer, the receiving trajectbegeleider takes over the coordination."""
    gedetineerde = _gedetineerde_voor(request, pk)
    plan = _plan_of_404(gedetineerde)
    try:
        plan_overnemen(plan=plan, door=request.user)
    except ValidationError as fout:
        messages.error(request, " ".join(fout.messages))
    else:
        messages.success(request, _("U coördineert nu het HDV-plan."))
    return _naar_plan(gedetineerde.pk)


@permission_required("trajecten.view_hdvplan", raise_exception=True)
def planversie(request: HttpRequest, pk: int) -> HttpResponse:
    """A frozen version, read-only, from what was stored that day."""
    versie = get_in_scope_or_404(
        Planversie.objects.select_related(
            "plan__gedetineerde__huidige_gevangenis", "plan__organisatie", "door"
        ),
        request.user,
        pk=pk,
    )
    gedetineerde = versie.plan.gedetineerde
    _inzage(request, versie, gedetineerde)
    zichtbaar = inzicht(request.user, gedetineerde).plan(versie.plan)
    context: dict[str, Any] = {
        "versie": versie,
        "gedetineerde": gedetineerde,
        "zichtbaar": zichtbaar,
    }
    if zichtbaar:
        inhoud = afdrukken.plan_leesbaar(versie.inhoud)
        context.update(
            inhoud=inhoud, domeinen=_per_domein(inhoud["doelen"], lambda d: d["levensdomein"])
        )
    return render(request, "trajecten/plan_versie.html", context)


@permission_required("trajecten.view_hdvplan", raise_exception=True)
def plan_pdf(request: HttpRequest, pk: int) -> HttpResponse:
    """The plan on paper for the person, in plain words."""
    gedetineerde = _gedetineerde_voor(request, pk)
    plan = _plan_of_404(gedetineerde)
    _vereis_inhoud(request, plan)
    _inzage(request, plan, gedetineerde)
    return afdrukken.plan_pdf(request, plan)


# --- the section of the dossier page ---------------------------------------------------------


def dossier_sectie(
    request: HttpRequest, gedetineerde: Gedetineerde, inzicht: Inzicht
) -> dict[str, Any]:
    """The plan on the person's page: goals per domain, or only that a plan exists.

    Two queries at most: the plan, and its goals with their organisation.
    """
    if not request.user.has_perm("trajecten.view_hdvplan"):
        return {"toon_plan": False}
    plan = _plan_van(gedetineerde)
    context: dict[str, Any] = {"toon_plan": True, "hdv_plan": plan, "plan_zichtbaar": False}
    if plan is not None and inzicht.plan(plan):
        context["plan_zichtbaar"] = True
        context["plan_domeinen"] = _per_domein(list(plan.doelen.select_related("organisatie")))
    return context


urlpatterns: list[Any] = [
    path("personen/<int:pk>/plan/", plan, name="plan"),
    path("personen/<int:pk>/plan/doelen/nieuw/", doel_nieuw, name="doel_nieuw"),
    path("personen/<int:pk>/plan/vastleggen/", plan_vastleggen_view, name="plan_vastleggen"),
    path("personen/<int:pk>/plan/overnemen/", plan_overnemen_view, name="plan_overnemen"),
    path("personen/<int:pk>/plan/pdf/", plan_pdf, name="plan_pdf"),
    path("doelen/<int:pk>/bewerken/", doel_bewerken, name="doel_bewerken"),
    path("doelen/<int:pk>/status/", doel_status, name="doel_status"),
    path("doelen/<int:pk>/stappen/nieuw/", stap_nieuw, name="stap_nieuw"),
    path("stappen/<int:pk>/afvinken/", stap_afvinken_view, name="stap_afvinken"),
    path("planversies/<int:pk>/", planversie, name="planversie"),
]
