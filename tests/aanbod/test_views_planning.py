"""The week planning: rooms × days of one ISO week, and the planners' home panel."""

import datetime

import pytest
from django.urls import reverse

from aanbod.services.annuleringen import sessie_annuleren
from aanbod.services.lokalen import lokaal_opslaan, sluitingsdag_toevoegen
from aanbod.services.planning import SlotInvoer, activiteit_aanmaken
from aanbod.views.panelen import registreer_panelen
from aanbod.views.planning import isoweek, maandag_van

pytestmark = pytest.mark.django_db


def _planning(client, user, week=None):
    client.force_login(user)
    url = reverse("aanbod:planning") + (f"?week={week}" if week else "")
    response = client.get(url)
    assert response.status_code == 200
    return response


def _maandag(vandaag):
    return vandaag - datetime.timedelta(days=vandaag.weekday())


def test_it_shows_this_weeks_sessions_per_room_and_day(client, olga, activiteit, vandaag):
    response = _planning(client, olga)
    assert response.context["week"] == isoweek(vandaag)
    (_lokaal, cellen), *_ = [r for r in response.context["rijen"] if r[0].naam == "Klas 1"]
    maandag, donderdag = cellen[0], cellen[3]
    assert [s.begintijd for s in maandag] == [datetime.time(9)]
    assert [s.begintijd for s in donderdag] == [datetime.time(13, 30)]
    assert all(cellen[i] == [] for i in (1, 2, 4, 5, 6))
    tekst = response.text
    assert "Nederlands tweede taal A1" in tekst
    assert "09:00–11:00" in tekst
    assert '<th scope="row">Klas 1' in tekst


def test_a_cancelled_session_is_struck_through_with_its_reason(
    client, olga, activiteit, vandaag, andere_reden
):
    sessie = activiteit.sessies.filter(datum__gt=vandaag).first()
    sessie_annuleren(sessie=sessie, reden=andere_reden, toelichting="Lesgever ziek", door=olga)
    tekst = _planning(client, olga, isoweek(sessie.datum)).text
    assert "<del>" in tekst
    assert "Andere – Lesgever ziek" in tekst
    assert "geannuleerd:" in tekst  # said to screen readers, not only shown by the stroke


def test_it_goes_to_the_previous_and_next_week(client, olga, activiteit, vandaag):
    volgende = isoweek(_maandag(vandaag) + datetime.timedelta(days=7))
    response = _planning(client, olga, volgende)
    assert response.context["week"] == volgende
    assert response.context["vorige"] == isoweek(vandaag)
    assert f"?week={isoweek(vandaag)}" in response.text  # back to this week


@pytest.mark.parametrize("week", ["2026-W99", "zomaar", "2026-W", "99999-W01", "-W12"])
def test_a_week_that_is_not_one_shows_this_week(client, olga, vandaag, week):
    assert _planning(client, olga, week).context["week"] == isoweek(vandaag)


def test_week_numbers_follow_iso_8601():
    assert maandag_van("2026-W48", datetime.date(2000, 1, 1)) == datetime.date(2026, 11, 23)
    assert maandag_van("2021-w01", datetime.date(2000, 1, 1)) == datetime.date(2021, 1, 4)
    assert isoweek(datetime.date(2027, 1, 1)) == "2026-W53"


def test_a_closure_day_is_marked_in_its_column(client, olga, antwerpen, klaslokaal, vandaag):
    dag = _maandag(vandaag) + datetime.timedelta(days=2)
    sluitingsdag_toevoegen(gevangenis=antwerpen, datum=dag, reden="Inventaris", door=olga)
    response = _planning(client, olga)
    assert response.context["kolommen"][2][1].reden == "Inventaris"
    assert "Gesloten: Inventaris" in response.text


def test_it_shows_only_the_active_prison(client, gert, activiteit, lokaal_gent):
    response = _planning(client, gert)
    assert [lokaal.naam for lokaal, _cellen in response.context["rijen"]] == ["Klas G"]
    assert "Nederlands tweede taal" not in response.text


def test_a_planner_gets_the_day_actions_and_a_reader_does_not(client, olga, alice, klaslokaal):
    assert "Dag annuleren" in _planning(client, olga).text
    assert "Dag annuleren" not in _planning(client, alice).text


def test_it_reads_the_week_in_a_fixed_number_of_queries(
    client, olga, antwerpen, nederlands, vandaag, django_assert_num_queries
):
    for i in range(6):
        lokaal = lokaal_opslaan(
            gevangenis=antwerpen, naam=f"Lokaal {i}", soort="klaslokaal", capaciteit=20, door=None
        )
        activiteit_aanmaken(
            aanbod=nederlands,
            gevangenis=antwerpen,
            startdatum=vandaag - datetime.timedelta(weeks=1),
            einddatum=vandaag + datetime.timedelta(weeks=2),
            lokaal=lokaal,
            capaciteit=10,
            slots=[
                SlotInvoer(weekdag=d, begintijd=datetime.time(9), eindtijd=datetime.time(10))
                for d in range(5)
            ],
            door=None,
        )
    client.force_login(olga)
    client.get(reverse("aanbod:planning"))
    # session, user, 2× permissions, the user's prisons; sessions of the week (with
    # activity, offer and reason), closure days, rooms; then the session save (savepoint,
    # update, release). Six rooms and thirty sessions add nothing.
    with django_assert_num_queries(11):
        response = client.get(reverse("aanbod:planning"))
    assert response.context["aantal"] == 30


@pytest.fixture
def paneel():
    registreer_panelen()


def test_the_home_panel_counts_todays_sessions(
    client, olga, nederlands, antwerpen, klaslokaal, vandaag, paneel, staking
):
    activiteit = activiteit_aanmaken(
        aanbod=nederlands,
        gevangenis=antwerpen,
        startdatum=vandaag,
        einddatum=vandaag,
        lokaal=klaslokaal,
        capaciteit=10,
        slots=[
            SlotInvoer(vandaag.weekday(), datetime.time(9), datetime.time(10)),
            SlotInvoer(vandaag.weekday(), datetime.time(13), datetime.time(14)),
        ],
        door=olga,
    )
    sessie_annuleren(sessie=activiteit.sessies.first(), reden=staking, door=olga)
    client.force_login(olga)
    tekst = client.get(reverse("home")).text
    assert "Vandaag in Antwerpen: 2 sessies, 1 geannuleerd." in tekst
    assert reverse("aanbod:planning") in tekst


def test_the_home_panel_is_for_planners_only(client, alice, paneel):
    client.force_login(alice)
    assert "Planning van vandaag" not in client.get(reverse("home")).text
