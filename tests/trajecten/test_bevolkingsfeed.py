"""The population feed: reading, validating per row and field, idempotence, per-row atomicity."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from hdv.models import Auditrecord
from tests.factories import GedetineerdeFactory
from trajecten import gebeurtenissen
from trajecten.bevolkingsfeed import KOLOMMEN, Bestandsfout, bestand_lezen
from trajecten.bevolkingsimport import (
    bevolkingsfeed_map_importeren,
    bevolkingsimport_uit_api,
    bevolkingsimport_uit_bestand,
    bevolkingsimport_verwerken,
)
from trajecten.models import Bevolkingsimport, Gedetineerde, Verblijf

pytestmark = pytest.mark.django_db

D = datetime.date
KOP = ";".join(KOLOMMEN)


def _rij(**waarden):
    return ";".join(waarden.get(kolom, "") for kolom in KOLOMMEN)


def aankomst(nummer="F0000001", gevangenis="ANT", datum="2026-01-05", **meer):
    waarden = {
        "soort": "aankomst",
        "detineenummer": nummer,
        "achternaam": "Voorbeeld",
        "voornaam": "Testa",
        "geboortedatum": "1990-02-03",
        "geslacht": "V",
        "gevangenis": gevangenis,
        "afdeling": "A2",
        "datum": datum,
    }
    return _rij(**(waarden | meer))


def _csv(*rijen, kop=KOP):
    return ("\n".join([kop, *rijen]) + "\n").encode()


def _importeren(inhoud, door=None):
    bevolkingsimport = bevolkingsimport_uit_bestand(
        inhoud=inhoud, bestandsnaam="feed.csv", door=door
    )
    return bevolkingsimport_verwerken(bevolkingsimport_id=bevolkingsimport.pk)


@pytest.fixture
def feed():
    return _csv(
        aankomst("F0000001", statuut="beklaagde", talen="nl|fr", niveau_nederlands="B1"),
        aankomst("F0000002", datum="2026-01-06"),
        _rij(
            soort="overplaatsing",
            detineenummer="F0000001",
            gevangenis="GEN",
            afdeling="C",
            datum="2026-02-01",
        ),
        _rij(
            soort="vrijlating",
            detineenummer="F0000002",
            datum="2026-03-01",
            vrijlatingssoort="vrijspraak",
        ),
        _rij(
            soort="statuswijziging",
            detineenummer="F0000001",
            datum="2026-04-01",
            statuut="veroordeelde",
            strafeinde="2030-01-01",
            datum_vi="2028-01-01",
        ),
    )


def test_it_applies_every_kind_of_row(antwerpen, gent, feed):
    bevolkingsimport = _importeren(feed)
    assert (bevolkingsimport.status, bevolkingsimport.aanvaard, bevolkingsimport.geweigerd) == (
        "klaar",
        5,
        0,
    )
    een = Gedetineerde.objects.get(detineenummer="F0000001")
    assert een.huidige_gevangenis == gent
    assert (een.statuut, een.talen, een.niveau_nederlands) == ("veroordeelde", ["nl", "fr"], "B1")
    assert (een.strafeinde, een.datum_vi) == (D(2030, 1, 1), D(2028, 1, 1))
    assert list(een.statuutwijzigingen.values_list("statuut", flat=True)) == [
        "veroordeelde",
        "beklaagde",
    ]
    twee = Verblijf.objects.get(gedetineerde__detineenummer="F0000002")
    assert (twee.tot, twee.vrijlatingssoort) == (D(2026, 3, 1), "vrijspraak")
    # A system action in the audit trail, without values.
    assert Auditrecord.objects.filter(actie="verblijf_beeindigd", door__isnull=True).count() == 2
    # The rows are gone once applied; the counts stay.
    assert bevolkingsimport.rijen == []


def test_importing_the_same_file_twice_changes_nothing(antwerpen, gent, feed):
    _importeren(feed)
    auditrecords = Auditrecord.objects.count()
    staat = list(Verblijf.objects.order_by("id").values())
    tweede = _importeren(feed)
    assert (tweede.aanvaard, tweede.ongewijzigd, tweede.geweigerd) == (0, 5, 0)
    assert list(Verblijf.objects.order_by("id").values()) == staat
    assert Auditrecord.objects.count() == auditrecords


def test_events_fire_for_transfers_and_releases_from_the_feed(antwerpen, gent, feed):
    ontvangen = []
    gebeurtenissen.bij_overplaatsing(ontvangen.append)
    gebeurtenissen.bij_vrijlating(ontvangen.append)
    try:
        _importeren(feed)
        _importeren(feed)
    finally:
        gebeurtenissen.afmelden(ontvangen.append)
    assert [type(g).__name__ for g in ontvangen] == ["Overplaatsing", "Vrijlating"]


@pytest.mark.parametrize(
    ("rij", "veld"),
    [
        (aankomst(datum="05/01/2026"), "datum"),
        (aankomst(gevangenis="ONBEKEND"), "gevangenis"),
        (aankomst(geslacht="Q"), "geslacht"),
        (
            _rij(soort="aankomst", detineenummer="F1", gevangenis="ANT", datum="2026-01-05"),
            "achternaam",
        ),
        (_rij(soort="verhuis", detineenummer="F1", datum="2026-01-05"), "soort"),
        (
            _rij(soort="vrijlating", detineenummer="F0000009", datum="2026-01-05"),
            "vrijlatingssoort",
        ),
        (
            _rij(
                soort="vrijlating",
                detineenummer="ONBEKEND",
                datum="2026-01-05",
                vrijlatingssoort="strafeinde",
            ),
            "detineenummer",
        ),
        (aankomst(statuut="vrij"), "statuut"),
        (aankomst(niveau_nederlands="D1"), "niveau_nederlands"),
        (aankomst(talen="nederlands"), "talen"),
        (aankomst(eerdere_detenties="-1"), "eerdere_detenties"),
        (aankomst(geboortedatum="2027-01-01"), "geboortedatum"),
        (aankomst() + ";extra", "rij"),
        ("aankomst;F1", "rij"),
    ],
)
def test_a_bad_row_is_rejected_naming_row_and_field(antwerpen, rij, veld):
    bevolkingsimport = _importeren(_csv(aankomst("F0000100"), rij))
    assert (bevolkingsimport.aanvaard, bevolkingsimport.geweigerd) == (1, 1)
    assert {f["veld"] for f in bevolkingsimport.geweigerde_rijen} >= {veld}
    assert {f["rij"] for f in bevolkingsimport.geweigerde_rijen} == {3}
    assert Gedetineerde.objects.count() == 1


def test_a_release_before_the_arrival_is_rejected_on_datum(antwerpen):
    bevolkingsimport = _importeren(
        _csv(
            aankomst("F0000001", datum="2026-02-01"),
            _rij(
                soort="vrijlating",
                detineenummer="F0000001",
                datum="2026-01-01",
                vrijlatingssoort="strafeinde",
            ),
        )
    )
    assert bevolkingsimport.geweigerde_rijen == [
        {"rij": 3, "veld": "datum", "reden": "Het einde ligt voor de aankomst (01/02/2026)."}
    ]


def test_an_arrival_overlapping_an_earlier_stay_is_rejected(antwerpen, gent):
    bevolkingsimport = _importeren(
        _csv(
            aankomst("F0000001", datum="2026-01-01"),
            _rij(
                soort="vrijlating",
                detineenummer="F0000001",
                datum="2026-03-01",
                vrijlatingssoort="strafeinde",
            ),
            aankomst("F0000001", gevangenis="GEN", datum="2026-02-01"),
        )
    )
    assert [(f["rij"], f["veld"]) for f in bevolkingsimport.geweigerde_rijen] == [(4, "datum")]


def test_an_arrival_of_someone_present_elsewhere_is_rejected(antwerpen, gent):
    bevolkingsimport = _importeren(
        _csv(aankomst("F0000001"), aankomst("F0000001", gevangenis="GEN", datum="2026-02-01"))
    )
    assert [(f["rij"], f["veld"]) for f in bevolkingsimport.geweigerde_rijen] == [(3, "gevangenis")]


def test_a_rejected_row_is_not_half_applied(antwerpen, gent):
    """The transfer ends the old stay, then a subscriber refuses: the whole row rolls back."""
    persoon = GedetineerdeFactory(detineenummer="F0000001", huidige_gevangenis=antwerpen)

    def weigeren(gebeurtenis):
        raise ValidationError("kan niet")

    gebeurtenissen.bij_overplaatsing(weigeren)
    try:
        bevolkingsimport = _importeren(
            _csv(
                _rij(
                    soort="overplaatsing",
                    detineenummer="F0000001",
                    gevangenis="GEN",
                    datum="2026-02-01",
                    strafeinde="2030-01-01",
                ),
                aankomst("F0000002"),
            )
        )
    finally:
        gebeurtenissen.afmelden(weigeren)
    assert (bevolkingsimport.aanvaard, bevolkingsimport.geweigerd) == (1, 1)
    persoon.refresh_from_db()
    assert (persoon.huidige_gevangenis, persoon.strafeinde) == (antwerpen, None)
    assert persoon.verblijven.get().tot is None


def test_an_unexpected_error_stops_the_import_and_keeps_earlier_rows(antwerpen, gent):
    GedetineerdeFactory(detineenummer="F0000001", huidige_gevangenis=antwerpen)

    def kapot(gebeurtenis):
        raise RuntimeError("bug in een abonnee")

    gebeurtenissen.bij_overplaatsing(kapot)
    try:
        bevolkingsimport = _importeren(
            _csv(
                aankomst("F0000002"),
                _rij(
                    soort="overplaatsing",
                    detineenummer="F0000001",
                    gevangenis="GEN",
                    datum="2026-02-01",
                ),
                aankomst("F0000003"),
            )
        )
    finally:
        gebeurtenissen.afmelden(kapot)
    assert bevolkingsimport.status == "mislukt"
    assert "rij 3" in bevolkingsimport.melding
    assert set(Gedetineerde.objects.values_list("detineenummer", flat=True)) == {
        "F0000001",
        "F0000002",
    }
    assert Gedetineerde.objects.get(detineenummer="F0000001").huidige_gevangenis == antwerpen


def test_a_finished_import_is_not_run_again(antwerpen):
    bevolkingsimport = _importeren(_csv(aankomst()))
    opnieuw = bevolkingsimport_verwerken(bevolkingsimport_id=bevolkingsimport.pk)
    assert (opnieuw.aanvaard, opnieuw.ongewijzigd) == (1, 0)


@pytest.mark.parametrize(
    ("inhoud", "woord"),
    [
        (b"soort;detineenummer\naankomst;F1\n", "ontbrekende kolommen"),
        (_csv(aankomst(), kop=KOP + ";bijnaam"), "onbekende kolommen: bijnaam"),
        (_csv(aankomst(), kop=KOP + ";soort"), "dubbele kolommen: soort"),
        (
            _csv(aankomst()).replace(b"Voorbeeld", "Müller".encode("latin-1")),
            "geen UTF-8",
        ),
        (b"", "leeg"),
    ],
)
def test_a_wrong_header_or_encoding_refuses_the_file_whole(antwerpen, inhoud, woord):
    with pytest.raises(Bestandsfout) as fout:
        bevolkingsimport_uit_bestand(inhoud=inhoud, bestandsnaam="x.csv", door=None)
    assert woord in " ".join(fout.value.messages)
    assert not Bevolkingsimport.objects.exists()


def test_comma_separated_files_and_a_bom_are_read(antwerpen):
    inhoud = "\ufeff" + ",".join(KOLOMMEN) + "\n" + aankomst().replace(";", ",") + "\n"
    rijen = bestand_lezen(inhoud.encode())
    assert rijen[0]["detineenummer"] == "F0000001"
    assert rijen[0]["rij"] == 2


def test_the_api_rows_go_the_same_way(antwerpen):
    bevolkingsimport = bevolkingsimport_uit_api(
        rijen=[
            dict(zip(KOLOMMEN, aankomst().split(";"), strict=True))
            | {"talen": ["nl", "ar"], "eerdere_detenties": 2},
            {"soort": "aankomst", "detineenummer": "F2", "bijnaam": "x"},
            "geen object",
        ],
        door=None,
    )
    bevolkingsimport = bevolkingsimport_verwerken(bevolkingsimport_id=bevolkingsimport.pk)
    assert (bevolkingsimport.aanvaard, bevolkingsimport.geweigerd) == (1, 2)
    assert Gedetineerde.objects.get().talen == ["nl", "ar"]
    assert Gedetineerde.objects.get().eerdere_detenties == 2
    assert {(f["rij"], f["veld"]) for f in bevolkingsimport.geweigerde_rijen} >= {
        (2, "rij"),
        (3, "rij"),
    }


def test_the_daily_job_imports_the_folder_and_moves_the_files(antwerpen, tmp_path, settings):
    settings.HDV_BEVOLKINGSFEED_MAP = tmp_path
    (tmp_path / "a.csv").write_bytes(_csv(aankomst()))
    (tmp_path / "b.csv").write_bytes(b"kapot;bestand\n")
    (tmp_path / "notities.txt").write_text("blijft liggen")
    from trajecten.tasks import bevolkingsfeed_map_importeren_taak

    ids = bevolkingsfeed_map_importeren_taak.delay().get()
    goed, slecht = Bevolkingsimport.objects.filter(pk__in=ids).order_by("bestandsnaam")
    assert (goed.bestandsnaam, goed.bron, goed.totaal) == ("a.csv", "map", 1)
    assert (slecht.status, slecht.bestandsnaam) == ("mislukt", "b.csv")
    assert "kopregel" in slecht.melding
    assert sorted(p.name.split("-", 3)[-1] for p in (tmp_path / "verwerkt").iterdir()) == [
        "a.csv",
        "b.csv",
    ]
    assert (tmp_path / "notities.txt").exists()
    assert bevolkingsfeed_map_importeren() == []


def test_the_task_runs_an_import_after_commit(antwerpen, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        bevolkingsimport = bevolkingsimport_uit_bestand(
            inhoud=_csv(aankomst()), bestandsnaam="x.csv", door=None
        )
    bevolkingsimport.refresh_from_db()
    assert (bevolkingsimport.status, bevolkingsimport.aanvaard, bevolkingsimport.voortgang) == (
        "klaar",
        1,
        100,
    )


def test_the_sample_feed_in_docs_imports_cleanly_twice(antwerpen, gent):
    from pathlib import Path

    from tests.factories import GevangenisFactory

    GevangenisFactory(code="BRG", naam="Brugge")
    inhoud = (Path(__file__).parents[2] / "docs" / "voorbeeld-bevolkingsfeed.csv").read_bytes()
    eerste = _importeren(inhoud)
    assert (eerste.aanvaard, eerste.geweigerd, eerste.geweigerde_rijen) == (8, 0, [])
    tweede = _importeren(inhoud)
    assert (tweede.aanvaard, tweede.ongewijzigd) == (0, 8)


def test_a_new_detention_after_a_release_is_an_arrival(antwerpen, gent):
    bevolkingsimport = _importeren(
        _csv(
            aankomst("F0000001", datum="2026-01-01"),
            _rij(
                soort="vrijlating",
                detineenummer="F0000001",
                datum="2026-02-01",
                vrijlatingssoort="strafeinde",
            ),
            aankomst("F0000001", gevangenis="GEN", datum="2026-05-01", eerdere_detenties="1"),
        )
    )
    assert (bevolkingsimport.aanvaard, bevolkingsimport.geweigerd) == (3, 0)
    persoon = Gedetineerde.objects.get()
    assert (persoon.huidige_gevangenis, persoon.eerdere_detenties) == (gent, 1)
    assert persoon.verblijven.count() == 2


def test_an_interrupted_import_runs_again_without_doubling(antwerpen):
    bevolkingsimport = bevolkingsimport_uit_bestand(
        inhoud=_csv(aankomst()), bestandsnaam="x.csv", door=None
    )
    bevolkingsimport_verwerken(bevolkingsimport_id=bevolkingsimport.pk)
    # As if the worker died after applying the row, before marking the import done.
    Bevolkingsimport.objects.filter(pk=bevolkingsimport.pk).update(
        status="bezig", rijen=bestand_lezen(_csv(aankomst()))
    )
    opnieuw = bevolkingsimport_verwerken(bevolkingsimport_id=bevolkingsimport.pk)
    assert (opnieuw.status, opnieuw.aanvaard, opnieuw.ongewijzigd) == ("klaar", 0, 1)
    assert Gedetineerde.objects.count() == 1
