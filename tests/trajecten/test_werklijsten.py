"""The worklists: what is due in the user's prison, oldest or most urgent first."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from hdv import rollen
from hdv.models import Auditrecord
from tests.conftest import _medewerker
from tests.factories import GedetineerdeFactory
from trajecten.models import HdvPlan, Taak
from trajecten.services import gedetineerde_vrijlaten
from trajecten.services.doorverwijzingen import (
    doorverwijzing_aanmaken,
    doorverwijzing_beantwoorden,
)
from trajecten.services.notities import toestemming_geven
from trajecten.services.onthaal import onthaal_overslaan, onthaal_registreren
from trajecten.services.plannen import plan_openen
from trajecten.services.taken import taak_aanmaken, taak_afhandelen
from trajecten.werklijsten import (
    herzieningen_te_doen,
    inbox,
    onthaal_deadline,
    onthalen_te_doen,
    open_taken,
    taak_ontvangers,
    vrijlatingen_binnenkort,
    wachtend_op_antwoord,
)

pytestmark = pytest.mark.django_db

D = datetime.date
dag = datetime.timedelta(days=1)


AANKOMST = D(2026, 1, 5)


def _persoon(gevangenis, van=AANKOMST, **data):
    return GedetineerdeFactory(huidige_gevangenis=gevangenis, verblijf__van=van, **data)


def test_intakes_to_do_are_open_stays_without_one_oldest_first(antwerpen, gent, alice, settings):
    settings.HDV_ONTHAAL_NORM_DAGEN = 10
    later = _persoon(antwerpen, van=D(2026, 1, 10))
    eerst = _persoon(antwerpen, van=D(2026, 1, 3))
    gedaan = _persoon(antwerpen)
    onthaal_registreren(verblijf=gedaan.verblijven.get(), datum=D(2026, 1, 6), door=alice)
    overgeslagen = _persoon(antwerpen)
    onthaal_overslaan(verblijf=overgeslagen.verblijven.get(), reden="geweigerd", door=alice)
    vrij = _persoon(antwerpen)
    gedetineerde_vrijlaten(
        gedetineerde=vrij, datum=D(2026, 1, 7), vrijlatingssoort="vrijspraak", door=None
    )
    _persoon(gent)

    te_doen = list(onthalen_te_doen(user=alice, gevangenis=antwerpen))
    assert [v.gedetineerde for v in te_doen] == [eerst, later]
    assert onthaal_deadline(te_doen[0]) == D(2026, 1, 13)
    assert not onthalen_te_doen(user=alice, gevangenis=gent).exists()
    assert not onthalen_te_doen(user=alice, gevangenis=None).exists()


def test_reviews_due_within_two_weeks_of_people_present(antwerpen, gent, alice, charlie):
    vandaag = timezone.localdate()

    def plan(gevangenis, over, door=alice):
        persoon = _persoon(gevangenis)
        plan = plan_openen(gedetineerde=persoon, door=door)
        HdvPlan.objects.filter(pk=plan.pk).update(volgende_herziening=vandaag + over * dag)
        return plan

    laat = plan(antwerpen, 14)
    te_laat = plan(antwerpen, -3)
    plan(antwerpen, 15)
    vrij = plan(antwerpen, 1)
    gedetineerde_vrijlaten(
        gedetineerde=vrij.gedetineerde,
        datum=D(2026, 2, 1),
        vrijlatingssoort="strafeinde",
        door=None,
    )
    plan(gent, 1, door=charlie)

    assert list(herzieningen_te_doen(user=alice, gevangenis=antwerpen)) == [te_laat, laat]
    assert not herzieningen_te_doen(user=alice, gevangenis=gent).exists()
    assert not herzieningen_te_doen(user=alice, gevangenis=None).exists()


@pytest.fixture
def doorverwijzingen(antwerpen, gent, alice, charlie, vdab):
    """Referrals to VDAB: two sent in Antwerpen, a concept, an answered one, one in Gent."""

    def naar_vdab(gevangenis, door=alice, versturen=True):
        persoon = _persoon(gevangenis)
        toestemming_geven(
            gedetineerde=persoon, organisatie=vdab, categorie="doorverwijzingen", door=door
        )
        return doorverwijzing_aanmaken(
            gedetineerde=persoon,
            naar_organisatie=vdab,
            levensdomein="werk",
            plaats="binnen",
            motivatie="Werk",
            door=door,
            versturen=versturen,
        )

    return {
        "eerst": naar_vdab(antwerpen),
        "later": naar_vdab(antwerpen),
        "concept": naar_vdab(antwerpen, versturen=False),
        "beantwoord": naar_vdab(antwerpen),
        "gent": naar_vdab(gent, door=charlie),
    }


def test_the_inbox_holds_what_awaits_the_organisations_answer(doorverwijzingen, bob, antwerpen):
    doorverwijzing_beantwoorden(
        doorverwijzing=doorverwijzingen["beantwoord"], aanvaard=True, door=bob
    )
    verwacht = [doorverwijzingen["eerst"], doorverwijzingen["later"]]
    assert list(inbox(user=bob)) == verwacht
    assert list(inbox(user=bob, gevangenis=antwerpen)) == verwacht


def test_the_inbox_is_the_receivers_not_the_senders(doorverwijzingen, alice):
    assert not inbox(user=alice).exists()


def test_waiting_for_an_answer_is_the_senders(
    doorverwijzingen, alice, charlie, bob, antwerpen, gent
):
    doorverwijzing_beantwoorden(
        doorverwijzing=doorverwijzingen["beantwoord"], aanvaard=True, door=bob
    )
    assert list(wachtend_op_antwoord(user=alice, gevangenis=antwerpen)) == [
        doorverwijzingen["eerst"],
        doorverwijzingen["later"],
    ]
    assert list(wachtend_op_antwoord(user=charlie, gevangenis=gent)) == [doorverwijzingen["gent"]]
    assert not wachtend_op_antwoord(user=bob, gevangenis=antwerpen).exists()


def test_releases_soon_within_the_window(antwerpen, gent, alice, settings):
    settings.HDV_VRIJLATING_WERKLIJST_DAGEN = 20
    vandaag = D(2026, 6, 1)
    straks = _persoon(antwerpen, strafeinde=vandaag + 20 * dag)
    nu = _persoon(antwerpen, datum_vi=vandaag)
    later = _persoon(antwerpen, strafeinde=vandaag + 21 * dag)
    _persoon(antwerpen, strafeinde=vandaag - dag)
    _persoon(gent, strafeinde=vandaag + dag)
    gevonden = set(vrijlatingen_binnenkort(user=alice, gevangenis=antwerpen, vandaag=vandaag))
    assert gevonden == {straks, nu}
    assert later in vrijlatingen_binnenkort(
        user=alice, gevangenis=antwerpen, dagen=30, vandaag=vandaag
    )
    assert not vrijlatingen_binnenkort(user=alice, gevangenis=None).exists()


@pytest.fixture
def taken(antwerpen, gent, alice, vdab):
    def taak(gevangenis=antwerpen, **publiek):
        return taak_aanmaken(gevangenis=gevangenis, soort="andere", titel="t", **publiek)

    return {
        "alice": taak(toegewezen_aan=alice),
        "planhouders": taak(permissie="trajecten.change_hdvplan"),
        "vdab": taak(permissie="trajecten.beantwoord_doorverwijzing", organisatie=vdab),
        "ontvangers": taak(permissie="trajecten.beantwoord_doorverwijzing"),
        "gent": taak(gevangenis=gent, permissie="trajecten.change_hdvplan"),
    }


def test_open_tasks_by_name_permission_and_organisation(taken, alice, bob, charlie, dirk, gent):
    assert set(open_taken(user=alice)) == {
        taken["alice"],
        taken["planhouders"],
        taken["ontvangers"],
    }
    assert set(open_taken(user=bob)) == {taken["vdab"], taken["ontvangers"]}
    assert list(open_taken(user=charlie)) == [taken["gent"]]
    assert list(open_taken(user=charlie, gevangenis=gent)) == [taken["gent"]]
    assert not open_taken(user=dirk).exists()


def test_a_task_is_handled_once(taken, alice, bob):
    taak = taak_afhandelen(taak=taken["ontvangers"], door=bob)
    assert taak.afgehandeld_door == bob
    assert taak.afgehandeld_op is not None
    assert taken["ontvangers"] not in open_taken(user=alice)
    with pytest.raises(ValidationError):
        taak_afhandelen(taak=taken["ontvangers"], door=alice)
    taak.refresh_from_db()
    assert taak.afgehandeld_door == bob
    assert Auditrecord.objects.filter(actie="taak afgehandeld").count() == 1


def test_a_task_has_an_audience(antwerpen):
    with pytest.raises(ValueError, match="gebruiker of voor een permissie"):
        taak_aanmaken(gevangenis=antwerpen, soort="andere", titel="voor niemand")
    assert not Taak.objects.exists()


def test_the_recipients_of_a_task(taken, antwerpen, alice, bob, charlie, caw):
    anna = _medewerker("anna", caw, [antwerpen], rollen.TRAJECTBEGELEIDER)
    weg = _medewerker("weg", caw, [antwerpen], rollen.TRAJECTBEGELEIDER)
    weg.is_active = False
    weg.save()
    assert list(taak_ontvangers(taken["alice"])) == [alice]
    assert set(taak_ontvangers(taken["planhouders"])) == {alice, anna}
    assert set(taak_ontvangers(taken["vdab"])) == {bob}
    assert set(taak_ontvangers(taken["ontvangers"])) == {alice, anna, bob}
    assert set(taak_ontvangers(taken["gent"])) == {charlie}


def test_upcoming_releases_are_ordered_by_the_date_in_the_window(alice, antwerpen):
    from tests.factories import GedetineerdeFactory
    from trajecten.werklijsten import vrijlatingen_binnenkort

    vandaag = timezone.localdate()
    dag = datetime.timedelta(days=1)
    # Admissibility long past, sentence end in 50 days: it counts from the sentence end.
    laat = GedetineerdeFactory(
        huidige_gevangenis=antwerpen, datum_vi=vandaag - 400 * dag, strafeinde=vandaag + 50 * dag
    )
    vroeg = GedetineerdeFactory(
        huidige_gevangenis=antwerpen, datum_vi=vandaag + 10 * dag, strafeinde=vandaag + 900 * dag
    )
    lijst = list(vrijlatingen_binnenkort(user=alice, gevangenis=antwerpen))
    assert lijst == [vroeg, laat]
    assert [p.vrijlating_vanaf for p in lijst] == [vandaag + 10 * dag, vandaag + 50 * dag]
