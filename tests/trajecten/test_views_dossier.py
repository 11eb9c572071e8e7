"""The file page (header, timeline, intake and needs, other parts) and the search."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from hdv.models import Auditrecord
from hdv.scope import SESSIE_SLEUTEL
from tests.factories import GedetineerdeFactory
from trajecten.models import Categorie, HdvPlan, Notitie
from trajecten.services import gedetineerde_vrijlaten
from trajecten.services.notities import notitie_schrijven, toestemming_geven
from trajecten.services.onthaal import BehoefteInvoer, behoefte_vastleggen, onthaal_registreren
from trajecten.services.plannen import doel_toevoegen, plan_openen, plan_vastleggen

pytestmark = pytest.mark.django_db

D = datetime.date


def _dossier(client, user, persoon):
    client.force_login(user)
    response = client.get(reverse("trajecten:dossier", args=[persoon.pk]))
    assert response.status_code == 200
    return response.content.decode()


def _onthaal(persoon, door):
    return onthaal_registreren(
        verblijf=persoon.verblijven.get(),
        datum=D(2026, 1, 8),
        door=door,
        taal="ar",
        tolk_nodig=True,
        behoeften=[BehoefteInvoer("wonen", "ja", "hoog", "zoekt een adres")],
    )


def _plan(persoon, door):
    plan = plan_openen(gedetineerde=persoon, door=door)
    doel_toevoegen(
        plan=plan,
        levensdomein="werk",
        omschrijving="Een opleiding lassen",
        plaats="binnen",
        door=door,
    )
    plan_vastleggen(plan=plan, door=door, aanleiding="start van het traject")
    return plan


def test_it_shows_the_header_timeline_and_intake(client, alice, persoon):
    _onthaal(persoon, alice)
    html = _dossier(client, alice, persoon)

    assert "Testpersoon, Jan" in html
    assert persoon.detineenummer in html
    assert "aanwezig in Antwerpen" in html
    assert 'id="tijdlijn"' in html
    assert "Aankomst in Antwerpen" in html
    assert "Onthaal afgerond in Antwerpen" in html
    assert 'id="onthaal"' in html
    assert "zoekt een adres" in html  # the need, readable for its own organisation
    assert "Arabisch (tolk nodig)" in html  # the intake language by name, not "ar"


def test_an_intake_that_is_due_shows_its_deadline_and_the_actions(client, alice, persoon):
    html = _dossier(client, alice, persoon)

    assert "nog niet gebeurd" in html
    assert "19/01/2026" in html  # arrival 05/01 + 14 days
    assert "te laat" in html
    assert reverse("trajecten:onthaal", args=[persoon.pk]) in html
    assert reverse("trajecten:onthaal_overslaan", args=[persoon.pk]) in html


def test_a_provider_sees_no_intake_buttons_and_no_content_without_consent(
    client, alice, bob, persoon
):
    _onthaal(persoon, alice)
    behoefte_vastleggen(
        gedetineerde=persoon,
        levensdomein="financien",
        antwoord="ja",
        notitie="schulden",
        door=alice,
    )
    _plan(persoon, alice)

    html = _dossier(client, bob, persoon)

    assert reverse("trajecten:onthaal_overslaan", args=[persoon.pk]) not in html
    assert "zoekt een adres" not in html
    assert "schulden" not in html
    assert "2 vastleggingen van behoeften zijn niet gedeeld" in html
    assert "HDV-plan versie 1 vastgelegd" in html
    assert "start van het traject" not in html
    assert "Een opleiding lassen" not in html


def test_with_consent_the_provider_reads_intake_plan_and_shared_notes(client, alice, bob, persoon):
    _onthaal(persoon, alice)
    _plan(persoon, alice)
    notitie_schrijven(
        gedetineerde=persoon, niveau=Notitie.Niveau.GEDEELD, tekst="Gaat goed vooruit", door=alice
    )
    vdab = bob.medewerker.organisatie
    for categorie in (Categorie.ONTHAAL, Categorie.PLAN, Categorie.NOTITIES):
        toestemming_geven(gedetineerde=persoon, organisatie=vdab, categorie=categorie, door=alice)

    html = _dossier(client, bob, persoon)

    assert "zoekt een adres" in html
    assert "start van het traject" in html
    assert "Gaat goed vooruit" in html


def test_a_released_person_is_marked_and_has_no_intake_to_do(client, alice, persoon):
    gedetineerde_vrijlaten(
        gedetineerde=persoon, datum=D(2026, 2, 1), vrijlatingssoort="strafeinde", door=None
    )
    html = _dossier(client, alice, persoon)
    assert "niet meer aanwezig (laatst in Antwerpen)" in html
    assert "Vrijlating uit Antwerpen" in html
    assert "geen onthaal te doen" in html


def test_a_beheerder_sees_the_file_without_the_intake_section(client, eva, persoon):
    html = _dossier(client, eva, persoon)
    assert 'id="onthaal"' not in html
    assert "Aankomst in Antwerpen" in html
    # The rest of the file is for care workers: the page says so instead of looking broken.
    assert 'id="alleen-basisgegevens"' in html


def test_a_care_worker_is_not_told_the_file_is_only_basics(client, alice, persoon):
    assert 'id="alleen-basisgegevens"' not in _dossier(client, alice, persoon)


def test_the_languages_a_person_speaks_show_by_name(client, alice, persoon):
    persoon.talen = ["fr", "ber", "xx"]
    persoon.save(update_fields=["talen"])

    html = _dossier(client, alice, persoon)

    assert "<dd>Frans, Berbers (Tamazight), xx</dd>" in html  # an unknown code stays a code


def test_the_section_navigation_is_a_list_without_bullets(client, alice, persoon):
    html = _dossier(client, alice, persoon)
    assert 'class="sectienav"' in html


def test_a_plan_review_date_in_the_past_is_flagged(client, alice, persoon):
    plan = _plan(persoon, alice)
    assert 'id="herziening-te-laat"' not in _dossier(client, alice, persoon)

    HdvPlan.objects.filter(pk=plan.pk).update(
        volgende_herziening=timezone.localdate() - datetime.timedelta(days=1)
    )

    assert 'id="herziening-te-laat"' in _dossier(client, alice, persoon)


def test_opening_the_file_is_recorded(client, alice, persoon):
    _dossier(client, alice, persoon)
    assert Auditrecord.objects.filter(persoon_id=persoon.pk, door=alice).exists()


def _aantal_queries(client, url):
    with CaptureQueriesContext(connection) as vastgelegd:
        assert client.get(url).status_code == 200
    return len(vastgelegd)


def test_the_file_does_not_grow_in_queries_with_its_size(client, alice, persoon):
    """One file with one of everything, then with many: the same number of queries."""
    _onthaal(persoon, alice)
    _plan(persoon, alice)
    notitie_schrijven(gedetineerde=persoon, niveau="gedeeld", tekst="eerste", door=alice)
    client.force_login(alice)
    url = reverse("trajecten:dossier", args=[persoon.pk])
    client.get(url)
    klein = _aantal_queries(client, url)

    for i in range(6):
        notitie_schrijven(gedetineerde=persoon, niveau="gedeeld", tekst=f"notitie {i}", door=alice)
        behoefte_vastleggen(gedetineerde=persoon, levensdomein="werk", antwoord="ja", door=alice)
    plan_vastleggen(plan=persoon.hdv_plan, door=alice, aanleiding="herziening")

    assert _aantal_queries(client, url) == klein


# --- search -------------------------------------------------------------------------------


@pytest.fixture
def gezocht(antwerpen, gent):
    """Three Peeters: present in Antwerpen, released from Antwerpen, present in Gent."""
    aanwezig = GedetineerdeFactory(
        huidige_gevangenis=antwerpen, achternaam="Peeters", voornaam="An"
    )
    vrij = GedetineerdeFactory(huidige_gevangenis=antwerpen, achternaam="Peeters", voornaam="Bart")
    gedetineerde_vrijlaten(
        gedetineerde=vrij, datum=D(2026, 2, 1), vrijlatingssoort="strafeinde", door=None
    )
    in_gent = GedetineerdeFactory(huidige_gevangenis=gent, achternaam="Peeters", voornaam="Cas")
    return aanwezig, vrij, in_gent


def _zoek(client, user, q, **extra):
    client.force_login(user)
    return client.get(reverse("trajecten:zoeken"), {"q": q, **extra})


def test_search_finds_present_and_released_people_of_my_prisons(client, alice, gezocht):
    aanwezig, vrij, in_gent = gezocht
    response = _zoek(client, alice, "peeters")

    assert list(response.context["pagina"].object_list) == [aanwezig, vrij]
    html = response.content.decode()
    assert "niet meer aanwezig" in html
    assert in_gent.detineenummer not in html


def test_search_covers_all_my_prisons_not_only_the_active_one(client, eva, gezocht):
    aanwezig, vrij, in_gent = gezocht
    client.force_login(eva)
    session = client.session
    session[SESSIE_SLEUTEL] = aanwezig.huidige_gevangenis_id
    session.save()

    response = client.get(reverse("trajecten:zoeken"), {"q": "Peeters"})

    assert list(response.context["pagina"].object_list) == [aanwezig, vrij, in_gent]
    assert "Gent" in response.content.decode()


def test_search_by_number_and_by_full_name(client, alice, gezocht):
    aanwezig, vrij, _ = gezocht
    assert list(_zoek(client, alice, vrij.detineenummer).context["pagina"].object_list) == [vrij]
    assert list(_zoek(client, alice, "an peeters").context["pagina"].object_list) == [aanwezig]


def test_an_empty_search_finds_nobody(client, alice, gezocht):
    response = _zoek(client, alice, "  ")
    assert list(response.context["pagina"].object_list) == []
    assert "Geef een naam" in response.content.decode()


def test_search_pages_and_pins_its_queries(
    client, alice, antwerpen, settings, django_assert_num_queries
):
    settings.HDV_PAGE_SIZE = 5
    for i in range(12):
        GedetineerdeFactory(huidige_gevangenis=antwerpen, achternaam=f"Janssens{i:02d}")
    client.force_login(alice)
    url = reverse("trajecten:zoeken")
    client.get(url, {"q": "janssens"})

    # session, user, 2× permissions, prisons, count, page; session save (3)
    with django_assert_num_queries(10):
        response = client.get(url, {"q": "janssens", "pagina": 3})
    assert [p.achternaam for p in response.context["pagina"].object_list] == [
        "Janssens10",
        "Janssens11",
    ]


def test_the_person_list_links_to_the_search(client, alice, antwerpen):
    client.force_login(alice)
    html = client.get(reverse("trajecten:gedetineerden"), {"q": "jan"}).content.decode()
    assert f"{reverse('trajecten:zoeken')}?q=jan" in html


def test_a_due_intake_is_not_late_within_the_norm(client, alice, antwerpen):
    nieuw = GedetineerdeFactory(huidige_gevangenis=antwerpen, verblijf__van=timezone.localdate())
    html = _dossier(client, alice, nieuw)
    assert "nog niet gebeurd" in html
    assert "te laat" not in html
