"""Who sees and who keeps the targets and the plans, per prison.

Targets and plans are no personal data, but the prison scope holds for them as for the
rest: a beleidscoördinator works for the prisons of his Medewerker.gevangenissen, the
central level (``hdv.vlaams_overzicht``) for all of Flanders. What a role may do at all
is its permission (checked by the views); these helpers say for which prisons.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from hdv.models import Gevangenis
from hdv.scope import gevangenis_ids
from rapportage.models import Streefcijfer

VLAAMS = "hdv.vlaams_overzicht"


def is_systeem(door: Any) -> bool:
    """The demo and commands write with ``door=None``: no user, no scope to keep to."""
    return door is None


def is_centraal(user: Any) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.has_perm(VLAAMS))


def zichtbare_gevangenissen(user: Any) -> QuerySet[Gevangenis]:
    """The prisons whose targets and local plans a user reads: all of them centrally."""
    if is_centraal(user):
        return Gevangenis.objects.filter(actief=True)
    return Gevangenis.objects.filter(pk__in=gevangenis_ids(user))


def gevangenis_of_404(user: Any, pk: int) -> Gevangenis:
    """A prison the user may read the plans of; any other is a 404, as if it did not exist."""
    gevangenis = zichtbare_gevangenissen(user).filter(pk=pk).first()
    if gevangenis is None:
        raise Http404
    return gevangenis


def mag_streefcijfer_zetten(door: Any, gevangenis: Gevangenis | None) -> bool:
    """Centrally for every prison and for Flanders (no prison); locally for one's own."""
    if is_systeem(door) or is_centraal(door):
        return True
    return gevangenis is not None and gevangenis.pk in gevangenis_ids(door)


def mag_actieplan_bijhouden(door: Any, gevangenis: Gevangenis) -> bool:
    """A local action plan is kept in its prison, also when the keeper reads all of them."""
    return is_systeem(door) or gevangenis.pk in gevangenis_ids(door)


def leesbare_streefcijfers(user: Any) -> QuerySet[Streefcijfer]:
    """The targets of the prisons a user reads, and Flanders' (everyone's yardstick)."""
    return Streefcijfer.objects.filter(
        Q(gevangenis__in=zichtbare_gevangenissen(user)) | Q(gevangenis__isnull=True)
    ).select_related("gevangenis", "gezet_door")


def bewerkbaar_streefcijfer(user: Any, pk: int) -> Streefcijfer:
    """A target the user may change or remove: 404 for another prison's (as if it did
    not exist), 403 for Flanders' when he is not of the central level."""
    streefcijfer = leesbare_streefcijfers(user).filter(pk=pk).first()
    if streefcijfer is None:
        raise Http404
    if not mag_streefcijfer_zetten(user, streefcijfer.gevangenis):
        raise PermissionDenied
    return streefcijfer
