"""The monitoring report's jobs: thin adapters that take ids; safe to run twice.

The build is not retried on an error: the same figures fail the same way, and the error
is on the report for whoever asked. A worker that dies mid-build gives the message back
(acks late), and the build starts over. The mail is retried: a mail server that is down
for a while is no reason to tell nobody.
"""

from celery import shared_task

# A report of all prisons is built in seconds; a quarter of an hour means something hangs.
BOUWTIJD_SECONDEN = 15 * 60


@shared_task(
    name="rapportage.monitoringrapport_bouwen",
    acks_late=True,
    soft_time_limit=BOUWTIJD_SECONDEN,
    time_limit=BOUWTIJD_SECONDEN + 60,
)
def monitoringrapport_bouwen(rapport_id: int) -> str | None:
    from rapportage.rapporten.bouwen import monitoringrapport_bouwen as bouwen

    rapport = bouwen(rapport_id=rapport_id)
    return rapport.status if rapport else None


@shared_task(
    name="rapportage.monitoringrapport_melden",
    autoretry_for=(OSError,),  # smtplib's errors are OSErrors
    retry_backoff=True,
    max_retries=5,
)
def monitoringrapport_melden(rapport_id: int) -> int:
    from rapportage.rapporten.meldingen import monitoringrapport_melden as melden

    return melden(rapport_id=rapport_id)


@shared_task(name="rapportage.kwartaalrapport_plannen")
def kwartaalrapport_plannen() -> int | None:
    """Quarterly (beat): the previous quarter's report for every prison, once."""
    from rapportage.rapporten.services import kwartaalrapport_plannen as plannen

    rapport = plannen()
    return rapport.pk if rapport else None
