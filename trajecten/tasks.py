"""trajecten's jobs: thin adapters that take ids and call a service; safe to run twice."""

from celery import shared_task

from trajecten.bevolkingsimport import bevolkingsfeed_map_importeren, bevolkingsimport_verwerken


@shared_task(
    name="trajecten.bevolkingsimport_verwerken",
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=3,
)
def bevolkingsimport_verwerken_taak(bevolkingsimport_id: int) -> str:
    return bevolkingsimport_verwerken(bevolkingsimport_id=bevolkingsimport_id).status


@shared_task(name="trajecten.bevolkingsfeed_map_importeren")
def bevolkingsfeed_map_importeren_taak() -> list[int]:
    """Daily (beat): the files dropped in HDV_BEVOLKINGSFEED_MAP."""
    return bevolkingsfeed_map_importeren()


@shared_task(
    name="trajecten.taak_mailen",
    autoretry_for=(OSError,),
    retry_backoff=True,
    max_retries=5,
)
def taak_mailen(taak_id: int) -> int:
    from trajecten.meldingen import taak_mailen as mailen

    return mailen(taak_id=taak_id)


@shared_task(name="trajecten.vrijlatingen_voorbereiden")
def vrijlatingen_voorbereiden_taak() -> int:
    """Daily (beat): open the release checklist for whoever's release is near."""
    from trajecten.services.vrijlating import vrijlatingen_voorbereiden

    return vrijlatingen_voorbereiden()
