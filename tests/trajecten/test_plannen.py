"""The HDV-plan: one per person, goals and steps, the goal workflow, versions, reviews."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from hdv import rollen
from hdv.models import Auditrecord
from tests.conftest import _medewerker
from tests.factories import OrganisatieFactory
from trajecten import workflow
from trajecten.models import Doel, Doorverwijzing, HdvPlan, Planversie, Stap
from trajecten.services import gedetineerde_overplaatsen
from trajecten.services.notities import toestemming_geven
from trajecten.services.plannen import (
    doel_bijwerken,
    doel_status_wijzigen,
    doel_toevoegen,
    plan_openen,
    plan_overnemen,
    plan_vastleggen,
    stap_afvinken,
    stap_toevoegen,
    volgende_herziening,
)

pytestmark = pytest.mark.django_db

D = datetime.date
G = Doel.Status


@pytest.fixture
def plan(persoon, alice):
    return plan_openen(gedetineerde=persoon, door=alice)


@pytest.fixture
def doel(plan, alice):
    return doel_toevoegen(
        plan=plan,
        levensdomein="wonen",
        omschrijving=" Een adres na de vrijlating ",
        plaats="buiten",
        door=alice,
        stappen=["Aanvraag sociale woning", "  ", "Gesprek met het OCMW"],
    )


@pytest.fixture
def greta(gent):
    """A trajectbegeleider in Gent of another CAW than alice and charlie."""
    andere = OrganisatieFactory(naam="CAW Oost-Vlaanderen", afkorting="CAW-OVL")
    return _medewerker("greta", andere, [gent], rollen.TRAJECTBEGELEIDER)


def test_opening_makes_the_workers_organisation_coordinator(persoon, alice, caw):
    plan = plan_openen(gedetineerde=persoon, door=alice)
    plan.refresh_from_db()
    assert (plan.gedetineerde, plan.organisatie, plan.begeleider) == (persoon, caw, alice)
    assert (plan.versie, plan.laatst_herzien) == (0, None)
    assert plan.volgende_herziening == timezone.localdate() + datetime.timedelta(days=180)
    assert Auditrecord.objects.filter(actie="plan geopend", persoon_id=persoon.pk).count() == 1


def test_a_person_has_one_plan(persoon, plan, alice, bob):
    for door in (alice, bob):
        with pytest.raises(ValidationError) as fout:
            plan_openen(gedetineerde=persoon, door=door)
        assert "al een HDV-plan" in fout.value.messages[0]
    assert HdvPlan.objects.count() == 1


def test_goals_get_steps_in_order(doel, caw, alice):
    doel.refresh_from_db()
    assert (doel.levensdomein, doel.omschrijving, doel.plaats, doel.status) == (
        "wonen",
        "Een adres na de vrijlating",
        "buiten",
        "open",
    )
    assert list(doel.stappen.values_list("omschrijving", "volgorde")) == [
        ("Aanvraag sociale woning", 1),
        ("Gesprek met het OCMW", 2),
    ]
    stap = stap_toevoegen(doel=doel, omschrijving="Huurwaarborg", door=alice, tegen=D(2027, 1, 1))
    assert (stap.volgorde, stap.tegen) == (3, D(2027, 1, 1))
    tweede = doel_toevoegen(
        plan=doel.plan, levensdomein="werk", omschrijving="Werk", plaats="binnen", door=alice
    )
    assert tweede.volgorde == doel.volgorde + 1


def test_a_goal_needs_a_domain_a_description_and_a_place(plan, alice):
    with pytest.raises(ValidationError) as fout:
        doel_toevoegen(plan=plan, levensdomein="x", omschrijving=" ", plaats="ergens", door=alice)
    assert set(fout.value.message_dict) == {"levensdomein", "omschrijving", "plaats"}
    assert not Doel.objects.exists()


def test_a_goal_can_be_changed(doel, alice, vdab):
    doel_bijwerken(
        doel=doel,
        door=alice,
        levensdomein="werk",
        omschrijving="Werk zoeken",
        plaats="buiten",
        organisatie=vdab,
    )
    doel.refresh_from_db()
    assert (doel.levensdomein, doel.omschrijving, doel.organisatie) == ("werk", "Werk zoeken", vdab)
    record = Auditrecord.objects.get(actie="doel gewijzigd")
    assert record.velden == ["levensdomein", "omschrijving", "organisatie"]


def test_a_step_is_ticked_off_and_reopened_but_not_in_the_future(doel, alice):
    stap = doel.stappen.first()
    stap_afvinken(stap=stap, door=alice)
    stap.refresh_from_db()
    assert stap.gedaan_op == timezone.localdate()
    with pytest.raises(ValidationError) as fout:
        stap_afvinken(
            stap=stap, door=alice, gedaan_op=timezone.localdate() + datetime.timedelta(days=1)
        )
    assert "gedaan_op" in fout.value.message_dict
    stap_afvinken(stap=stap, door=alice, gedaan=False)
    stap.refresh_from_db()
    assert stap.gedaan_op is None


def test_the_workflow_covers_every_status():
    assert set(workflow.DOEL_OVERGANGEN) == set(Doel.Status.values)
    assert set(workflow.DOORVERWIJZING_OVERGANGEN) == set(Doorverwijzing.Status.values)
    for naar in workflow.DOEL_OVERGANGEN.values():
        assert naar <= set(Doel.Status.values)


def test_a_goal_moves_along_the_allowed_transitions(doel, alice):
    for status in (G.IN_UITVOERING, G.BEREIKT, G.IN_UITVOERING, G.NIET_BEREIKT, G.OPEN):
        doel_status_wijzigen(doel=doel, status=status, door=alice)
        doel.refresh_from_db()
        assert doel.status == status
    acties = Auditrecord.objects.filter(actie__startswith="doel ").values_list("actie", flat=True)
    assert "doel bereikt" in acties


@pytest.mark.parametrize(
    ("weg", "naar"),
    [([G.BEREIKT], G.OPEN), ([G.BEREIKT], G.STOPGEZET), ([], G.OPEN), ([G.BEREIKT], G.BEREIKT)],
)
def test_an_illegal_transition_is_refused(doel, alice, weg, naar):
    for status in weg:
        doel_status_wijzigen(doel=doel, status=status, door=alice)
    voor = Doel.objects.get(pk=doel.pk).status
    with pytest.raises(ValidationError) as fout:
        doel_status_wijzigen(doel=doel, status=naar, door=alice)
    assert "kan niet van" in fout.value.message_dict["status"][0]
    assert Doel.objects.get(pk=doel.pk).status == voor


def test_an_unknown_status_is_refused(doel, alice):
    with pytest.raises(ValidationError) as fout:
        doel_status_wijzigen(doel=doel, status="vergeten", door=alice)
    assert "status" in fout.value.message_dict


def test_stopping_a_goal_needs_a_reason_and_reopening_clears_it(doel, alice):
    with pytest.raises(ValidationError) as fout:
        doel_status_wijzigen(doel=doel, status=G.STOPGEZET, door=alice)
    assert "stopreden" in fout.value.message_dict
    assert Doel.objects.get(pk=doel.pk).status == G.OPEN

    doel_status_wijzigen(doel=doel, status=G.STOPGEZET, stopreden="op_vraag", door=alice)
    doel.refresh_from_db()
    assert (doel.status, doel.stopreden, doel.afgesloten) == (G.STOPGEZET, "op_vraag", True)

    doel_status_wijzigen(doel=doel, status=G.OPEN, stopreden="andere", door=alice)
    doel.refresh_from_db()
    assert (doel.status, doel.stopreden) == (G.OPEN, "")


def test_laying_down_freezes_the_content_in_a_version(plan, doel, alice):
    versie = plan_vastleggen(plan=plan, door=alice, aanleiding=" eerste gesprek ")
    assert (versie.nummer, versie.aanleiding, versie.door) == (1, "eerste gesprek", alice)
    assert versie.inhoud["organisatie"] == "CAW-ANT"
    [bevroren] = versie.inhoud["doelen"]
    assert (bevroren["omschrijving"], bevroren["status"]) == ("Een adres na de vrijlating", "open")
    assert [s["omschrijving"] for s in bevroren["stappen"]] == [
        "Aanvraag sociale woning",
        "Gesprek met het OCMW",
    ]

    doel_status_wijzigen(doel=doel, status=G.IN_UITVOERING, door=alice)
    Stap.objects.filter(doel=doel).delete()
    tweede = plan_vastleggen(plan=plan, door=alice)
    assert (tweede.nummer, tweede.aanleiding) == (2, "herziening")
    assert tweede.inhoud["doelen"][0]["status"] == "in_uitvoering"
    # The first version is what was agreed then: it does not follow the plan.
    assert Planversie.objects.get(pk=versie.pk).inhoud["doelen"][0]["status"] == "open"
    assert len(Planversie.objects.get(pk=versie.pk).inhoud["doelen"][0]["stappen"]) == 2
    plan.refresh_from_db()
    assert (plan.versie, plan.laatst_herzien) == (2, timezone.localdate())
    assert Auditrecord.objects.filter(actie="plan vastgelegd").count() == 2


def test_a_plan_without_goals_is_not_laid_down(plan, alice):
    with pytest.raises(ValidationError):
        plan_vastleggen(plan=plan, door=alice)
    assert not Planversie.objects.exists()
    assert HdvPlan.objects.get(pk=plan.pk).versie == 0


@pytest.mark.parametrize(
    ("resterend", "ritme"),
    [(10, 30), (90, 30), (91, 90), (365, 90), (366, 180), (None, 180), (-5, 180)],
)
def test_the_next_review_follows_the_remaining_detention(
    persoon, plan, doel, alice, resterend, ritme
):
    vandaag = timezone.localdate()
    persoon.strafeinde = vandaag + datetime.timedelta(days=resterend) if resterend else None
    persoon.save()
    plan_vastleggen(plan=plan, door=alice)
    plan.refresh_from_db()
    assert plan.volgende_herziening == vandaag + datetime.timedelta(days=ritme)


def test_the_first_release_date_ahead_counts(persoon):
    vandaag = D(2026, 6, 1)
    persoon.datum_vi = D(2026, 7, 1)  # 30 days
    persoon.strafeinde = D(2028, 1, 1)
    assert volgende_herziening(persoon, vandaag) == vandaag + datetime.timedelta(days=30)
    persoon.datum_vi = D(2026, 5, 1)  # passed: the sentence end is what is ahead
    assert volgende_herziening(persoon, vandaag) == vandaag + datetime.timedelta(days=180)


def test_another_organisation_needs_consent_to_read_or_change_the_plan(plan, doel, bob, alice):
    with pytest.raises(PermissionDenied):
        doel_toevoegen(plan=plan, levensdomein="werk", omschrijving="x", plaats="binnen", door=bob)
    with pytest.raises(PermissionDenied):
        doel_status_wijzigen(doel=doel, status=G.IN_UITVOERING, door=bob)
    with pytest.raises(PermissionDenied):
        plan_vastleggen(plan=plan, door=bob)
    assert Doel.objects.count() == 1
    assert not Planversie.objects.exists()


def test_taking_over_by_the_same_organisation_needs_no_consent(persoon, plan, gent, charlie, caw):
    gedetineerde_overplaatsen(gedetineerde=persoon, naar=gent, datum=D(2026, 3, 1), door=None)
    plan_overnemen(plan=plan, door=charlie)
    plan.refresh_from_db()
    assert (plan.organisatie, plan.begeleider) == (caw, charlie)
    record = Auditrecord.objects.get(actie="plan overgenomen")
    assert record.velden == ["begeleider"]


def test_taking_over_by_another_organisation_needs_consent(persoon, plan, gent, greta, alice, caw):
    gedetineerde_overplaatsen(gedetineerde=persoon, naar=gent, datum=D(2026, 3, 1), door=None)
    with pytest.raises(PermissionDenied):
        plan_overnemen(plan=plan, door=greta)
    plan.refresh_from_db()
    assert (plan.organisatie, plan.begeleider) == (caw, alice)

    andere = greta.medewerker.organisatie
    toestemming_geven(gedetineerde=persoon, organisatie=andere, categorie="plan", door=alice)
    plan_overnemen(plan=plan, door=greta)
    plan.refresh_from_db()
    assert (plan.organisatie, plan.begeleider) == (andere, greta)
    record = Auditrecord.objects.get(actie="plan overgenomen")
    assert record.velden == ["begeleider", "organisatie"]
