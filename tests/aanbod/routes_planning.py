"""Rows of the route walker for aanbod (planning)."""

from tests.routetabel import Route

ROUTES: dict[str, Route] = {}
