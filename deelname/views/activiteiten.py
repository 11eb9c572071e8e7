# Placeholder: filled by the helper that owns this module.
from typing import Any

urlpatterns: list[Any] = []
