import os

from celery import Celery, signals

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hdv.settings")

app = Celery("hdv")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@signals.task_prerun.connect
def _request_id_van_taak(task_id: str | None = None, **kwargs: object) -> None:
    """Audit records written by a task carry the task's id as their request id."""
    from hdv.request_context import zet_request_id

    zet_request_id(task_id or "")
