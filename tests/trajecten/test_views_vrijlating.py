"""The release preparation's screens: the checklist, its items, frozen summaries, consent.

Fixtures ``voorbereiding_vrijlating`` and ``punt_van_checklist`` come from
tests/trajecten/routes_plan.py.
"""

import datetime
import re

import pytest
from django.contrib.auth.models import Permission
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse

from tests.factories import GedetineerdeFactory, MedewerkerFactory, OrganisatieFactory, UserFactory
from trajecten.models import Categorie, Checklistpunt, Verblijf, Vrijlatingsvoorbereiding
from trajecten.services.notities import toestemming_geven, toestemming_intrekken
from trajecten.services.personen import gedetineerde_vrijlaten
from trajecten.services.vrijlating import checklistpunt_bijwerken
from trajecten.views import vrijlating as vrijlating_views
from trajecten.zichtbaarheid import inzicht

pytestmark = pytest.mark.django_db

AFGESCHERMD = "de inhoud is afgeschermd — de gedetineerde gaf uw organisatie geen toestemming"


def _url(naam, pk):
    return reverse(f"trajecten:{naam}", args=[pk])


def _html(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def _tekst(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def lezer(antwerpen):
    """Staff of a partner who may read release preparations, not keep them (no such role yet)."""
    user = MedewerkerFactory(
        user=UserFactory(username="lezer"),
        organisatie=OrganisatieFactory(naam="Justitiehuis Antwerpen", afkorting="JH-ANT"),
        gevangenissen=[antwerpen],
        rollen=[],
    ).user
    user.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["view_gedetineerde", "view_vrijlatingsvoorbereiding"]
        )
    )
    return user


def test_without_a_preparation_alice_can_open_one(client, alice, persoon):
    client.force_login(alice)
    html = _html(client.get(_url("vrijlating", persoon.pk)))
    assert "Er loopt geen voorbereiding van de vrijlating." in html
    assert "Nu voorbereiden" in html

    response = client.post(_url("vrijlating", persoon.pk))
    assert response.status_code == 302
    voorbereiding = Vrijlatingsvoorbereiding.objects.get(gedetineerde=persoon)
    assert voorbereiding.punten.count() == len(Checklistpunt.Onderwerp.values)


def test_a_released_person_gets_no_new_preparation(client, alice, persoon):
    gedetineerde_vrijlaten(
        gedetineerde=persoon,
        datum=datetime.date(2026, 3, 1),
        vrijlatingssoort=Verblijf.Vrijlatingssoort.STRAFEINDE,
        door=alice,
    )
    client.force_login(alice)
    assert "Nu voorbereiden" not in _html(client.get(_url("vrijlating", persoon.pk)))
    response = client.post(_url("vrijlating", persoon.pk), follow=True)
    assert "verblijft niet (meer) in een gevangenis" in response.content.decode()
    assert not Vrijlatingsvoorbereiding.objects.exists()


def test_the_checklist_with_its_expected_date(client, alice, antwerpen, vandaag):
    vi = vandaag + datetime.timedelta(days=60)
    persoon = GedetineerdeFactory(huidige_gevangenis=antwerpen, datum_vi=vi)
    client.force_login(alice)
    client.post(_url("vrijlating", persoon.pk))
    tekst = _tekst(_html(client.get(_url("vrijlating", persoon.pk))))
    assert f"Verwachte vrijlating {vi:%d/%m/%Y}" in tekst
    assert "0 van 9 punten zijn geregeld of niet nodig." in tekst
    for onderwerp in [
        "Huisvesting", "Inkomen en OCMW", "Identiteitsdocumenten", "Ziekteverzekering",
        "Werk en VDAB buiten", "Nazorg geestelijke gezondheid", "Nazorg verslaving",
        "Schulden", "Familie en netwerk",
    ]:  # fmt: skip
        assert f"{onderwerp}" in tekst


def test_it_updates_a_checklist_item(client, alice, punt_van_checklist, caw):
    client.force_login(alice)
    url = _url("checklistpunt", punt_van_checklist.pk)
    html = _html(client.get(url))
    assert "<h1>Huisvesting</h1>" in html
    response = client.post(
        url,
        {
            "status": Checklistpunt.Status.GEREGELD,
            "organisatie": caw.pk,
            "verantwoordelijke": alice.pk,
            "toelichting": "Plaats in een opvanghuis.",
        },
    )
    assert response.status_code == 302
    punt_van_checklist.refresh_from_db()
    assert (
        punt_van_checklist.status,
        punt_van_checklist.organisatie,
        punt_van_checklist.verantwoordelijke,
        punt_van_checklist.toelichting,
    ) == ("geregeld", caw, alice, "Plaats in een opvanghuis.")
    tekst = _tekst(_html(client.get(response["Location"])))
    assert "1 van 9 punten zijn geregeld of niet nodig." in tekst
    assert "Huisvesting geregeld CAW Antwerpen" in tekst


def test_an_item_with_errors_saves_nothing(client, alice, charlie, punt_van_checklist):
    client.force_login(alice)
    url = _url("checklistpunt", punt_van_checklist.pk)
    # Only staff of the person's prison can be responsible: charlie works in Gent.
    assert f'value="{charlie.pk}"' not in _html(client.get(url))
    html = _html(client.post(url, {"status": "klaar", "verantwoordelijke": charlie.pk}))
    assert "Het formulier bevat fouten" in html
    punt_van_checklist.refresh_from_db()
    assert (punt_van_checklist.status, punt_van_checklist.verantwoordelijke) == ("te_doen", None)


def test_after_release_the_summary_is_frozen(client, alice, punt_van_checklist, persoon):
    checklistpunt_bijwerken(
        punt=punt_van_checklist,
        status=Checklistpunt.Status.GEREGELD,
        toelichting="Opvanghuis",
        door=alice,
    )
    gedetineerde_vrijlaten(
        gedetineerde=persoon,
        datum=datetime.date(2026, 3, 1),
        vrijlatingssoort=Verblijf.Vrijlatingssoort.STRAFEINDE,
        door=alice,
    )
    client.force_login(alice)
    html = _html(client.get(_url("vrijlating", persoon.pk)))
    tekst = _tekst(html)
    assert "Overdracht van 01/03/2026 (Antwerpen)" in tekst
    assert "Huisvesting geregeld — — Opvanghuis" in tekst
    assert _url("checklistpunt", punt_van_checklist.pk) not in html

    response = client.post(
        _url("checklistpunt", punt_van_checklist.pk), {"status": "te_doen"}, follow=True
    )
    assert "de checklist is afgesloten" in response.content.decode()
    punt_van_checklist.refresh_from_db()
    assert punt_van_checklist.status == Checklistpunt.Status.GEREGELD


def test_content_only_with_consent(client, alice, lezer, voorbereiding_vrijlating, persoon):
    client.force_login(lezer)
    url = _url("vrijlating", persoon.pk)
    html = _html(client.get(url))
    assert "Er loopt een voorbereiding van de vrijlating; " + AFGESCHERMD in html
    assert "Huisvesting" not in html

    toestemming = toestemming_geven(
        gedetineerde=persoon,
        organisatie=lezer.medewerker.organisatie,
        categorie=Categorie.VRIJLATING,
        door=alice,
    )
    html = _html(client.get(url))
    assert "Huisvesting" in html
    assert "Bijwerken" not in html  # reading, not keeping

    toestemming_intrekken(toestemming=toestemming, door=alice)
    assert "Huisvesting" not in _html(client.get(url))


def test_reading_does_not_allow_changing(client, lezer, punt_van_checklist, persoon):
    client.force_login(lezer)
    assert client.get(_url("checklistpunt", punt_van_checklist.pk)).status_code == 403
    assert client.post(_url("vrijlating", persoon.pk)).status_code == 403


# --- the section of the dossier page --------------------------------------------------------


def _sectie(user, persoon):
    request = RequestFactory().get("/")
    request.user = user
    return vrijlating_views.dossier_sectie(request, persoon, inzicht(user, persoon))


def test_the_dossier_section_shows_progress_in_one_query(
    alice, punt_van_checklist, persoon, django_assert_num_queries
):
    checklistpunt_bijwerken(punt=punt_van_checklist, status="niet_nodig", door=alice)
    request = RequestFactory().get("/")
    request.user = alice
    zicht = inzicht(alice, persoon)
    alice.has_perm("trajecten.view_vrijlatingsvoorbereiding")  # permissions cached
    with django_assert_num_queries(1):
        sectie = vrijlating_views.dossier_sectie(request, persoon, zicht)
    voorbereiding = sectie["vrijlating_voorbereiding"]
    assert (voorbereiding.aantal_afgehandeld, voorbereiding.aantal_punten) == (1, 9)
    assert sectie["vrijlating_zichtbaar"] is True


def test_the_dossier_section_without_consent_and_without_permission(
    bob, lezer, voorbereiding_vrijlating, persoon
):
    assert _sectie(bob, persoon) == {"toon_vrijlating": False}
    sectie = _sectie(lezer, persoon)
    assert (sectie["toon_vrijlating"], sectie["vrijlating_zichtbaar"]) == (True, False)


def _partial(user, persoon) -> str:
    request = RequestFactory().get("/")
    request.user = user
    context = {"gedetineerde": persoon, **_sectie(user, persoon)}
    return _tekst(render_to_string("trajecten/dossier/_vrijlating.html", context, request=request))


def test_the_dossier_partial(alice, lezer, bob, persoon, voorbereiding_vrijlating):
    assert "0 van 9 punten van de checklist zijn geregeld of niet nodig." in _partial(
        alice, persoon
    )
    tekst = _partial(lezer, persoon)
    assert "Er is een voorbereiding van de vrijlating (geopend op" in tekst
    assert AFGESCHERMD in tekst
    assert "punten" not in tekst
    assert _partial(bob, persoon) == ""


def test_the_dossier_partial_without_a_preparation(alice, persoon):
    assert "De vrijlating wordt (nog) niet voorbereid." in _partial(alice, persoon)
