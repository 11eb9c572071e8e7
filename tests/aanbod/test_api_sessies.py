"""Sessions and cancellations through the API: one session, a strike day, undo; reference tables."""

import datetime

import pytest
from django.urls import reverse

from aanbod import gebruik
from aanbod.models import Annuleringsreden, Sessie
from aanbod.services.annuleringen import sessie_annuleren
from aanbod.services.catalogus import aanbod_in_gevangenis_opnemen
from aanbod.services.planning import SlotInvoer, activiteit_aanmaken

pytestmark = pytest.mark.django_db


@pytest.fixture
def sessie(activiteit, vandaag):
    """The next session of the activity."""
    return activiteit.sessies.filter(datum__gt=vandaag).order_by("datum", "begintijd").first()


@pytest.fixture
def stakingsdag(activiteit, sessie, nederlands, antwerpen, sportzaal, vandaag):
    """The day of ``sessie``, on which a second activity meets too."""
    activiteit_aanmaken(
        aanbod=nederlands, gevangenis=antwerpen, startdatum=vandaag,
        einddatum=vandaag + datetime.timedelta(weeks=3), lokaal=sportzaal, capaciteit=20, door=None,
        slots=[SlotInvoer(weekdag=sessie.datum.weekday(), begintijd=datetime.time(16), eindtijd=datetime.time(17))],
    )  # fmt: skip
    assert Sessie.objects.filter(datum=sessie.datum).count() >= 2
    return sessie.datum


@pytest.fixture
def sessie_gent(nederlands, gent, lokaal_gent, vandaag):
    aanbod_in_gevangenis_opnemen(aanbod=nederlands, gevangenis=gent, sinds=vandaag, door=None)
    activiteit = activiteit_aanmaken(
        aanbod=nederlands, gevangenis=gent, startdatum=vandaag,
        einddatum=vandaag + datetime.timedelta(days=6), lokaal=lokaal_gent, capaciteit=8,
        slots=[SlotInvoer(weekdag=vandaag.weekday(), begintijd=datetime.time(10), eindtijd=datetime.time(12))],
        door=None,
    )  # fmt: skip
    return activiteit.sessies.get()


@pytest.fixture
def in_gebruik(sessie, monkeypatch):
    """``sessie`` has attendance (as deelname would report it)."""
    # A copy of the registered checks (deelname's among them), restored afterwards.
    monkeypatch.setattr(gebruik, "_controles", [*gebruik._controles])
    gebruik.registreer_gebruikscontrole(lambda ids: {sessie.pk} & set(ids))
    return sessie


def _post(client, url, data=None):
    return client.post(url, data or {}, content_type="application/json")


def _ids(response):
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


# --- Reading ---------------------------------------------------------------------------


def test_it_lists_only_the_sessions_of_ones_own_prisons(client, olga, activiteit, sessie_gent):
    client.force_login(olga)
    data = client.get(reverse("api:sessies"), {"page_size": 200}).json()
    assert data["count"] == activiteit.sessies.count()
    assert {s["gevangenis"] for s in data["results"]} == {"ANT"}
    eerste = data["results"][0]
    assert (eerste["weergavenaam"], eerste["geannuleerd"], eerste["annuleringsreden"]) == (
        "Nederlands tweede taal A1",
        False,
        None,
    )


def test_the_sessions_filter(client, eva, activiteit, sessie, sessie_gent, staking, olga, vandaag):
    sessie_annuleren(sessie=sessie, reden=staking, door=olga)
    client.force_login(eva)
    url = reverse("api:sessies")
    assert _ids(client.get(url, {"gevangenis": "GEN"})) == [sessie_gent.pk]
    assert _ids(client.get(url, {"activiteit": sessie_gent.activiteit_id})) == [sessie_gent.pk]
    assert _ids(client.get(url, {"geannuleerd": "true"})) == [sessie.pk]
    dag = sessie.datum.isoformat()
    assert _ids(client.get(url, {"datum_van": dag, "datum_tot": dag})) == [sessie.pk]
    gisteren = (vandaag - datetime.timedelta(days=1)).isoformat()
    verleden = client.get(url, {"datum_tot": gisteren, "page_size": 200}).json()["results"]
    assert verleden
    assert all(s["datum"] <= gisteren for s in verleden)
    niet = client.get(url, {"geannuleerd": "false", "page_size": 200}).json()
    assert niet["count"] == Sessie.objects.count() - 1


def test_the_session_list_pins_its_queries(client, alice, activiteit, django_assert_num_queries):
    client.force_login(alice)
    client.get(reverse("api:sessies"))
    # session, user, 2× permissions, prisons, count, page with activity, offer, prison and
    # reason joined, session save (3)
    with django_assert_num_queries(10):
        data = client.get(reverse("api:sessies")).json()
    assert data["count"] > 10


def test_the_detail_of_a_session(client, alice, sessie):
    client.force_login(alice)
    data = client.get(reverse("api:sessie", args=[sessie.pk])).json()
    assert (data["datum"], data["begintijd"], data["lokaal"]) == (
        sessie.datum.isoformat(),
        f"{sessie.begintijd:%H:%M:%S}",
        sessie.lokaal_id,
    )


def test_a_session_of_another_prison_is_a_404(client, gert, sessie, staking):
    client.force_login(gert)
    assert client.get(reverse("api:sessie", args=[sessie.pk])).status_code == 404
    annuleren = _post(
        client, reverse("api:sessie_annuleren", args=[sessie.pk]), {"reden": "staking"}
    )
    ongedaan = _post(client, reverse("api:annulering_ongedaan", args=[sessie.pk]))
    assert (annuleren.status_code, ongedaan.status_code) == (404, 404)
    sessie.refresh_from_db()
    assert not sessie.geannuleerd


def test_anonymous_callers_get_401(client, sessie):
    assert client.get(reverse("api:sessies")).status_code == 401
    assert client.get(reverse("api:sessie", args=[sessie.pk])).status_code == 401
    assert _post(client, reverse("api:sessie_annuleren", args=[sessie.pk])).status_code == 401
    assert _post(client, reverse("api:dag_annuleren")).status_code == 401


# --- Cancelling one session -------------------------------------------------------------


def test_olga_cancels_a_session(client, olga, sessie, staking):
    client.force_login(olga)
    response = _post(
        client,
        reverse("api:sessie_annuleren", args=[sessie.pk]),
        {"reden": "staking", "toelichting": "Vakbondsactie"},
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert (data["geannuleerd"], data["annuleringsreden"], data["annulering_toelichting"]) == (
        True,
        "staking",
        "Vakbondsactie",
    )
    sessie.refresh_from_db()
    assert (sessie.annuleringsreden, sessie.geannuleerd_door) == (staking, olga)


def test_a_trajectbegeleider_may_not_cancel(client, alice, sessie, stakingsdag):
    client.force_login(alice)
    een = _post(client, reverse("api:sessie_annuleren", args=[sessie.pk]), {"reden": "staking"})
    dag = _post(
        client,
        reverse("api:dag_annuleren"),
        {"gevangenis": "ANT", "datum": stakingsdag.isoformat(), "reden": "staking"},
    )
    assert (een.status_code, dag.status_code) == (403, 403)
    assert not Sessie.objects.filter(annuleringsreden__isnull=False).exists()


@pytest.mark.parametrize(
    ("invoer", "veld"),
    [
        ({"reden": "regen"}, "reden"),  # no such reason
        ({}, "reden"),
        ({"reden": "andere", "toelichting": "  "}, "toelichting"),  # "andere" needs a text
        ({"reden": "oud"}, "reden"),  # retired
    ],
)
def test_a_bad_reason_is_a_400_and_cancels_nothing(client, olga, sessie, invoer, veld):
    Annuleringsreden.objects.create(code="oud", naam="Oude reden", actief=False)
    client.force_login(olga)
    response = _post(client, reverse("api:sessie_annuleren", args=[sessie.pk]), invoer)
    assert response.status_code == 400
    assert veld in response.json()
    sessie.refresh_from_db()
    assert not sessie.geannuleerd


def test_a_session_is_cancelled_once(client, olga, sessie, staking):
    sessie_annuleren(sessie=sessie, reden=staking, door=olga)
    client.force_login(olga)
    response = _post(
        client, reverse("api:sessie_annuleren", args=[sessie.pk]), {"reden": "staking"}
    )
    assert response.status_code == 400


def test_a_session_with_attendance_needs_confirmation(client, olga, in_gebruik):
    client.force_login(olga)
    url = reverse("api:sessie_annuleren", args=[in_gebruik.pk])
    response = _post(client, url, {"reden": "staking"})
    assert response.status_code == 400
    assert "bevestigd" in response.json()
    in_gebruik.refresh_from_db()
    assert not in_gebruik.geannuleerd
    response = _post(client, url, {"reden": "staking", "bevestigd": True})
    assert response.status_code == 200
    in_gebruik.refresh_from_db()
    assert in_gebruik.geannuleerd


# --- A strike day and undo --------------------------------------------------------------


def test_a_strike_cancels_the_day_and_undoing_one_brings_the_day_back(
    client, olga, stakingsdag, sessie_gent
):
    client.force_login(olga)
    response = _post(
        client,
        reverse("api:dag_annuleren"),
        {"gevangenis": "ANT", "datum": stakingsdag.isoformat(), "reden": "staking"},
    )
    assert response.status_code == 200, response.content
    geannuleerd = response.json()["sessies"]
    op_die_dag = Sessie.objects.filter(datum=stakingsdag, activiteit__gevangenis__code="ANT")
    assert len(geannuleerd) == op_die_dag.count() >= 2
    assert all(s["geannuleerd"] and s["annuleringsreden"] == "staking" for s in geannuleerd)
    assert len({s["annulering_groep"] for s in geannuleerd}) == 1
    assert not op_die_dag.filter(annuleringsreden__isnull=True).exists()

    response = _post(client, reverse("api:annulering_ongedaan", args=[geannuleerd[0]["id"]]))
    assert response.status_code == 200, response.content
    assert {s["id"] for s in response.json()["sessies"]} == {s["id"] for s in geannuleerd}
    assert not Sessie.objects.filter(annuleringsreden__isnull=False).exists()


def test_undoing_one_cancelled_session(client, olga, sessie, staking):
    sessie_annuleren(sessie=sessie, reden=staking, door=olga)
    client.force_login(olga)
    response = _post(client, reverse("api:annulering_ongedaan", args=[sessie.pk]))
    assert response.status_code == 200
    assert [s["id"] for s in response.json()["sessies"]] == [sessie.pk]
    sessie.refresh_from_db()
    assert not sessie.geannuleerd


def test_undoing_a_session_that_is_not_cancelled_is_a_400(client, olga, sessie):
    client.force_login(olga)
    assert _post(client, reverse("api:annulering_ongedaan", args=[sessie.pk])).status_code == 400


def test_a_trajectbegeleider_may_not_undo(client, alice, olga, sessie, staking):
    sessie_annuleren(sessie=sessie, reden=staking, door=olga)
    client.force_login(alice)
    assert _post(client, reverse("api:annulering_ongedaan", args=[sessie.pk])).status_code == 403
    sessie.refresh_from_db()
    assert sessie.geannuleerd


@pytest.mark.parametrize(
    ("fout", "veld"),
    [
        ({"gevangenis": "GEN"}, "gevangenis"),  # not one of olga's prisons
        ({"reden": "regen"}, "reden"),
        ({"datum": "2000-01-03"}, "datum"),  # no sessions that day
    ],
)
def test_bad_input_for_a_strike_day_is_a_400_and_cancels_nothing(
    client, olga, gent, stakingsdag, fout, veld
):
    client.force_login(olga)
    invoer = {"gevangenis": "ANT", "datum": stakingsdag.isoformat(), "reden": "staking", **fout}
    response = _post(client, reverse("api:dag_annuleren"), invoer)
    assert response.status_code == 400
    assert veld in response.json()
    assert not Sessie.objects.filter(annuleringsreden__isnull=False).exists()


def test_a_strike_day_with_attendance_needs_confirmation(client, olga, in_gebruik, stakingsdag):
    client.force_login(olga)
    invoer = {"gevangenis": "ANT", "datum": stakingsdag.isoformat(), "reden": "staking"}
    response = _post(client, reverse("api:dag_annuleren"), invoer)
    assert response.status_code == 400
    assert "bevestigd" in response.json()
    assert not Sessie.objects.filter(annuleringsreden__isnull=False).exists()
    response = _post(client, reverse("api:dag_annuleren"), {**invoer, "bevestigd": True})
    assert response.status_code == 200
    assert not Sessie.objects.filter(datum=stakingsdag, annuleringsreden__isnull=True).exists()


# --- Reference tables ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("route", "code"),
    [
        ("api:rapportagecategorieen", "cvo-ligo-opleiding"),
        ("api:doelgroepen", "anderstaligen"),
        ("api:annuleringsredenen", "staking"),
    ],
)
def test_reference_tables_are_read_only_lists(
    client, alice, route, code, django_assert_num_queries
):
    client.force_login(alice)
    client.get(reverse(route))
    # session, user, the user's and groups' permissions (2: is this a detainee's terminal
    # account? they get no API), count, page, session save (3)
    with django_assert_num_queries(9):
        response = client.get(reverse(route))
    assert code in {item["code"] for item in response.json()["results"]}
    assert client.post(reverse(route), {"code": "x"}).status_code == 405


def test_reference_tables_filter(client, alice):
    Annuleringsreden.objects.create(code="oud", naam="Oude reden", actief=False)
    client.force_login(alice)
    actief = client.get(reverse("api:annuleringsredenen"), {"actief": "false"}).json()
    assert [r["code"] for r in actief["results"]] == ["oud"]
    werk = client.get(reverse("api:rapportagecategorieen"), {"levensdomein": "werk"}).json()
    assert {c["code"] for c in werk["results"]} == {
        "vdab-beroepsopleiding",
        "vdab-werkplekleren",
        "vdab-toeleiding-werk",
    }


def test_reference_tables_need_a_sign_in(client, db):
    assert client.get(reverse("api:doelgroepen")).status_code == 401


@pytest.mark.parametrize(
    "pad",
    [
        "/api/v1/sessies/?activiteit=99999999999999999999999",
        "/api/v1/aanbod/?organisatie=99999999999999999999999",
        "/api/v1/activiteiten/?lokaal=-1",
        "/api/v1/beschikbaarheden/?aanbod=1.5",
    ],
)
def test_an_id_filter_out_of_range_is_a_400(client, olga, pad):
    client.force_login(olga)
    assert client.get(pad).status_code == 400
