"""Per activity its participants and waiting list; enrolling (warnings first), the next
place, stopping and completing; waiting lists per prison and across Flanders."""

import datetime

import pytest
from django.urls import reverse

from deelname.models import Bron, Inschrijving, Status, Stopreden
from deelname.services.inschrijvingen import inschrijving_aanvragen, inschrijving_stopzetten
from tests.factories import GedetineerdeFactory

pytestmark = pytest.mark.django_db

DAG = datetime.timedelta(days=1)


def _inschrijven(activiteit, door, aantal, **anders):
    return [
        inschrijving_aanvragen(
            gedetineerde=GedetineerdeFactory(huidige_gevangenis=activiteit.gevangenis),
            activiteit=activiteit,
            bron=Bron.EIGEN_AANVRAAG,
            door=door,
            **anders,
        )
        for _ in range(aantal)
    ]


def _formulier(persoon, **anders):
    return {"gedetineerde": persoon.pk, "bron": Bron.TRAJECTBEGELEIDER, "prioriteit": "2"} | anders


# The page of an activity


def test_it_shows_participants_waiting_list_and_capacity(client, alice, olga, activiteit):
    activiteit.capaciteit = 2
    activiteit.save()
    _inschrijven(activiteit, olga, 2)
    laag, hoog = _inschrijven(activiteit, olga, 1, prioriteit=3) + _inschrijven(
        activiteit, olga, 1, prioriteit=1
    )
    client.force_login(alice)
    response = client.get(reverse("deelname:activiteit", args=[activiteit.pk]))
    assert response.status_code == 200
    assert len(response.context["deelnemers"]) == 2
    assert response.context["vrij"] == 0
    wachtend = list(response.context["pagina"].object_list)
    assert [(i.pk, i.positie) for i in wachtend] == [(hoog.pk, 1), (laag.pk, 2)]
    assert wachtend[0].dagen_gewacht == 0
    assert "2 van 2 bezet, 0 vrij" in response.text
    # A full activity offers no "next" button.
    assert reverse("deelname:activiteit_volgende", args=[activiteit.pk]) not in response.text


@pytest.mark.parametrize("aantal", [4, 9])
def test_the_page_has_a_fixed_number_of_queries(
    client, alice, olga, activiteit, django_assert_num_queries, aantal
):
    activiteit.capaciteit = 2
    activiteit.save()
    stop = _inschrijven(activiteit, olga, aantal)
    inschrijving_stopzetten(
        inschrijving=stop[0],
        stopreden=Stopreden.objects.get(code="eigen-keuze"),
        beslist_door="deelnemer",
        door=olga,
    )
    client.force_login(alice)
    client.get(reverse("deelname:activiteit", args=[activiteit.pk]))  # warm the session
    # session, user, permissions (2), prisons, activity, participants, ended, waiting list
    # count and page, recent sessions, upcoming excusals, open requests, session save (3)
    # + the user's organisation, to know who may see confidential offers' participants
    with django_assert_num_queries(17):
        client.get(reverse("deelname:activiteit", args=[activiteit.pk]))


def test_the_session_list_links_to_the_attendance_register(client, alice, activiteit, vandaag):
    client.force_login(alice)
    response = client.get(reverse("deelname:activiteit", args=[activiteit.pk]))
    voorbij = activiteit.sessies.filter(datum__lte=vandaag).order_by("-datum").first()
    assert reverse("deelname:sessie_aanwezigheden", args=[voorbij.pk]) in response.text


# Enrolling


def test_search_offers_only_people_present_in_the_prison(client, alice, activiteit, persoon, gent):
    GedetineerdeFactory(huidige_gevangenis=gent, achternaam="Testpersoon", voornaam="Piet")
    client.force_login(alice)
    response = client.get(
        reverse("deelname:activiteit_inschrijven", args=[activiteit.pk]), {"q": "Testpersoon"}
    )
    assert response.context["kandidaten"] == [persoon]


def test_it_enrols_a_person(client, alice, activiteit, persoon):
    client.force_login(alice)
    response = client.post(
        reverse("deelname:activiteit_inschrijven", args=[activiteit.pk]), _formulier(persoon)
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("deelname:activiteit", args=[activiteit.pk])
    inschrijving = Inschrijving.objects.get(gedetineerde=persoon)
    assert inschrijving.status == Status.INGESCHREVEN
    assert inschrijving.bron == Bron.TRAJECTBEGELEIDER
    assert inschrijving.aangemaakt_door == alice


def test_a_full_activity_puts_the_person_on_the_waiting_list(
    client, alice, olga, activiteit, persoon
):
    activiteit.capaciteit = 1
    activiteit.save()
    _inschrijven(activiteit, olga, 1)
    client.force_login(alice)
    response = client.post(
        reverse("deelname:activiteit_inschrijven", args=[activiteit.pk]),
        _formulier(persoon),
        follow=True,
    )
    assert Inschrijving.objects.get(gedetineerde=persoon).status == Status.WACHTLIJST
    assert "staat op de wachtlijst" in response.text


def test_a_warning_needs_a_reason_before_anything_is_saved(
    client, alice, activiteit, persoon, vandaag
):
    persoon.strafeinde = vandaag + 30 * DAG  # released before the course ends
    persoon.save()
    client.force_login(alice)
    url = reverse("deelname:activiteit_inschrijven", args=[activiteit.pk])
    response = client.post(url, _formulier(persoon))
    assert response.status_code == 200
    assert [w["code"] for w in response.context["waarschuwingen"]] == ["detentie"]
    assert 'name="overschrijven_detentie"' in response.text
    assert not Inschrijving.objects.exists()

    # An empty reason is not enough: the warning comes back with an error.
    response = client.post(url, _formulier(persoon, overschrijven_detentie="  "))
    assert response.context["waarschuwingen"][0]["fout"]
    assert not Inschrijving.objects.exists()

    response = client.post(
        url, _formulier(persoon, overschrijven_detentie="Kort maar nuttig: module 1")
    )
    assert response.status_code == 302
    inschrijving = Inschrijving.objects.get(gedetineerde=persoon)
    assert inschrijving.overschreven_waarschuwingen[0]["reden"] == "Kort maar nuttig: module 1"


def test_a_person_of_another_prison_is_refused_on_the_field(
    client, alice, activiteit, persoon_gent
):
    client.force_login(alice)
    response = client.post(
        reverse("deelname:activiteit_inschrijven", args=[activiteit.pk]),
        _formulier(persoon_gent),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["gedetineerde"]
    assert not Inschrijving.objects.exists()


def test_enrolling_twice_is_an_error_not_a_duplicate(client, alice, activiteit, persoon):
    client.force_login(alice)
    url = reverse("deelname:activiteit_inschrijven", args=[activiteit.pk])
    client.post(url, _formulier(persoon))
    response = client.post(url, _formulier(persoon))
    assert response.status_code == 200
    assert "al ingeschreven" in str(response.context["form"].errors["gedetineerde"])
    assert Inschrijving.objects.count() == 1


def test_a_missing_person_and_source_are_field_errors(client, alice, activiteit):
    client.force_login(alice)
    response = client.post(
        reverse("deelname:activiteit_inschrijven", args=[activiteit.pk]), {"prioriteit": "9"}
    )
    fouten = response.context["form"].errors
    assert set(fouten) == {"gedetineerde", "bron", "prioriteit"}
    assert not Inschrijving.objects.exists()


# The next place, stopping, completing


def test_a_freed_place_goes_to_the_first_waiting_in_one_action(client, olga, activiteit):
    activiteit.capaciteit = 1
    activiteit.save()
    (eerste,) = _inschrijven(activiteit, olga, 1)
    gewoon, dringend = _inschrijven(activiteit, olga, 1) + _inschrijven(
        activiteit, olga, 1, prioriteit=1
    )
    client.force_login(olga)
    client.post(
        reverse("deelname:inschrijving_stopzetten", args=[eerste.pk]),
        {"stopreden": Stopreden.objects.get(code="overplaatsing").pk, "beslist_door": "systeem"},
    )
    response = client.post(reverse("deelname:activiteit_volgende", args=[activiteit.pk]))
    assert response.status_code == 302
    dringend.refresh_from_db()
    gewoon.refresh_from_db()
    assert (dringend.status, gewoon.status) == (Status.INGESCHREVEN, Status.WACHTLIJST)


def test_next_without_anyone_waiting_says_so(client, olga, activiteit):
    client.force_login(olga)
    response = client.post(
        reverse("deelname:activiteit_volgende", args=[activiteit.pk]), follow=True
    )
    assert "Niemand staat op de wachtlijst" in response.text


def test_a_stop_records_reason_and_who_decided(client, olga, scherm_inschrijving):
    client.force_login(olga)
    response = client.post(
        reverse("deelname:inschrijving_stopzetten", args=[scherm_inschrijving.pk]),
        {
            "stopreden": Stopreden.objects.get(code="werk-in-de-gevangenis").pk,
            "beslist_door": "deelnemer",
            "toelichting": "Werkt nu in de keuken",
        },
    )
    assert response.status_code == 302
    scherm_inschrijving.refresh_from_db()
    assert scherm_inschrijving.status == Status.STOPGEZET
    assert scherm_inschrijving.stopreden.code == "werk-in-de-gevangenis"
    assert scherm_inschrijving.gestopt_door == "deelnemer"
    assert scherm_inschrijving.stappen.last().toelichting == "Werkt nu in de keuken"


def test_a_stop_without_reason_saves_nothing(client, olga, scherm_inschrijving):
    client.force_login(olga)
    response = client.post(
        reverse("deelname:inschrijving_stopzetten", args=[scherm_inschrijving.pk]), {}
    )
    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"stopreden", "beslist_door"}
    scherm_inschrijving.refresh_from_db()
    assert scherm_inschrijving.status == Status.INGESCHREVEN


def test_stopping_an_ended_enrolment_is_a_clear_error(client, olga, scherm_inschrijving):
    reden = Stopreden.objects.get(code="andere")
    inschrijving_stopzetten(
        inschrijving=scherm_inschrijving, stopreden=reden, beslist_door="begeleider", door=olga
    )
    client.force_login(olga)
    response = client.post(
        reverse("deelname:inschrijving_stopzetten", args=[scherm_inschrijving.pk]),
        {"stopreden": reden.pk, "beslist_door": "begeleider"},
    )
    assert response.status_code == 200
    assert "kan niet naar" in str(response.context["form"].non_field_errors())


def test_completion_records_the_results(client, olga, scherm_inschrijving):
    client.force_login(olga)
    response = client.post(
        reverse("deelname:inschrijving_afronden", args=[scherm_inschrijving.pk]),
        {"examen_afgelegd": "true", "examen_geslaagd": "true", "attest": "on"},
    )
    assert response.status_code == 302
    scherm_inschrijving.refresh_from_db()
    assert scherm_inschrijving.status == Status.AFGEROND
    assert (
        scherm_inschrijving.examen_afgelegd,
        scherm_inschrijving.examen_geslaagd,
        scherm_inschrijving.attest,
    ) == (True, True, True)


def test_the_completion_form_offers_the_exam_answers(client, olga, scherm_inschrijving):
    client.force_login(olga)
    response = client.get(reverse("deelname:inschrijving_afronden", args=[scherm_inschrijving.pk]))
    html = response.content.decode()
    assert "Er is niets om te kiezen" not in html
    assert 'name="examen_afgelegd" value="true"' in html
    assert 'name="examen_geslaagd" value="false"' in html


def test_passed_without_an_exam_is_refused_on_the_field(client, olga, scherm_inschrijving):
    client.force_login(olga)
    response = client.post(
        reverse("deelname:inschrijving_afronden", args=[scherm_inschrijving.pk]),
        {"examen_afgelegd": "false", "examen_geslaagd": "true"},
    )
    assert response.status_code == 200
    assert response.context["form"].errors["examen_geslaagd"]
    scherm_inschrijving.refresh_from_db()
    assert scherm_inschrijving.status == Status.INGESCHREVEN


def test_another_prisons_enrolment_is_a_404(client, charlie, scherm_inschrijving):
    client.force_login(charlie)
    response = client.post(
        reverse("deelname:inschrijving_stopzetten", args=[scherm_inschrijving.pk]),
        {"stopreden": Stopreden.objects.get(code="andere").pk, "beslist_door": "begeleider"},
    )
    assert response.status_code == 404
    scherm_inschrijving.refresh_from_db()
    assert scherm_inschrijving.status == Status.INGESCHREVEN


# An individual offer in a prison


def test_an_individual_offer_has_its_own_participants_and_waiting_list(
    client, bob, scherm_individueel, antwerpen
):
    personen = [GedetineerdeFactory(huidige_gevangenis=antwerpen) for _ in range(4)]
    client.force_login(bob)
    url = reverse("deelname:individueel_inschrijven", args=[scherm_individueel.pk])
    for persoon in personen:
        assert client.post(url, _formulier(persoon)).status_code == 302
    statussen = [Inschrijving.objects.get(gedetineerde=p).status for p in personen]
    assert statussen == [Status.INGESCHREVEN] * 3 + [Status.WACHTLIJST]
    response = client.get(reverse("deelname:individueel_aanbod", args=[scherm_individueel.pk]))
    assert len(response.context["deelnemers"]) == 3
    assert [i.gedetineerde for i in response.context["pagina"].object_list] == personen[3:]
    assert response.context["sessies"] is None


def test_a_group_offer_is_not_an_individual_offer(client, bob, nederlands, antwerpen):
    beschikbaarheid = nederlands.beschikbaarheden.get(gevangenis=antwerpen)
    client.force_login(bob)
    response = client.get(reverse("deelname:individueel_aanbod", args=[beschikbaarheid.pk]))
    assert response.status_code == 404


# Waiting lists


def test_waiting_lists_of_the_prison_with_counts(
    client, alice, olga, activiteit, django_assert_num_queries
):
    activiteit.capaciteit = 1
    activiteit.save()
    _inschrijven(activiteit, olga, 4)
    client.force_login(alice)
    client.get(reverse("deelname:wachtlijsten"))
    # session, user, permissions (2), prisons, count, page, session save (3)
    # + the user's organisation, to know who may see confidential offers' participants
    with django_assert_num_queries(11):
        response = client.get(reverse("deelname:wachtlijsten"))
    (rij,) = response.context["lijsten"]
    assert (rij["activiteit_id"], rij["aantal"], rij["langst_gewacht"]) == (activiteit.pk, 3, 0)
    assert reverse("deelname:activiteit", args=[activiteit.pk]) in response.text


def test_flanders_sees_counts_and_no_names(client, frank, olga, activiteit):
    activiteit.capaciteit = 1
    activiteit.save()
    personen = _inschrijven(activiteit, olga, 3)
    client.force_login(frank)
    response = client.get(reverse("deelname:wachtlijsten_vlaanderen"))
    (rij,) = response.context["pagina"].object_list
    assert (rij["gevangenis__naam"], rij["aantal"]) == ("Antwerpen", 2)
    # The detainee number and full name: a surname alone may be frank's own (factories).
    for inschrijving in personen:
        assert inschrijving.gedetineerde.detineenummer not in response.text
        assert inschrijving.gedetineerde.volledige_naam not in response.text
