"""Housekeeping of the core. Tasks are thin: they call a service and are safe to run twice."""

from celery import shared_task

from hdv.onderhoud import verlopen_sessies_opruimen


@shared_task(
    name="hdv.verlopen_sessies_opruimen",
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=3,
)
def verlopen_sessies_opruimen_taak() -> dict[str, int]:
    return verlopen_sessies_opruimen()
