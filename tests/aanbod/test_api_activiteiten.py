"""Activities through the API: nested slots, field errors from the service, and clashes.

The ``activiteit`` fixture meets on Mondays 9–11 and Thursdays 13.30–15.30 in Klas 1,
with olga as facilitator.
"""

import datetime

import pytest
from django.urls import reverse

from aanbod.models import Activiteit, Sessie
from aanbod.services.catalogus import aanbod_in_gevangenis_opnemen
from aanbod.services.lokalen import sluitingsdag_toevoegen
from aanbod.services.planning import SlotInvoer, activiteit_aanmaken

pytestmark = pytest.mark.django_db

DINSDAG_9_11 = {"weekdag": 1, "begintijd": "09:00", "eindtijd": "11:00"}
MAANDAG_930_1030 = {"weekdag": 0, "begintijd": "09:30", "eindtijd": "10:30"}


def _invoer(nederlands, lokaal, vandaag, **extra):
    return {
        "aanbod": nederlands.pk,
        "gevangenis": "ANT",
        "naam": "groep 2",
        "startdatum": vandaag.isoformat(),
        "einddatum": (vandaag + datetime.timedelta(weeks=4)).isoformat(),
        "lokaal": lokaal.pk,
        "capaciteit": 10,
        "slots": [DINSDAG_9_11],
        **extra,
    }


def _post(client, url, data):
    return client.post(url, data, content_type="application/json")


@pytest.fixture
def activiteit_gent(nederlands, gent, lokaal_gent, vandaag):
    aanbod_in_gevangenis_opnemen(aanbod=nederlands, gevangenis=gent, sinds=vandaag, door=None)
    return activiteit_aanmaken(
        aanbod=nederlands, gevangenis=gent, startdatum=vandaag,
        einddatum=vandaag + datetime.timedelta(weeks=2), lokaal=lokaal_gent, capaciteit=8,
        slots=[SlotInvoer(weekdag=2, begintijd=datetime.time(10), eindtijd=datetime.time(12))],
        door=None,
    )  # fmt: skip


# --- Reading ---------------------------------------------------------------------------


def test_it_lists_only_the_activities_of_ones_own_prisons(
    client, alice, activiteit, activiteit_gent
):
    client.force_login(alice)
    data = client.get(reverse("api:activiteiten")).json()
    assert [a["id"] for a in data["results"]] == [activiteit.pk]
    item = data["results"][0]
    assert (item["gevangenis"], item["weergavenaam"], item["begeleiders"]) == (
        "ANT",
        "Nederlands tweede taal A1",
        [activiteit.begeleiders.get().pk],
    )
    assert item["slots"] == [
        {"week": 1, "weekdag": 0, "begintijd": "09:00:00", "eindtijd": "11:00:00"},
        {"week": 1, "weekdag": 3, "begintijd": "13:30:00", "eindtijd": "15:30:00"},
    ]


def test_the_activities_filter(client, eva, activiteit, activiteit_gent, klaslokaal, nederlands):
    client.force_login(eva)
    url = reverse("api:activiteiten")
    ids = lambda **f: [a["id"] for a in client.get(url, f).json()["results"]]  # noqa: E731
    assert ids(gevangenis="GEN") == [activiteit_gent.pk]
    assert ids(lokaal=klaslokaal.pk) == [activiteit.pk]
    assert set(ids(aanbod=nederlands.pk)) == {activiteit.pk, activiteit_gent.pk}


def test_the_activity_list_pins_its_queries(
    client, alice, olga, nederlands, antwerpen, sportzaal, vandaag, django_assert_num_queries
):
    for dag in range(5):
        activiteit_aanmaken(
            aanbod=nederlands, gevangenis=antwerpen, startdatum=vandaag,
            einddatum=vandaag + datetime.timedelta(weeks=1), lokaal=sportzaal, capaciteit=10,
            slots=[SlotInvoer(weekdag=dag, begintijd=datetime.time(9), eindtijd=datetime.time(10)),
                   SlotInvoer(weekdag=dag, begintijd=datetime.time(14), eindtijd=datetime.time(15))],
            begeleiders=[olga.medewerker], door=None,
        )  # fmt: skip
    client.force_login(alice)
    client.get(reverse("api:activiteiten"))
    # session, user, 2× permissions, prisons, count, page with offer and prison joined,
    # slots, facilitators, session save (3)
    with django_assert_num_queries(12):
        data = client.get(reverse("api:activiteiten")).json()
    assert data["count"] == 5


def test_the_detail_of_an_activity(client, alice, activiteit):
    client.force_login(alice)
    data = client.get(reverse("api:activiteit", args=[activiteit.pk])).json()
    assert (data["lokaal"], data["capaciteit"], len(data["slots"])) == (
        activiteit.lokaal_id,
        10,
        2,
    )


def test_an_activity_of_another_prison_is_a_404(client, gert, activiteit):
    client.force_login(gert)
    url = reverse("api:activiteit", args=[activiteit.pk])
    assert client.get(url).status_code == 404
    response = client.put(url, _bijwerken(activiteit), content_type="application/json")
    assert response.status_code == 404


def test_anonymous_callers_get_401(client, activiteit):
    assert client.get(reverse("api:activiteiten")).status_code == 401
    assert client.get(reverse("api:activiteit", args=[activiteit.pk])).status_code == 401
    assert client.post(reverse("api:activiteit_botsingen"), {}).status_code == 401


# --- Planning --------------------------------------------------------------------------


def test_olga_plans_an_activity_and_its_sessions_are_made(
    client, olga, nederlands, sportzaal, vandaag
):
    client.force_login(olga)
    invoer = _invoer(nederlands, sportzaal, vandaag, begeleiders=[olga.medewerker.pk])
    response = _post(client, reverse("api:activiteiten"), invoer)
    assert response.status_code == 201, response.content
    activiteit = Activiteit.objects.get(pk=response.json()["id"])
    assert (activiteit.naam, activiteit.lokaal, activiteit.capaciteit) == ("groep 2", sportzaal, 10)
    assert list(activiteit.begeleiders.all()) == [olga.medewerker]
    assert activiteit.sessies.count() >= 4
    assert {s.datum.weekday() for s in activiteit.sessies.all()} == {1}
    assert response.json()["slots"] == [
        {"week": 1, "weekdag": 1, "begintijd": "09:00:00", "eindtijd": "11:00:00"}
    ]


def test_a_trajectbegeleider_may_not_plan(
    client, alice, activiteit, nederlands, sportzaal, vandaag
):
    client.force_login(alice)
    nieuw = _post(client, reverse("api:activiteiten"), _invoer(nederlands, sportzaal, vandaag))
    wijziging = client.put(
        reverse("api:activiteit", args=[activiteit.pk]),
        _invoer(nederlands, sportzaal, vandaag),
        content_type="application/json",
    )
    proef = _post(
        client, reverse("api:activiteit_botsingen"), _invoer(nederlands, sportzaal, vandaag)
    )
    assert (nieuw.status_code, wijziging.status_code, proef.status_code) == (403, 403, 403)
    assert Activiteit.objects.count() == 1


@pytest.mark.parametrize(
    ("fout", "veld"),
    [
        (lambda r: {"capaciteit": 13, "lokaal": r["klaslokaal"].pk}, "capaciteit"),  # room: 12
        (lambda r: {"einddatum": (r["vandaag"] - datetime.timedelta(days=1)).isoformat()},
         "einddatum"),
        (lambda r: {"slots": [{"weekdag": 1, "begintijd": "05:00", "eindtijd": "06:30"}]}, "slots"),
        (lambda r: {"slots": [{"weekdag": 1, "begintijd": "11:00", "eindtijd": "10:00"}]}, "slots"),
        (lambda r: {"slots": [{"weekdag": 9, "begintijd": "09:00", "eindtijd": "10:00"}]}, "slots"),
        (lambda r: {"slots": [{"week": 2, **DINSDAG_9_11}]}, "slots"),  # outside a 1-week rota
        (lambda r: {"slots": []}, "slots"),
        (lambda r: {"lokaal": r["lokaal_gent"].pk}, "lokaal"),  # a room of another prison
        (lambda r: {"gevangenis": "GEN"}, "gevangenis"),
        (lambda r: {"begeleiders": [r["gert"].medewerker.pk]}, "begeleiders"),
        (lambda r: {"aanbod": 999}, "aanbod"),
    ],
)  # fmt: skip
def test_bad_input_for_an_activity_is_a_400_and_saves_nothing(
    client, olga, gert, nederlands, sportzaal, klaslokaal, lokaal_gent, vandaag, fout, veld
):
    rollen = {
        "klaslokaal": klaslokaal,
        "lokaal_gent": lokaal_gent,
        "gert": gert,
        "vandaag": vandaag,
    }
    client.force_login(olga)
    invoer = {**_invoer(nederlands, sportzaal, vandaag), **fout(rollen)}
    response = _post(client, reverse("api:activiteiten"), invoer)
    assert response.status_code == 400
    assert veld in response.json()
    assert not Activiteit.objects.exists()
    assert not Sessie.objects.exists()


def test_a_room_of_another_prison_is_refused_also_for_who_works_in_both(
    client, eva, nederlands, lokaal_gent, vandaag
):
    client.force_login(eva)
    response = _post(client, reverse("api:activiteiten"), _invoer(nederlands, lokaal_gent, vandaag))
    assert response.status_code == 400
    assert "lokaal" in response.json()
    assert not Activiteit.objects.exists()


# --- Clashes ---------------------------------------------------------------------------


def test_a_clash_is_refused_with_the_list_and_saves_nothing(
    client, olga, activiteit, nederlands, klaslokaal, vandaag
):
    client.force_login(olga)
    invoer = _invoer(nederlands, klaslokaal, vandaag, slots=[MAANDAG_930_1030])
    response = _post(client, reverse("api:activiteiten"), invoer)
    assert response.status_code == 400
    botsingen = response.json()["botsingen"]
    assert botsingen
    assert {b["soort"] for b in botsingen} == {"lokaal"}
    eerste = botsingen[0]
    assert datetime.date.fromisoformat(eerste["datum"]).weekday() == 0
    assert eerste["omschrijving"].startswith("Klas 1 is bezet door Nederlands tweede taal A1")
    assert Activiteit.objects.count() == 1
    assert not Sessie.objects.exclude(activiteit=activiteit).exists()


def test_accepted_clashes_are_saved(client, olga, activiteit, nederlands, klaslokaal, vandaag):
    client.force_login(olga)
    invoer = _invoer(
        nederlands, klaslokaal, vandaag, slots=[MAANDAG_930_1030], botsingen_aanvaard=True
    )
    response = _post(client, reverse("api:activiteiten"), invoer)
    assert response.status_code == 201, response.content
    assert Activiteit.objects.count() == 2


def test_the_dry_run_shows_the_same_clashes_and_saves_nothing(
    client, olga, activiteit, nederlands, klaslokaal, vandaag
):
    client.force_login(olga)
    invoer = _invoer(nederlands, klaslokaal, vandaag, slots=[MAANDAG_930_1030])
    proef = _post(client, reverse("api:activiteit_botsingen"), invoer)
    echt = _post(client, reverse("api:activiteiten"), invoer)
    assert proef.status_code == 200
    assert proef.json()["botsingen"] == echt.json()["botsingen"]
    assert Activiteit.objects.count() == 1


def test_a_facilitator_and_a_closure_day_clash_too(
    client, olga, activiteit, antwerpen, nederlands, sportzaal, vandaag
):
    dinsdag = vandaag + datetime.timedelta(days=(1 - vandaag.weekday()) % 7 or 7)
    sluitingsdag_toevoegen(gevangenis=antwerpen, datum=dinsdag, reden="Inventaris", door=None)
    client.force_login(olga)
    invoer = _invoer(
        nederlands, sportzaal, vandaag,
        slots=[DINSDAG_9_11, MAANDAG_930_1030], begeleiders=[olga.medewerker.pk],
    )  # fmt: skip
    botsingen = _post(client, reverse("api:activiteit_botsingen"), invoer).json()["botsingen"]
    assert {"begeleider", "sluitingsdag"} <= {b["soort"] for b in botsingen}
    assert {"soort": "sluitingsdag", "datum": dinsdag.isoformat(),
            "omschrijving": "Sluitingsdag (Inventaris): er wordt geen sessie gepland."} in botsingen  # fmt: skip


def test_a_pattern_without_clashes_has_an_empty_list(
    client, olga, activiteit, nederlands, sportzaal, vandaag
):
    client.force_login(olga)
    response = _post(
        client, reverse("api:activiteit_botsingen"), _invoer(nederlands, sportzaal, vandaag)
    )
    assert response.json() == {"botsingen": []}


def test_the_dry_run_of_a_change_leaves_the_activity_itself_out(
    client, olga, activiteit, nederlands, klaslokaal, vandaag
):
    client.force_login(olga)
    invoer = _invoer(nederlands, klaslokaal, vandaag, slots=[MAANDAG_930_1030])
    response = _post(
        client, reverse("api:activiteit_botsingen"), {**invoer, "activiteit": activiteit.pk}
    )
    assert response.json() == {"botsingen": []}


def test_field_errors_come_before_clashes(
    client, olga, activiteit, nederlands, klaslokaal, vandaag
):
    client.force_login(olga)
    invoer = _invoer(nederlands, klaslokaal, vandaag, slots=[MAANDAG_930_1030], capaciteit=13)
    response = _post(client, reverse("api:activiteiten"), invoer)
    assert response.status_code == 400
    assert set(response.json()) == {"capaciteit"}


# --- Changing --------------------------------------------------------------------------


def _bijwerken(activiteit, **extra):
    return {
        "naam": activiteit.naam,
        "startdatum": activiteit.startdatum.isoformat(),
        "einddatum": activiteit.einddatum.isoformat(),
        "lokaal": activiteit.lokaal_id,
        "capaciteit": activiteit.capaciteit,
        "begeleiders": [m.pk for m in activiteit.begeleiders.all()],
        "slots": [
            {"weekdag": s.weekdag, "begintijd": f"{s.begintijd:%H:%M}", "eindtijd": f"{s.eindtijd:%H:%M}"}
            for s in activiteit.slots.all()
        ],
        **extra,
    }  # fmt: skip


def test_olga_moves_an_activity_to_tuesdays(client, olga, activiteit, vandaag):
    client.force_login(olga)
    response = client.put(
        reverse("api:activiteit", args=[activiteit.pk]),
        _bijwerken(activiteit, slots=[DINSDAG_9_11], capaciteit=12),
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    activiteit.refresh_from_db()
    assert activiteit.capaciteit == 12
    toekomst = activiteit.sessies.filter(datum__gt=vandaag)
    assert {s.datum.weekday() for s in toekomst} == {1}
    assert activiteit.sessies.filter(
        datum__lt=vandaag, datum__week_day=2
    ).exists()  # past Mondays stay


def test_a_change_that_clashes_is_refused_and_changes_nothing(
    client, olga, activiteit, nederlands, antwerpen, sportzaal, vandaag
):
    activiteit_aanmaken(
        aanbod=nederlands, gevangenis=antwerpen, startdatum=vandaag,
        einddatum=vandaag + datetime.timedelta(weeks=4), lokaal=sportzaal, capaciteit=10,
        slots=[SlotInvoer(weekdag=2, begintijd=datetime.time(9), eindtijd=datetime.time(11))], door=None,
    )  # fmt: skip
    sessies_voor = list(activiteit.sessies.values_list("datum", "begintijd", "lokaal_id"))
    client.force_login(olga)
    invoer = _bijwerken(
        activiteit, lokaal=sportzaal.pk,
        slots=[{"weekdag": 2, "begintijd": "10:00", "eindtijd": "12:00"}],
    )  # fmt: skip
    response = client.put(
        reverse("api:activiteit", args=[activiteit.pk]), invoer, content_type="application/json"
    )
    assert response.status_code == 400
    assert {b["soort"] for b in response.json()["botsingen"]} == {"lokaal"}
    activiteit.refresh_from_db()
    assert activiteit.lokaal_id != sportzaal.pk
    assert list(activiteit.sessies.values_list("datum", "begintijd", "lokaal_id")) == sessies_voor

    invoer["botsingen_aanvaard"] = True
    response = client.put(
        reverse("api:activiteit", args=[activiteit.pk]), invoer, content_type="application/json"
    )
    assert response.status_code == 200
    activiteit.refresh_from_db()
    assert activiteit.lokaal_id == sportzaal.pk


def test_a_bad_change_is_a_400_and_changes_nothing(client, olga, activiteit):
    client.force_login(olga)
    response = client.put(
        reverse("api:activiteit", args=[activiteit.pk]),
        _bijwerken(activiteit, capaciteit=40),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "capaciteit" in response.json()
    activiteit.refresh_from_db()
    assert activiteit.capaciteit == 10


def test_accepted_clashes_do_not_block_a_later_change_of_capacity(
    client, olga, activiteit, nederlands, klaslokaal, vandaag
):
    client.force_login(olga)
    invoer = _invoer(
        nederlands, klaslokaal, vandaag, slots=[MAANDAG_930_1030], botsingen_aanvaard=True
    )
    tweede = Activiteit.objects.get(
        pk=_post(client, reverse("api:activiteiten"), invoer).json()["id"]
    )
    response = client.put(
        reverse("api:activiteit", args=[tweede.pk]),
        _bijwerken(tweede, capaciteit=8),
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    tweede.refresh_from_db()
    assert tweede.capaciteit == 8
    # A change of pattern is checked again.
    response = client.put(
        reverse("api:activiteit", args=[tweede.pk]),
        _bijwerken(tweede, slots=[{"weekdag": 3, "begintijd": "13:00", "eindtijd": "14:00"}]),
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "botsingen" in response.json()
