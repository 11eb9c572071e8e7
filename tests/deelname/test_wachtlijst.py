"""The waiting list: ordered by priority then request date, positions, a freed place
offered to the first in one action, and the counts across prisons."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from aanbod.models import Activiteit
from deelname.models import Bron, Inschrijving, Status, Stopreden
from deelname.selectors import wachtlijst
from deelname.services.inschrijvingen import (
    inschrijving_aanvragen,
    inschrijving_plaatsen,
    inschrijving_stopzetten,
    volgende_plaatsen,
)
from hdv.models import Auditrecord
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


def test_a_freed_place_goes_to_the_first_in_one_action(volzet, activiteit, alice, olga):
    bezet, wachtend = volzet
    inschrijving_stopzetten(
        inschrijving=bezet,
        stopreden=Stopreden.objects.get(code="eigen-keuze"),
        beslist_door="deelnemer",
        door=olga,
    )
    geplaatst = volgende_plaatsen(door=olga, activiteit=activiteit)
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


def test_without_a_free_place_no_one_is_placed(volzet, activiteit, olga):
    with pytest.raises(ValidationError) as fout:
        volgende_plaatsen(door=olga, activiteit=activiteit)
    assert "status" in fout.value.message_dict
    assert Inschrijving.objects.filter(status=Status.WACHTLIJST).count() == 4
    assert Inschrijving.objects.filter(status=Status.INGESCHREVEN).count() == 1


def test_an_empty_list_places_no_one(activiteit, olga):
    assert volgende_plaatsen(door=olga, activiteit=activiteit) is None


# --- the order holds: new people join the list, the first goes first -------------------


def _plaats_vrijmaken(bezet, door):
    inschrijving_stopzetten(
        inschrijving=bezet,
        stopreden=Stopreden.objects.get(code="eigen-keuze"),
        beslist_door="deelnemer",
        door=door,
    )


def _status(inschrijving):
    inschrijving.refresh_from_db()
    return inschrijving.status


def test_while_others_wait_a_new_enrolment_joins_the_list_even_with_a_free_place(
    volzet, antwerpen, activiteit, alice, olga
):
    bezet, wachtend = volzet
    _plaats_vrijmaken(bezet, olga)
    nieuw = _aanvragen(
        GedetineerdeFactory(huidige_gevangenis=antwerpen, achternaam="Nieuw"),
        alice,
        prioriteit=1,
        activiteit=activiteit,
    )
    assert nieuw.status == Status.WACHTLIJST
    assert [s.naar_status for s in nieuw.stappen.all()] == [Status.AANGEVRAAGD, Status.WACHTLIJST]
    # High priority but asked last: behind the two of high priority who asked earlier.
    namen = [i.gedetineerde.achternaam for i in wachtlijst(user=alice, activiteit=activiteit)]
    assert namen == ["Hoog-oud", "Hoog-recent", "Nieuw", "Gewoon-oud", "Laag-oudst"]
    # The free place is still there, for the first in line.
    assert volgende_plaatsen(door=olga, activiteit=activiteit).pk == wachtend["Hoog-oud"].pk


def test_with_nobody_waiting_a_free_place_is_taken_at_once(antwerpen, activiteit, alice):
    nieuw = _aanvragen(
        GedetineerdeFactory(huidige_gevangenis=antwerpen), alice, activiteit=activiteit
    )
    assert nieuw.status == Status.INGESCHREVEN


def test_the_first_in_line_is_placed_without_a_reason(volzet, olga):
    bezet, wachtend = volzet
    _plaats_vrijmaken(bezet, olga)
    inschrijving_plaatsen(inschrijving=wachtend["Hoog-oud"], door=olga)
    assert _status(wachtend["Hoog-oud"]) == Status.INGESCHREVEN
    assert wachtend["Hoog-oud"].stappen.last().toelichting == ""


def test_someone_further_down_is_refused_naming_who_is_first(volzet, olga):
    bezet, wachtend = volzet
    _plaats_vrijmaken(bezet, olga)
    for voorrang in ("", "   "):
        with pytest.raises(ValidationError) as fout:
            inschrijving_plaatsen(inschrijving=wachtend["Gewoon-oud"], door=olga, voorrang=voorrang)
        [tekst] = fout.value.message_dict["voorrang"]
        assert wachtend["Hoog-oud"].gedetineerde.volledige_naam in tekst
        assert "reden" in tekst
    assert {_status(w) for w in wachtend.values()} == {Status.WACHTLIJST}


def test_priority_out_of_turn_with_a_reason_is_kept_in_the_step_and_the_audit(volzet, olga):
    bezet, wachtend = volzet
    _plaats_vrijmaken(bezet, olga)
    laag = wachtend["Laag-oudst"]
    inschrijving_plaatsen(
        inschrijving=laag, door=olga, voorrang="  Wordt binnen drie weken vrijgelaten.  "
    )
    assert _status(laag) == Status.INGESCHREVEN
    stap = laag.stappen.last()
    assert (stap.van_status, stap.naar_status, stap.door) == (
        Status.WACHTLIJST,
        Status.INGESCHREVEN,
        olga,
    )
    assert stap.toelichting == "Voorrang: Wordt binnen drie weken vrijgelaten."
    audit = Auditrecord.objects.filter(
        object_type="deelname.Inschrijving", object_id=str(laag.pk)
    ).latest("id")
    assert (audit.actie, audit.velden) == (
        "inschrijving ingeschreven met voorrang",
        ["status", "voorrang"],
    )
    # The others keep their order.
    assert {_status(w) for n, w in wachtend.items() if n != "Laag-oudst"} == {Status.WACHTLIJST}


def test_a_reason_does_not_make_a_place(volzet, olga):
    _, wachtend = volzet
    with pytest.raises(ValidationError) as fout:
        inschrijving_plaatsen(inschrijving=wachtend["Laag-oudst"], door=olga, voorrang="Dringend")
    assert "status" in fout.value.message_dict
    assert _status(wachtend["Laag-oudst"]) == Status.WACHTLIJST


def test_a_request_while_others_wait_joins_the_list_or_goes_first_with_a_reason(
    volzet, antwerpen, activiteit, alice, olga
):
    bezet, wachtend = volzet
    _plaats_vrijmaken(bezet, olga)
    aanvragen = [
        _aanvragen(
            GedetineerdeFactory(huidige_gevangenis=antwerpen),
            alice,
            activiteit=activiteit,
            plaatsen=False,
        )
        for _ in range(2)
    ]
    zonder, met = aanvragen
    inschrijving_plaatsen(inschrijving=zonder, door=olga)
    assert _status(zonder) == Status.WACHTLIJST
    inschrijving_plaatsen(inschrijving=met, door=olga, voorrang="Einde straf nadert.")
    assert _status(met) == Status.INGESCHREVEN
    assert {_status(w) for w in wachtend.values()} == {Status.WACHTLIJST}


def test_an_individual_offers_list_keeps_its_order_too(antwerpen, cvo, vandaag, alice, olga):
    from aanbod.models import Aanbod, Rapportagecategorie
    from aanbod.services.catalogus import aanbod_in_gevangenis_opnemen, aanbod_opslaan

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
    bezet, eerste, tweede = (
        _aanvragen(GedetineerdeFactory(huidige_gevangenis=antwerpen), alice, aanbod=aanbod)
        for _ in range(3)
    )
    assert [i.status for i in (bezet, eerste, tweede)] == [
        Status.INGESCHREVEN,
        Status.WACHTLIJST,
        Status.WACHTLIJST,
    ]
    _plaats_vrijmaken(bezet, olga)
    derde = _aanvragen(GedetineerdeFactory(huidige_gevangenis=antwerpen), alice, aanbod=aanbod)
    assert derde.status == Status.WACHTLIJST
    with pytest.raises(ValidationError):
        inschrijving_plaatsen(inschrijving=tweede, door=olga)
    assert volgende_plaatsen(door=olga, aanbod=aanbod, gevangenis=antwerpen).pk == eerste.pk
