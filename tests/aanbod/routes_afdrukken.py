"""Rows of the route walker for aanbod (afdrukken)."""

from tests.routetabel import Route

ROUTES: dict[str, Route] = {}
