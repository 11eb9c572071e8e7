"""Transfers, releases and other ends of a stay as events, with a dummy subscriber."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tests.factories import GedetineerdeFactory
from trajecten import gebeurtenissen
from trajecten.models import Verblijf
from trajecten.services import gedetineerde_overplaatsen, gedetineerde_vrijlaten

pytestmark = pytest.mark.django_db

D = datetime.date


@pytest.fixture
def ontvangen():
    """A subscriber in the transaction and one after commit; removed after the test."""
    lijst: dict[str, list] = {"binnen": [], "na": []}

    def binnen(gebeurtenis):
        lijst["binnen"].append(gebeurtenis)

    def na(gebeurtenis):
        lijst["na"].append(gebeurtenis)

    for handler, na_commit in ((binnen, False), (na, True)):
        gebeurtenissen.bij_overplaatsing(handler, na_commit=na_commit)
        gebeurtenissen.bij_vrijlating(handler, na_commit=na_commit)
    yield lijst
    gebeurtenissen.afmelden(binnen)
    gebeurtenissen.afmelden(na)


def test_a_transfer_is_announced_with_ids(
    antwerpen, gent, alice, ontvangen, django_capture_on_commit_callbacks
):
    persoon = GedetineerdeFactory(huidige_gevangenis=antwerpen)
    oud = persoon.verblijven.get()
    with django_capture_on_commit_callbacks(execute=True):
        nieuw = gedetineerde_overplaatsen(
            gedetineerde=persoon, naar=gent, datum=D(2026, 2, 1), door=alice
        )
    verwacht = gebeurtenissen.Overplaatsing(
        gedetineerde_id=persoon.pk,
        oud_verblijf_id=oud.pk,
        nieuw_verblijf_id=nieuw.pk,
        datum=D(2026, 2, 1),
        door_id=alice.pk,
    )
    assert ontvangen == {"binnen": [verwacht], "na": [verwacht]}


def test_a_release_is_announced_with_its_kind(
    antwerpen, ontvangen, django_capture_on_commit_callbacks
):
    persoon = GedetineerdeFactory(huidige_gevangenis=antwerpen)
    with django_capture_on_commit_callbacks(execute=True):
        verblijf = gedetineerde_vrijlaten(
            gedetineerde=persoon, datum=D(2026, 3, 1), vrijlatingssoort="strafeinde", door=None
        )
    verwacht = gebeurtenissen.Vrijlating(
        gedetineerde_id=persoon.pk,
        verblijf_id=verblijf.pk,
        datum=D(2026, 3, 1),
        vrijlatingssoort="strafeinde",
        door_id=None,
    )
    assert ontvangen == {"binnen": [verwacht], "na": [verwacht]}


def test_after_commit_handlers_wait_for_the_commit(
    antwerpen, gent, ontvangen, django_capture_on_commit_callbacks
):
    persoon = GedetineerdeFactory(huidige_gevangenis=antwerpen)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        gedetineerde_overplaatsen(gedetineerde=persoon, naar=gent, datum=D(2026, 2, 1), door=None)
        assert len(ontvangen["binnen"]) == 1
    assert ontvangen["na"] == []
    for callback in callbacks:  # the commit: ours, and trajecten's own (the task e-mail)
        callback()
    assert len(ontvangen["na"]) == 1


def test_a_failing_handler_in_the_transaction_rolls_the_transfer_back(antwerpen, gent):
    persoon = GedetineerdeFactory(huidige_gevangenis=antwerpen)

    def weigeren(gebeurtenis):
        raise ValidationError("inschrijvingen konden niet beëindigd worden")

    gebeurtenissen.bij_overplaatsing(weigeren)
    try:
        with pytest.raises(ValidationError):
            gedetineerde_overplaatsen(
                gedetineerde=persoon, naar=gent, datum=D(2026, 2, 1), door=None
            )
    finally:
        gebeurtenissen.afmelden(weigeren)
    persoon.refresh_from_db()
    assert persoon.huidige_gevangenis == antwerpen
    assert Verblijf.objects.get(gedetineerde=persoon).tot is None


@pytest.fixture
def beeindigd():
    """A subscriber to the other ends of a stay, in the transaction and after commit."""
    lijst: dict[str, list] = {"binnen": [], "na": []}

    def binnen(gebeurtenis):
        lijst["binnen"].append(gebeurtenis)

    def na(gebeurtenis):
        lijst["na"].append(gebeurtenis)

    gebeurtenissen.bij_verblijf_beeindigd(binnen)
    gebeurtenissen.bij_verblijf_beeindigd(na, na_commit=True)
    yield lijst
    gebeurtenissen.afmelden(binnen)
    gebeurtenissen.afmelden(na)


@pytest.mark.parametrize("eindreden", ["overlijden", "andere"])
def test_another_end_of_the_stay_is_announced_as_such(
    antwerpen, alice, ontvangen, beeindigd, django_capture_on_commit_callbacks, eindreden
):
    from trajecten.services import verblijf_beeindigen

    persoon = GedetineerdeFactory(huidige_gevangenis=antwerpen)
    verblijf = persoon.verblijven.get()
    with django_capture_on_commit_callbacks(execute=True):
        verblijf_beeindigen(verblijf=verblijf, tot=D(2026, 3, 1), eindreden=eindreden, door=alice)
    verwacht = gebeurtenissen.VerblijfBeeindigd(
        gedetineerde_id=persoon.pk,
        verblijf_id=verblijf.pk,
        datum=D(2026, 3, 1),
        eindreden=eindreden,
        door_id=alice.pk,
    )
    assert beeindigd == {"binnen": [verwacht], "na": [verwacht]}
    # Not a transfer or a release: their subscribers hear nothing.
    assert ontvangen == {"binnen": [], "na": []}


def test_a_transfer_or_release_is_no_other_end(antwerpen, gent, beeindigd):
    persoon = GedetineerdeFactory(huidige_gevangenis=antwerpen)
    gedetineerde_overplaatsen(gedetineerde=persoon, naar=gent, datum=D(2026, 2, 1), door=None)
    gedetineerde_vrijlaten(
        gedetineerde=persoon, datum=D(2026, 3, 1), vrijlatingssoort="strafeinde", door=None
    )
    assert beeindigd == {"binnen": [], "na": []}


def test_a_failing_handler_keeps_the_stay_open(antwerpen):
    from trajecten.services import verblijf_beeindigen

    persoon = GedetineerdeFactory(huidige_gevangenis=antwerpen)

    def weigeren(gebeurtenis):
        raise ValidationError("inschrijvingen konden niet beëindigd worden")

    gebeurtenissen.bij_verblijf_beeindigd(weigeren)
    try:
        with pytest.raises(ValidationError):
            verblijf_beeindigen(
                verblijf=persoon.verblijven.get(),
                tot=D(2026, 3, 1),
                eindreden="overlijden",
                door=None,
            )
    finally:
        gebeurtenissen.afmelden(weigeren)
    assert Verblijf.objects.get(gedetineerde=persoon).tot is None


def test_registering_twice_calls_once(antwerpen, gent):
    aanroepen = []
    handler = aanroepen.append
    gebeurtenissen.bij_overplaatsing(handler)
    gebeurtenissen.bij_overplaatsing(handler)
    try:
        persoon = GedetineerdeFactory(huidige_gevangenis=antwerpen)
        gedetineerde_overplaatsen(gedetineerde=persoon, naar=gent, datum=D(2026, 2, 1), door=None)
    finally:
        gebeurtenissen.afmelden(handler)
    assert len(aanroepen) == 1
