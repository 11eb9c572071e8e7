"""Enrolments: the workflow as data, every step dated and audited, and the refusals."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aanbod.models import Aanbod, Activiteit, Rapportagecategorie
from aanbod.services.catalogus import (
    aanbod_archiveren,
    aanbod_in_gevangenis_opnemen,
    aanbod_opslaan,
)
from deelname import workflow
from deelname.models import (
    LOPEND,
    PLAATS_BEZET,
    Bron,
    Inschrijving,
    Inschrijvingsstap,
    Status,
    Stopreden,
)
from deelname.services.inschrijvingen import (
    inschrijving_aanvragen,
    inschrijving_activeren,
    inschrijving_afronden,
    inschrijving_plaatsen,
    inschrijving_stopzetten,
)
from hdv import rollen
from hdv.models import Auditrecord
from tests.conftest import _medewerker
from tests.factories import GedetineerdeFactory

pytestmark = pytest.mark.django_db

S = Status


def _aanvragen(persoon, door, **kwargs):
    kwargs.setdefault("bron", Bron.TRAJECTBEGELEIDER)
    return inschrijving_aanvragen(gedetineerde=persoon, door=door, **kwargs)


def _stappen(inschrijving):
    return list(
        Inschrijvingsstap.objects.filter(inschrijving=inschrijving).values_list(
            "van_status", "naar_status"
        )
    )


@pytest.fixture
def individueel(cvo, antwerpen, vandaag):
    """An individual offer (no activity): capacity lives on AanbodInGevangenis."""
    aanbod = aanbod_opslaan(
        titel_nl="Schuldhulpverlening",
        beschrijving_nl="Samen je schulden op een rij zetten.",
        levensdomein="welzijn",
        organisatie=cvo,
        vorm=Aanbod.Vorm.INDIVIDUEEL,
        rapportagecategorie=Rapportagecategorie.objects.filter(actief=True).first(),
        talen=["nl"],
        door=None,
    )
    aanbod_in_gevangenis_opnemen(
        aanbod=aanbod,
        gevangenis=antwerpen,
        sinds=vandaag - datetime.timedelta(days=30),
        capaciteit=1,
        door=None,
    )
    return aanbod


# --- the workflow as data ------------------------------------------------------------


def test_the_transitions_cover_every_status_and_the_ends_are_final():
    assert set(workflow.INSCHRIJVING_OVERGANGEN) == set(Status.values)
    assert workflow.INSCHRIJVING_OVERGANGEN[S.AFGEROND] == frozenset()
    assert workflow.INSCHRIJVING_OVERGANGEN[S.STOPGEZET] == frozenset()
    for van, naar in workflow.INSCHRIJVING_OVERGANGEN.items():
        assert naar <= set(Status.values)
        # Every running status can be stopped; nothing goes back to a request.
        assert (S.STOPGEZET in naar) == (van in LOPEND)
        assert S.AANGEVRAAGD not in naar


@pytest.mark.parametrize(
    ("van", "naar", "mag"),
    [
        (S.AANGEVRAAGD, S.WACHTLIJST, True),
        (S.AANGEVRAAGD, S.INGESCHREVEN, True),
        (S.WACHTLIJST, S.INGESCHREVEN, True),
        (S.INGESCHREVEN, S.ACTIEF, True),
        (S.ACTIEF, S.AFGEROND, True),
        (S.ACTIEF, S.STOPGEZET, True),
        (S.AANGEVRAAGD, S.ACTIEF, False),
        (S.WACHTLIJST, S.AFGEROND, False),
        (S.ACTIEF, S.WACHTLIJST, False),
        (S.AFGEROND, S.ACTIEF, False),
        (S.STOPGEZET, S.INGESCHREVEN, False),
    ],
)
def test_mag_follows_the_table(van, naar, mag):
    assert workflow.mag(van, naar) is mag


def test_the_whole_way_is_dated_step_by_step_and_audited(persoon, activiteit, olga, vandaag):
    inschrijving = _aanvragen(persoon, olga, activiteit=activiteit)
    assert inschrijving.status == S.INGESCHREVEN
    assert inschrijving.gevangenis == activiteit.gevangenis
    assert inschrijving.aanbod == activiteit.aanbod
    assert inschrijving.aangemaakt_door == olga
    gisteren = vandaag - datetime.timedelta(days=1)
    inschrijving_activeren(inschrijving=inschrijving, door=olga, datum=gisteren)
    inschrijving = inschrijving_afronden(
        inschrijving=inschrijving,
        door=olga,
        examen_afgelegd=True,
        examen_geslaagd=True,
        attest=True,
    )

    stappen = list(Inschrijvingsstap.objects.filter(inschrijving=inschrijving))
    assert [(s.van_status, s.naar_status) for s in stappen] == [
        ("", S.AANGEVRAAGD),
        (S.AANGEVRAAGD, S.INGESCHREVEN),
        (S.INGESCHREVEN, S.ACTIEF),
        (S.ACTIEF, S.AFGEROND),
    ]
    assert [s.datum for s in stappen] == [vandaag, vandaag, gisteren, vandaag]
    assert all(s.door == olga for s in stappen)
    inschrijving.refresh_from_db()
    assert (inschrijving.status, inschrijving.examen_afgelegd, inschrijving.examen_geslaagd) == (
        S.AFGEROND,
        True,
        True,
    )
    assert inschrijving.attest is True

    acties = list(
        Auditrecord.objects.filter(
            object_type="deelname.Inschrijving", object_id=str(inschrijving.pk)
        )
        .order_by("id")
        .values_list("actie", "door", "persoon_id", "gevangenis")
    )
    assert [a[0] for a in acties] == [
        "inschrijving aangevraagd",
        "inschrijving ingeschreven",
        "inschrijving actief",
        "inschrijving afgerond",
    ]
    assert {a[1:] for a in acties} == {(olga.pk, persoon.pk, activiteit.gevangenis_id)}
    # The priority decides the place in line: the audit trail says it was set.
    assert (
        "prioriteit"
        in Auditrecord.objects.get(
            actie="inschrijving aangevraagd", object_id=str(inschrijving.pk)
        ).velden
    )


def test_a_request_only_is_recorded_and_placed_later(persoon, activiteit, olga):
    inschrijving = _aanvragen(
        persoon, olga, activiteit=activiteit, bron=Bron.EIGEN_AANVRAAG, plaatsen=False
    )
    assert inschrijving.status == S.AANGEVRAAGD
    assert inschrijving.bron == Bron.EIGEN_AANVRAAG
    inschrijving_plaatsen(inschrijving=inschrijving, door=olga)
    inschrijving.refresh_from_db()
    assert inschrijving.status == S.INGESCHREVEN
    assert _stappen(inschrijving) == [("", S.AANGEVRAAGD), (S.AANGEVRAAGD, S.INGESCHREVEN)]


@pytest.mark.parametrize(
    "stap",
    ["afronden", "activeren"],
)
def test_an_illegal_transition_is_a_clear_error_and_changes_nothing(
    persoon, activiteit, olga, stap
):
    inschrijving = _aanvragen(persoon, olga, activiteit=activiteit, plaatsen=False)
    service = inschrijving_afronden if stap == "afronden" else inschrijving_activeren
    with pytest.raises(ValidationError) as fout:
        service(inschrijving=inschrijving, door=olga)
    assert "status" in fout.value.message_dict
    assert "aangevraagd" in fout.value.message_dict["status"][0]
    inschrijving.refresh_from_db()
    assert inschrijving.status == S.AANGEVRAAGD
    assert _stappen(inschrijving) == [("", S.AANGEVRAAGD)]


def test_a_stopped_enrolment_cannot_be_stopped_or_placed_again(persoon, activiteit, olga):
    inschrijving = _aanvragen(persoon, olga, activiteit=activiteit)
    reden = Stopreden.objects.get(code="eigen-keuze")
    inschrijving_stopzetten(
        inschrijving=inschrijving, stopreden=reden, beslist_door="deelnemer", door=olga
    )
    with pytest.raises(ValidationError):
        inschrijving_stopzetten(
            inschrijving=inschrijving, stopreden=reden, beslist_door="deelnemer", door=olga
        )
    with pytest.raises(ValidationError):
        inschrijving_plaatsen(inschrijving=inschrijving, door=olga)
    assert Inschrijvingsstap.objects.filter(inschrijving=inschrijving).count() == 3


# --- stops and results ---------------------------------------------------------------


def test_a_stop_records_its_reason_and_who_decided(persoon, activiteit, olga, vandaag):
    inschrijving = _aanvragen(persoon, olga, activiteit=activiteit)
    inschrijving_stopzetten(
        inschrijving=inschrijving,
        stopreden=Stopreden.objects.get(code="regimeconflict"),
        beslist_door=Inschrijving.BeslistDoor.BEGELEIDER,
        toelichting="Werkt voortaan in de keuken.",
        door=olga,
    )
    inschrijving.refresh_from_db()
    assert inschrijving.status == S.STOPGEZET
    assert inschrijving.stopreden.code == "regimeconflict"
    assert inschrijving.gestopt_door == "begeleider"
    stap = inschrijving.stappen.last()
    assert (stap.van_status, stap.naar_status, stap.datum) == (S.INGESCHREVEN, S.STOPGEZET, vandaag)
    assert stap.toelichting == "Werkt voortaan in de keuken."


@pytest.mark.parametrize(
    ("stopreden", "beslist_door", "veld"),
    [
        (None, "deelnemer", "stopreden"),
        ("andere", "", "beslist_door"),
        ("andere", "bewaking", "beslist_door"),
    ],
)
def test_a_stop_without_reason_or_decider_is_refused(
    persoon, activiteit, olga, stopreden, beslist_door, veld
):
    inschrijving = _aanvragen(persoon, olga, activiteit=activiteit)
    with pytest.raises(ValidationError) as fout:
        inschrijving_stopzetten(
            inschrijving=inschrijving,
            stopreden=Stopreden.objects.get(code=stopreden) if stopreden else None,
            beslist_door=beslist_door,
            door=olga,
        )
    assert veld in fout.value.message_dict
    inschrijving.refresh_from_db()
    assert (inschrijving.status, inschrijving.stopreden, inschrijving.gestopt_door) == (
        S.INGESCHREVEN,
        None,
        "",
    )


def test_passed_needs_an_exam_taken(persoon, activiteit, olga):
    inschrijving = _aanvragen(persoon, olga, activiteit=activiteit)
    with pytest.raises(ValidationError) as fout:
        inschrijving_afronden(
            inschrijving=inschrijving, door=olga, examen_afgelegd=False, examen_geslaagd=True
        )
    assert "examen_geslaagd" in fout.value.message_dict
    inschrijving.refresh_from_db()
    assert inschrijving.status == S.INGESCHREVEN
    assert inschrijving.examen_geslaagd is None


# --- refusals ------------------------------------------------------------------------


def test_a_person_of_another_prison_is_refused_and_nothing_is_saved(
    persoon_gent, activiteit, alice
):
    with pytest.raises(ValidationError) as fout:
        _aanvragen(persoon_gent, alice, activiteit=activiteit)
    assert "gedetineerde" in fout.value.message_dict
    assert "Antwerpen" in fout.value.message_dict["gedetineerde"][0]
    assert not Inschrijving.objects.exists()
    assert not Inschrijvingsstap.objects.exists()
    assert not Auditrecord.objects.filter(object_type="deelname.Inschrijving").exists()


def test_a_released_person_is_refused(antwerpen, activiteit, alice):
    weg = GedetineerdeFactory(huidige_gevangenis=antwerpen, verblijf=False)
    with pytest.raises(ValidationError) as fout:
        _aanvragen(weg, alice, activiteit=activiteit)
    assert "gedetineerde" in fout.value.message_dict
    assert not Inschrijving.objects.exists()


@pytest.mark.parametrize("eerste_status", [S.INGESCHREVEN, S.WACHTLIJST, S.AANGEVRAAGD])
def test_a_second_running_enrolment_is_refused(persoon, activiteit, alice, eerste_status):
    if eerste_status == S.WACHTLIJST:
        Activiteit.objects.filter(pk=activiteit.pk).update(capaciteit=0, minimum_deelnemers=0)
    eerste = _aanvragen(
        persoon, alice, activiteit=activiteit, plaatsen=eerste_status != S.AANGEVRAAGD
    )
    assert eerste.status == eerste_status
    with pytest.raises(ValidationError) as fout:
        _aanvragen(persoon, alice, activiteit=activiteit)
    assert "gedetineerde" in fout.value.message_dict
    assert Inschrijving.objects.filter(gedetineerde=persoon).count() == 1
    assert Inschrijvingsstap.objects.filter(inschrijving__gedetineerde=persoon).count() == len(
        _stappen(eerste)
    )


def test_after_a_stop_the_person_may_enrol_again(persoon, activiteit, olga):
    eerste = _aanvragen(persoon, olga, activiteit=activiteit)
    inschrijving_stopzetten(
        inschrijving=eerste,
        stopreden=Stopreden.objects.get(code="gezondheid"),
        beslist_door="deelnemer",
        door=olga,
    )
    tweede = _aanvragen(persoon, olga, activiteit=activiteit)
    assert tweede.pk != eerste.pk
    assert tweede.status == S.INGESCHREVEN


def test_an_archived_offer_is_refused(persoon, activiteit, nederlands, alice, olga):
    aanbod_archiveren(aanbod=nederlands, door=olga)
    with pytest.raises(ValidationError) as fout:
        _aanvragen(persoon, alice, activiteit=activiteit)
    assert "aanbod" in fout.value.message_dict
    assert not Inschrijving.objects.exists()


def test_an_ended_activity_is_refused(persoon, activiteit, alice, vandaag):
    Activiteit.objects.filter(pk=activiteit.pk).update(
        einddatum=vandaag - datetime.timedelta(days=1)
    )
    activiteit.refresh_from_db()
    with pytest.raises(ValidationError) as fout:
        _aanvragen(persoon, alice, activiteit=activiteit)
    assert "activiteit" in fout.value.message_dict
    assert not Inschrijving.objects.exists()


@pytest.mark.parametrize(
    ("kwargs", "veld"),
    [
        ({"bron": "fax"}, "bron"),
        ({"prioriteit": 4}, "prioriteit"),
        ({"prioriteit": 0}, "prioriteit"),
    ],
)
def test_bad_source_or_priority_is_refused(persoon, activiteit, alice, kwargs, veld):
    with pytest.raises(ValidationError) as fout:
        _aanvragen(persoon, alice, activiteit=activiteit, **kwargs)
    assert veld in fout.value.message_dict
    assert not Inschrijving.objects.exists()


def test_neither_activity_nor_offer_is_refused(persoon, alice):
    with pytest.raises(ValidationError) as fout:
        _aanvragen(persoon, alice)
    assert "activiteit" in fout.value.message_dict


def test_a_group_offer_needs_its_activity(persoon, nederlands, alice):
    with pytest.raises(ValidationError) as fout:
        _aanvragen(persoon, alice, aanbod=nederlands)
    assert "activiteit" in fout.value.message_dict
    assert not Inschrijving.objects.exists()


# --- individual offers ---------------------------------------------------------------


def test_an_individual_offer_takes_its_capacity_from_the_prison(antwerpen, individueel, alice):
    eerste, tweede = GedetineerdeFactory.create_batch(2, huidige_gevangenis=antwerpen)
    a = _aanvragen(eerste, alice, aanbod=individueel)
    b = _aanvragen(tweede, alice, aanbod=individueel)
    assert (a.status, b.status) == (S.INGESCHREVEN, S.WACHTLIJST)
    assert a.activiteit is None
    assert a.gevangenis == antwerpen
    with pytest.raises(ValidationError):
        _aanvragen(eerste, alice, aanbod=individueel)


def test_an_individual_offer_without_capacity_is_unlimited(antwerpen, individueel, alice):
    individueel.beschikbaarheden.update(capaciteit=None)
    personen = GedetineerdeFactory.create_batch(4, huidige_gevangenis=antwerpen)
    statussen = {_aanvragen(p, alice, aanbod=individueel).status for p in personen}
    assert statussen == {S.INGESCHREVEN}
    assert Inschrijving.objects.filter(status__in=PLAATS_BEZET).count() == 4


def test_an_individual_offer_not_offered_in_the_persons_prison_is_refused(
    persoon_gent, individueel, charlie
):
    with pytest.raises(ValidationError) as fout:
        _aanvragen(persoon_gent, charlie, aanbod=individueel)
    assert "aanbod" in fout.value.message_dict
    assert not Inschrijving.objects.exists()


def test_an_archived_individual_offer_is_refused(persoon, individueel, alice, olga):
    aanbod_archiveren(aanbod=individueel, door=olga)
    with pytest.raises(ValidationError) as fout:
        _aanvragen(persoon, alice, aanbod=individueel)
    assert "aanbod" in fout.value.message_dict
    assert not Inschrijving.objects.exists()


# --- who manages an enrolment (deelname.beheer) ----------------------------------------


@pytest.fixture
def carla(antwerpen, cvo):
    """Staff of the CVO, whose course the Dutch course is."""
    return _medewerker("carla", cvo, [antwerpen], rollen.HULPVERLENER)


def _beheren(actie, inschrijving, door):
    if actie == "plaatsen":
        return inschrijving_plaatsen(inschrijving=inschrijving, door=door)
    if actie == "stopzetten":
        return inschrijving_stopzetten(
            inschrijving=inschrijving,
            stopreden=Stopreden.objects.get(code="eigen-keuze"),
            beslist_door=Inschrijving.BeslistDoor.DEELNEMER,
            door=door,
        )
    return inschrijving_afronden(inschrijving=inschrijving, door=door)


ACTIES = ["plaatsen", "stopzetten", "afronden"]


def _te_beheren(actie, persoon, activiteit, alice):
    """An enrolment for the action: a request to place, or a placed one to end."""
    return _aanvragen(persoon, alice, activiteit=activiteit, plaatsen=actie != "plaatsen")


@pytest.mark.parametrize("actie", ACTIES)
@pytest.mark.parametrize("gebruiker", ["alice", "bob"])
def test_staff_of_another_organisation_may_not_manage(
    persoon, activiteit, alice, request, gebruiker, actie
):
    """alice (CAW) enrols people in the CVO's course; neither she nor bob (VDAB) manages it."""
    inschrijving = _te_beheren(actie, persoon, activiteit, alice)
    voor = (inschrijving.status, _stappen(inschrijving))
    with pytest.raises(PermissionDenied) as fout:
        _beheren(actie, inschrijving, request.getfixturevalue(gebruiker))
    assert "CVO Antwerpen" in str(fout.value)
    inschrijving.refresh_from_db()
    assert (inschrijving.status, _stappen(inschrijving)) == voor


@pytest.mark.parametrize("actie", ACTIES)
@pytest.mark.parametrize("gebruiker", ["carla", "olga"])
def test_the_offers_organisation_and_the_planner_manage(
    persoon, activiteit, alice, request, gebruiker, actie
):
    inschrijving = _te_beheren(actie, persoon, activiteit, alice)
    door = request.getfixturevalue(gebruiker)
    _beheren(actie, inschrijving, door)
    inschrijving.refresh_from_db()
    assert (
        inschrijving.status
        == {
            "plaatsen": S.INGESCHREVEN,
            "stopzetten": S.STOPGEZET,
            "afronden": S.AFGEROND,
        }[actie]
    )
    assert inschrijving.stappen.last().door == door


def test_the_offers_organisation_in_another_prison_does_not_manage(
    persoon, activiteit, alice, gent, cvo
):
    collega = _medewerker("cas", cvo, [gent], rollen.HULPVERLENER)
    inschrijving = _aanvragen(persoon, alice, activiteit=activiteit)
    with pytest.raises(PermissionDenied):
        _beheren("afronden", inschrijving, collega)


def test_the_system_manages_without_a_user(persoon, activiteit, alice):
    inschrijving = _aanvragen(persoon, alice, activiteit=activiteit)
    _beheren("afronden", inschrijving, None)
    inschrijving.refresh_from_db()
    assert inschrijving.status == S.AFGEROND


def test_choosing_the_system_as_decider_does_not_get_past_the_rule(persoon, activiteit, alice, bob):
    inschrijving = _aanvragen(persoon, alice, activiteit=activiteit)
    with pytest.raises(PermissionDenied):
        inschrijving_stopzetten(
            inschrijving=inschrijving,
            stopreden=Stopreden.objects.get(code="overplaatsing"),
            beslist_door=Inschrijving.BeslistDoor.SYSTEEM,
            door=bob,
        )
    inschrijving.refresh_from_db()
    assert inschrijving.status == S.INGESCHREVEN


def test_the_systems_own_stop_is_not_checked_and_decided_by_the_system(
    persoon, activiteit, alice, bob
):
    """A stay change (deelname.gebeurtenissen) stops in anyone's name: bob's transfer."""
    inschrijving = _aanvragen(persoon, alice, activiteit=activiteit)
    inschrijving_stopzetten(
        inschrijving=inschrijving,
        stopreden=Stopreden.objects.get(code="overplaatsing"),
        beslist_door=Inschrijving.BeslistDoor.DEELNEMER,
        door=bob,
        namens_systeem=True,
    )
    inschrijving.refresh_from_db()
    assert (inschrijving.status, inschrijving.gestopt_door) == (
        S.STOPGEZET,
        Inschrijving.BeslistDoor.SYSTEEM,
    )
    assert inschrijving.stappen.last().door == bob


def test_a_beheerder_without_the_right_to_enrol_does_not_manage(persoon, activiteit, alice, eva):
    """eva plans (aanbod.plan_activiteit) but her role does not change enrolments."""
    assert eva.has_perm("aanbod.plan_activiteit")
    assert not eva.has_perm("deelname.change_inschrijving")
    inschrijving = _aanvragen(persoon, alice, activiteit=activiteit)
    with pytest.raises(PermissionDenied):
        _beheren("stopzetten", inschrijving, eva)
