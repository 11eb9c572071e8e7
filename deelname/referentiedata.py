"""The starting tables of deelname: stop reasons and absence reasons.

Tables, not code: a beheerder adds or retires entries. Loaded after every migrate; rows
that exist are kept as they are.
"""

from typing import Any

# (code, naam): the reasons behind the uitval indicator. "overplaatsing", "vrijlating" and
# "verblijf-beeindigd" (death or another end of the stay) are also the system's own reasons
# when a person leaves (deelname.gebeurtenissen). Loaded after every migrate, so an existing
# installation gets a new row with its next migrate, without a data migration.
STOPREDENEN = [
    ("eigen-keuze", "Eigen keuze"),
    ("overplaatsing", "Overplaatsing"),
    ("vrijlating", "Vrijlating"),
    ("verblijf-beeindigd", "Verblijf beëindigd"),
    ("regimeconflict", "Conflict met het regime"),
    ("werk-in-de-gevangenis", "Werk in de gevangenis"),
    ("uitsluiting", "Uitsluiting"),
    ("gezondheid", "Gezondheid"),
    ("veiligheid", "Veiligheid"),
    ("andere", "Andere"),
]

# (code, naam, aanvaardbaar): an acceptable absence does not count against the person.
AFWEZIGHEIDSREDENEN = [
    ("ziek", "Ziek", True),
    ("weigering", "Weigering", False),
    ("bezoek", "Bezoek", True),
    ("advocaat-rechtbank", "Advocaat of rechtbank", True),
    ("werk-in-de-gevangenis", "Werk in de gevangenis", False),
    ("niet-opgehaald", "Niet opgehaald door de bewaking", True),
    ("uitgaansvergunning", "Uitgaansvergunning of verlof", True),
    ("transfer-vrijlating", "Transfer of vrijlating", True),
    ("staking", "Staking", True),
    ("andere", "Andere", False),
]


def referentiedata_laden(sender: Any = None, **kwargs: Any) -> None:
    from deelname.models import Afwezigheidsreden, Stopreden

    if kwargs.get("using", "default") != "default":
        return
    for code, naam in STOPREDENEN:
        Stopreden.objects.get_or_create(code=code, defaults={"naam": naam})
    for code, naam, aanvaardbaar in AFWEZIGHEIDSREDENEN:
        Afwezigheidsreden.objects.get_or_create(
            code=code, defaults={"naam": naam, "aanvaardbaar": aanvaardbaar}
        )
