"""Rooms of the active prison and its closure days."""

import datetime

import pytest
from django.urls import reverse

from aanbod import gebruik
from aanbod.models import Lokaal, Sessie, Sluitingsdag
from aanbod.services.lokalen import lokaal_opslaan

pytestmark = pytest.mark.django_db


def _berichten(response):
    return [str(m) for m in response.wsgi_request._messages]


def test_the_rooms_of_the_active_prison_only(client, alice, klaslokaal, sportzaal, lokaal_gent):
    client.force_login(alice)
    response = client.get(reverse("aanbod:lokalen"))
    assert [lokaal.naam for lokaal in response.context["pagina"].object_list] == [
        "Klas 1",
        "Sportzaal",
    ]
    assert "Klas G" not in response.text
    assert "Nieuw lokaal" not in response.text  # alice may look, not change


def test_the_rooms_pin_their_queries(client, olga, antwerpen, django_assert_num_queries):
    for i in range(10):
        lokaal_opslaan(
            gevangenis=antwerpen, naam=f"Lokaal {i}", soort="polyvalent", capaciteit=9, door=None
        )
    client.force_login(olga)
    client.get(reverse("aanbod:lokalen"))
    # session, user, 2× permissions, the user's prisons; count, page (with running
    # activities); then the session save (savepoint, update, release).
    with django_assert_num_queries(10):
        response = client.get(reverse("aanbod:lokalen"))
    assert len(response.context["pagina"].object_list) == 10


def test_a_planner_adds_a_room_to_the_active_prison(client, olga, antwerpen):
    client.force_login(olga)
    response = client.post(
        reverse("aanbod:lokaal_nieuw"),
        {"naam": "Atelier", "soort": "werkplaats", "capaciteit": "8"},
    )
    assert response["Location"] == reverse("aanbod:lokalen")
    assert Lokaal.objects.get(naam="Atelier").gevangenis == antwerpen
    assert "Lokaal ‘Atelier’ is toegevoegd." in _berichten(response)


def test_a_room_name_is_unique_per_prison(client, olga, klaslokaal):
    client.force_login(olga)
    response = client.post(
        reverse("aanbod:lokaal_nieuw"), {"naam": "Klas 1", "soort": "klaslokaal", "capaciteit": "8"}
    )
    assert "Deze gevangenis heeft al een lokaal met die naam." in response.text
    assert Lokaal.objects.filter(naam="Klas 1").count() == 1


def test_a_room_needs_a_place(client, olga):
    client.force_login(olga)
    response = client.post(
        reverse("aanbod:lokaal_nieuw"), {"naam": "Kast", "soort": "klaslokaal", "capaciteit": "0"}
    )
    assert "capaciteit" in response.context["form"].errors
    assert not Lokaal.objects.filter(naam="Kast").exists()


def test_a_planner_changes_a_room(client, olga, klaslokaal):
    client.force_login(olga)
    url = reverse("aanbod:lokaal_bewerken", args=[klaslokaal.pk])
    assert client.get(url).context["form"]["capaciteit"].value() == 12
    response = client.post(url, {"naam": "Klas 1A", "soort": "klaslokaal", "capaciteit": "14"})
    assert response.status_code == 302
    klaslokaal.refresh_from_db()
    assert (klaslokaal.naam, klaslokaal.capaciteit, klaslokaal.actief) == ("Klas 1A", 14, False)


def test_a_room_cannot_shrink_below_its_activities(client, olga, activiteit, klaslokaal):
    client.force_login(olga)
    url = reverse("aanbod:lokaal_bewerken", args=[klaslokaal.pk])
    data = {"naam": "Klas 1", "soort": "klaslokaal", "capaciteit": "6", "actief": "on"}
    response = client.post(url, data)
    assert response.context["form"].errors["capaciteit"] == [
        "1 activiteit(en) in dit lokaal hebben meer plaatsen dan 6."
    ]
    klaslokaal.refresh_from_db()
    assert klaslokaal.capaciteit == 12


def test_another_prisons_room_is_a_404(client, gert, klaslokaal):
    client.force_login(gert)
    url = reverse("aanbod:lokaal_bewerken", args=[klaslokaal.pk])
    assert (
        client.post(url, {"naam": "X", "soort": "klaslokaal", "capaciteit": "1"}).status_code == 404
    )
    klaslokaal.refresh_from_db()
    assert klaslokaal.naam == "Klas 1"


def test_a_reader_may_not_add_a_room(client, alice):
    client.force_login(alice)
    data = {"naam": "Atelier", "soort": "werkplaats", "capaciteit": "8"}
    assert client.post(reverse("aanbod:lokaal_nieuw"), data).status_code == 403
    assert not Lokaal.objects.exists()


# Closure days


def test_the_closure_days_of_a_year_by_month(client, alice, antwerpen, gent, vandaag):
    Sluitingsdag.objects.create(
        gevangenis=antwerpen, datum=datetime.date(vandaag.year, 7, 21), reden="Nationale feestdag"
    )
    Sluitingsdag.objects.create(
        gevangenis=antwerpen, datum=datetime.date(vandaag.year, 12, 25), reden="Kerstmis"
    )
    Sluitingsdag.objects.create(
        gevangenis=antwerpen, datum=datetime.date(vandaag.year + 1, 1, 1), reden="Nieuwjaar"
    )
    Sluitingsdag.objects.create(
        gevangenis=gent, datum=datetime.date(vandaag.year, 5, 1), reden="Gent dicht"
    )
    client.force_login(alice)
    response = client.get(reverse("aanbod:sluitingsdagen"))
    assert [[d.reden for d in dagen] for _maand, dagen in response.context["maanden"]] == [
        ["Nationale feestdag"],
        ["Kerstmis"],
    ]
    assert "Gent dicht" not in response.text
    volgend = client.get(reverse("aanbod:sluitingsdagen"), {"jaar": vandaag.year + 1})
    assert volgend.context["aantal"] == 1
    assert (
        client.get(reverse("aanbod:sluitingsdagen"), {"jaar": "x"}).context["jaar"] == vandaag.year
    )


def test_a_closure_day_takes_the_sessions_of_that_day_and_gives_them_back(
    client, olga, sessie, antwerpen
):
    client.force_login(olga)
    response = client.post(
        reverse("aanbod:sluitingsdag_toevoegen"),
        {"datum": sessie.datum.isoformat(), "reden": "Opendeurdag"},
    )
    assert response["Location"] == f"{reverse('aanbod:sluitingsdagen')}?jaar={sessie.datum.year}"
    dag = Sluitingsdag.objects.get(gevangenis=antwerpen)
    assert dag.datum == sessie.datum
    assert not Sessie.objects.filter(datum=sessie.datum).exists()
    response = client.post(reverse("aanbod:sluitingsdag_verwijderen", args=[dag.pk]))
    assert any("krijgen hun sessies terug" in b for b in _berichten(response))
    assert Sessie.objects.filter(datum=sessie.datum).count() == 1


def test_sessions_in_use_stay_on_a_new_closure_day_and_it_says_so(
    client, olga, sessie, monkeypatch
):
    monkeypatch.setattr(gebruik, "_controles", [lambda ids: set(ids)])
    client.force_login(olga)
    response = client.post(
        reverse("aanbod:sluitingsdag_toevoegen"),
        {"datum": sessie.datum.isoformat(), "reden": "Opendeurdag"},
    )
    assert "1 sessie(s) met aanwezigheden bleven staan." in " ".join(_berichten(response))
    assert Sessie.objects.filter(pk=sessie.pk).exists()


def test_a_day_is_a_closure_day_once(client, olga, sluitingsdag):
    client.force_login(olga)
    response = client.post(
        reverse("aanbod:sluitingsdag_toevoegen"),
        {"datum": sluitingsdag.datum.isoformat(), "reden": "Nog eens"},
    )
    assert response.status_code == 200
    assert "Deze dag is al een sluitingsdag." in response.text
    assert response.context["jaar"] == sluitingsdag.datum.year
    assert Sluitingsdag.objects.count() == 1


def test_a_planner_removes_a_closure_day(client, olga, sluitingsdag):
    client.force_login(olga)
    response = client.post(reverse("aanbod:sluitingsdag_verwijderen", args=[sluitingsdag.pk]))
    assert response.status_code == 302
    assert not Sluitingsdag.objects.exists()


def test_another_prisons_closure_day_is_a_404(client, gert, sluitingsdag):
    client.force_login(gert)
    assert (
        client.post(reverse("aanbod:sluitingsdag_verwijderen", args=[sluitingsdag.pk])).status_code
        == 404
    )
    assert Sluitingsdag.objects.exists()


def test_a_reader_may_not_change_closure_days(client, alice, sluitingsdag, vandaag):
    client.force_login(alice)
    assert (
        client.post(reverse("aanbod:sluitingsdag_verwijderen", args=[sluitingsdag.pk])).status_code
        == 403
    )
    data = {"datum": vandaag.isoformat(), "reden": "X"}
    assert client.post(reverse("aanbod:sluitingsdag_toevoegen"), data).status_code == 403
    assert Sluitingsdag.objects.count() == 1
