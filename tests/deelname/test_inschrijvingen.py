"""Enrolments: the workflow as data, every step dated and audited, and the refusals."""

import datetime

import pytest
from django.core.exceptions import ValidationError

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
from hdv.models import Auditrecord
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


def test_the_whole_way_is_dated_step_by_step_and_audited(persoon, activiteit, alice, vandaag):
    inschrijving = _aanvragen(persoon, alice, activiteit=activiteit)
    assert inschrijving.status == S.INGESCHREVEN
    assert inschrijving.gevangenis == activiteit.gevangenis
    assert inschrijving.aanbod == activiteit.aanbod
    assert inschrijving.aangemaakt_door == alice
    gisteren = vandaag - datetime.timedelta(days=1)
    inschrijving_activeren(inschrijving=inschrijving, door=alice, datum=gisteren)
    inschrijving = inschrijving_afronden(
        inschrijving=inschrijving,
        door=alice,
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
    assert all(s.door == alice for s in stappen)
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
    assert {a[1:] for a in acties} == {(alice.pk, persoon.pk, activiteit.gevangenis_id)}


def test_a_request_only_is_recorded_and_placed_later(persoon, activiteit, alice):
    inschrijving = _aanvragen(
        persoon, alice, activiteit=activiteit, bron=Bron.EIGEN_AANVRAAG, plaatsen=False
    )
    assert inschrijving.status == S.AANGEVRAAGD
    assert inschrijving.bron == Bron.EIGEN_AANVRAAG
    inschrijving_plaatsen(inschrijving=inschrijving, door=alice)
    inschrijving.refresh_from_db()
    assert inschrijving.status == S.INGESCHREVEN
    assert _stappen(inschrijving) == [("", S.AANGEVRAAGD), (S.AANGEVRAAGD, S.INGESCHREVEN)]


@pytest.mark.parametrize(
    "stap",
    ["afronden", "activeren"],
)
def test_an_illegal_transition_is_a_clear_error_and_changes_nothing(
    persoon, activiteit, alice, stap
):
    inschrijving = _aanvragen(persoon, alice, activiteit=activiteit, plaatsen=False)
    service = inschrijving_afronden if stap == "afronden" else inschrijving_activeren
    with pytest.raises(ValidationError) as fout:
        service(inschrijving=inschrijving, door=alice)
    assert "status" in fout.value.message_dict
    assert "aangevraagd" in fout.value.message_dict["status"][0]
    inschrijving.refresh_from_db()
    assert inschrijving.status == S.AANGEVRAAGD
    assert _stappen(inschrijving) == [("", S.AANGEVRAAGD)]


def test_a_stopped_enrolment_cannot_be_stopped_or_placed_again(persoon, activiteit, alice):
    inschrijving = _aanvragen(persoon, alice, activiteit=activiteit)
    reden = Stopreden.objects.get(code="eigen-keuze")
    inschrijving_stopzetten(
        inschrijving=inschrijving, stopreden=reden, beslist_door="deelnemer", door=alice
    )
    with pytest.raises(ValidationError):
        inschrijving_stopzetten(
            inschrijving=inschrijving, stopreden=reden, beslist_door="deelnemer", door=alice
        )
    with pytest.raises(ValidationError):
        inschrijving_plaatsen(inschrijving=inschrijving, door=alice)
    assert Inschrijvingsstap.objects.filter(inschrijving=inschrijving).count() == 3


# --- stops and results ---------------------------------------------------------------


def test_a_stop_records_its_reason_and_who_decided(persoon, activiteit, alice, vandaag):
    inschrijving = _aanvragen(persoon, alice, activiteit=activiteit)
    inschrijving_stopzetten(
        inschrijving=inschrijving,
        stopreden=Stopreden.objects.get(code="regimeconflict"),
        beslist_door=Inschrijving.BeslistDoor.BEGELEIDER,
        toelichting="Werkt voortaan in de keuken.",
        door=alice,
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
    persoon, activiteit, alice, stopreden, beslist_door, veld
):
    inschrijving = _aanvragen(persoon, alice, activiteit=activiteit)
    with pytest.raises(ValidationError) as fout:
        inschrijving_stopzetten(
            inschrijving=inschrijving,
            stopreden=Stopreden.objects.get(code=stopreden) if stopreden else None,
            beslist_door=beslist_door,
            door=alice,
        )
    assert veld in fout.value.message_dict
    inschrijving.refresh_from_db()
    assert (inschrijving.status, inschrijving.stopreden, inschrijving.gestopt_door) == (
        S.INGESCHREVEN,
        None,
        "",
    )


def test_passed_needs_an_exam_taken(persoon, activiteit, alice):
    inschrijving = _aanvragen(persoon, alice, activiteit=activiteit)
    with pytest.raises(ValidationError) as fout:
        inschrijving_afronden(
            inschrijving=inschrijving, door=alice, examen_afgelegd=False, examen_geslaagd=True
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


def test_after_a_stop_the_person_may_enrol_again(persoon, activiteit, alice):
    eerste = _aanvragen(persoon, alice, activiteit=activiteit)
    inschrijving_stopzetten(
        inschrijving=eerste,
        stopreden=Stopreden.objects.get(code="gezondheid"),
        beslist_door="deelnemer",
        door=alice,
    )
    tweede = _aanvragen(persoon, alice, activiteit=activiteit)
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
