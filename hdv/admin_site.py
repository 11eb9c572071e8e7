from django.contrib import admin
from django.http import HttpRequest


class HdvAdminSite(admin.AdminSite):
    site_header = "HDV beheer"
    site_title = "HDV beheer"
    index_title = "Beheer"

    def has_permission(self, request: HttpRequest) -> bool:
        # A permission of the beheerder role, not Django's is_staff flag.
        return request.user.is_active and request.user.has_perm("hdv.beheer_toegang")
