from celery import shared_task

from aanbod.services.planning import sessies_vooruit_plannen


@shared_task(
    name="aanbod.sessies_vooruit_plannen",
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=3,
)
def sessies_vooruit_plannen_taak() -> int:
    """Daily (beat): sessions up to the horizon for every running activity. Safe to run twice."""
    return sessies_vooruit_plannen()
