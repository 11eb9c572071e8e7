"""Trajecten's part of the demo, on top of ``hdv.demo``.

- ``personen``: the detainees with their stays, transfers and releases, and
  (``doelgroepen``) the target groups they belong to; (``vertrek``) the plan some had
  when transferred and the checklist some had complete when released;
- ``medewerkers``: synthetic staff of the regional CAW, CGG and VDAB in every prison,
  and who works where (the team a file is written by);
- ``dossiers`` (with ``teksten`` and ``klok``): the content of the files: intakes with
  needs, plans, referrals, consents, notes, case conferences, release preparations
  and worklist tasks, written through the services by the staff of the prison.

The people come first, during the core; the files last, once the offer exists (a
referral can go to an offer of the catalogue).
"""

from .dossiers import dossiers_laden
from .personen import gedetineerden_laden

__all__ = ["dossiers_laden", "gedetineerden_laden"]
