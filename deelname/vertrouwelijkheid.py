"""Who sees and who manages participation, beyond the prison scope.

- **Confidential offers**: taking part in mental-health care (CGG therapy, addiction care)
  is health data. Who takes part in such an offer is for the offer's own organisation
  and for the organisation support that plans the prison's activities (they schedule the
  sessions and the guards' movement lists); other staff in the prison see neither the
  participants nor, in a person's file, the enrolment's content.
"""

from __future__ import annotations

from typing import Any

from django.db.models import Q

from aanbod.models import Aanbod, Levensdomein
from hdv.scope import organisatie_id

VERTROUWELIJKE_DOMEINEN = frozenset({Levensdomein.GEESTELIJKE_GEZONDHEID})
PLANNER = "aanbod.plan_activiteit"


def vertrouwelijk(aanbod: Aanbod) -> bool:
    return aanbod.levensdomein in VERTROUWELIJKE_DOMEINEN


def mag_deelnemers_zien(user: Any, aanbod: Aanbod) -> bool:
    return (
        not vertrouwelijk(aanbod)
        or user.has_perm(PLANNER)
        or organisatie_id(user) == aanbod.organisatie_id
    )


def zichtbaar_filter(user: Any, pad: str = "aanbod") -> Q:
    """The enrolments (or rows of them, through ``pad``) a user may see as participation."""
    if user.has_perm(PLANNER):
        return Q()
    return ~Q(**{f"{pad}__levensdomein__in": VERTROUWELIJKE_DOMEINEN}) | Q(
        **{f"{pad}__organisatie_id": organisatie_id(user)}
    )
