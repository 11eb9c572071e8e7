from django.contrib.auth.decorators import login_not_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


@login_not_required
def csrf_mislukt(request: HttpRequest, reason: str = "") -> HttpResponse:
    """A forged or stale CSRF token: explain in Dutch instead of Django's English page."""
    return render(request, "403_csrf.html", status=403)
