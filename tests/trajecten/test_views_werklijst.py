"""The worklist of the active prison, closing a task, and the home-page panel."""

import datetime
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import GedetineerdeFactory
from trajecten.models import Categorie, HdvPlan, Taak
from trajecten.services import gedetineerde_bijwerken
from trajecten.services.doorverwijzingen import doorverwijzing_aanmaken
from trajecten.services.notities import toestemming_geven
from trajecten.services.onthaal import onthaal_overslaan
from trajecten.services.plannen import plan_openen
from trajecten.services.taken import taak_aanmaken

pytestmark = pytest.mark.django_db

VANDAAG = timezone.localdate()
DAG = datetime.timedelta(days=1)


@pytest.fixture
def werk(alice, bob, antwerpen, gent, persoon, vdab, taak_alice):
    """Something due in every list of Antwerpen, and some things that are not."""
    nieuw = GedetineerdeFactory(
        huidige_gevangenis=antwerpen, achternaam="Nieuwkomer", verblijf__van=VANDAAG
    )
    gedaan = GedetineerdeFactory(huidige_gevangenis=antwerpen, achternaam="Gedaan")
    onthaal_overslaan(verblijf=gedaan.verblijven.get(), reden="kort_verblijf", door=alice)
    GedetineerdeFactory(huidige_gevangenis=gent, achternaam="Gentenaar")

    plan = plan_openen(gedetineerde=persoon, door=alice)
    HdvPlan.objects.filter(pk=plan.pk).update(volgende_herziening=VANDAAG - DAG)  # overdue
    later = plan_openen(gedetineerde=gedaan, door=alice)
    HdvPlan.objects.filter(pk=later.pk).update(volgende_herziening=VANDAAG + 60 * DAG)

    toestemming_geven(
        gedetineerde=persoon, organisatie=vdab, categorie=Categorie.DOORVERWIJZINGEN, door=alice
    )
    doorverwijzing_aanmaken(
        gedetineerde=persoon,
        plaats="binnen",
        motivatie="Zoekt werk na de vrijlating.",
        naar_organisatie=vdab,
        levensdomein="werk",
        door=alice,
        versturen=True,
    )

    gedetineerde_bijwerken(gedetineerde=nieuw, strafeinde=VANDAAG + 30 * DAG, door=None)
    gedetineerde_bijwerken(gedetineerde=gedaan, strafeinde=VANDAAG + 200 * DAG, door=None)

    voor_iedereen = taak_aanmaken(
        gevangenis=antwerpen,
        soort=Taak.Soort.OVERPLAATSING,
        titel="Nieuwe aankomst na overplaatsing",
        permissie="trajecten.add_onthaal",
    )
    voor_bob = taak_aanmaken(
        gevangenis=antwerpen, soort=Taak.Soort.ANDERE, titel="Alleen voor Bob", toegewezen_aan=bob
    )
    return {"nieuw": nieuw, "gedaan": gedaan, "voor_iedereen": voor_iedereen, "voor_bob": voor_bob}


def _werklijst(client, user):
    client.force_login(user)
    response = client.get(reverse("trajecten:werklijst"))
    assert response.status_code == 200
    return response


def test_intakes_due_oldest_first_with_their_deadline(client, alice, persoon, werk):
    response = _werklijst(client, alice)

    rijen = response.context["onthalen"]
    assert [(v.gedetineerde, deadline) for v, deadline in rijen] == [
        (persoon, datetime.date(2026, 1, 19)),
        (werk["nieuw"], VANDAAG + 14 * DAG),
    ]
    onthalen = _sectie(response, "onthalen")
    assert onthalen.count("te laat") == 1
    assert "Gedaan" not in onthalen
    assert "Gentenaar" not in onthalen


def _sectie(response, naam):
    html = response.content.decode()
    return re.search(rf'<section id="{naam}".*?</section>', html, re.S).group(0)


def test_reviews_due_in_two_weeks(client, alice, persoon, werk):
    response = _werklijst(client, alice)
    assert [p.gedetineerde for p in response.context["lijsten"]["herzieningen"]] == [persoon]
    assert "te laat" in _sectie(response, "herzieningen")


def test_referrals_waiting_for_an_answer_and_the_inbox(client, alice, bob, persoon, werk):
    response = _werklijst(client, alice)
    wachtend = list(response.context["lijsten"]["wachtend"])
    assert [(d.gedetineerde, d.naar_organisatie.afkorting) for d in wachtend] == [(persoon, "VDAB")]
    assert response.context["inbox"] == 0

    response = _werklijst(client, bob)
    assert response.context["inbox"] == 1
    assert reverse("trajecten:inbox") in response.content.decode()
    # A provider does no intakes, reviews or release preparation: those lists are not his.
    lijsten = response.context["lijsten"]
    assert (lijsten["onthalen"], lijsten["herzieningen"], lijsten["vrijlatingen"]) == (
        None,
        None,
        None,
    )
    assert 'id="onthalen"' not in response.content.decode()


def test_releases_in_the_coming_sixty_days(client, alice, werk):
    response = _werklijst(client, alice)
    assert list(response.context["lijsten"]["vrijlatingen"]) == [werk["nieuw"]]


def test_open_tasks_addressed_to_me_or_my_permission(client, alice, taak_alice, werk):
    response = _werklijst(client, alice)
    assert list(response.context["lijsten"]["taken"]) == [taak_alice, werk["voor_iedereen"]]
    taken = _sectie(response, "taken")
    assert "Overdracht na overplaatsing" in taken
    assert "Alleen voor Bob" not in taken
    assert reverse("trajecten:taak_afhandelen", args=[taak_alice.pk]) in taken


def test_the_worklist_pins_its_queries(client, alice, werk, django_assert_num_queries):
    client.force_login(alice)
    url = reverse("trajecten:werklijst")
    client.get(url)
    # session, user, 2× permissions, prisons, staff profile (organisation); per list a
    # count and a page (5 × 2); inbox count; session save (3)
    with django_assert_num_queries(20):
        client.get(url)


def test_lists_page_on_their_own(client, alice, antwerpen, settings):
    settings.HDV_PAGE_SIZE = 5
    for i in range(7):
        GedetineerdeFactory(huidige_gevangenis=antwerpen, verblijf__van=VANDAAG - i * DAG)
    client.force_login(alice)
    response = client.get(reverse("trajecten:werklijst"), {"pagina_onthalen": 2})
    assert len(response.context["onthalen"]) == 2
    assert "pagina_onthalen=1" in response.content.decode()


def test_closing_a_task(client, alice, taak_alice):
    client.force_login(alice)
    response = client.post(reverse("trajecten:taak_afhandelen", args=[taak_alice.pk]))

    assert response.status_code == 302
    assert response["Location"] == reverse("trajecten:werklijst")
    taak_alice.refresh_from_db()
    assert taak_alice.afgehandeld_door == alice
    assert taak_alice.afgehandeld_op is not None
    # Once closed it is no longer in the worklist: a second close is a 404.
    response = client.post(reverse("trajecten:taak_afhandelen", args=[taak_alice.pk]))
    assert response.status_code == 404


def test_closing_is_post_only(client, alice, taak_alice):
    client.force_login(alice)
    response = client.get(reverse("trajecten:taak_afhandelen", args=[taak_alice.pk]))
    assert response.status_code == 405
    taak_alice.refresh_from_db()
    assert taak_alice.afgehandeld_op is None


def test_someone_elses_task_is_a_404(client, bob, taak_alice):
    client.force_login(bob)
    response = client.post(reverse("trajecten:taak_afhandelen", args=[taak_alice.pk]))
    assert response.status_code == 404
    taak_alice.refresh_from_db()
    assert taak_alice.afgehandeld_op is None


def test_the_home_page_panel_counts_my_work(client, alice, werk):
    client.force_login(alice)
    html = client.get(reverse("home")).content.decode()
    paneel = re.search(r'id="paneel-werklijst".*?</section>', html, re.S).group(0)
    cijfers = dict(re.findall(r'<dt><a href="[^"]*">([^<]+)</a></dt><dd>(\d+)</dd>', paneel))
    assert cijfers == {
        "Onthalen te doen": "2",
        "Herzieningen van plannen": "1",
        "Doorverwijzingen in de inbox": "0",
        "Open taken": "2",
    }
    assert reverse("trajecten:werklijst") in paneel


def test_no_panel_without_the_permission(client, dirk):
    client.force_login(dirk)
    assert "Mijn werklijst" not in client.get(reverse("home")).content.decode()


def test_no_waiting_referrals_says_only_what_is_true(client, bob, antwerpen):
    """bob's VDAB sent nothing: the page does not claim that everything was answered."""
    html = _werklijst(client, bob).content.decode()
    assert "Alle verstuurde doorverwijzingen zijn beantwoord" not in html
    assert "Geen doorverwijzingen van uw organisatie die op een antwoord wachten." in html


def test_the_flanders_panel_scrolls_inside_its_card(client, eva):
    client.force_login(eva)
    html = client.get(reverse("home")).content.decode()
    paneel = re.search(r'id="paneel-vlaanderen".*?</section>', html, re.S).group(0)
    assert 'class="schuifvlak"' in paneel
