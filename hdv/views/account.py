from django import forms
from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from django.views.decorators.http import require_POST

from hdv.forms import AanmeldForm
from hdv.services import gevangenis_kiezen, meldingen_instellen


@method_decorator(login_not_required, name="dispatch")
class AanmeldView(auth_views.LoginView):
    template_name = "registration/login.html"
    authentication_form = AanmeldForm
    redirect_authenticated_user = True


class AfmeldView(auth_views.LogoutView):
    def post(self, request: HttpRequest, *args, **kwargs) -> HttpResponse:  # type: ignore[no-untyped-def]
        response = super().post(request, *args, **kwargs)
        messages.success(request, _("U bent afgemeld."))
        return response


@require_POST
def gevangenis_wisselen(request: HttpRequest) -> HttpResponse:
    try:
        gevangenis = gevangenis_kiezen(
            request=request, gevangenis_id=int(request.POST.get("gevangenis", ""))
        )
    except (ValueError, ValidationError):
        messages.error(request, _("U kunt niet naar die gevangenis wisselen."))
    else:
        messages.success(request, _("U werkt nu in %(naam)s.") % {"naam": gevangenis.naam})
    volgende = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(volgende, {request.get_host()}, request.is_secure()):
        volgende = "home"
    return redirect(volgende)


class MeldingenForm(forms.Form):
    meldingen_per_email = forms.BooleanField(
        label=_lazy("Stuur me een e-mail bij een nieuwe taak in mijn werklijst"),
        required=False,
        help_text=_lazy(
            "De e-mail zegt alleen dat er een taak is en in welke gevangenis; namen staan er nooit in."
        ),
    )


def instellingen(request: HttpRequest) -> HttpResponse:
    """The worker's own settings: for now, whether tasks also come by e-mail."""
    medewerker = getattr(request.user, "medewerker", None)
    if medewerker is None:
        raise Http404
    form = MeldingenForm(initial={"meldingen_per_email": medewerker.meldingen_per_email})
    if request.method == "POST":
        form = MeldingenForm(request.POST)
        if form.is_valid():
            try:
                meldingen_instellen(
                    medewerker=medewerker,
                    per_email=form.cleaned_data["meldingen_per_email"],
                    door=request.user,
                )
            except ValidationError as fout:
                form.add_error(None, fout)
            else:
                messages.success(request, _("Uw instellingen zijn bewaard."))
                return redirect("instellingen")
    return render(request, "hdv/instellingen.html", {"form": form, "medewerker": medewerker})
