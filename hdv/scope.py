"""The prison scope: the one layer every queryset of personal data passes through.

A user sees people, and their records, only in the prisons where they work
(``Medewerker.gevangenissen``). Confidential records are further limited to the
organisation that wrote them. Objects outside the scope are answered with 404, as if
they did not exist: a user learns nothing about people of other prisons.

A model of personal data declares its scope with two class attributes and uses
``ScopedQuerySet``:

    SCOPE_GEVANGENIS = "huidige_gevangenis"      # lookup path to a Gevangenis
    SCOPE_ORGANISATIE = "organisatie"            # optional: path to the owning Organisatie
    SCOPE_VERTROUWELIJK = "vertrouwelijk"        # optional: bool field; True → organisation only
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, TypeVar

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.db.models import Q
from django.http import Http404, HttpRequest

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser

    from hdv.models import Gevangenis

    Gebruiker = AbstractBaseUser | AnonymousUser

SESSIE_SLEUTEL = "hdv_actieve_gevangenis"
M = TypeVar("M", bound=models.Model)


def _gevangenissen(user: Any) -> list[Gevangenis]:
    """All prisons a user works in, loaded once per request and cached on the user."""
    if not getattr(user, "is_authenticated", False):
        return []
    cached = getattr(user, "_hdv_gevangenissen", None)
    if cached is None:
        from hdv.models import Gevangenis

        cached = list(Gevangenis.objects.filter(medewerkers__user=user).order_by("naam"))
        user._hdv_gevangenissen = cached
    return cached


def gevangenis_ids(user: Any) -> frozenset[int]:
    """The ids of the prisons a user works in: the scope of personal data."""
    return frozenset(g.pk for g in _gevangenissen(user))


def organisatie_id(user: Any) -> int | None:
    if not getattr(user, "is_authenticated", False):
        return None
    # A missing profile raises RelatedObjectDoesNotExist, an AttributeError.
    medewerker = getattr(user, "medewerker", None)
    return medewerker.organisatie_id if medewerker else None


class ScopedQuerySet(models.QuerySet[M]):
    def zichtbaar_voor(self, user: Any) -> ScopedQuerySet[M]:
        model = self.model
        pad = model.SCOPE_GEVANGENIS  # type: ignore[attr-defined]
        queryset = self.filter(**{f"{pad}__in": gevangenis_ids(user)})
        vertrouwelijk = getattr(model, "SCOPE_VERTROUWELIJK", None)
        if vertrouwelijk:
            eigen = {model.SCOPE_ORGANISATIE: organisatie_id(user)}  # type: ignore[attr-defined]
            queryset = queryset.filter(Q(**{vertrouwelijk: False}) | Q(**eigen))
        return queryset

    def in_gevangenis(self, gevangenis: Gevangenis | None) -> ScopedQuerySet[M]:
        if gevangenis is None:
            return self.none()
        return self.filter(**{self.model.SCOPE_GEVANGENIS: gevangenis})  # type: ignore[attr-defined]


def get_in_scope_or_404(queryset: ScopedQuerySet[M], user: Any, **lookup: Any) -> M:
    """The access helper: the object if the user may see it, else 404 (never 403)."""
    try:
        return queryset.zichtbaar_voor(user).get(**lookup)
    except (ObjectDoesNotExist, ValueError, TypeError):
        raise Http404 from None


def gevangenissen_van(user: Any) -> list[Gevangenis]:
    """The active prisons a user works in, for the switcher."""
    return [g for g in _gevangenissen(user) if g.actief]


def _bepaal_actieve_gevangenis(request: HttpRequest) -> Gevangenis | None:
    eigen = gevangenissen_van(request.user)
    gekozen = request.session.get(SESSIE_SLEUTEL)
    for gevangenis in eigen:
        if gevangenis.pk == gekozen:
            return gevangenis
    return eigen[0] if eigen else None


def actieve_gevangenis(request: HttpRequest) -> Gevangenis | None:
    """The prison the user is working in now (the switcher), computed once per request."""
    if not hasattr(request, "_hdv_actieve_gevangenis"):
        request._hdv_actieve_gevangenis = _bepaal_actieve_gevangenis(request)  # type: ignore[attr-defined]
    return request._hdv_actieve_gevangenis  # type: ignore[attr-defined]
