"""What a worker of another organisation in the same prison does not read: the release
preparation, the frozen handover's plan and referrals, plan reviews, linked needs."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from hdv import rollen
from hdv.models import Auditrecord
from tests.conftest import _medewerker
from tests.factories import OrganisatieFactory
from trajecten.models import Behoefte
from trajecten.services import gedetineerde_overplaatsen, gedetineerde_vrijlaten
from trajecten.services.doorverwijzingen import doorverwijzing_aanmaken
from trajecten.services.notities import toestemming_geven, toestemming_intrekken
from trajecten.services.onthaal import behoefte_vastleggen
from trajecten.services.plannen import doel_toevoegen, plan_openen
from trajecten.services.vrijlating import checklistpunt_bijwerken, vrijlating_voorbereiden
from trajecten.werklijsten import herzieningen_te_doen

pytestmark = pytest.mark.django_db
dag = datetime.timedelta(days=1)


@pytest.fixture
def tina(antwerpen):
    """A trajectbegeleider of another CAW in Antwerpen, without any consent."""
    caw_oost = OrganisatieFactory(naam="CAW Oost", afkorting="CAW-O", sector="welzijn")
    return _medewerker("tina", caw_oost, [antwerpen], rollen.TRAJECTBEGELEIDER)


@pytest.fixture
def dossier(persoon, alice, vdab):
    persoon.strafeinde = timezone.localdate() + 40 * dag
    persoon.save()
    plan = plan_openen(gedetineerde=persoon, door=alice)
    doel_toevoegen(
        plan=plan, levensdomein="werk", omschrijving="GEHEIM-DOEL", plaats="binnen", door=alice
    )
    toestemming_geven(
        gedetineerde=persoon, organisatie=vdab, categorie="doorverwijzingen", door=alice
    )
    doorverwijzing_aanmaken(
        gedetineerde=persoon,
        naar_organisatie=vdab,
        levensdomein="werk",
        plaats="binnen",
        motivatie="GEHEIME-VRAAG",
        door=alice,
        versturen=True,
    )
    return vrijlating_voorbereiden(gedetineerde=persoon, door=alice)


def test_another_organisation_does_not_read_the_release_preparation(client, tina, dossier):
    client.force_login(tina)
    pagina = client.get(reverse("trajecten:vrijlating", args=[dossier.gedetineerde_id]))
    assert pagina.status_code == 200
    assert "huisvesting" not in pagina.content.decode().lower()
    api = client.get(f"/api/v1/gedetineerden/{dossier.gedetineerde_id}/vrijlating/")
    assert "punten" not in api.json()
    with pytest.raises(PermissionDenied):
        checklistpunt_bijwerken(punt=dossier.punten.first(), status="bezig", door=tina)


def test_the_frozen_handover_keeps_plan_and_referrals_from_a_reader_with_release_consent(
    client, bob, alice, vdab, dossier
):
    toestemming_geven(
        gedetineerde=dossier.gedetineerde, organisatie=vdab, categorie="vrijlating", door=alice
    )
    toestemming_intrekken(
        toestemming=dossier.gedetineerde.toestemmingen.get(categorie="doorverwijzingen"),
        door=alice,
    )
    gedetineerde_vrijlaten(
        gedetineerde=dossier.gedetineerde,
        datum=timezone.localdate(),
        vrijlatingssoort="strafeinde",
        door=None,
    )
    client.force_login(bob)
    api = client.get(f"/api/v1/gedetineerden/{dossier.gedetineerde_id}/vrijlating/").json()
    assert api["overdracht"]["plan"] is None
    assert api["overdracht"]["doorverwijzingen"] == []
    assert "GEHEIM" not in str(api)
    client.force_login(alice)
    eigen = client.get(f"/api/v1/gedetineerden/{dossier.gedetineerde_id}/vrijlating/").json()
    assert eigen["overdracht"]["plan"]["doelen"][0]["omschrijving"] == "GEHEIM-DOEL"
    assert len(eigen["overdracht"]["doorverwijzingen"]) == 1


def test_the_daily_job_leaves_the_preparation_to_the_plans_organisation(tina, alice, persoon):
    plan_openen(gedetineerde=persoon, door=alice)
    voorbereiding = vrijlating_voorbereiden(gedetineerde=persoon, door=None)
    assert voorbereiding.organisatie == alice.medewerker.organisatie
    with pytest.raises(PermissionDenied):
        checklistpunt_bijwerken(punt=voorbereiding.punten.first(), status="bezig", door=tina)


def test_an_unowned_preparation_is_taken_up_by_the_first_who_works_on_it(tina, alice, persoon):
    voorbereiding = vrijlating_voorbereiden(gedetineerde=persoon, door=None)
    assert voorbereiding.organisatie is None
    checklistpunt_bijwerken(punt=voorbereiding.punten.first(), status="bezig", door=tina)
    voorbereiding.refresh_from_db()
    assert voorbereiding.organisatie == tina.medewerker.organisatie
    with pytest.raises(PermissionDenied):
        checklistpunt_bijwerken(punt=voorbereiding.punten.last(), status="bezig", door=alice)


def test_plan_reviews_are_for_the_coordinating_organisation(tina, alice, persoon, antwerpen):
    plan = plan_openen(gedetineerde=persoon, door=alice)
    plan.volgende_herziening = timezone.localdate()
    plan.save()
    assert list(herzieningen_te_doen(user=alice, gevangenis=antwerpen)) == [plan]
    assert list(herzieningen_te_doen(user=tina, gevangenis=antwerpen)) == []


def test_a_need_one_may_not_read_cannot_be_linked_to_a_referral(bob, alice, persoon, caw):
    behoefte = behoefte_vastleggen(
        gedetineerde=persoon, levensdomein="geestelijke_gezondheid", antwoord="ja", door=alice
    )
    with pytest.raises(ValidationError) as fout:
        doorverwijzing_aanmaken(
            gedetineerde=persoon,
            naar_organisatie=caw,
            behoefte=Behoefte.objects.get(pk=behoefte.pk),
            plaats="binnen",
            motivatie="…",
            door=bob,
        )
    assert "behoefte" in fout.value.message_dict


def test_a_withdrawal_in_the_future_is_refused(alice, persoon, vdab):
    toestemming = toestemming_geven(
        gedetineerde=persoon, organisatie=vdab, categorie="plan", door=alice
    )
    with pytest.raises(ValidationError):
        toestemming_intrekken(
            toestemming=toestemming, door=alice, ingetrokken_op=timezone.localdate() + dag
        )


def test_a_transfer_moves_the_preparation_with_an_audit_record(dossier, gent):
    gedetineerde_overplaatsen(
        gedetineerde=dossier.gedetineerde, naar=gent, datum=timezone.localdate(), door=None
    )
    dossier.refresh_from_db()
    assert dossier.verblijf.gevangenis == gent
    assert Auditrecord.objects.filter(
        actie="vrijlating voorbereiding verhuisd", object_id=str(dossier.pk)
    ).exists()


def test_a_task_about_someone_who_left_does_not_link_to_their_file(client, alice, dossier, gent):
    gedetineerde_overplaatsen(
        gedetineerde=dossier.gedetineerde, naar=gent, datum=timezone.localdate(), door=None
    )
    client.force_login(alice)
    pagina = client.get(reverse("trajecten:werklijst")).content.decode()
    assert "niet meer in uw gevangenis" in pagina
    assert reverse("trajecten:dossier", args=[dossier.gedetineerde_id]) not in pagina
