"""Intake (onthaal) with needs per life domain; skipping; needs detected later."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from hdv.models import Auditrecord
from trajecten.models import Behoefte, Onthaal
from trajecten.services import gedetineerde_vrijlaten
from trajecten.services.onthaal import (
    BehoefteInvoer,
    behoefte_vastleggen,
    onthaal_overslaan,
    onthaal_registreren,
)

pytestmark = pytest.mark.django_db

D = datetime.date
AANKOMST = D(2026, 1, 5)  # the stay of the persoon fixture begins here


@pytest.fixture
def verblijf(persoon):
    return persoon.verblijven.get()


INTAKE = D(2026, 1, 8)


def _registreren(verblijf, door, datum=INTAKE, behoeften=()):
    return onthaal_registreren(
        verblijf=verblijf,
        datum=datum,
        door=door,
        taal=" NL ",
        tolk_nodig=False,
        info_aanbod_gegeven=True,
        behoeften=behoeften,
    )


def _niets_opgeslagen():
    assert not Onthaal.objects.exists()
    assert not Behoefte.objects.exists()
    assert not Auditrecord.objects.filter(actie__startswith="onthaal").exists()


def test_it_registers_the_intake_with_a_need_per_domain(persoon, verblijf, alice, caw):
    onthaal = _registreren(
        verblijf,
        alice,
        behoeften=[
            BehoefteInvoer("wonen", "ja", "hoog", " zoekt een adres "),
            BehoefteInvoer("werk", "nee"),
            BehoefteInvoer("geestelijke_gezondheid", "geweigerd"),
        ],
    )

    onthaal.refresh_from_db()
    assert (onthaal.status, onthaal.datum, onthaal.taal) == ("afgerond", D(2026, 1, 8), "nl")
    assert (onthaal.gedetineerde, onthaal.door, onthaal.organisatie) == (persoon, alice, caw)
    assert onthaal.info_aanbod_gegeven is True
    behoeften = {b.levensdomein: b for b in onthaal.behoeften.all()}
    assert set(behoeften) == {"wonen", "werk", "geestelijke_gezondheid"}
    wonen = behoeften["wonen"]
    assert (wonen.antwoord, wonen.prioriteit, wonen.notitie) == ("ja", "hoog", "zoekt een adres")
    assert (wonen.gedetineerde, wonen.organisatie, wonen.vastgesteld_op) == (
        persoon,
        caw,
        D(2026, 1, 8),
    )
    record = Auditrecord.objects.get(actie="onthaal geregistreerd")
    assert (record.door, record.persoon_id, record.object_id) == (
        alice,
        persoon.pk,
        str(onthaal.pk),
    )
    assert record.gevangenis == persoon.huidige_gevangenis
    assert record.velden == ["behoeften", "info_aanbod_gegeven", "taal", "tolk_nodig"]


@pytest.mark.parametrize(
    ("behoeften", "melding"),
    [
        ([BehoefteInvoer("wonen", "ja"), BehoefteInvoer("wonen", "nee")], "twee keer"),
        ([BehoefteInvoer("werk", "nee", "hoog")], "antwoord ja"),
        ([BehoefteInvoer("ruimtevaart", "ja")], "Onbekend levensdomein"),
        ([BehoefteInvoer("werk", "misschien")], "Onbekend antwoord"),
        ([BehoefteInvoer("werk", "ja", "dringend")], "Onbekende prioriteit"),
    ],
)
def test_wrong_needs_are_refused_on_the_field_and_nothing_is_saved(
    verblijf, alice, behoeften, melding
):
    with pytest.raises(ValidationError) as fout:
        _registreren(verblijf, alice, behoeften=behoeften)
    assert melding in fout.value.message_dict["behoeften"][0]
    _niets_opgeslagen()


def test_an_intake_before_the_arrival_is_refused(verblijf, alice):
    with pytest.raises(ValidationError) as fout:
        _registreren(verblijf, alice, datum=AANKOMST - datetime.timedelta(days=1))
    assert "voor de aankomst" in fout.value.message_dict["datum"][0]
    _niets_opgeslagen()


def test_an_intake_in_the_future_is_refused(verblijf, alice):
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as fout:
        _registreren(verblijf, alice, datum=morgen)
    assert "toekomst" in fout.value.message_dict["datum"][0]
    _niets_opgeslagen()


def test_a_closed_stay_gets_no_intake(persoon, verblijf, alice):
    gedetineerde_vrijlaten(
        gedetineerde=persoon, datum=D(2026, 2, 1), vrijlatingssoort="strafeinde", door=alice
    )
    with pytest.raises(ValidationError) as fout:
        _registreren(verblijf, alice)
    assert "afgesloten" in fout.value.messages[0]
    _niets_opgeslagen()


def test_a_second_intake_for_the_same_stay_is_refused(verblijf, alice):
    eerste = _registreren(verblijf, alice, behoeften=[BehoefteInvoer("wonen", "ja")])
    with pytest.raises(ValidationError) as fout:
        _registreren(verblijf, alice, behoeften=[BehoefteInvoer("werk", "ja")])
    assert "al geregistreerd" in fout.value.messages[0]
    assert list(Onthaal.objects.all()) == [eerste]
    assert list(Behoefte.objects.values_list("levensdomein", flat=True)) == ["wonen"]
    with pytest.raises(ValidationError):
        onthaal_overslaan(verblijf=verblijf, reden="geweigerd", door=alice)
    assert Onthaal.objects.count() == 1


def test_a_user_without_an_organisation_cannot_register(verblijf, django_user_model):
    zonder = django_user_model.objects.create_user("zonder", password="x")
    with pytest.raises(ValidationError) as fout:
        _registreren(verblijf, zonder)
    assert "geen organisatie" in fout.value.messages[0]
    _niets_opgeslagen()


def test_skipping_records_the_reason_and_takes_the_stay_off_the_list(persoon, verblijf, alice):
    onthaal = onthaal_overslaan(
        verblijf=verblijf, reden="kort_verblijf", door=alice, opmerking=" twee dagen "
    )
    onthaal.refresh_from_db()
    assert (onthaal.status, onthaal.reden_overslaan, onthaal.opmerking) == (
        "overgeslagen",
        "kort_verblijf",
        "twee dagen",
    )
    assert onthaal.datum == timezone.localdate()
    assert not onthaal.behoeften.exists()
    record = Auditrecord.objects.get(actie="onthaal overgeslagen")
    assert (record.door, record.persoon_id, record.velden) == (
        alice,
        persoon.pk,
        ["reden_overslaan"],
    )


@pytest.mark.parametrize("reden", ["", "geen zin"])
def test_skipping_needs_a_known_reason(verblijf, alice, reden):
    with pytest.raises(ValidationError) as fout:
        onthaal_overslaan(verblijf=verblijf, reden=reden, door=alice)
    assert "reden_overslaan" in fout.value.message_dict
    _niets_opgeslagen()


def test_a_need_detected_later_belongs_to_no_intake(persoon, alice, caw):
    behoefte = behoefte_vastleggen(
        gedetineerde=persoon,
        levensdomein="onderwijs",
        antwoord="ja",
        prioriteit="gemiddeld",
        notitie=" wil een diploma ",
        door=alice,
    )
    behoefte.refresh_from_db()
    assert behoefte.onthaal is None
    assert (behoefte.levensdomein, behoefte.antwoord, behoefte.prioriteit) == (
        "onderwijs",
        "ja",
        "gemiddeld",
    )
    assert (behoefte.notitie, behoefte.organisatie, behoefte.door) == (
        "wil een diploma",
        caw,
        alice,
    )
    assert behoefte.vastgesteld_op == timezone.localdate()
    record = Auditrecord.objects.get(actie="behoefte vastgelegd")
    assert (record.persoon_id, record.object_id) == (persoon.pk, str(behoefte.pk))


@pytest.mark.parametrize(
    ("levensdomein", "antwoord", "prioriteit", "veld"),
    [
        ("werk", "onbekend", "laag", "prioriteit"),
        ("werk", "ja", "dringend", "prioriteit"),
        ("ruimtevaart", "ja", "", "levensdomein"),
        ("werk", "misschien", "", "antwoord"),
    ],
)
def test_a_wrong_later_need_is_refused_on_its_own_field(
    persoon, alice, levensdomein, antwoord, prioriteit, veld
):
    with pytest.raises(ValidationError) as fout:
        behoefte_vastleggen(
            gedetineerde=persoon,
            levensdomein=levensdomein,
            antwoord=antwoord,
            prioriteit=prioriteit,
            door=alice,
        )
    assert list(fout.value.message_dict) == [veld]
    assert not Behoefte.objects.exists()
