"""One row of the route walker's table (tests/test_routes.py); apps keep their own rows."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True)
class Route:
    mag: str | None  # fixture name of a user who gets 200; None for public routes
    geen_recht: str | None = None  # signed in, without the permission → 403
    buiten_scope: str | None = None  # has the permission, object in another prison → 404
    kwargs: Callable[[Any], dict[str, Any]] = field(default=lambda f: {})
    api: bool = False
    methode: str = "get"
    ok_status: int = 200
    # The object is Flanders-wide reference data (a prison, a catalogue item), not of one
    # prison: there is no "other prison" to get a 404 from.
    vlaams: bool = False
