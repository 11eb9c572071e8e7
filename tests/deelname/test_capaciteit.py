"""Capacity is the one hard block: a full activity puts people on the waiting list, also
when the requests come in at the same moment."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, connections

from aanbod.models import Activiteit
from deelname.models import Bron, Inschrijving, Inschrijvingsstap, Status, Stopreden
from deelname.services.inschrijvingen import (
    inschrijving_aanvragen,
    inschrijving_plaatsen,
    inschrijving_stopzetten,
)
from tests.factories import GedetineerdeFactory


def _capaciteit(activiteit, capaciteit):
    Activiteit.objects.filter(pk=activiteit.pk).update(
        capaciteit=capaciteit, minimum_deelnemers=min(1, capaciteit)
    )


def _aanvragen(persoon, activiteit, door, **kwargs):
    kwargs.setdefault("bron", Bron.TRAJECTBEGELEIDER)
    return inschrijving_aanvragen(gedetineerde=persoon, activiteit=activiteit, door=door, **kwargs)


@pytest.mark.django_db
def test_a_full_activity_puts_the_next_on_the_waiting_list(antwerpen, activiteit, alice):
    _capaciteit(activiteit, 2)
    personen = GedetineerdeFactory.create_batch(3, huidige_gevangenis=antwerpen)
    statussen = [_aanvragen(p, activiteit, alice).status for p in personen]
    assert statussen == [Status.INGESCHREVEN, Status.INGESCHREVEN, Status.WACHTLIJST]
    derde = Inschrijving.objects.get(gedetineerde=personen[2])
    assert list(derde.stappen.values_list("van_status", "naar_status")) == [
        ("", Status.AANGEVRAAGD),
        (Status.AANGEVRAAGD, Status.WACHTLIJST),
    ]


@pytest.mark.django_db
def test_warnings_overridden_or_not_capacity_cannot_be(antwerpen, activiteit, alice, olga):
    """No argument of the service places someone beyond capacity."""
    _capaciteit(activiteit, 1)
    eerste, tweede = GedetineerdeFactory.create_batch(2, huidige_gevangenis=antwerpen)
    _aanvragen(eerste, activiteit, alice)
    wachtend = _aanvragen(
        tweede, activiteit, alice, prioriteit=1, overschrijven={"capaciteit": "dringend"}
    )
    assert wachtend.status == Status.WACHTLIJST
    with pytest.raises(ValidationError) as fout:
        inschrijving_plaatsen(inschrijving=wachtend, door=olga, voorrang="dringend")
    assert "status" in fout.value.message_dict
    wachtend.refresh_from_db()
    assert wachtend.status == Status.WACHTLIJST
    assert (
        Inschrijving.objects.filter(activiteit=activiteit, status=Status.INGESCHREVEN).count() == 1
    )


@pytest.mark.django_db
def test_a_request_on_a_full_activity_goes_to_the_waiting_list_when_placed(
    antwerpen, activiteit, alice, olga
):
    _capaciteit(activiteit, 1)
    eerste, tweede = GedetineerdeFactory.create_batch(2, huidige_gevangenis=antwerpen)
    _aanvragen(eerste, activiteit, alice)
    aanvraag = _aanvragen(tweede, activiteit, alice, plaatsen=False, bron=Bron.EIGEN_AANVRAAG)
    inschrijving_plaatsen(inschrijving=aanvraag, door=olga)
    aanvraag.refresh_from_db()
    assert aanvraag.status == Status.WACHTLIJST


@pytest.mark.django_db
def test_a_stop_frees_the_place(antwerpen, activiteit, alice, olga):
    _capaciteit(activiteit, 1)
    eerste, tweede = GedetineerdeFactory.create_batch(2, huidige_gevangenis=antwerpen)
    geplaatst = _aanvragen(eerste, activiteit, alice)
    wachtend = _aanvragen(tweede, activiteit, alice)
    inschrijving_stopzetten(
        inschrijving=geplaatst,
        stopreden=Stopreden.objects.get(code="eigen-keuze"),
        beslist_door="deelnemer",
        door=olga,
    )
    inschrijving_plaatsen(inschrijving=wachtend, door=olga)
    wachtend.refresh_from_db()
    assert wachtend.status == Status.INGESCHREVEN


# --- under concurrency -----------------------------------------------------------------

CAPACITEIT = 5
AANTAL = 12


@pytest.mark.postgres
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="SQLite serialiseert alle schrijfacties in één bestand: een gelijktijdige "
    "inschrijving bewijst daar niets (draai met DATABASE_URL naar PostgreSQL)",
)
def test_parallel_enrolments_fill_exactly_the_capacity(
    transactional_db, antwerpen, activiteit, alice
):
    _capaciteit(activiteit, CAPACITEIT)
    personen = GedetineerdeFactory.create_batch(AANTAL, huidige_gevangenis=antwerpen)
    start = threading.Barrier(AANTAL)
    fouten: list[BaseException] = []

    def inschrijven(persoon):
        try:
            start.wait(timeout=30)
            _aanvragen(persoon, activiteit, alice)
        except BaseException as fout:  # reported by the main thread
            fouten.append(fout)
        finally:
            # Each thread had its own connection; close it or the test database stays busy.
            connections.close_all()

    draden = [threading.Thread(target=inschrijven, args=(p,)) for p in personen]
    for draad in draden:
        draad.start()
    for draad in draden:
        draad.join(timeout=60)
    assert not any(d.is_alive() for d in draden)
    assert fouten == []

    statussen = list(
        Inschrijving.objects.filter(activiteit=activiteit).values_list("status", flat=True)
    )
    assert len(statussen) == AANTAL
    assert statussen.count(Status.INGESCHREVEN) == CAPACITEIT
    assert statussen.count(Status.WACHTLIJST) == AANTAL - CAPACITEIT
    # Every enrolment went aangevraagd → (ingeschreven | wachtlijst), with its steps.
    assert (
        Inschrijvingsstap.objects.filter(inschrijving__activiteit=activiteit).count() == 2 * AANTAL
    )
