"""rapportage's jobs: thin adapters that take ids and call a service; safe to run twice.

``indicatoren_bijwerken`` runs nightly (beat, hdv.settings) and on demand. Two runs never
overlap: the service holds a lock (rapportage.rollups), and a run that finds it taken
does nothing and says so (None). Not retried: the same facts fail the same way, and the
error is on the Berekening row for whoever looks; the next night starts again from the
last successful run.
"""

from __future__ import annotations

from celery import shared_task
from django.contrib.auth import get_user_model

from rapportage.rollups import BerekeningBezig, indicatoren_berekenen


@shared_task(name="rapportage.indicatoren_bijwerken", acks_late=True)
def indicatoren_bijwerken(
    aanleiding: str = "nachtelijk", door_id: int | None = None, volledig: bool = False
) -> int | None:
    """The pk of the run (Berekening), or None when another run was going on."""
    door = get_user_model().objects.filter(pk=door_id).first() if door_id else None
    try:
        return indicatoren_berekenen(aanleiding=aanleiding, door=door, volledig=volledig).pk
    except BerekeningBezig:
        return None
