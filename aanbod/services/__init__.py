"""Writes of the offer catalogue and the planning. Views, API, admin and tasks call these."""
