"""The offer of the demo, on top of ``hdv.demo``: catalogue, rooms, planning, cancellations.

- ``aanbodlijst`` (with ``catalogus``): about forty Flemish offers;
- ``beschikbaarheid``: which prison has which (with gaps; the FPCs lean to mental health);
- ``planning``: per prison 5–12 rooms and 20–60 running group activities by capacity,
  in slots that never double-book a room or a facilitator;
- ``kalender``: holidays and a staff training day as closure days, the strike day;
- ``laden``: the writes, through the aanbod services only (so they are audited).

Deterministic per prison (``random.Random`` seeded with ``ZAAD`` and the prison code),
with dates relative to today, and idempotent.
"""

from .laden import aanbod_laden

__all__ = ["aanbod_laden"]
