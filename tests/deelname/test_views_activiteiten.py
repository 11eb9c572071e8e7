"""Per activity its participants and waiting list; enrolling (warnings first), the next
place, stopping and completing; waiting lists per prison and across Flanders."""

import datetime

import pytest
from django.urls import reverse

from aanbod.services.catalogus import aanbod_opslaan
from deelname.models import Bron, Inschrijving, Status, Stopreden
from deelname.services.inschrijvingen import inschrijving_aanvragen, inschrijving_stopzetten
from tests.factories import GedetineerdeFactory
from trajecten.models import Gedetineerde

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


def test_the_page_names_the_organisation_not_its_abbreviation(client, alice, activiteit):
    client.force_login(alice)
    response = client.get(reverse("deelname:activiteit", args=[activiteit.pk]))
    assert "CVO Antwerpen" in response.text
    assert "CVO-ANT" not in response.text


def test_an_individual_offer_says_its_form_once(client, bob, scherm_individueel):
    scherm_individueel.aanbod.titel_nl = "Individuele begeleiding naar werk"
    scherm_individueel.aanbod.save()
    client.force_login(bob)
    response = client.get(reverse("deelname:individueel_aanbod", args=[scherm_individueel.pk]))
    assert response.text.count("individueel aanbod") == 1
    assert "Individuele begeleiding naar werk (" not in response.text


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


def _taal_en_niveau(persoon, nederlands):
    aanbod_opslaan(aanbod=nederlands, talen=["fr"], vereist_nederlandsniveau="B1", door=None)
    Gedetineerde.objects.filter(pk=persoon.pk).update(niveau_nederlands="A1", talen=["ar"])


def test_two_warnings_are_overridden_in_one_submit(client, alice, activiteit, persoon, nederlands):
    _taal_en_niveau(persoon, nederlands)
    client.force_login(alice)
    url = reverse("deelname:activiteit_inschrijven", args=[activiteit.pk])
    response = client.post(url, _formulier(persoon))
    assert sorted(w["code"] for w in response.context["waarschuwingen"]) == ["niveau", "taal"]
    assert 'name="overschrijven_taal"' in response.text
    assert 'name="overschrijven_niveau"' in response.text

    response = client.post(
        url,
        _formulier(persoon, overschrijven_taal="Tolk aanwezig", overschrijven_niveau="Haalt het"),
    )
    assert response.status_code == 302
    redenen = {
        w["code"]: w["reden"]
        for w in Inschrijving.objects.get(gedetineerde=persoon).overschreven_waarschuwingen
    }
    assert redenen == {"taal": "Tolk aanwezig", "niveau": "Haalt het"}


def test_a_reason_given_is_kept_while_another_is_still_asked(
    client, alice, activiteit, persoon, nederlands
):
    _taal_en_niveau(persoon, nederlands)
    client.force_login(alice)
    url = reverse("deelname:activiteit_inschrijven", args=[activiteit.pk])
    # Only the language is answered: the level is asked again, the language's reason rides
    # along as a hidden field instead of being asked a second time.
    response = client.post(url, _formulier(persoon, overschrijven_taal="Tolk aanwezig"))
    assert [w["code"] for w in response.context["waarschuwingen"]] == ["niveau"]
    assert '<input type="hidden" name="overschrijven_taal" value="Tolk aanwezig">' in (
        response.text
    )
    assert 'id="overschrijven_taal"' not in response.text
    assert "Taal van het aanbod" in response.text

    # The browser posts back what the page holds: the kept reason and the new one.
    response = client.post(
        url,
        _formulier(persoon, overschrijven_taal="Tolk aanwezig", overschrijven_niveau="Haalt het"),
    )
    assert response.status_code == 302
    inschrijving = Inschrijving.objects.get(gedetineerde=persoon)
    assert {w["code"] for w in inschrijving.overschreven_waarschuwingen} == {"taal", "niveau"}


def test_reasons_survive_a_field_error(client, alice, activiteit, persoon, nederlands):
    _taal_en_niveau(persoon, nederlands)
    client.force_login(alice)
    url = reverse("deelname:activiteit_inschrijven", args=[activiteit.pk])
    response = client.post(
        url,
        _formulier(persoon, bron="", overschrijven_taal="Tolk", overschrijven_niveau="Haalt het"),
    )
    assert response.context["form"].errors["bron"]
    assert '<input type="hidden" name="overschrijven_taal" value="Tolk">' in response.text
    assert '<input type="hidden" name="overschrijven_niveau" value="Haalt het">' in response.text


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
        {"stopreden": Stopreden.objects.get(code="eigen-keuze").pk, "beslist_door": "deelnemer"},
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


def test_the_stop_form_does_not_offer_the_system_as_who_decided(client, olga, scherm_inschrijving):
    client.force_login(olga)
    url = reverse("deelname:inschrijving_stopzetten", args=[scherm_inschrijving.pk])
    response = client.get(url)
    keuzes = [waarde for waarde, _ in response.context["form"].fields["beslist_door"].choices]
    assert keuzes == ["deelnemer", "begeleider"]
    assert "het systeem" not in response.text
    assert "Kies een reden" in response.text
    assert "---------" not in response.text

    response = client.post(
        url, {"stopreden": Stopreden.objects.get(code="andere").pk, "beslist_door": "systeem"}
    )
    assert response.status_code == 200
    assert response.context["form"].errors["beslist_door"]
    scherm_inschrijving.refresh_from_db()
    assert scherm_inschrijving.status == Status.INGESCHREVEN


def test_the_excusal_form_asks_to_choose_a_reason(client, olga, scherm_inschrijving):
    client.force_login(olga)
    response = client.get(
        reverse("deelname:inschrijving_verontschuldigen", args=[scherm_inschrijving.pk])
    )
    assert "Kies een reden" in response.text
    assert "---------" not in response.text


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


# Who manages: the offer's organisation or the organisation support (deelname.beheer)


@pytest.fixture
def carla(antwerpen, cvo):
    """Staff of the CVO, whose course the Dutch course is."""
    from hdv import rollen
    from tests.conftest import _medewerker

    return _medewerker("carla", cvo, [antwerpen], rollen.HULPVERLENER)


def _stopgegevens():
    return {"stopreden": Stopreden.objects.get(code="eigen-keuze").pk, "beslist_door": "deelnemer"}


def _vol_met_wachtenden(activiteit, olga):
    """One place, taken; two waiting (the second asked first but with normal priority)."""
    activiteit.capaciteit = 1
    activiteit.save()
    (bezet,) = _inschrijven(activiteit, olga, 1)
    (gewoon,) = _inschrijven(activiteit, olga, 1)
    (dringend,) = _inschrijven(activiteit, olga, 1, prioriteit=1)
    return bezet, gewoon, dringend


@pytest.mark.parametrize("gebruiker", ["alice", "bob"])
def test_another_organisations_staff_get_403_on_place_stop_and_complete(
    client, request, gebruiker, olga, activiteit
):
    """alice (CAW) and bob (VDAB) hold the role's right, but the course is the CVO's."""
    bezet, gewoon, dringend = _vol_met_wachtenden(activiteit, olga)
    client.force_login(request.getfixturevalue(gebruiker))
    stoppen = reverse("deelname:inschrijving_stopzetten", args=[bezet.pk])
    afronden = reverse("deelname:inschrijving_afronden", args=[bezet.pk])
    plaatsen = reverse("deelname:inschrijving_plaatsen", args=[gewoon.pk])
    for url in (stoppen, afronden, plaatsen):
        assert client.get(url).status_code == 403, url
    assert client.post(stoppen, _stopgegevens()).status_code == 403
    assert client.post(afronden, {}).status_code == 403
    assert client.post(plaatsen, {"voorrang": "Dringend"}).status_code == 403
    volgende = reverse("deelname:activiteit_volgende", args=[activiteit.pk])
    assert client.post(volgende).status_code == 403
    statussen = [Inschrijving.objects.get(pk=i.pk).status for i in (bezet, gewoon, dringend)]
    assert statussen == [Status.INGESCHREVEN, Status.WACHTLIJST, Status.WACHTLIJST]


@pytest.mark.parametrize("gebruiker", ["carla", "olga"])
def test_the_offers_organisation_and_the_planner_stop_place_and_complete(
    client, request, gebruiker, olga, activiteit
):
    bezet, gewoon, dringend = _vol_met_wachtenden(activiteit, olga)
    client.force_login(request.getfixturevalue(gebruiker))
    stoppen = reverse("deelname:inschrijving_stopzetten", args=[bezet.pk])
    assert client.get(stoppen).status_code == 200
    assert client.post(stoppen, _stopgegevens()).status_code == 302
    volgende = reverse("deelname:activiteit_volgende", args=[activiteit.pk])
    assert client.post(volgende).status_code == 302
    afronden = reverse("deelname:inschrijving_afronden", args=[dringend.pk])
    assert client.post(afronden, {}).status_code == 302
    statussen = [Inschrijving.objects.get(pk=i.pk).status for i in (bezet, gewoon, dringend)]
    assert statussen == [Status.STOPGEZET, Status.WACHTLIJST, Status.AFGEROND]


def test_the_page_shows_only_the_actions_a_user_may_take(client, alice, olga, activiteit):
    bezet, gewoon, _ = _vol_met_wachtenden(activiteit, olga)
    deelnemer = bezet
    activiteit.capaciteit = 2  # a free place: the "next" button is shown to who may use it
    activiteit.save()
    url = reverse("deelname:activiteit", args=[activiteit.pk])
    beheren = [
        reverse("deelname:inschrijving_afronden", args=[deelnemer.pk]),
        reverse("deelname:inschrijving_stopzetten", args=[gewoon.pk]),
        reverse("deelname:inschrijving_plaatsen", args=[gewoon.pk]),
        reverse("deelname:activiteit_volgende", args=[activiteit.pk]),
    ]
    verontschuldigen = reverse("deelname:inschrijving_verontschuldigen", args=[deelnemer.pk])
    client.force_login(alice)
    response = client.get(url)
    assert not response.context["mag_beheren"]
    assert response.context["mag_verontschuldigen"]  # the trajectbegeleider excuses
    for actie in beheren:
        assert actie not in response.text, actie
    assert verontschuldigen in response.text
    client.force_login(olga)
    response = client.get(url)
    assert response.context["mag_beheren"]
    for actie in [*beheren, verontschuldigen]:
        assert actie in response.text, actie


def test_the_waiting_list_says_who_is_next(client, alice, olga, activiteit):
    _, _, dringend = _vol_met_wachtenden(activiteit, olga)
    client.force_login(alice)
    response = client.get(reverse("deelname:activiteit", args=[activiteit.pk]))
    assert response.context["volgende"].pk == dringend.pk
    volgende = " ".join(response.text.split('id="volgende"')[1].split("</p>")[0].split())
    assert f"Volgende aan de beurt: <strong>{dringend.gedetineerde.volledige_naam}</strong>" in (
        volgende
    )
    assert "alleen met een reden voorrang" in volgende


def test_placing_out_of_turn_asks_a_reason_and_keeps_it(client, olga, activiteit):
    bezet, gewoon, dringend = _vol_met_wachtenden(activiteit, olga)
    inschrijving_stopzetten(
        inschrijving=bezet,
        stopreden=Stopreden.objects.get(code="eigen-keuze"),
        beslist_door="deelnemer",
        door=olga,
    )
    client.force_login(olga)
    url = reverse("deelname:inschrijving_plaatsen", args=[gewoon.pk])
    pagina = client.get(url)
    assert pagina.context["eerste"].pk == dringend.pk
    assert f"Eerst aan de beurt is {dringend.gedetineerde.volledige_naam}" in pagina.text
    zonder = client.post(url, {"voorrang": "  "})
    assert zonder.status_code == 200
    assert zonder.context["form"].errors["voorrang"]
    assert Inschrijving.objects.get(pk=gewoon.pk).status == Status.WACHTLIJST

    response = client.post(url, {"voorrang": "Wordt over twee weken vrijgelaten."})
    assert response.status_code == 302
    gewoon.refresh_from_db()
    assert gewoon.status == Status.INGESCHREVEN
    assert gewoon.stappen.last().toelichting == "Voorrang: Wordt over twee weken vrijgelaten."
    assert Inschrijving.objects.get(pk=dringend.pk).status == Status.WACHTLIJST


def test_the_first_in_line_is_placed_without_a_reason(client, olga, activiteit):
    bezet, _, dringend = _vol_met_wachtenden(activiteit, olga)
    bezet.__class__.objects.filter(pk=bezet.pk).update(status=Status.AFGEROND)
    client.force_login(olga)
    url = reverse("deelname:inschrijving_plaatsen", args=[dringend.pk])
    assert "voorrang" not in client.get(url).context["form"].fields
    assert client.post(url, {}).status_code == 302
    assert Inschrijving.objects.get(pk=dringend.pk).status == Status.INGESCHREVEN


def test_an_individual_offer_is_managed_by_its_own_organisation(
    client, alice, bob, scherm_individueel, antwerpen
):
    """The VDAB's individual offer: bob (VDAB) manages it, alice (CAW) does not."""
    persoon = GedetineerdeFactory(huidige_gevangenis=antwerpen)
    inschrijving = inschrijving_aanvragen(
        gedetineerde=persoon,
        aanbod=scherm_individueel.aanbod,
        bron=Bron.TRAJECTBEGELEIDER,
        door=alice,
    )
    stoppen = reverse("deelname:inschrijving_stopzetten", args=[inschrijving.pk])
    client.force_login(alice)
    assert client.post(stoppen, _stopgegevens()).status_code == 403
    client.force_login(bob)
    assert client.post(stoppen, _stopgegevens()).status_code == 302
    assert Inschrijving.objects.get(pk=inschrijving.pk).status == Status.STOPGEZET


def test_another_group_of_the_same_course_is_a_warning_on_the_page(
    client, alice, olga, activiteit, persoon, nederlands, sportzaal, vandaag
):
    from aanbod.services.planning import SlotInvoer, activiteit_aanmaken

    dinsdag = activiteit_aanmaken(
        aanbod=nederlands,
        gevangenis=activiteit.gevangenis,
        naam="dinsdaggroep",
        startdatum=vandaag,
        einddatum=vandaag + 30 * DAG,
        lokaal=sportzaal,
        capaciteit=5,
        slots=[SlotInvoer(weekdag=1, begintijd=datetime.time(9), eindtijd=datetime.time(11))],
        door=olga,
    )
    inschrijving_aanvragen(
        gedetineerde=persoon, activiteit=dinsdag, bron=Bron.TRAJECTBEGELEIDER, door=alice
    )
    client.force_login(alice)
    url = reverse("deelname:activiteit_inschrijven", args=[activiteit.pk])
    response = client.post(url, _formulier(persoon))
    assert [w["code"] for w in response.context["waarschuwingen"]] == ["groep"]
    assert "Nederlands tweede taal A1 – dinsdaggroep" in response.text
    assert 'name="overschrijven_groep"' in response.text
    response = client.post(url, _formulier(persoon, overschrijven_groep="Wisselt van groep"))
    assert response.status_code == 302
    nieuw = Inschrijving.objects.get(gedetineerde=persoon, activiteit=activiteit)
    assert nieuw.overschreven_waarschuwingen[0]["reden"] == "Wisselt van groep"
