from django.contrib import admin
from django.contrib.auth.decorators import login_not_required
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.urls import reverse


class HdvAdminSite(admin.AdminSite):
    site_header = "HDV beheer"
    site_title = "HDV beheer"
    index_title = "Beheer"

    @login_not_required
    def login(self, request: HttpRequest, extra_context: dict | None = None) -> HttpResponse:  # type: ignore[override]
        # One login page for everyone: the admin's own would demand is_staff.
        return redirect_to_login(request.GET.get("next", reverse("admin:index")))

    def has_permission(self, request: HttpRequest) -> bool:
        # A permission of the beheerder role, not Django's is_staff flag.
        return request.user.is_active and request.user.has_perm("hdv.beheer_toegang")
