"""Rows of the route walker for aanbod (api)."""

from tests.routetabel import Route

ROUTES: dict[str, Route] = {}
