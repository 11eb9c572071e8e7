from django.contrib import messages
from django.contrib.auth import views as auth_views
from django.contrib.auth.decorators import login_not_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.utils.decorators import method_decorator
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from hdv.forms import AanmeldForm
from hdv.services import gevangenis_kiezen


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
