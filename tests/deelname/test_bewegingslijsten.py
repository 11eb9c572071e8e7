"""Movement lists: per prison, day and time slot, who goes from which wing to which room.

As for the other printouts, the tests read the HTML (the screen, and the PDF's template
rendered as HTML); the PDF itself is checked for being one, with the right name.
"""

import datetime
import itertools
import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from aanbod.services.annuleringen import sessie_annuleren
from aanbod.services.planning import SlotInvoer, activiteit_aanmaken
from deelname import afdrukken
from deelname.bewegingslijsten import bewegingslijst
from deelname.models import Bron, Status, Stopreden
from deelname.services.aanwezigheden import Registratie, aanwezigheden_registreren
from deelname.services.inschrijvingen import inschrijving_aanvragen, inschrijving_stopzetten
from tests.deelname.klok import op
from trajecten.services.personen import gedetineerde_opnemen, gedetineerde_overplaatsen

pytestmark = pytest.mark.django_db

LIJST = reverse("deelname:bewegingslijst")
# Every check at enrolment overridden: these tests are about who moves, not who may enrol.
OVERSCHRIJVEN = dict.fromkeys(
    ("botsing", "groep", "detentie", "taal", "niveau", "doelgroep"), "test"
)
_nummers = itertools.count(1)


def _lijst_url(gevangenis, naam="deelname:bewegingslijst_gevangenis"):
    return reverse(naam, kwargs={"pk": gevangenis.pk})


def _persoon(gevangenis, voornaam, achternaam, afdeling):
    return gedetineerde_opnemen(
        detineenummer=f"B{next(_nummers):06d}", voornaam=voornaam, achternaam=achternaam,
        geboortedatum=datetime.date(1990, 1, 1), geslacht="M", gevangenis=gevangenis,
        van=datetime.date(2025, 1, 6), afdeling=afdeling, door=None,
    )  # fmt: skip


def _inschrijven(persoon, activiteit, door, **kwargs):
    return inschrijving_aanvragen(
        gedetineerde=persoon, activiteit=activiteit, bron=Bron.TRAJECTBEGELEIDER, door=door,
        overschrijven=OVERSCHRIJVEN, **kwargs,
    )  # fmt: skip


def _activiteit(aanbod, gevangenis, lokaal, dag, begin, einde, naam, door, capaciteit=10):
    return activiteit_aanmaken(
        aanbod=aanbod, gevangenis=gevangenis, naam=naam, lokaal=lokaal, capaciteit=capaciteit,
        startdatum=dag - datetime.timedelta(weeks=1), einddatum=dag + datetime.timedelta(weeks=4),
        slots=[SlotInvoer(weekdag=dag.weekday(), begintijd=begin, eindtijd=einde)], door=door,
    )  # fmt: skip


def _html(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def _tekst(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _sloten(html: str) -> dict[str, list[str]]:
    """Per time slot (its h2), the rows of its table as plain text."""
    sloten = {}
    for kop, inhoud in re.findall(r"<h2[^>]*>([^<]*)</h2>(.*?)</section>", html, flags=re.S):
        body = inhoud.split("<tbody>")[1] if "<tbody>" in inhoud else ""
        sloten[kop] = [_tekst(rij) for rij in re.findall(r"<tr[^>]*>(.*?)</tr>", body, flags=re.S)]
    return sloten


@pytest.fixture
def maandag(vandaag):
    """The next Monday after today: the activiteit fixture has a session then, 09:00–11:00."""
    return vandaag + datetime.timedelta(days=7 - vandaag.weekday())


@pytest.fixture
def sportgroep(nederlands, antwerpen, sportzaal, maandag, olga):
    """A second group on the same Monday and the same hours, in the sports hall."""
    return _activiteit(
        nederlands,
        antwerpen,
        sportzaal,
        maandag,
        datetime.time(9),
        datetime.time(11),
        "groep B",
        olga,
    )


@pytest.fixture
def namiddag(nederlands, antwerpen, sportzaal, maandag, olga):
    return _activiteit(
        nederlands,
        antwerpen,
        sportzaal,
        maandag,
        datetime.time(13),
        datetime.time(15),
        "namiddag",
        olga,
    )


@pytest.fixture
def deelnemers(antwerpen, activiteit, sportgroep, namiddag, olga):
    """Five people on three wings (and one without), spread over the Monday's sessions."""
    mensen = {
        "aerts": _persoon(antwerpen, "Zeger", "Aerts", "B2"),
        "anna": _persoon(antwerpen, "Anna", "Claes", "A10"),
        "bart": _persoon(antwerpen, "Bart", "Claes", "A2"),
        "dams": _persoon(antwerpen, "Karel", "Dams", ""),
        "peeters": _persoon(antwerpen, "Eddy", "Peeters", "A2"),
    }
    for sleutel in ("aerts", "anna", "bart", "dams"):
        _inschrijven(mensen[sleutel], activiteit, olga)
    _inschrijven(mensen["peeters"], sportgroep, olga)
    _inschrijven(mensen["anna"], namiddag, olga)
    return mensen


# --- what is on the list ---------------------------------------------------------------------


def test_it_lists_per_slot_who_goes_where_by_wing_then_name(
    client, olga, antwerpen, deelnemers, maandag
):
    client.force_login(olga)
    html = _html(client.get(_lijst_url(antwerpen), {"datum": maandag.isoformat()}))
    assert "Bewegingslijst Antwerpen" in html
    nummer = {k: p.detineenummer for k, p in deelnemers.items()}
    assert _sloten(html) == {
        "09:00–11:00": [
            f"A2 Claes, Bart {nummer['bart']} Klas 1 Nederlands tweede taal A1",
            f"A2 Peeters, Eddy {nummer['peeters']} Sportzaal Nederlands tweede taal A1 – groep B",
            f"A10 Claes, Anna {nummer['anna']} Klas 1 Nederlands tweede taal A1",
            f"B2 Aerts, Zeger {nummer['aerts']} Klas 1 Nederlands tweede taal A1",
            f"onbekend Dams, Karel {nummer['dams']} Klas 1 Nederlands tweede taal A1",
        ],
        "13:00–15:00": [
            f"A10 Claes, Anna {nummer['anna']} Sportzaal Nederlands tweede taal A1 – namiddag",
        ],
    }
    tekst = _tekst(html)
    assert "Klas 1: Nederlands tweede taal A1 · 4 deelnemers" in tekst
    assert "Sportzaal: Nederlands tweede taal A1 – groep B · 1 deelnemer" in tekst
    assert "6 bewegingen." in tekst
    # The wing comes first: the guards collect people wing by wing.
    assert re.search(r"<thead><tr>\s*<th scope=\"col\">Afdeling</th>", html)


def test_by_default_it_shows_today_in_the_active_prison(
    client, olga, antwerpen, activiteit, vandaag
):
    client.force_login(olga)
    html = _html(client.get(LIJST))
    assert f'value="{vandaag.isoformat()}"' in html
    assert f"?datum={vandaag.isoformat()}" in html  # the PDF link is for the same day
    assert "Bewegingslijst Antwerpen" in html


def test_a_day_without_sessions_says_so(client, olga, antwerpen, activiteit, maandag):
    client.force_login(olga)
    dinsdag = maandag + datetime.timedelta(days=1)
    html = _html(client.get(_lijst_url(antwerpen), {"datum": dinsdag.isoformat()}))
    assert "Geen sessies op deze dag." in html


def test_a_session_without_participants_shows_its_room_but_no_rows(
    client, olga, antwerpen, activiteit, maandag
):
    client.force_login(olga)
    html = _html(client.get(_lijst_url(antwerpen), {"datum": maandag.isoformat()}))
    assert "Klas 1: Nederlands tweede taal A1 · 0 deelnemers" in _tekst(html)
    assert "Niemand te verplaatsen in dit tijdslot." in html
    assert _sloten(html) == {"09:00–11:00": []}


def test_cancelled_sessions_are_left_off_and_counted(
    client, olga, antwerpen, deelnemers, sportgroep, staking, maandag
):
    sessie_annuleren(sessie=sportgroep.sessies.get(datum=maandag), reden=staking, door=olga)
    client.force_login(olga)
    html = _html(client.get(_lijst_url(antwerpen), {"datum": maandag.isoformat()}))
    ochtend = _sloten(html)["09:00–11:00"]
    assert len(ochtend) == 4
    assert not any("Peeters" in rij for rij in ochtend)
    assert "groep B" not in html
    assert "1 geannuleerde sessie is weggelaten." in html


def test_only_enrolments_holding_a_place_are_on_it(
    client, olga, antwerpen, nederlands, sportzaal, maandag
):
    klein = _activiteit(
        nederlands, antwerpen, sportzaal, maandag, datetime.time(9), datetime.time(10), "klein", olga,
        capaciteit=2,
    )  # fmt: skip
    ingeschreven = _inschrijven(_persoon(antwerpen, "Ilse", "Ingeschreven", "C1"), klein, olga)
    gestopt = _inschrijven(_persoon(antwerpen, "Stijn", "Gestopt", "C1"), klein, olga)
    wachtend = _inschrijven(_persoon(antwerpen, "Wim", "Wachtend", "C1"), klein, olga)
    aangevraagd = _inschrijven(
        _persoon(antwerpen, "Ann", "Aangevraagd", "C1"), klein, olga, plaatsen=False
    )
    inschrijving_stopzetten(
        inschrijving=gestopt, stopreden=Stopreden.objects.get(code="eigen-keuze"),
        beslist_door="deelnemer", door=olga,
    )  # fmt: skip
    ingeschreven.refresh_from_db()
    wachtend.refresh_from_db()
    aangevraagd.refresh_from_db()
    assert (ingeschreven.status, wachtend.status, aangevraagd.status) == (
        Status.INGESCHREVEN,
        Status.WACHTLIJST,
        Status.AANGEVRAAGD,
    )
    client.force_login(olga)
    rijen = _sloten(_html(client.get(_lijst_url(antwerpen), {"datum": maandag.isoformat()})))
    assert [rij.split(" B")[0] for rij in rijen["09:00–10:00"]] == ["C1 Ingeschreven, Ilse"]


def test_people_placed_after_the_day_are_not_on_its_list(
    client, olga, antwerpen, deelnemers, activiteit, vandaag
):
    vorige_maandag = vandaag - datetime.timedelta(days=vandaag.weekday() or 7)
    assert activiteit.sessies.filter(datum=vorige_maandag).exists()
    client.force_login(olga)
    html = _html(client.get(_lijst_url(antwerpen), {"datum": vorige_maandag.isoformat()}))
    assert _sloten(html)["09:00–11:00"] == []  # everyone was placed today


def test_someone_transferred_away_is_not_on_the_list(
    client, olga, antwerpen, gent, deelnemers, maandag, vandaag
):
    gedetineerde_overplaatsen(gedetineerde=deelnemers["aerts"], naar=gent, datum=vandaag, door=olga)
    client.force_login(olga)
    html = _html(client.get(_lijst_url(antwerpen), {"datum": maandag.isoformat()}))
    assert "Aerts" not in html


def test_the_wing_is_the_one_of_the_open_stay(client, olga, antwerpen, deelnemers, maandag):
    from trajecten.models import Verblijf

    # The wing a person moved to (the open stay), not the one of an earlier stay.
    Verblijf.objects.filter(gedetineerde=deelnemers["dams"], tot__isnull=True).update(afdeling="D4")
    client.force_login(olga)
    rijen = _sloten(_html(client.get(_lijst_url(antwerpen), {"datum": maandag.isoformat()})))
    assert rijen["09:00–11:00"][-1].startswith("D4 Dams, Karel")


def test_people_registered_absent_for_the_session_are_left_off(
    client, olga, antwerpen, nederlands, sportzaal, vandaag
):
    vandaag_activiteit = _activiteit(
        nederlands, antwerpen, sportzaal, vandaag, datetime.time(8), datetime.time(9), "vroeg", olga
    )
    ziek = _inschrijven(_persoon(antwerpen, "Zoë", "Ziek", "E1"), vandaag_activiteit, olga)
    er = _inschrijven(_persoon(antwerpen, "Erik", "Aanwezig", "E1"), vandaag_activiteit, olga)
    sessie = vandaag_activiteit.sessies.get(datum=vandaag)
    with op(vandaag, 10):  # after the session's start, whatever the hour the suite runs
        aanwezigheden_registreren(
            sessie=sessie,
            registraties=[Registratie(ziek.pk, "afwezig", "ziek"), Registratie(er.pk, "aanwezig")],
            door=olga,
        )
    client.force_login(olga)
    html = _html(client.get(_lijst_url(antwerpen), {"datum": vandaag.isoformat()}))
    rijen = _sloten(html)["08:00–09:00"]
    assert [rij.split(" B")[0] for rij in rijen] == ["E1 Aanwezig, Erik"]
    assert "1 deelnemer · 1 afwezig gemeld" in _tekst(html)


def test_it_shows_only_the_chosen_prisons_sessions(
    client, eva, antwerpen, gent, nederlands, lokaal_gent, deelnemers, maandag, olga
):
    from aanbod.services.catalogus import aanbod_in_gevangenis_opnemen

    aanbod_in_gevangenis_opnemen(
        aanbod=nederlands, gevangenis=gent, sinds=maandag - datetime.timedelta(days=60), door=None
    )
    in_gent = _activiteit(
        nederlands, gent, lokaal_gent, maandag, datetime.time(9), datetime.time(11), "Gent", None
    )
    geert = _persoon(gent, "Geert", "Gentenaar", "G1")
    _inschrijven(geert, in_gent, None)
    client.force_login(eva)
    antwerpen_html = _html(client.get(_lijst_url(antwerpen), {"datum": maandag.isoformat()}))
    gent_html = _html(client.get(_lijst_url(gent), {"datum": maandag.isoformat()}))
    assert "Gentenaar" not in antwerpen_html
    assert "Klas G" not in antwerpen_html
    assert _sloten(gent_html) == {
        "09:00–11:00": [
            f"G1 Gentenaar, Geert {geert.detineenummer} Klas G Nederlands tweede taal A1 – Gent"
        ]
    }


def test_the_selector_counts_its_queries_once(
    antwerpen, olga, deelnemers, maandag, django_assert_num_queries
):
    # sessions, enrolments with wing, registered attendance, excusals (the user's prisons
    # are cached).
    olga._hdv_gevangenissen = [antwerpen]
    # + the permissions (2), to know who may see confidential offers' participants
    with django_assert_num_queries(6):
        lijst = bewegingslijst(user=olga, gevangenis=antwerpen, datum=maandag)
    assert lijst.aantal == 6


# --- access -----------------------------------------------------------------------------------


@pytest.mark.parametrize("gebruiker", ["olga", "alice", "eva"])
def test_prison_wide_staff_may_read_it(client, request, antwerpen, gebruiker):
    client.force_login(request.getfixturevalue(gebruiker))
    assert client.get(_lijst_url(antwerpen)).status_code == 200


@pytest.mark.parametrize("gebruiker", ["dirk", "bob", "frank"])
def test_others_get_a_403(client, request, antwerpen, gebruiker):
    # dirk has no access to persons; bob's organisation registers its own sessions only.
    client.force_login(request.getfixturevalue(gebruiker))
    for naam in ("deelname:bewegingslijst_gevangenis", "deelname:bewegingslijst_pdf"):
        assert client.get(_lijst_url(antwerpen, naam)).status_code == 403
    assert client.get(LIJST).status_code == 403


@pytest.mark.parametrize(
    "naam", ["deelname:bewegingslijst_gevangenis", "deelname:bewegingslijst_pdf"]
)
def test_another_prisons_list_is_a_404(client, gert, charlie, antwerpen, naam):
    for buitenstaander in (gert, charlie):
        client.force_login(buitenstaander)
        assert client.get(_lijst_url(antwerpen, naam)).status_code == 404


def test_an_unknown_prison_is_a_404(client, olga):
    client.force_login(olga)
    url = reverse("deelname:bewegingslijst_gevangenis", kwargs={"pk": 999999})
    assert client.get(url).status_code == 404


@pytest.mark.parametrize("datum", ["morgen", "2026-02-30", "1899-12-31", "31/13/2026"])
@pytest.mark.parametrize(
    "naam", ["deelname:bewegingslijst_gevangenis", "deelname:bewegingslijst_pdf"]
)
def test_a_bad_date_is_a_clear_400(client, olga, antwerpen, naam, datum):
    client.force_login(olga)
    response = client.get(_lijst_url(antwerpen, naam), {"datum": datum})
    assert response.status_code == 400
    assert "Deze datum kennen we niet" in response.content.decode()


def test_a_belgian_date_is_understood(client, olga, antwerpen, deelnemers, maandag):
    client.force_login(olga)
    html = _html(client.get(_lijst_url(antwerpen), {"datum": maandag.strftime("%d/%m/%Y")}))
    assert len(_sloten(html)["09:00–11:00"]) == 5


# --- the PDF ----------------------------------------------------------------------------------


def test_the_pdf(client, olga, antwerpen, deelnemers, maandag):
    client.force_login(olga)
    response = client.get(
        _lijst_url(antwerpen, "deelname:bewegingslijst_pdf"), {"datum": maandag.isoformat()}
    )
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'inline; filename="bewegingslijst-ANT-{maandag.isoformat()}.pdf"'
    )
    assert response.content.startswith(b"%PDF")


def test_the_pdfs_html_has_one_table_per_slot_wing_first_and_says_confidential(
    antwerpen, olga, deelnemers, maandag
):
    lijst = bewegingslijst(user=olga, gevangenis=antwerpen, datum=maandag)
    html = render_to_string(afdrukken.BEWEGINGSLIJST, afdrukken.bewegingslijst_context(lijst))
    assert html.count("<table>") == 2
    # Each table's header repeats on every page: the slot first, then the wing column.
    koppen = re.findall(
        r'<thead>\s*<tr><th scope="colgroup" colspan="5" class="slot">([^<]*)</th></tr>'
        r'\s*<tr>\s*<th scope="col">(\w+)</th>',
        html,
    )
    assert koppen == [("09:00–11:00", "Afdeling"), ("13:00–15:00", "Afdeling")]
    assert "VERTROUWELIJK" in html
    # Prison and date are in every page's header (string-set from the title and date).
    assert "@top-left { content: string(titel)" in html
    assert "@top-right { content: string(datum)" in html
    assert "<h1>Bewegingslijst Antwerpen</h1>" in html
    assert re.search(rf'<p class="datum">Maandag {maandag.day} \w+ {maandag.year}</p>', html)
    # A new wing starts with a heavy line; the first row and a row of the same wing do not.
    rijen = re.findall(
        r"<tr( class=\"nieuwe-afdeling\")?>\s*<td class=\"afdeling\">([^<]*)</td>", html
    )
    assert [(bool(klasse), afdeling) for klasse, afdeling in rijen] == [
        (False, "A2"), (False, "A2"), (True, "A10"), (True, "B2"), (True, "onbekend"), (False, "A10"),
    ]  # fmt: skip


# --- query count ------------------------------------------------------------------------------


def test_the_list_pins_its_queries(
    client, olga, antwerpen, nederlands, sportzaal, activiteit, maandag, django_assert_num_queries
):
    _inschrijven(_persoon(antwerpen, "Eerste", "Persoon", "A1"), activiteit, olga)
    client.force_login(olga)
    url = _lijst_url(antwerpen)
    client.get(url, {"datum": maandag.isoformat()})
    # session, user, permissions (user, groups), prisons; day's sessions with activity,
    # offer and room; enrolments with wing and person; registered attendance; excusals;
    # session save (3)
    with django_assert_num_queries(12):
        html = _html(client.get(url, {"datum": maandag.isoformat()}))
    assert sum(len(r) for r in _sloten(html).values()) == 1

    # More sessions, slots and people cost no extra query.
    for i in range(3):
        extra = _activiteit(
            nederlands, antwerpen, sportzaal, maandag, datetime.time(12 + i), datetime.time(13 + i),
            f"groep {i}", olga,
        )  # fmt: skip
        for j in range(3):
            _inschrijven(_persoon(antwerpen, f"P{i}{j}", "Extra", f"B{j}"), extra, olga)
    with django_assert_num_queries(12):
        html = _html(client.get(url, {"datum": maandag.isoformat()}))
    assert sum(len(r) for r in _sloten(html).values()) == 10
    with django_assert_num_queries(12):
        response = client.get(
            _lijst_url(antwerpen, "deelname:bewegingslijst_pdf"), {"datum": maandag.isoformat()}
        )
    assert response.status_code == 200
