"""Notes with their levels, consents, and case conferences, through the screens.

Cast: alice (CAW, Antwerpen) writes about Jan (persoon); anke is her CAW colleague;
bob works for VDAB. Fixtures toestemming_vdab, overleg_alice and anke come from
tests/trajecten/routes_doorverwijzingen.py.
"""

import datetime

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from hdv import rollen
from hdv.scope import gevangenis_ids
from tests.conftest import _medewerker
from tests.factories import OrganisatieFactory
from trajecten.models import Casusoverleg, Categorie, Notitie, Toestemming
from trajecten.services.notities import notitie_schrijven, toestemming_geven
from trajecten.views.notities import dossier_sectie
from trajecten.zichtbaarheid import inzicht

N = Notitie.Niveau


@pytest.fixture
def amber(antwerpen, caw):
    """Another CAW colleague in Antwerpen, not named on any note."""
    return _medewerker("amber", caw, [antwerpen], rollen.TRAJECTBEGELEIDER)


@pytest.fixture
def cees(antwerpen):
    """A CGG worker in Antwerpen: neither participant nor organiser."""
    cgg = OrganisatieFactory(naam="CGG Antwerpen", afkorting="CGG")
    return _medewerker("cees", cgg, [antwerpen], rollen.HULPVERLENER)


@pytest.fixture
def notities_van_alice(alice, anke, persoon):
    return {
        niveau: notitie_schrijven(
            gedetineerde=persoon,
            niveau=niveau,
            tekst=f"Notitie {niveau}",
            door=alice,
            gedeeld_met=[anke] if niveau == N.BEROEPSGEHEIM else [],
        )
        for niveau in N.values
    }


def _sectie(user, persoon):
    request = RequestFactory().get("/")
    request.user = user
    return dossier_sectie(request, persoon, inzicht(user, persoon))


def _leesbaar(user, persoon):
    return {n.tekst for n in _sectie(user, persoon)["notities"]}


def _nieuwe_notitie(persoon):
    return reverse("trajecten:notitie_nieuw", args=[persoon.pk])


# Notes


def test_the_form_explains_the_levels_and_offers_colleagues_of_the_prison(
    client, alice, anke, bob, charlie, persoon
):
    client.force_login(alice)

    response = client.get(_nieuwe_notitie(persoon))

    assert "Nooit via een toestemming" in response.content.decode()
    assert list(response.context["form"].fields["gedeeld_met"].queryset) == [anke]


def test_it_writes_a_note_under_professional_secrecy(client, alice, anke, persoon):
    client.force_login(alice)

    response = client.post(
        _nieuwe_notitie(persoon),
        {"niveau": N.BEROEPSGEHEIM, "tekst": "Vertrouwelijk.", "gedeeld_met": [anke.pk]},
    )

    assert response.status_code == 302
    assert response["Location"] == reverse("trajecten:dossier", args=[persoon.pk]) + "#notities"
    notitie = Notitie.objects.get()
    assert notitie.niveau == N.BEROEPSGEHEIM
    assert list(notitie.gedeeld_met.all()) == [anke]


def test_naming_colleagues_outside_professional_secrecy_is_refused(client, alice, anke, persoon):
    client.force_login(alice)

    response = client.post(
        _nieuwe_notitie(persoon),
        {"niveau": N.ORGANISATIE, "tekst": "Iets.", "gedeeld_met": [anke.pk]},
    )

    assert response.status_code == 200
    assert "beroepsgeheim" in response.context["form"].errors["gedeeld_met"][0]
    assert not Notitie.objects.exists()


def test_a_colleague_of_another_organisation_cannot_be_named(client, alice, bob, persoon):
    client.force_login(alice)

    response = client.post(
        _nieuwe_notitie(persoon),
        {"niveau": N.BEROEPSGEHEIM, "tekst": "Iets.", "gedeeld_met": [bob.pk]},
    )

    assert "gedeeld_met" in response.context["form"].errors
    assert not Notitie.objects.exists()


def test_an_empty_note_is_refused(client, alice, persoon):
    client.force_login(alice)

    response = client.post(_nieuwe_notitie(persoon), {"niveau": N.GEDEELD, "tekst": ""})

    assert "tekst" in response.context["form"].errors
    assert not Notitie.objects.exists()


def test_bob_reads_none_of_alices_notes_without_consent(bob, persoon, notities_van_alice):
    assert _leesbaar(bob, persoon) == set()


def test_consent_for_notes_opens_only_the_shared_level(
    alice, bob, persoon, vdab, notities_van_alice
):
    toestemming_geven(
        gedetineerde=persoon, organisatie=vdab, categorie=Categorie.NOTITIES, door=alice
    )
    assert _leesbaar(bob, persoon) == {"Notitie gedeeld"}


def test_a_named_colleague_reads_professional_secrecy_and_another_does_not(
    anke, amber, persoon, notities_van_alice
):
    alles = {"Notitie gedeeld", "Notitie organisatie", "Notitie beroepsgeheim"}
    assert _leesbaar(anke, persoon) == alles
    assert _leesbaar(amber, persoon) == alles - {"Notitie beroepsgeheim"}


def test_the_file_shows_the_notes_with_level_author_and_date(alice, persoon, notities_van_alice):
    sectie = _sectie(alice, persoon)
    html = render_to_string("trajecten/dossier/_notities.html", {**sectie, "gedetineerde": persoon})
    assert "Notitie beroepsgeheim" in html
    assert f"{alice.get_full_name()} (CAW-ANT)" in html
    assert timezone.localdate().strftime("%d/%m/%Y") in html
    assert reverse("trajecten:notitie_nieuw", args=[persoon.pk]) in html


def test_the_file_part_takes_three_queries(
    alice, persoon, notities_van_alice, toestemming_vdab, overleg_alice, django_assert_num_queries
):
    # Permissions and prisons are cached per user; the file page has loaded them already.
    alice.has_perm("trajecten.view_notitie")
    gevangenis_ids(alice)
    zicht = inzicht(alice, persoon)
    request = RequestFactory().get("/")
    request.user = alice
    with django_assert_num_queries(3):  # notes, consents, case conferences
        sectie = dossier_sectie(request, persoon, zicht)
        assert len(sectie["notities"]) == 3
        assert list(sectie["toestemmingen"]) == [toestemming_vdab]
        assert list(sectie["casusoverleggen"]) == [overleg_alice]


def test_the_file_part_is_hidden_without_the_permission(dirk, persoon):
    assert _sectie(dirk, persoon) == {"toon_notities": False}


# Consent


def _toestemmingen(persoon):
    return reverse("trajecten:toestemmingen", args=[persoon.pk])


def _toestemming(organisatie, **velden):
    return {
        "organisatie": organisatie.pk,
        "categorie": Categorie.PLAN,
        "gegeven_op": timezone.localdate().isoformat(),
        **velden,
    }


def test_alice_registers_a_consent(client, alice, persoon, vdab):
    client.force_login(alice)

    response = client.post(_toestemmingen(persoon), _toestemming(vdab, opmerking="Mondeling."))

    assert response.status_code == 302
    toestemming = Toestemming.objects.get()
    assert (toestemming.organisatie, toestemming.categorie) == (vdab, Categorie.PLAN)
    assert toestemming.geregistreerd_door == alice


def test_a_second_active_consent_for_the_same_is_refused(client, alice, persoon, vdab):
    client.force_login(alice)
    client.post(_toestemmingen(persoon), _toestemming(vdab))

    response = client.post(_toestemmingen(persoon), _toestemming(vdab))

    assert "al gegeven" in response.context["form"].errors["categorie"][0]
    assert Toestemming.objects.count() == 1


def test_a_consent_in_the_future_is_refused(client, alice, persoon, vdab):
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    client.force_login(alice)

    response = client.post(_toestemmingen(persoon), _toestemming(vdab, gegeven_op=morgen))

    assert "gegeven_op" in response.context["form"].errors
    assert not Toestemming.objects.exists()


def test_bob_reads_the_consents_but_cannot_register_one(
    client, bob, persoon, vdab, toestemming_vdab
):
    client.force_login(bob)

    response = client.get(_toestemmingen(persoon))
    assert response.status_code == 200
    assert response.context["form"] is None
    assert list(response.context["toestemmingen"]) == [toestemming_vdab]

    assert client.post(_toestemmingen(persoon), _toestemming(vdab)).status_code == 403
    assert Toestemming.objects.count() == 1


def test_withdrawing_a_consent_takes_effect_and_stays_in_the_list(
    client, alice, persoon, toestemming_vdab
):
    client.force_login(alice)
    dossier = reverse("trajecten:dossier", args=[persoon.pk])

    response = client.post(
        reverse("trajecten:toestemming_intrekken", args=[toestemming_vdab.pk]),
        {"volgende": dossier},
    )

    assert response["Location"] == dossier
    toestemming_vdab.refresh_from_db()
    assert toestemming_vdab.ingetrokken_op == timezone.localdate()
    assert toestemming_vdab.ingetrokken_door == alice
    lijst = client.get(_toestemmingen(persoon))
    assert list(lijst.context["toestemmingen"]) == [toestemming_vdab]
    assert "tabel__rij--niet" in lijst.content.decode()


def test_withdrawing_twice_is_a_message(client, alice, persoon, toestemming_vdab):
    client.force_login(alice)
    url = reverse("trajecten:toestemming_intrekken", args=[toestemming_vdab.pk])
    client.post(url)

    response = client.post(url, follow=True)

    assert "al ingetrokken" in response.content.decode()


def test_withdrawing_asks_for_confirmation_first(client, alice, persoon, toestemming_vdab):
    client.force_login(alice)
    dossier = reverse("trajecten:dossier", args=[persoon.pk])
    url = reverse("trajecten:toestemming_intrekken", args=[toestemming_vdab.pk])

    response = client.get(url, {"volgende": dossier})

    assert response.status_code == 200
    inhoud = response.content.decode()
    assert "Na het intrekken kan VDAB vanaf nu niet meer lezen" in inhoud
    assert f'name="volgende" value="{dossier}"' in inhoud
    assert "Ja, toestemming intrekken" in inhoud
    toestemming_vdab.refresh_from_db()
    assert toestemming_vdab.ingetrokken_op is None


def test_the_list_links_to_the_confirmation_not_a_one_click_withdrawal(
    client, alice, persoon, toestemming_vdab
):
    client.force_login(alice)
    lijst = reverse("trajecten:toestemmingen", args=[persoon.pk])

    inhoud = client.get(lijst).content.decode()

    url = reverse("trajecten:toestemming_intrekken", args=[toestemming_vdab.pk])
    assert f'href="{url}?volgende=' in inhoud
    assert f'action="{url}"' not in inhoud


def test_confirming_a_withdrawn_consent_says_so(client, alice, toestemming_vdab):
    client.force_login(alice)
    url = reverse("trajecten:toestemming_intrekken", args=[toestemming_vdab.pk])
    client.post(url)

    response = client.get(url)

    assert 'id="al-ingetrokken"' in response.content.decode()
    assert "Ja, toestemming intrekken" not in response.content.decode()


def test_the_confirmation_does_not_return_to_another_site(client, alice, toestemming_vdab):
    client.force_login(alice)
    url = reverse("trajecten:toestemming_intrekken", args=[toestemming_vdab.pk])

    response = client.get(url, {"volgende": "https://elders.example/"})

    assert "elders.example" not in response.content.decode()


def test_the_consent_form_names_organisations_in_full(client, alice, persoon, vdab):
    client.force_login(alice)

    inhoud = client.get(_toestemmingen(persoon)).content.decode()

    assert f">{vdab.naam} ({vdab.afkorting})</option>" in inhoud


# Case conferences


def _nieuw_overleg(persoon):
    return reverse("trajecten:casusoverleg_nieuw", args=[persoon.pk])


def _overleg(**velden):
    return {
        "datum": timezone.localdate().isoformat(),
        "onderwerp": "Voorbereiding vrijlating",
        "besluiten": "Het OCMW wordt gecontacteerd.",
        "externe_deelnemers": "de gedetineerde",
        **velden,
    }


def test_the_participants_are_staff_of_the_persons_prison(client, alice, bob, charlie, persoon):
    client.force_login(alice)

    response = client.get(_nieuw_overleg(persoon))

    deelnemers = set(response.context["form"].fields["deelnemers"].queryset)
    assert bob in deelnemers
    assert charlie not in deelnemers
    assert alice not in deelnemers  # the author takes part anyway


def test_it_records_a_case_conference(client, alice, bob, persoon):
    client.force_login(alice)

    response = client.post(_nieuw_overleg(persoon), _overleg(deelnemers=[bob.pk]))

    overleg = Casusoverleg.objects.get()
    assert response["Location"] == reverse("trajecten:casusoverleg", args=[overleg.pk])
    assert set(overleg.deelnemers.all()) == {alice, bob}
    assert overleg.externe_deelnemers == "de gedetineerde"


def test_a_case_conference_in_the_future_is_refused(client, alice, persoon):
    client.force_login(alice)
    morgen = timezone.localdate() + datetime.timedelta(days=1)

    response = client.post(_nieuw_overleg(persoon), _overleg(datum=morgen.isoformat()))

    assert "datum" in response.context["form"].errors
    assert not Casusoverleg.objects.exists()


def test_a_participant_of_another_prison_is_refused(client, alice, charlie, persoon):
    client.force_login(alice)

    response = client.post(_nieuw_overleg(persoon), _overleg(deelnemers=[charlie.pk]))

    assert "deelnemers" in response.context["form"].errors
    assert not Casusoverleg.objects.exists()


def test_participants_and_the_organising_organisation_read_it(
    client, bob, anke, cees, overleg_alice
):
    url = reverse("trajecten:casusoverleg", args=[overleg_alice.pk])
    client.force_login(bob)
    assert "VDAB start de screening" in client.get(url).content.decode()
    client.force_login(anke)
    assert client.get(url).status_code == 200
    client.force_login(cees)
    assert client.get(url).status_code == 404


def test_the_file_lists_only_the_case_conferences_one_may_read(bob, cees, persoon, overleg_alice):
    assert list(_sectie(bob, persoon)["casusoverleggen"]) == [overleg_alice]
    assert list(_sectie(cees, persoon)["casusoverleggen"]) == []
