"""Deelname's part of the demo: realistic participation, on top of the offer and the files.

- ``kandidaten``: the people present in a prison and which activities fit them;
- ``groepen``: per group activity the requests, places and waiting list, stops with a
  reason, completed modules with their exams, and the attendance of every past session
  (absences with a reason, some excused in advance);
- ``trajecten``: CAW trajectbegeleiding, CGG behandeling and the individual offers that
  accepted referrals went to, about half of the ended ones stopped early, and a waiting
  list where the provider's caseload is full;
- ``keuzes``: the shares and weights (the Court of Audit's figures), in one place.

Everything goes through ``deelname.services``, each call on its day (``trajecten.demo.klok``).
Deterministic per prison, activity and person (``random.Random`` seeded with ``ZAAD``);
what has enrolments is left alone, so a second run adds nothing.
"""

from .laden import deelname_laden

__all__ = ["deelname_laden"]
