"""Writes of trajecten, one module per topic. Persons and stays are re-exported here."""

from trajecten.services.personen import (
    BIJWERKBARE_VELDEN,
    doelgroepvlag_verwijderen,
    doelgroepvlag_zetten,
    gedetineerde_bijwerken,
    gedetineerde_opnemen,
    gedetineerde_overplaatsen,
    gedetineerde_vrijlaten,
    statuut_wijzigen,
    verblijf_beeindigen,
    verblijf_openen,
)

__all__ = [
    "BIJWERKBARE_VELDEN",
    "doelgroepvlag_verwijderen",
    "doelgroepvlag_zetten",
    "gedetineerde_bijwerken",
    "gedetineerde_opnemen",
    "gedetineerde_overplaatsen",
    "gedetineerde_vrijlaten",
    "statuut_wijzigen",
    "verblijf_beeindigen",
    "verblijf_openen",
]
