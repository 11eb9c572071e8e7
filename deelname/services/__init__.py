"""Writes of deelname: enrolments (inschrijvingen.py) and attendance (aanwezigheden.py)."""
