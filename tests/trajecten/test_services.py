"""The writes on people and stays: validation, the one open stay, audit, events."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from aanbod.models import Doelgroep
from hdv.models import Auditrecord
from tests.factories import GedetineerdeFactory
from trajecten.models import Doelgroepvlag, Gedetineerde, Statuut, Statuutwijziging, Verblijf
from trajecten.services import (
    doelgroepvlag_verwijderen,
    doelgroepvlag_zetten,
    gedetineerde_bijwerken,
    gedetineerde_opnemen,
    gedetineerde_overplaatsen,
    gedetineerde_vrijlaten,
    statuut_wijzigen,
    verblijf_beeindigen,
    verblijf_openen,
)

pytestmark = pytest.mark.django_db

D = datetime.date
VRIJ = Verblijf.Vrijlatingssoort
AANKOMST = D(2026, 1, 5)


def _opnemen(gevangenis, nummer="A0000001", van=AANKOMST):
    return gedetineerde_opnemen(
        detineenummer=nummer,
        voornaam="Testa",
        achternaam="Voorbeeld",
        geboortedatum=D(1990, 1, 1),
        geslacht="V",
        gevangenis=gevangenis,
        van=van,
        afdeling="B2",
        door=None,
    )


def test_it_refuses_a_duplicate_detainee_number(antwerpen):
    _opnemen(antwerpen)
    with pytest.raises(ValidationError) as fout:
        _opnemen(antwerpen)
    assert "detineenummer" in fout.value.message_dict
    assert Gedetineerde.objects.count() == 1


def test_a_release_keeps_the_last_prison_and_records_its_kind(antwerpen, alice):
    persoon = _opnemen(antwerpen)
    verblijf = gedetineerde_vrijlaten(
        gedetineerde=persoon,
        datum=D(2026, 3, 1),
        vrijlatingssoort=VRIJ.ELEKTRONISCH_TOEZICHT,
        door=alice,
    )
    assert (verblijf.eindreden, verblijf.vrijlatingssoort) == (
        "vrijlating",
        "elektronisch_toezicht",
    )
    persoon.refresh_from_db()
    assert persoon.huidige_gevangenis == antwerpen
    record = Auditrecord.objects.filter(actie="verblijf_beeindigd").get()
    assert record.door == alice
    assert record.velden == ["eindreden", "tot", "vrijlatingssoort"]


def test_a_release_before_the_arrival_is_refused_on_the_field(antwerpen):
    persoon = _opnemen(antwerpen, van=D(2026, 1, 5))
    with pytest.raises(ValidationError) as fout:
        gedetineerde_vrijlaten(
            gedetineerde=persoon, datum=D(2026, 1, 4), vrijlatingssoort=VRIJ.STRAFEINDE, door=None
        )
    assert "05/01/2026" in fout.value.message_dict["tot"][0]
    assert Verblijf.objects.get().tot is None


def test_a_release_needs_a_kind_and_only_a_release_has_one(antwerpen):
    persoon = _opnemen(antwerpen)
    verblijf = persoon.verblijven.get()
    with pytest.raises(ValidationError) as fout:
        verblijf_beeindigen(verblijf=verblijf, tot=D(2026, 2, 1), eindreden="vrijlating", door=None)
    assert "vrijlatingssoort" in fout.value.message_dict
    with pytest.raises(ValidationError) as fout:
        verblijf_beeindigen(
            verblijf=verblijf,
            tot=D(2026, 2, 1),
            eindreden="overlijden",
            vrijlatingssoort=VRIJ.STRAFEINDE,
            door=None,
        )
    assert "vrijlatingssoort" in fout.value.message_dict


def test_the_database_refuses_a_release_without_kind(antwerpen):
    from django.db import IntegrityError, transaction

    persoon = _opnemen(antwerpen)
    with pytest.raises(IntegrityError), transaction.atomic():
        Verblijf.objects.filter(gedetineerde=persoon).update(
            tot=D(2026, 2, 1), eindreden="vrijlating"
        )


def test_a_transfer_moves_the_scope_along(antwerpen, gent):
    persoon = _opnemen(antwerpen)
    nieuw = gedetineerde_overplaatsen(
        gedetineerde=persoon, naar=gent, datum=D(2026, 2, 1), door=None
    )
    persoon.refresh_from_db()
    assert persoon.huidige_gevangenis == gent
    assert nieuw.van == D(2026, 2, 1)
    oud = persoon.verblijven.get(gevangenis=antwerpen)
    assert (oud.tot, oud.eindreden, oud.vrijlatingssoort) == (D(2026, 2, 1), "overplaatsing", "")


def test_a_stay_overlapping_a_closed_one_is_refused(antwerpen, gent):
    persoon = _opnemen(antwerpen, van=D(2026, 1, 5))
    gedetineerde_vrijlaten(
        gedetineerde=persoon, datum=D(2026, 3, 1), vrijlatingssoort=VRIJ.STRAFEINDE, door=None
    )
    with pytest.raises(ValidationError) as fout:
        verblijf_openen(gedetineerde=persoon, gevangenis=gent, van=D(2026, 2, 1), door=None)
    assert "overlapt" in fout.value.message_dict["van"][0]
    assert persoon.verblijven.count() == 1


def test_a_second_open_stay_is_refused(antwerpen, gent):
    persoon = _opnemen(antwerpen, van=D(2026, 1, 5))
    with pytest.raises(ValidationError) as fout:
        verblijf_openen(gedetineerde=persoon, gevangenis=gent, van=D(2026, 6, 1), door=None)
    assert "van" in fout.value.message_dict
    persoon.refresh_from_db()
    assert persoon.huidige_gevangenis == antwerpen


def test_a_new_detention_after_release_opens_a_stay(antwerpen, gent):
    persoon = _opnemen(antwerpen, van=D(2026, 1, 5))
    gedetineerde_vrijlaten(
        gedetineerde=persoon, datum=D(2026, 3, 1), vrijlatingssoort=VRIJ.STRAFEINDE, door=None
    )
    verblijf_openen(gedetineerde=persoon, gevangenis=gent, van=D(2026, 3, 1), door=None)
    persoon.refresh_from_db()
    assert persoon.huidige_gevangenis == gent
    assert persoon.verblijven.filter(tot__isnull=True).count() == 1


def test_the_status_history_is_appended_and_the_same_status_is_no_change(antwerpen, alice):
    persoon = _opnemen(antwerpen)
    statuut_wijzigen(
        gedetineerde=persoon,
        statuut=Statuut.BEKLAAGDE,
        sinds=D(2026, 1, 5),
        bron="bevolkingsfeed",
        door=None,
    )
    assert (
        statuut_wijzigen(
            gedetineerde=persoon,
            statuut=Statuut.BEKLAAGDE,
            sinds=D(2026, 2, 1),
            bron="manueel",
            door=alice,
        )
        is None
    )
    statuut_wijzigen(
        gedetineerde=persoon,
        statuut=Statuut.VEROORDEELDE,
        sinds=D(2026, 4, 1),
        bron="manueel",
        door=alice,
    )
    persoon.refresh_from_db()
    assert persoon.statuut == "veroordeelde"
    assert list(persoon.statuutwijzigingen.values_list("statuut", flat=True)) == [
        "veroordeelde",
        "beklaagde",
    ]


def test_a_status_change_before_the_last_one_is_refused(antwerpen):
    persoon = _opnemen(antwerpen)
    statuut_wijzigen(
        gedetineerde=persoon,
        statuut=Statuut.BEKLAAGDE,
        sinds=D(2026, 3, 1),
        bron="manueel",
        door=None,
    )
    with pytest.raises(ValidationError) as fout:
        statuut_wijzigen(
            gedetineerde=persoon,
            statuut=Statuut.VEROORDEELDE,
            sinds=D(2026, 2, 1),
            bron="manueel",
            door=None,
        )
    assert "sinds" in fout.value.message_dict
    assert Statuutwijziging.objects.count() == 1


def test_updating_details_names_only_the_changed_fields(antwerpen):
    persoon = _opnemen(antwerpen)
    gewijzigd = gedetineerde_bijwerken(
        gedetineerde=persoon,
        talen=["NL", "ar", "ar"],
        niveau_nederlands="A2",
        strafeinde=D(2029, 5, 1),
        voornaam="Testa",
        door=None,
    )
    assert sorted(gewijzigd) == ["niveau_nederlands", "strafeinde", "talen"]
    persoon.refresh_from_db()
    assert persoon.talen == ["nl", "ar"]
    assert gedetineerde_bijwerken(gedetineerde=persoon, talen=["nl", "ar"], door=None) == []
    record = Auditrecord.objects.filter(actie="gedetineerde_bijgewerkt").get()
    assert record.velden == ["niveau_nederlands", "strafeinde", "talen"]


@pytest.mark.parametrize(
    ("velden", "fout_veld"),
    [
        ({"talen": ["nederlands"]}, "talen"),
        ({"talen": "nl"}, "talen"),
        ({"niveau_nederlands": "D1"}, "niveau_nederlands"),
        ({"geslacht": "Q"}, "geslacht"),
    ],
)
def test_bad_details_name_the_field(antwerpen, velden, fout_veld):
    persoon = _opnemen(antwerpen)
    with pytest.raises(ValidationError) as fout:
        gedetineerde_bijwerken(gedetineerde=persoon, door=None, **velden)
    assert fout_veld in fout.value.message_dict


def test_a_target_group_flag_is_set_once_and_audited_without_the_group(antwerpen):
    persoon = GedetineerdeFactory(huidige_gevangenis=antwerpen)
    doelgroep, _ = Doelgroep.objects.get_or_create(
        code="veelplegers", defaults={"naam": "Veelplegers"}
    )
    vlag = doelgroepvlag_zetten(
        gedetineerde=persoon, doelgroep=doelgroep, bron="onthaal", sinds=D(2026, 1, 10), door=None
    )
    assert (
        doelgroepvlag_zetten(
            gedetineerde=persoon, doelgroep=doelgroep, bron="feed", sinds=D(2026, 2, 1), door=None
        )
        == vlag
    )
    record = Auditrecord.objects.get(actie="doelgroepvlag_gezet")
    assert "Veelplegers" not in str(record.__dict__)
    doelgroepvlag_verwijderen(vlag=vlag, door=None)
    assert not Doelgroepvlag.objects.exists()
