"""Cancelling a session, a whole prison-day (a strike), and undoing it."""

import datetime

import pytest
from django.urls import reverse

from aanbod import gebruik
from aanbod.models import Sessie
from aanbod.views.planning import isoweek

pytestmark = pytest.mark.django_db


def _berichten(response):
    return [str(m) for m in response.wsgi_request._messages]


@pytest.fixture
def met_aanwezigheden(monkeypatch):
    """Every session is in use, as deelname says when attendance was registered."""
    monkeypatch.setattr(gebruik, "_controles", [lambda ids: set(ids)])


# One session


def test_a_planner_cancels_a_session_with_a_reason(client, olga, sessie, staking):
    client.force_login(olga)
    url = reverse("aanbod:sessie_annuleren", args=[sessie.pk])
    assert "Sessie annuleren" in client.get(url).text
    response = client.post(url, {"reden": staking.pk})
    assert response.status_code == 302
    assert response["Location"] == reverse("aanbod:activiteit", args=[sessie.activiteit_id])
    sessie.refresh_from_db()
    assert sessie.annuleringsreden == staking
    assert sessie.geannuleerd_door == olga
    assert f"De sessie van {sessie.datum:%d/%m/%Y} is geannuleerd (Staking)." in _berichten(
        response
    )


def test_it_returns_to_the_page_it_came_from_but_only_our_own(client, olga, sessie, staking):
    client.force_login(olga)
    url = reverse("aanbod:sessie_annuleren", args=[sessie.pk])
    terug = reverse("aanbod:planning") + "?week=2026-W48"
    response = client.post(url, {"reden": staking.pk, "volgende": terug})
    assert response["Location"] == terug
    Sessie.objects.filter(pk=sessie.pk).update(annuleringsreden=None)
    response = client.post(url, {"reden": staking.pk, "volgende": "https://elders.example/"})
    assert response["Location"] == reverse("aanbod:activiteit", args=[sessie.activiteit_id])


def test_the_reason_andere_needs_an_explanation(client, olga, sessie, andere_reden):
    client.force_login(olga)
    url = reverse("aanbod:sessie_annuleren", args=[sessie.pk])
    response = client.post(url, {"reden": andere_reden.pk, "toelichting": "  "})
    assert response.context["form"].errors["toelichting"] == [
        "Geef een toelichting bij de reden ‘Andere’."
    ]
    sessie.refresh_from_db()
    assert not sessie.geannuleerd
    assert client.post(url, {"reden": andere_reden.pk, "toelichting": "Brand"}).status_code == 302


def test_a_retired_reason_cannot_be_chosen(client, olga, sessie, staking):
    staking.actief = False
    staking.save()
    client.force_login(olga)
    response = client.post(
        reverse("aanbod:sessie_annuleren", args=[sessie.pk]), {"reden": staking.pk}
    )
    assert "reden" in response.context["form"].errors
    sessie.refresh_from_db()
    assert not sessie.geannuleerd


def test_a_session_with_attendance_needs_a_confirmation(
    client, olga, sessie, staking, met_aanwezigheden
):
    client.force_login(olga)
    url = reverse("aanbod:sessie_annuleren", args=[sessie.pk])
    response = client.post(url, {"reden": staking.pk})
    assert response.status_code == 200
    assert "1 sessie(s) hebben al aanwezigheden." in response.text
    assert 'name="bevestigd"' in response.text
    sessie.refresh_from_db()
    assert not sessie.geannuleerd
    response = client.post(url, {"reden": staking.pk, "bevestigd": "on"})
    assert response.status_code == 302
    sessie.refresh_from_db()
    assert sessie.geannuleerd


def test_a_cancelled_session_is_not_cancelled_twice(client, olga, sessie, staking):
    client.force_login(olga)
    url = reverse("aanbod:sessie_annuleren", args=[sessie.pk])
    client.post(url, {"reden": staking.pk})
    response = client.get(url)
    assert response.status_code == 302
    assert "Deze sessie is al geannuleerd." in _berichten(response)


def test_another_prisons_session_is_a_404(client, gert, sessie, staking):
    client.force_login(gert)
    response = client.post(
        reverse("aanbod:sessie_annuleren", args=[sessie.pk]), {"reden": staking.pk}
    )
    assert response.status_code == 404
    sessie.refresh_from_db()
    assert not sessie.geannuleerd


def test_a_reader_may_not_cancel(client, alice, sessie, staking):
    client.force_login(alice)
    response = client.post(
        reverse("aanbod:sessie_annuleren", args=[sessie.pk]), {"reden": staking.pk}
    )
    assert response.status_code == 403


# A whole day: a strike


@pytest.fixture
def stakingsdag(activiteit, sessie, nederlands, antwerpen, sportzaal):
    """The day of ``sessie``, with a second activity in the sports hall that day."""
    from aanbod.services.planning import SlotInvoer, activiteit_aanmaken

    activiteit_aanmaken(
        aanbod=nederlands, gevangenis=antwerpen, naam="sport", startdatum=sessie.datum,
        einddatum=sessie.datum, lokaal=sportzaal, capaciteit=20,
        slots=[SlotInvoer(sessie.datum.weekday(), datetime.time(15), datetime.time(17))],
        door=None,
    )  # fmt: skip
    return sessie.datum


def test_a_strike_cancels_every_session_of_the_day_and_one_undo_restores_them(
    client, olga, stakingsdag, staking
):
    client.force_login(olga)
    url = reverse("aanbod:dag_annuleren")
    voorbeeld = client.get(url, {"datum": stakingsdag.isoformat()})
    assert len(voorbeeld.context["geplande"]) == 2
    assert "Gepland op" in voorbeeld.text

    response = client.post(
        url, {"datum": stakingsdag.isoformat(), "reden": staking.pk, "toelichting": "ACOD"}
    )
    assert response["Location"] == f"{reverse('aanbod:planning')}?week={isoweek(stakingsdag)}"
    dag = Sessie.objects.filter(datum=stakingsdag)
    assert {s.annuleringsreden for s in dag} == {staking}
    assert len({s.annulering_groep for s in dag}) == 1
    assert any("2 sessies op" in b for b in _berichten(response))

    planning = client.get(response["Location"])
    assert planning.text.count("Staking – ACOD") == 2

    undo = client.post(reverse("aanbod:annulering_ongedaan", args=[dag[0].pk]))
    assert undo.status_code == 302
    assert not Sessie.objects.filter(datum=stakingsdag, annuleringsreden__isnull=False).exists()
    assert any("2 sessies van die dag" in b for b in _berichten(undo))


def test_a_day_without_sessions_says_so_on_the_date(client, olga, klaslokaal, staking, vandaag):
    client.force_login(olga)
    datum = vandaag + datetime.timedelta(days=3)
    response = client.post(
        reverse("aanbod:dag_annuleren"), {"datum": datum.isoformat(), "reden": staking.pk}
    )
    assert response.context["form"].errors["datum"] == [
        "Er zijn die dag geen sessies om te annuleren."
    ]


def test_a_day_with_attendance_needs_a_confirmation(
    client, olga, stakingsdag, staking, met_aanwezigheden
):
    client.force_login(olga)
    data = {"datum": stakingsdag.isoformat(), "reden": staking.pk}
    response = client.post(reverse("aanbod:dag_annuleren"), data)
    assert "2 sessie(s) hebben al aanwezigheden." in response.text
    assert not Sessie.objects.filter(annuleringsreden__isnull=False).exists()
    response = client.post(reverse("aanbod:dag_annuleren"), data | {"bevestigd": "on"})
    assert response.status_code == 302
    assert Sessie.objects.filter(datum=stakingsdag, annuleringsreden=staking).count() == 2


def test_a_strike_in_gent_leaves_antwerpen_alone(client, gert, stakingsdag, staking):
    client.force_login(gert)
    response = client.post(
        reverse("aanbod:dag_annuleren"), {"datum": stakingsdag.isoformat(), "reden": staking.pk}
    )
    assert "datum" in response.context["form"].errors
    assert not Sessie.objects.filter(annuleringsreden__isnull=False).exists()


def test_a_reader_may_not_cancel_a_day(client, alice, stakingsdag, staking):
    client.force_login(alice)
    data = {"datum": stakingsdag.isoformat(), "reden": staking.pk}
    assert client.post(reverse("aanbod:dag_annuleren"), data).status_code == 403


# Undo


def test_undo_of_one_session_restores_that_session(client, olga, sessie, staking):
    client.force_login(olga)
    client.post(reverse("aanbod:sessie_annuleren", args=[sessie.pk]), {"reden": staking.pk})
    response = client.post(reverse("aanbod:annulering_ongedaan", args=[sessie.pk]))
    assert "De annulering is ongedaan gemaakt: de sessie gaat door." in _berichten(response)
    sessie.refresh_from_db()
    assert not sessie.geannuleerd


def test_undo_of_a_session_that_is_not_cancelled_says_so(client, olga, sessie):
    client.force_login(olga)
    response = client.post(reverse("aanbod:annulering_ongedaan", args=[sessie.pk]))
    assert response.status_code == 302
    assert "Deze sessie is niet geannuleerd." in _berichten(response)


def test_undo_needs_a_post(client, olga, sessie):
    client.force_login(olga)
    assert client.get(reverse("aanbod:annulering_ongedaan", args=[sessie.pk])).status_code == 405


def test_undo_in_another_prison_is_a_404(client, gert, sessie, staking):
    Sessie.objects.filter(pk=sessie.pk).update(annuleringsreden=staking)
    client.force_login(gert)
    assert client.post(reverse("aanbod:annulering_ongedaan", args=[sessie.pk])).status_code == 404
    sessie.refresh_from_db()
    assert sessie.geannuleerd
