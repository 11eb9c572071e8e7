"""Removing what has expired: sessions past their inactivity limit, old failed logins.

Expired sessions are refused anyway; removing them keeps the session table small and
leaves no stale session data (which names the active prison) lying around.
"""

from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone


def verlopen_sessies_opruimen() -> dict[str, int]:
    from axes.models import AccessAttempt

    nu = timezone.now()
    sessies, _ = Session.objects.filter(expire_date__lt=nu).delete()
    pogingen, _ = AccessAttempt.objects.filter(
        attempt_time__lt=nu - settings.AXES_COOLOFF_TIME
    ).delete()
    return {"sessies": sessies, "mislukte_aanmeldingen": pogingen}
