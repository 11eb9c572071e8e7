"""Transfers and releases carry the file along: plan versions, release preparation, tasks.

Both through the services (a worker or the system) and through the population feed.
"""

import datetime

import pytest
from django.core.exceptions import ValidationError

from tests.trajecten.test_bevolkingsfeed import _csv, _importeren, _rij
from trajecten import gebeurtenissen
from trajecten.models import Planversie, Taak, Verblijf, Vrijlatingsvoorbereiding
from trajecten.overdracht import ONTVANGER, PLANHOUDER
from trajecten.services import gedetineerde_overplaatsen, gedetineerde_vrijlaten
from trajecten.services.doorverwijzingen import doorverwijzing_aanmaken
from trajecten.services.notities import toestemming_geven
from trajecten.services.onthaal import onthaal_registreren
from trajecten.services.plannen import doel_toevoegen, plan_openen, plan_vastleggen
from trajecten.services.vrijlating import checklistpunt_bijwerken, vrijlating_voorbereiden
from trajecten.werklijsten import open_taken

pytestmark = pytest.mark.django_db

D = datetime.date
DATUM = D(2026, 3, 2)


@pytest.fixture
def lopend(persoon, alice, vdab):
    """alice's plan (laid down once), an intake, a referral to VDAB and the release checklist."""
    onthaal_registreren(verblijf=persoon.verblijven.get(), datum=D(2026, 1, 6), door=alice)
    plan = plan_openen(gedetineerde=persoon, door=alice)
    doel_toevoegen(
        plan=plan,
        levensdomein="werk",
        omschrijving="Geheim doel over werk",
        plaats="binnen",
        door=alice,
    )
    plan_vastleggen(plan=plan, door=alice)
    toestemming_geven(
        gedetineerde=persoon, organisatie=vdab, categorie="doorverwijzingen", door=alice
    )
    doorverwijzing = doorverwijzing_aanmaken(
        gedetineerde=persoon,
        naar_organisatie=vdab,
        levensdomein="werk",
        plaats="binnen",
        motivatie="Werk",
        door=alice,
        versturen=True,
    )
    voorbereiding = vrijlating_voorbereiden(gedetineerde=persoon, door=alice)
    return {"plan": plan, "doorverwijzing": doorverwijzing, "voorbereiding": voorbereiding}


def _overplaatsen(persoon, gent, door=None):
    return gedetineerde_overplaatsen(gedetineerde=persoon, naar=gent, datum=DATUM, door=door)


def _feed_overplaatsing(persoon):
    return _importeren(
        _csv(
            _rij(
                soort="overplaatsing",
                detineenummer=persoon.detineenummer,
                gevangenis="GEN",
                datum=DATUM.isoformat(),
            )
        )
    )


@pytest.fixture(params=["service", "feed"])
def overgeplaatst(request, persoon, gent, lopend):
    """The transfer, by a worker's service call or by a row of the population feed."""
    if request.param == "service":
        _overplaatsen(persoon, gent)
    else:
        bevolkingsimport = _feed_overplaatsing(persoon)
        assert (bevolkingsimport.aanvaard, bevolkingsimport.geweigerd) == (1, 0)
    return persoon.verblijven.get(tot__isnull=True)


def test_a_transfer_freezes_a_plan_version(overgeplaatst, lopend):
    plan = lopend["plan"]
    plan.refresh_from_db()
    assert plan.versie == 2
    versie = plan.versies.get(nummer=2)
    assert versie.aanleiding == "overplaatsing naar Gent"
    assert versie.inhoud["doelen"][0]["omschrijving"] == "Geheim doel over werk"


def test_the_release_preparation_moves_to_the_new_stay(overgeplaatst, lopend, gent):
    voorbereiding = Vrijlatingsvoorbereiding.objects.get(pk=lopend["voorbereiding"].pk)
    assert voorbereiding.verblijf == overgeplaatst
    assert overgeplaatst.gevangenis == gent
    assert not voorbereiding.bevroren


def test_the_workers_in_the_old_prison_get_a_task(overgeplaatst, antwerpen, alice, bob, vdab):
    [voor_alice] = open_taken(user=alice)
    assert (voor_alice.soort, voor_alice.gevangenis, voor_alice.toegewezen_aan) == (
        "overplaatsing",
        antwerpen,
        alice,
    )
    assert "Gent" in voor_alice.titel
    # The receiving organisation of the open referral: by permission, for VDAB only.
    [voor_vdab] = open_taken(user=bob)
    assert (voor_vdab.permissie, voor_vdab.organisatie, voor_vdab.gevangenis) == (
        ONTVANGER,
        vdab,
        antwerpen,
    )


def test_the_receiving_prison_gets_a_handover_task(overgeplaatst, gent, charlie, alice, bob):
    [overdracht] = open_taken(user=charlie)
    assert (overdracht.soort, overdracht.gevangenis, overdracht.permissie) == (
        "overdracht",
        gent,
        PLANHOUDER,
    )
    assert overdracht.toegewezen_aan is None
    assert "Antwerpen" in overdracht.titel
    # Counts, not content: the receiver reads the plan itself under consent.
    assert "versie 2" in overdracht.inhoud
    assert "1 lopende doelen" in overdracht.inhoud
    assert "Lopende doorverwijzingen: 1." in overdracht.inhoud
    assert "De voorbereiding van de vrijlating loopt." in overdracht.inhoud
    assert "Geheim doel" not in overdracht.inhoud
    assert overdracht not in open_taken(user=alice)
    assert overdracht not in open_taken(user=bob)


def test_a_transfer_of_someone_without_a_file_leaves_only_the_handover(
    persoon, gent, charlie, alice
):
    _overplaatsen(persoon, gent)
    assert list(Taak.objects.values_list("soort", flat=True)) == ["overdracht"]
    assert "Nog geen HDV-plan." in Taak.objects.get().inhoud
    assert not open_taken(user=alice).exists()
    assert open_taken(user=charlie).count() == 1


def test_a_worker_who_left_the_prison_gets_no_task(persoon, gent, lopend, alice, antwerpen):
    alice.medewerker.gevangenissen.set([])
    _overplaatsen(persoon, gent)
    assert not Taak.objects.filter(toegewezen_aan=alice).exists()


@pytest.fixture
def mislukt():
    def weigeren(gebeurtenis):
        raise ValidationError("een abonnee weigert")

    gebeurtenissen.bij_overplaatsing(weigeren)
    gebeurtenissen.bij_vrijlating(weigeren)
    yield
    gebeurtenissen.afmelden(weigeren)


def _niets_veranderd(persoon, lopend, antwerpen):
    persoon.refresh_from_db()
    assert persoon.huidige_gevangenis == antwerpen
    open_verblijf = Verblijf.objects.get(gedetineerde=persoon, tot__isnull=True)
    assert open_verblijf.gevangenis == antwerpen
    assert Planversie.objects.count() == 1
    voorbereiding = Vrijlatingsvoorbereiding.objects.get(pk=lopend["voorbereiding"].pk)
    assert (voorbereiding.verblijf, voorbereiding.bevroren_op) == (open_verblijf, None)
    assert not Taak.objects.exists()


def test_a_failing_handler_rolls_the_transfer_back(persoon, gent, antwerpen, lopend, mislukt):
    with pytest.raises(ValidationError):
        _overplaatsen(persoon, gent)
    _niets_veranderd(persoon, lopend, antwerpen)


def test_a_failing_handler_rolls_the_release_back(persoon, antwerpen, lopend, mislukt):
    with pytest.raises(ValidationError):
        gedetineerde_vrijlaten(
            gedetineerde=persoon, datum=DATUM, vrijlatingssoort="strafeinde", door=None
        )
    _niets_veranderd(persoon, lopend, antwerpen)


def test_a_failing_handler_rejects_the_feed_row(persoon, antwerpen, lopend, mislukt):
    bevolkingsimport = _feed_overplaatsing(persoon)
    assert (bevolkingsimport.aanvaard, bevolkingsimport.geweigerd) == (0, 1)
    _niets_veranderd(persoon, lopend, antwerpen)


@pytest.fixture(params=["service", "feed"])
def vrijgelaten(request, persoon, lopend):
    if request.param == "service":
        gedetineerde_vrijlaten(
            gedetineerde=persoon, datum=DATUM, vrijlatingssoort="strafeinde", door=None
        )
    else:
        bevolkingsimport = _importeren(
            _csv(
                _rij(
                    soort="vrijlating",
                    detineenummer=persoon.detineenummer,
                    datum=DATUM.isoformat(),
                    vrijlatingssoort="strafeinde",
                )
            )
        )
        assert bevolkingsimport.aanvaard == 1
    return Vrijlatingsvoorbereiding.objects.get(pk=lopend["voorbereiding"].pk)


def test_a_release_freezes_the_preparation_with_its_summary(vrijgelaten, lopend, alice):
    assert vrijgelaten.bevroren_op == DATUM
    overdracht = vrijgelaten.overdracht
    assert overdracht["gevangenis"] == "Antwerpen"
    assert len(overdracht["checklist"]) == 9
    assert overdracht["plan"]["doelen"][0]["omschrijving"] == "Geheim doel over werk"
    assert [d["naar"] for d in overdracht["doorverwijzingen"]] == ["VDAB"]
    with pytest.raises(ValidationError):
        checklistpunt_bijwerken(punt=vrijgelaten.punten.first(), status="geregeld", door=alice)


def test_a_release_versions_the_plan_and_tells_the_workers(vrijgelaten, lopend, alice, bob):
    versie = Planversie.objects.get(plan=lopend["plan"], nummer=2)
    assert versie.aanleiding == "vrijlating"
    [voor_alice] = open_taken(user=alice)
    assert (voor_alice.soort, voor_alice.toegewezen_aan) == ("vrijlating", alice)
    assert [t.soort for t in open_taken(user=bob)] == ["vrijlating"]
    assert not Taak.objects.filter(soort="overdracht").exists()


def test_a_frozen_preparation_stays_when_the_person_comes_back(vrijgelaten, persoon, antwerpen):
    from trajecten.services import verblijf_openen

    verblijf_openen(gedetineerde=persoon, gevangenis=antwerpen, van=D(2026, 6, 1), door=None)
    nieuw = vrijlating_voorbereiden(gedetineerde=persoon, door=None)
    assert nieuw.pk != vrijgelaten.pk
    assert not nieuw.bevroren
    vrijgelaten.refresh_from_db()
    assert vrijgelaten.bevroren_op == DATUM
