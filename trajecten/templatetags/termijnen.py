"""Dates against today: ``{% if plan.volgende_herziening|verstreken %}`` flags what is late."""

from __future__ import annotations

import datetime

from django import template
from django.utils import timezone

register = template.Library()


@register.filter
def verstreken(datum: datetime.date | None) -> bool:
    """True for a date before today (local time); an empty date is never late."""
    if datum is None:
        return False
    if isinstance(datum, datetime.datetime):
        datum = timezone.localtime(datum).date()
    return datum < timezone.localdate()
