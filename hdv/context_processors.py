from typing import Any

from django.conf import settings
from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from hdv.scope import actieve_gevangenis, gevangenissen_van


def hdv(request: HttpRequest) -> dict[str, Any]:
    """The prison switcher of the base layout, lazy: pages that don't show it pay nothing."""
    if not request.user.is_authenticated:
        return {"blokkeer_minuten": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)}
    return {
        "actieve_gevangenis": SimpleLazyObject(lambda: actieve_gevangenis(request)),
        "mijn_gevangenissen": SimpleLazyObject(lambda: list(gevangenissen_van(request.user))),
    }
