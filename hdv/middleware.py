from collections.abc import Callable

from django.conf import settings
from django.contrib.auth.middleware import LoginRequiredMiddleware
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from rest_framework.views import APIView

from hdv import request_context


class RequestIdMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        # A client could forge the header; only a proxy of ours may set it.
        voorgesteld = request.headers.get("X-Request-ID") if settings.HDV_PROXY_AANTAL else None
        request_id = request_context.nieuw_request_id(voorgesteld)
        token = request_context.zet_request_id(request_id)
        try:
            response = self.get_response(request)
        finally:
            request_context.herstel_request_id(token)
        response["X-Request-ID"] = request_id
        return response


class HdvLoginRequiredMiddleware(LoginRequiredMiddleware):
    """Deny by default for HTML; API views authenticate themselves.

    DRF authenticates after the middleware (tokens), so an API view is left to DRF,
    whose default permission answers 401 to anonymous callers.
    """

    def process_view(self, request, view_func, view_args, view_kwargs):  # type: ignore[no-untyped-def]
        view_class = getattr(view_func, "cls", None)
        if isinstance(view_class, type) and issubclass(view_class, APIView):
            return None
        return super().process_view(request, view_func, view_args, view_kwargs)


class NulTekenMiddleware:
    """A NUL character in a parameter is never meaningful and PostgreSQL refuses it: 400."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if any(
            "\x00" in sleutel or any("\x00" in waarde for waarde in request.GET.getlist(sleutel))
            for sleutel in request.GET
        ):
            return HttpResponseBadRequest("Ongeldig teken in de aanvraag.")
        return self.get_response(request)
