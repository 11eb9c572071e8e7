"""Who manages an enrolment, beyond the role and the prison scope.

- **Placing** (from the waiting list or a request), **stopping** and **completing** are
  for the offer's own organisation, whose staff run the course or the guidance, and for
  the organisation support that plans the prison's activities (``aanbod.plan_activiteit``).
  Staff of other organisations in the prison enrol people and see the lists, but do not
  decide over another organisation's places: a VDAB consultant does not stop a CAW
  trajectory.
- **Excusing in advance** (and withdrawing an excusal) is also for a trajectbegeleider in
  that prison: the person tells their begeleider they will not come.
- Every one of these also needs the role's ``deelname.change_inschrijving`` and the prison
  in the user's scope.
- No user is the system itself (the population feed, a command, the demo): not checked.
  The system's own stop on a transfer, release or other end of stay
  (``deelname.gebeurtenissen``) is not checked either, whoever caused the stay change.

One rule for HTML, API and commands: the services call :func:`beheer_controleren` (or
:func:`verontschuldigen_controleren`) and raise ``PermissionDenied`` (a 403); the views and
templates ask the same functions to hide what a user may not do.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _

from aanbod.models import Aanbod
from deelname.models import Inschrijving
from deelname.vertrouwelijkheid import PLANNER, mag_deelnemers_zien
from hdv.scope import gevangenis_ids, organisatie_id

WIJZIGEN = "deelname.change_inschrijving"
# The trajectbegeleider keeps the person's plan: that permission names the role in code.
TRAJECTBEGELEIDER = "trajecten.change_hdvplan"


def is_systeem(door: Any) -> bool:
    return not getattr(door, "is_authenticated", False)


def mag_aanbod_beheren(user: Any, aanbod: Aanbod, gevangenis_id: int) -> bool:
    """Whether ``user`` places, stops and completes the enrolments of ``aanbod`` in a prison."""
    if is_systeem(user) or not user.has_perm(WIJZIGEN):
        return False
    if gevangenis_id not in gevangenis_ids(user):
        return False
    return user.has_perm(PLANNER) or organisatie_id(user) == aanbod.organisatie_id


def mag_beheren(user: Any, inschrijving: Inschrijving) -> bool:
    return mag_aanbod_beheren(user, inschrijving.aanbod, inschrijving.gevangenis_id)


def mag_aanbod_verontschuldigen(user: Any, aanbod: Aanbod, gevangenis_id: int) -> bool:
    """Managers of the offer, and a trajectbegeleider of the prison who may see its people."""
    if mag_aanbod_beheren(user, aanbod, gevangenis_id):
        return True
    return (
        not is_systeem(user)
        and user.has_perm(WIJZIGEN)
        and user.has_perm(TRAJECTBEGELEIDER)
        and gevangenis_id in gevangenis_ids(user)
        and mag_deelnemers_zien(user, aanbod)
    )


def mag_verontschuldigen(user: Any, inschrijving: Inschrijving) -> bool:
    return mag_aanbod_verontschuldigen(user, inschrijving.aanbod, inschrijving.gevangenis_id)


def aanbod_beheer_controleren(door: Any, aanbod: Aanbod, gevangenis_id: int) -> None:
    """In the services: refuse a user who may not manage this offer's places in the prison."""
    if not is_systeem(door) and not mag_aanbod_beheren(door, aanbod, gevangenis_id):
        raise PermissionDenied(
            _(
                "Alleen de organisatie van dit aanbod (%(organisatie)s) of de "
                "organisatieondersteuning beheert deze inschrijvingen."
            )
            % {"organisatie": aanbod.organisatie.naam}
        )


def beheer_controleren(door: Any, inschrijving: Inschrijving) -> None:
    """In the services: refuse a user who may not place, stop or complete this enrolment."""
    aanbod_beheer_controleren(door, inschrijving.aanbod, inschrijving.gevangenis_id)


def verontschuldigen_controleren(door: Any, inschrijving: Inschrijving) -> None:
    """In the services: refuse a user who may not excuse this participant."""
    if not is_systeem(door) and not mag_verontschuldigen(door, inschrijving):
        raise PermissionDenied(
            _(
                "Alleen de organisatie van dit aanbod, de organisatieondersteuning of een "
                "trajectbegeleider van deze gevangenis verontschuldigt een deelnemer."
            )
        )
