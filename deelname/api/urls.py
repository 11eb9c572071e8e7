# Placeholder: filled by the API helper.
from typing import Any

urlpatterns: list[Any] = []
