"""E-mail about new tasks: to who opted in, once, and without personal data."""

import datetime

import pytest
from django.core import mail
from django.db import transaction

from hdv import rollen
from tests.conftest import _medewerker
from trajecten.meldingen import taak_mailen
from trajecten.models import Taak
from trajecten.services import gedetineerde_overplaatsen
from trajecten.services.plannen import plan_openen
from trajecten.services.taken import taak_aanmaken, taak_afhandelen

pytestmark = pytest.mark.django_db


def _aanzetten(user, email, aan=True):
    user.email = email
    user.save()
    user.medewerker.meldingen_per_email = aan
    user.medewerker.save()
    return user


@pytest.fixture
def ontvangers(antwerpen, caw, alice, charlie):
    """Trajectbegeleiders: alice and charlie opted in; anna without an address; albert did not."""
    _aanzetten(alice, "alice@example.org")
    _aanzetten(charlie, "charlie@example.org")
    anna = _aanzetten(_medewerker("anna", caw, [antwerpen], rollen.TRAJECTBEGELEIDER), "")
    albert = _medewerker("albert", caw, [antwerpen], rollen.TRAJECTBEGELEIDER)
    _aanzetten(albert, "albert@example.org", aan=False)
    return {"anna": anna, "albert": albert}


def _taak(persoon, gevangenis, **publiek):
    return taak_aanmaken(
        gevangenis=gevangenis,
        soort=Taak.Soort.OVERDRACHT,
        titel=f"Overdracht: {persoon.volledige_naam} ({persoon.detineenummer})",
        inhoud=f"{persoon.volledige_naam} komt uit Gent",
        gedetineerde=persoon,
        **publiek,
    )


def _zonder_persoonsgegevens(bericht, persoon):
    tekst = f"{bericht.subject}\n{bericht.body}"
    for gegeven in (persoon.voornaam, persoon.achternaam, persoon.detineenummer):
        assert gegeven not in tekst


def test_only_opted_in_workers_with_an_address_get_the_mail(
    persoon, antwerpen, ontvangers, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        taak = _taak(persoon, antwerpen, permissie="trajecten.change_hdvplan")
    [bericht] = mail.outbox
    assert bericht.to == ["alice@example.org"]  # not charlie: Gent; not anna, not albert
    assert "Antwerpen" in bericht.subject
    assert "/werklijst/" in bericht.body
    _zonder_persoonsgegevens(bericht, persoon)
    taak.refresh_from_db()
    assert taak.gemaild


def test_a_task_is_mailed_once(persoon, antwerpen, alice, ontvangers):
    taak = _taak(persoon, antwerpen, toegewezen_aan=alice)
    assert taak_mailen(taak_id=taak.pk) == 1
    assert taak_mailen(taak_id=taak.pk) == 0
    assert len(mail.outbox) == 1
    assert Taak.objects.get(pk=taak.pk).gemaild


def test_a_named_worker_who_did_not_opt_in_gets_nothing(persoon, antwerpen, ontvangers):
    taak = _taak(persoon, antwerpen, toegewezen_aan=ontvangers["albert"])
    assert taak_mailen(taak_id=taak.pk) == 0
    assert mail.outbox == []
    assert Taak.objects.get(pk=taak.pk).gemaild


def test_a_handled_or_missing_task_is_not_mailed(persoon, antwerpen, alice, ontvangers):
    taak = _taak(persoon, antwerpen, toegewezen_aan=alice)
    taak_afhandelen(taak=taak, door=alice)
    assert taak_mailen(taak_id=taak.pk) == 0
    assert taak_mailen(taak_id=taak.pk + 1000) == 0
    assert mail.outbox == []


def test_nothing_is_mailed_for_a_rolled_back_task(
    persoon, antwerpen, alice, ontvangers, django_capture_on_commit_callbacks
):
    def mislukte_overplaatsing():
        with transaction.atomic():
            _taak(persoon, antwerpen, toegewezen_aan=alice)
            raise RuntimeError("de overplaatsing mislukt")

    with django_capture_on_commit_callbacks(execute=True), pytest.raises(RuntimeError):
        mislukte_overplaatsing()
    assert mail.outbox == []
    assert not Taak.objects.exists()


def test_a_transfer_mails_without_naming_the_person(
    persoon, antwerpen, gent, alice, ontvangers, django_capture_on_commit_callbacks
):
    plan_openen(gedetineerde=persoon, door=alice)
    with django_capture_on_commit_callbacks(execute=True):
        gedetineerde_overplaatsen(
            gedetineerde=persoon, naar=gent, datum=datetime.date(2026, 3, 2), door=None
        )
    ontvangen = sorted(adres for bericht in mail.outbox for adres in bericht.to)
    assert ontvangen == ["alice@example.org", "charlie@example.org"]
    for bericht in mail.outbox:
        _zonder_persoonsgegevens(bericht, persoon)
    assert set(Taak.objects.values_list("gemaild", flat=True)) == {True}


def test_no_job_is_queued_when_nobody_of_the_audience_opted_in(
    persoon, antwerpen, alice, django_capture_on_commit_callbacks, monkeypatch
):
    from trajecten import tasks

    gestart = []
    monkeypatch.setattr(tasks.taak_mailen, "delay", lambda *a: gestart.append(a))
    with django_capture_on_commit_callbacks(execute=True):
        _taak(persoon, antwerpen, permissie="trajecten.change_hdvplan")
    assert gestart == []
    assert mail.outbox == []
