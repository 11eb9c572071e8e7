"""manage.py demo_data: the synthetic demo, loaded through the services, twice without harm.

The command lives in rapportage, the one app that may import every other; each app
loads its own part (hdv.demo, trajecten.demo, aanbod.demo). The offer is tested in
tests/aanbod/test_demo_aanbod.py.
"""

from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command
from django.urls import reverse

from hdv import rollen
from hdv.demo import ACCOUNTS, DEMO_WACHTWOORD, GEVANGENISSEN
from hdv.models import Auditrecord, Gevangenis, Medewerker, Organisatie
from tests.rapportage.gedeelde_demo import SNEL_HASHEN, demo_in_transactie
from trajecten.models import Gedetineerde, Verblijf

# A twentieth of the people: every prison still gets some, and the test stays fast.
SCHAAL = "0.05"

ROL_VAN = {
    "trajectbegeleider": rollen.TRAJECTBEGELEIDER,
    "trajectbegeleider.gent": rollen.TRAJECTBEGELEIDER,
    "organisatieondersteuner": rollen.ORGANISATIEONDERSTEUNER,
    "hulpverlener": rollen.HULPVERLENER,
    "beleidscoordinator": rollen.BELEIDSCOORDINATOR,
    "centraal": rollen.CENTRALE_MEDEWERKER,
    "beheerder": rollen.BEHEERDER,
    "commissie": rollen.GEMENGDE_COMMISSIE,
}


@pytest.fixture(autouse=True)
def _snel_wachtwoord_hashen(settings):
    settings.PASSWORD_HASHERS = SNEL_HASHEN


@pytest.fixture(scope="module")
def _demo_geladen(django_db_setup, django_db_blocker):
    with demo_in_transactie(django_db_blocker, SCHAAL) as uitvoer:
        yield uitvoer


@pytest.fixture
def demo(_demo_geladen, db):
    """The output of the command, in a database with the demo at a twentieth of its scale."""
    return _demo_geladen


def _laden(schaal: str = SCHAAL) -> str:
    uitvoer = StringIO()
    call_command("demo_data", "--schaal", schaal, stdout=uitvoer)
    return uitvoer.getvalue()


def _tellingen() -> dict[str, int]:
    return {
        "gevangenissen": Gevangenis.objects.count(),
        "organisaties": Organisatie.objects.count(),
        "gebruikers": get_user_model().objects.count(),
        "medewerkers": Medewerker.objects.count(),
        "gedetineerden": Gedetineerde.objects.count(),
        "verblijven": Verblijf.objects.count(),
        "auditrecords": Auditrecord.objects.count(),
    }


def test_it_creates_the_prisons_of_flanders_and_brussels(demo):
    codes = set(Gevangenis.objects.values_list("code", flat=True))
    assert codes == {gegevens.code for gegevens in GEVANGENISSEN}
    assert Gevangenis.objects.filter(soort=Gevangenis.Soort.GEVANGENIS).count() == 17
    assert set(
        Gevangenis.objects.filter(soort=Gevangenis.Soort.FPC).values_list("naam", flat=True)
    ) == {"FPC Gent", "FPC Antwerpen"}
    assert Gevangenis.objects.get(naam="Haren").capaciteit == 1190


def test_it_creates_the_partners(demo):
    assert Organisatie.objects.filter(afkorting__startswith="CAW-").count() == 6
    assert set(
        Organisatie.objects.filter(soort=Organisatie.Soort.ADMINISTRATIE).values_list(
            "afkorting", flat=True
        )
    ) == {"AJH", "DG EPI"}
    assert Organisatie.objects.get(afkorting="VDAB").sector == Organisatie.Sector.WERK


def test_it_creates_one_account_per_role(demo):
    for gebruikersnaam, rol in ROL_VAN.items():
        gebruiker = get_user_model().objects.get(username=gebruikersnaam)
        assert list(gebruiker.groups.values_list("name", flat=True)) == [rol], gebruikersnaam
    assert {account.gebruikersnaam for account in ACCOUNTS} == set(ROL_VAN)

    def codes(gebruikersnaam: str) -> set[str]:
        medewerker = Medewerker.objects.get(user__username=gebruikersnaam)
        return set(medewerker.gevangenissen.values_list("code", flat=True))

    assert codes("trajectbegeleider") == {"ANT", "HOO"}
    assert codes("trajectbegeleider.gent") == {"GEN"}
    assert codes("hulpverlener") == {"ANT", "MER", "WOR"}
    assert codes("centraal") == set()
    assert codes("beheerder") == {gegevens.code for gegevens in GEVANGENISSEN}
    assert Medewerker.objects.get(user__username="trajectbegeleider").organisatie.afkorting == (
        "CAW-ANT"
    )


def test_it_puts_people_in_every_prison_with_some_history(demo):
    for gevangenis in Gevangenis.objects.all():
        assert Verblijf.objects.filter(gevangenis=gevangenis, tot__isnull=True).exists(), gevangenis
    assert Verblijf.objects.filter(eindreden=Verblijf.Eindreden.OVERPLAATSING).exists()
    assert Verblijf.objects.filter(eindreden=Verblijf.Eindreden.VRIJLATING).exists()
    # Writes by the system, through the services: the audit trail has them, without a user.
    assert Auditrecord.objects.filter(actie="gedetineerde_opgenomen").count() == (
        Gedetineerde.objects.count()
    )
    assert not Auditrecord.objects.filter(
        actie="gedetineerde_opgenomen", door__isnull=False
    ).exists()


def test_it_changes_nothing_the_second_time(demo):
    na_eerste = _tellingen()

    tweede_uitvoer = _laden()

    assert _tellingen() == na_eerste
    assert "Gevangenissen:" in demo
    nieuw = [regel for regel in tweede_uitvoer.splitlines() if "nieuw)" in regel]
    assert "(0 nieuw)" in tweede_uitvoer
    assert all(regel.endswith("(0 nieuw)") for regel in nieuw), nieuw


def test_the_summary_counts_every_part(demo):
    for label in (
        "Gevangenissen:",
        "Organisaties:",
        "Medewerkers:",
        "Gedetineerden:",
        "Vrijlatingen:",
        "Aanbod:",
        "Aanbod in gevangenissen:",
        "Lokalen:",
        "Activiteiten:",
        "Sessies:",
        "waarvan voorbij:",
        "waarvan vanaf vandaag:",
        "Geannuleerde sessies:",
        "waarvan door staking:",
    ):
        assert label in demo, label
    assert demo.splitlines()[-1] == f"Wachtwoord van de demo-accounts: {DEMO_WACHTWOORD}"


def test_a_larger_scale_adds_to_a_smaller_one(demo):
    # Same seed, same people: the smaller load is a prefix of the larger one.
    eerst = set(Gedetineerde.objects.values_list("detineenummer", "voornaam", "achternaam"))

    _laden("0.1")

    daarna = set(Gedetineerde.objects.values_list("detineenummer", "voornaam", "achternaam"))
    assert eerst < daarna
    assert all(nummer[0] == "D" and len(nummer) == 8 for nummer, _, _ in daarna)


def test_every_demo_account_can_log_in(demo, client):
    for gebruikersnaam in ROL_VAN:
        response = client.post(
            reverse("login"), {"username": gebruikersnaam, "password": DEMO_WACHTWOORD}
        )
        assert response.status_code == 302, gebruikersnaam
        assert response["Location"] == reverse("home")
        client.logout()


@pytest.mark.django_db
def test_it_refuses_a_scale_outside_zero_to_one():
    voor = _tellingen()

    with pytest.raises(CommandError):
        _laden("2")

    assert _tellingen() == voor
