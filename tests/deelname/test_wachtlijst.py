"""The waiting list: ordered by priority then request date, positions, a freed place
offered to the first in one action, and the counts across prisons."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from aanbod.models import Activiteit
from aanbod.services.planning import activiteit_aanmaken
from deelname.models import Bron, Inschrijving, Status, Stopreden
from deelname.selectors import wachtlijst, wachtlijsten_per_gevangenis
from deelname.services.inschrijvingen import (
    inschrijving_aanvragen,
    inschrijving_stopzetten,
    volgende_plaatsen,
)
from tests.factories import GedetineerdeFactory

pytestmark = pytest.mark.django_db


def _aanvragen(persoon, door, prioriteit=2, dagen_geleden=0, **kwargs):
    inschrijving = inschrijving_aanvragen(
        gedetineerde=persoon,
        bron=Bron.TRAJECTBEGELEIDER,
        door=door,
        prioriteit=prioriteit,
        **kwargs,
    )
    if dagen_geleden:
        # The request came in earlier (a paper request registered today, say).
        Inschrijving.objects.filter(pk=inschrijving.pk).update(
            aangevraagd_op=timezone.now() - datetime.timedelta(days=dagen_geleden)
        )
    return inschrijving


@pytest.fixture
def volzet(antwerpen, activiteit, alice):
    """A one-place activity, taken; four waiting in mixed priority and request date."""
    Activiteit.objects.filter(pk=activiteit.pk).update(capaciteit=1)
    bezet = _aanvragen(
        GedetineerdeFactory(huidige_gevangenis=antwerpen), alice, activiteit=activiteit
    )
    wachtend = {
        naam: _aanvragen(
            GedetineerdeFactory(huidige_gevangenis=antwerpen, achternaam=naam),
            alice,
            prioriteit=prioriteit,
            dagen_geleden=dagen,
            activiteit=activiteit,
        )
        for naam, prioriteit, dagen in [
            ("Gewoon-oud", 2, 10),
            ("Hoog-recent", 1, 2),
            ("Hoog-oud", 1, 5),
            ("Laag-oudst", 3, 20),
        ]
    }
    assert {w.status for w in wachtend.values()} == {Status.WACHTLIJST}
    return bezet, wachtend


def test_the_list_is_in_order_of_priority_then_request_date_with_positions(
    volzet, activiteit, alice
):
    lijst = list(wachtlijst(user=alice, activiteit=activiteit))
    assert [(i.positie, i.gedetineerde.achternaam) for i in lijst] == [
        (1, "Hoog-oud"),
        (2, "Hoog-recent"),
        (3, "Gewoon-oud"),
        (4, "Laag-oudst"),
    ]


def test_another_prison_sees_no_one_on_the_list(volzet, activiteit, charlie):
    assert list(wachtlijst(user=charlie, activiteit=activiteit)) == []


def test_a_freed_place_goes_to_the_first_in_one_action(volzet, activiteit, alice):
    bezet, wachtend = volzet
    inschrijving_stopzetten(
        inschrijving=bezet,
        stopreden=Stopreden.objects.get(code="eigen-keuze"),
        beslist_door="deelnemer",
        door=alice,
    )
    geplaatst = volgende_plaatsen(door=alice, activiteit=activiteit)
    assert geplaatst.pk == wachtend["Hoog-oud"].pk
    geplaatst.refresh_from_db()
    assert geplaatst.status == Status.INGESCHREVEN
    assert geplaatst.stappen.last().van_status == Status.WACHTLIJST
    # The others moved up one place.
    assert [
        (i.positie, i.gedetineerde.achternaam)
        for i in wachtlijst(user=alice, activiteit=activiteit)
    ] == [
        (1, "Hoog-recent"),
        (2, "Gewoon-oud"),
        (3, "Laag-oudst"),
    ]


def test_without_a_free_place_no_one_is_placed(volzet, activiteit, alice):
    with pytest.raises(ValidationError) as fout:
        volgende_plaatsen(door=alice, activiteit=activiteit)
    assert "status" in fout.value.message_dict
    assert Inschrijving.objects.filter(status=Status.WACHTLIJST).count() == 4
    assert Inschrijving.objects.filter(status=Status.INGESCHREVEN).count() == 1


def test_an_empty_list_places_no_one(activiteit, alice):
    assert volgende_plaatsen(door=alice, activiteit=activiteit) is None


def test_the_counts_per_offer_and_prison_name_no_one(
    volzet, nederlands, gent, lokaal_gent, charlie, maandag_en_donderdag, vandaag
):
    from aanbod.services.catalogus import aanbod_in_gevangenis_opnemen

    aanbod_in_gevangenis_opnemen(aanbod=nederlands, gevangenis=gent, sinds=vandaag, door=None)
    in_gent = activiteit_aanmaken(
        aanbod=nederlands,
        gevangenis=gent,
        startdatum=vandaag,
        einddatum=vandaag + datetime.timedelta(weeks=8),
        lokaal=lokaal_gent,
        capaciteit=1,
        slots=maandag_en_donderdag,
        door=None,
    )
    for _ in range(3):
        _aanvragen(GedetineerdeFactory(huidige_gevangenis=gent), charlie, activiteit=in_gent)

    rijen = list(wachtlijsten_per_gevangenis())
    assert [(r["gevangenis__naam"], r["aantal"]) for r in rijen] == [("Antwerpen", 4), ("Gent", 2)]
    assert {r["aanbod_id"] for r in rijen} == {nederlands.pk}
    assert all("gedetineerde" not in sleutel for r in rijen for sleutel in r)
