"""The monitoring reports: the list, asking for one, following its build, downloading it."""

from __future__ import annotations

import datetime
from typing import Any

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from hdv.models import Gevangenis
from rapportage.models import Monitoringrapport, Periodesoort
from rapportage.rapporten.bestanden import bestand_antwoord
from rapportage.rapporten.selectors import monitoringrapport_of_404, monitoringrapporten
from rapportage.rapporten.services import monitoringrapport_aanvragen, vorig_kwartaal

LEZEN = "rapportage.view_monitoringrapport"
AANVRAGEN = "rapportage.add_monitoringrapport"
EERSTE_JAAR = 2013  # the decree of 8 March 2013: there is nothing to report before it
# While a report is waiting or being built, its page (and the list) poll for progress.
_LOPEND = {Monitoringrapport.Status.WACHTEND, Monitoringrapport.Status.BEZIG}

KWARTALEN = [
    (1, _("K1 (januari – maart)")),
    (2, _("K2 (april – juni)")),
    (3, _("K3 (juli – september)")),
    (4, _("K4 (oktober – december)")),
]


class AanvraagForm(forms.Form):
    periodesoort = forms.ChoiceField(
        label=_("Periode"),
        choices=[(Periodesoort.KWARTAAL, _("een kwartaal")), (Periodesoort.JAAR, _("een jaar"))],
        widget=forms.RadioSelect,
    )
    jaar = forms.TypedChoiceField(label=_("Jaar"), coerce=int)
    kwartaal = forms.TypedChoiceField(
        label=_("Kwartaal"),
        coerce=int,
        choices=[("", "—"), *KWARTALEN],
        required=False,
        empty_value=None,
        help_text=_("Alleen voor een kwartaalrapport."),
    )
    gevangenissen = forms.ModelMultipleChoiceField(
        label=_("Gevangenissen"),
        queryset=Gevangenis.objects.filter(actief=True),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Kies minstens één gevangenis.")},
        help_text=_("De cijfers van Vlaanderen gelden voor de gekozen gevangenissen samen."),
    )
    herziening = forms.BooleanField(
        label=_("Herziening: met de nieuwste berekende cijfers"),
        required=False,
        help_text=_(
            "Zonder vinkje krijgt een rapport over een periode die al een rapport heeft "
            "dezelfde cijfers als het vorige; met vinkje de cijfers zoals ze nu berekend zijn "
            "(bv. na laat geregistreerde aanwezigheden)."
        ),
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        dit_jaar = timezone.localdate().year
        self.fields["jaar"].choices = [(j, str(j)) for j in range(dit_jaar, EERSTE_JAAR - 1, -1)]  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        gegevens = super().clean() or {}
        if gegevens.get("periodesoort") == Periodesoort.KWARTAAL and not gegevens.get("kwartaal"):
            self.add_error("kwartaal", _("Kies een kwartaal."))
        return gegevens

    @property
    def begin(self) -> datetime.date:
        gegevens = self.cleaned_data
        if gegevens["periodesoort"] == Periodesoort.KWARTAAL:
            return datetime.date(gegevens["jaar"], (gegevens["kwartaal"] - 1) * 3 + 1, 1)
        return datetime.date(gegevens["jaar"], 1, 1)

    def fouten_tonen(self, fout: ValidationError) -> None:
        """A service's errors on the fields: the period's on the picker that chose it."""
        for veld, berichten in fout.message_dict.items():
            if veld == "begin":
                kwartaal = self.cleaned_data.get("periodesoort") == Periodesoort.KWARTAAL
                veld = "kwartaal" if kwartaal else "jaar"
            self.add_error(veld if veld in self.fields else None, berichten)


def _beginwaarden() -> dict[str, Any]:
    """The quarter that ended last, for every active prison: what the committee asks most."""
    periode = vorig_kwartaal()
    return {
        "periodesoort": Periodesoort.KWARTAAL,
        "jaar": periode.begin.year,
        "kwartaal": (periode.begin.month - 1) // 3 + 1,
        "gevangenissen": list(Gevangenis.objects.filter(actief=True).values_list("pk", flat=True)),
    }


def _met_partial(
    request: HttpRequest, template: str, partial: str, context: dict[str, Any]
) -> HttpResponse:
    # htmx polls for the part that changes; a normal request gets the page.
    if request.headers.get("HX-Request"):
        template = f"{template}#{partial}"
    return render(request, template, context)


@permission_required(LEZEN, raise_exception=True)
def rapporten(request: HttpRequest) -> HttpResponse:
    """Every report, newest first: who asked, when, for what, and how far it is."""
    pagina = Paginator(monitoringrapporten(), settings.HDV_PAGE_SIZE).get_page(
        request.GET.get("pagina")
    )
    lopend = any(r.status in _LOPEND for r in pagina.object_list)
    return _met_partial(
        request,
        "rapportage/rapporten/lijst.html",
        "rapporten",
        {"pagina": pagina, "lopend": lopend},
    )


@permission_required(AANVRAGEN, raise_exception=True)
def rapport_aanvragen(request: HttpRequest) -> HttpResponse:
    form = AanvraagForm(request.POST or None, initial=_beginwaarden())
    if request.method == "POST" and form.is_valid():
        try:
            rapport = monitoringrapport_aanvragen(
                periodesoort=form.cleaned_data["periodesoort"],
                begin=form.begin,
                gevangenissen=form.cleaned_data["gevangenissen"],
                herziening=form.cleaned_data["herziening"],
                door=request.user,
            )
        except ValidationError as fout:
            form.fouten_tonen(fout)
        else:
            messages.success(request, _("Het rapport is aangevraagd; het wordt nu gemaakt."))
            return redirect("rapportage:rapport", pk=rapport.pk)
    return render(request, "rapportage/rapporten/aanvragen.html", {"form": form})


@permission_required(LEZEN, raise_exception=True)
def rapport(request: HttpRequest, pk: int) -> HttpResponse:
    """One report: its parameters, its progress while it builds, then the downloads."""
    gevonden = monitoringrapport_of_404(pk)
    return _met_partial(
        request,
        "rapportage/rapporten/detail.html",
        "status",
        {"rapport": gevonden, "lopend": gevonden.status in _LOPEND},
    )


@permission_required(LEZEN, raise_exception=True)
def rapport_bestand(request: HttpRequest, pk: int, soort: str) -> FileResponse:
    """The PDF or XLSX of a finished report, as a download with a name that says what it is."""
    gevonden = monitoringrapport_of_404(pk)
    antwoord = bestand_antwoord(gevonden, soort)
    if antwoord is None:
        raise Http404
    return antwoord
