"""Rooms and closure days through the API: one prison's data, so another prison gets 404."""

import datetime

import pytest
from django.urls import reverse

from aanbod.models import Lokaal, Sluitingsdag
from aanbod.services.lokalen import lokaal_opslaan, sluitingsdag_toevoegen
from hdv.models import Auditrecord

pytestmark = pytest.mark.django_db


@pytest.fixture
def kerstmis(antwerpen, vandaag):
    return sluitingsdag_toevoegen(
        gevangenis=antwerpen,
        datum=vandaag + datetime.timedelta(days=30),
        reden="Kerstmis",
        door=None,
    )


@pytest.fixture
def dag_gent(gent, vandaag):
    return sluitingsdag_toevoegen(gevangenis=gent, datum=vandaag, reden="Inventaris", door=None)


def _ids(response):
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


# --- Rooms -----------------------------------------------------------------------------


def test_it_lists_only_the_rooms_of_ones_own_prisons(
    client, alice, klaslokaal, sportzaal, lokaal_gent
):
    client.force_login(alice)
    data = client.get(reverse("api:lokalen")).json()
    assert [lokaal["naam"] for lokaal in data["results"]] == ["Klas 1", "Sportzaal"]
    assert data["results"][0] == {
        "id": klaslokaal.pk,
        "gevangenis": "ANT",
        "naam": "Klas 1",
        "soort": "klaslokaal",
        "capaciteit": 12,
        "actief": True,
    }


def test_the_rooms_filter(client, eva, klaslokaal, sportzaal, lokaal_gent):
    client.force_login(eva)
    url = reverse("api:lokalen")
    assert _ids(client.get(url, {"gevangenis": "GEN"})) == [lokaal_gent.pk]
    assert _ids(client.get(url, {"soort": "sportzaal"})) == [sportzaal.pk]
    lokaal_opslaan(lokaal=sportzaal, naam="Sportzaal", soort="sportzaal", capaciteit=30,
                   actief=False, door=None)  # fmt: skip
    assert _ids(client.get(url, {"actief": "false"})) == [sportzaal.pk]


def test_the_room_list_pins_its_queries(client, alice, antwerpen, django_assert_num_queries):
    for n in range(15):
        lokaal_opslaan(
            gevangenis=antwerpen, naam=f"Lokaal {n}", soort="klaslokaal", capaciteit=10, door=None
        )
    client.force_login(alice)
    client.get(reverse("api:lokalen"))
    # session, user, 2× permissions, prisons, count, page with prison joined, session save (3)
    with django_assert_num_queries(10):
        data = client.get(reverse("api:lokalen")).json()
    assert data["count"] == 15


def test_a_room_of_another_prison_is_a_404(client, gert, alice, klaslokaal):
    url = reverse("api:lokaal", args=[klaslokaal.pk])
    client.force_login(gert)
    assert client.get(url).status_code == 404
    assert (
        client.patch(url, {"naam": "Van Gent"}, content_type="application/json").status_code == 404
    )
    client.force_login(alice)
    assert client.get(url).json()["naam"] == "Klas 1"
    klaslokaal.refresh_from_db()
    assert klaslokaal.naam == "Klas 1"


def test_anonymous_callers_get_401(client, klaslokaal):
    assert client.get(reverse("api:lokalen")).status_code == 401
    assert client.get(reverse("api:lokaal", args=[klaslokaal.pk])).status_code == 401


def test_olga_adds_a_room(client, olga):
    client.force_login(olga)
    response = client.post(
        reverse("api:lokalen"),
        {"gevangenis": "ANT", "naam": " Atelier ", "soort": "werkplaats", "capaciteit": 8},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    lokaal = Lokaal.objects.get(pk=response.json()["id"])
    assert (lokaal.gevangenis.code, lokaal.naam, lokaal.capaciteit) == ("ANT", "Atelier", 8)
    assert Auditrecord.objects.filter(actie="lokaal_aangemaakt", door=olga).exists()


@pytest.mark.parametrize(
    ("fout", "veld"),
    [
        ({"gevangenis": "GEN"}, "gevangenis"),  # not one of olga's prisons
        ({"soort": "kelder"}, "soort"),
        ({"capaciteit": 0}, "capaciteit"),
        ({"naam": ""}, "naam"),
    ],
)
def test_bad_input_for_a_room_is_a_400_and_saves_nothing(client, olga, gent, fout, veld):
    client.force_login(olga)
    invoer = {"gevangenis": "ANT", "naam": "Atelier", "soort": "werkplaats", "capaciteit": 8}
    response = client.post(
        reverse("api:lokalen"), {**invoer, **fout}, content_type="application/json"
    )
    assert response.status_code == 400
    assert veld in response.json()
    assert not Lokaal.objects.exists()


def test_two_rooms_of_a_prison_have_different_names(client, olga, klaslokaal):
    client.force_login(olga)
    response = client.post(
        reverse("api:lokalen"),
        {"gevangenis": "ANT", "naam": "Klas 1", "soort": "klaslokaal", "capaciteit": 8},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert Lokaal.objects.count() == 1


def test_a_trajectbegeleider_may_not_add_or_change_rooms(client, alice, klaslokaal):
    client.force_login(alice)
    nieuw = client.post(
        reverse("api:lokalen"),
        {"gevangenis": "ANT", "naam": "Atelier", "soort": "werkplaats", "capaciteit": 8},
        content_type="application/json",
    )
    wijziging = client.patch(
        reverse("api:lokaal", args=[klaslokaal.pk]), {"naam": "X"}, content_type="application/json"
    )
    assert (nieuw.status_code, wijziging.status_code) == (403, 403)
    assert Lokaal.objects.count() == 1


def test_olga_changes_a_room_and_keeps_what_she_leaves_out(client, olga, klaslokaal):
    client.force_login(olga)
    response = client.patch(
        reverse("api:lokaal", args=[klaslokaal.pk]),
        {"capaciteit": 16},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    klaslokaal.refresh_from_db()
    assert (klaslokaal.naam, klaslokaal.soort, klaslokaal.capaciteit) == (
        "Klas 1",
        "klaslokaal",
        16,
    )


def test_a_room_does_not_shrink_below_its_activities(client, olga, activiteit, klaslokaal):
    client.force_login(olga)
    response = client.patch(
        reverse("api:lokaal", args=[klaslokaal.pk]),
        {"capaciteit": activiteit.capaciteit - 1},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "capaciteit" in response.json()
    klaslokaal.refresh_from_db()
    assert klaslokaal.capaciteit == 12


# --- Closure days ----------------------------------------------------------------------


def test_it_lists_only_the_closure_days_of_ones_own_prisons(client, alice, kerstmis, dag_gent):
    client.force_login(alice)
    data = client.get(reverse("api:sluitingsdagen")).json()
    assert data["results"] == [
        {
            "id": kerstmis.pk,
            "gevangenis": "ANT",
            "datum": kerstmis.datum.isoformat(),
            "reden": "Kerstmis",
        }
    ]


def test_closure_days_filter_on_dates(client, eva, kerstmis, dag_gent, vandaag):
    client.force_login(eva)
    url = reverse("api:sluitingsdagen")
    morgen = (vandaag + datetime.timedelta(days=1)).isoformat()
    assert _ids(client.get(url, {"datum_van": morgen})) == [kerstmis.pk]
    assert _ids(client.get(url, {"datum_tot": vandaag.isoformat()})) == [dag_gent.pk]
    assert _ids(client.get(url, {"gevangenis": "ANT"})) == [kerstmis.pk]


def test_the_closure_day_list_pins_its_queries(
    client, alice, antwerpen, vandaag, django_assert_num_queries
):
    for n in range(15):
        sluitingsdag_toevoegen(
            gevangenis=antwerpen,
            datum=vandaag + datetime.timedelta(days=n),
            reden="Dicht",
            door=None,
        )
    client.force_login(alice)
    client.get(reverse("api:sluitingsdagen"))
    # session, user, 2× permissions, prisons, count, page with prison joined, session save (3)
    with django_assert_num_queries(10):
        data = client.get(reverse("api:sluitingsdagen")).json()
    assert data["count"] == 15


def test_olga_adds_a_closure_day(client, olga, vandaag):
    client.force_login(olga)
    response = client.post(
        reverse("api:sluitingsdagen"),
        {"gevangenis": "ANT", "datum": vandaag.isoformat(), "reden": "Personeelsfeest"},
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    assert Sluitingsdag.objects.get().reden == "Personeelsfeest"


@pytest.mark.parametrize(
    ("fout", "veld"),
    [
        ({"gevangenis": "GEN"}, "gevangenis"),
        ({"datum": "morgen"}, "datum"),
        ({"reden": ""}, "reden"),
    ],
)
def test_bad_input_for_a_closure_day_is_a_400_and_saves_nothing(
    client, olga, gent, vandaag, fout, veld
):
    client.force_login(olga)
    invoer = {"gevangenis": "ANT", "datum": vandaag.isoformat(), "reden": "Dicht"}
    response = client.post(
        reverse("api:sluitingsdagen"), {**invoer, **fout}, content_type="application/json"
    )
    assert response.status_code == 400
    assert veld in response.json()
    assert not Sluitingsdag.objects.exists()


def test_a_day_is_closed_once(client, olga, kerstmis):
    client.force_login(olga)
    response = client.post(
        reverse("api:sluitingsdagen"),
        {"gevangenis": "ANT", "datum": kerstmis.datum.isoformat(), "reden": "Nog eens"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert Sluitingsdag.objects.count() == 1


def test_olga_removes_a_closure_day(client, olga, kerstmis):
    client.force_login(olga)
    assert client.get(reverse("api:sluitingsdag", args=[kerstmis.pk])).status_code == 200
    response = client.delete(reverse("api:sluitingsdag", args=[kerstmis.pk]))
    assert response.status_code == 204
    assert not Sluitingsdag.objects.exists()
    assert Auditrecord.objects.filter(actie="sluitingsdag_verwijderd", door=olga).exists()


def test_a_closure_day_of_another_prison_is_a_404(client, gert, kerstmis):
    client.force_login(gert)
    assert client.get(reverse("api:sluitingsdag", args=[kerstmis.pk])).status_code == 404
    assert client.delete(reverse("api:sluitingsdag", args=[kerstmis.pk])).status_code == 404
    assert Sluitingsdag.objects.exists()


def test_a_trajectbegeleider_may_not_add_or_remove_closure_days(client, alice, kerstmis, vandaag):
    client.force_login(alice)
    nieuw = client.post(
        reverse("api:sluitingsdagen"),
        {"gevangenis": "ANT", "datum": vandaag.isoformat(), "reden": "Dicht"},
        content_type="application/json",
    )
    weg = client.delete(reverse("api:sluitingsdag", args=[kerstmis.pk]))
    assert (nieuw.status_code, weg.status_code) == (403, 403)
    assert Sluitingsdag.objects.count() == 1


def test_anonymous_callers_get_401_on_closure_days(client, kerstmis):
    assert client.get(reverse("api:sluitingsdagen")).status_code == 401
    assert client.delete(reverse("api:sluitingsdag", args=[kerstmis.pk])).status_code == 401
