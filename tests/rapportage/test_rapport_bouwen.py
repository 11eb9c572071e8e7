"""Building a monitoring report on hand-made rapport_rollups: the figures in its HTML (the PDF's
text), the same figures in its XLSX, suppression, progress, failure, a second run."""

import datetime
import html
import io
import re
import zipfile
from unittest import mock

import openpyxl
import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.template.loader import render_to_string
from django.utils import timezone

from hdv.models import Auditrecord
from rapportage.models import (
    Actie,
    Indicatorwaarde,
    LokaalActieplan,
    LokaleActie,
    Monitoringrapport,
    Periodesoort,
    StrategischeDoelstelling,
    Streefcijfer,
    Voortgangsnotitie,
)
from rapportage.opmaak import waarde_tekst
from rapportage.rapporten import bouwen
from rapportage.rapporten.bouwen import PDF_TEMPLATE, monitoringrapport_bouwen, pdf_context
from rapportage.rapporten.inhoud import rapportinhoud_verzamelen
from tests.factories import GedetineerdeFactory
from tests.rapportage.rapport_fixtures import K1_2025

pytestmark = pytest.mark.django_db

S = Monitoringrapport.Status


@pytest.fixture
def rapport(antwerpen, gent, rapport_rollups, rapport_media, frank):
    rapport = Monitoringrapport.objects.create(
        periodesoort=Periodesoort.KWARTAAL,
        begin=K1_2025,
        einde=datetime.date(2025, 3, 31),
        aangevraagd_door=frank,
        aangevraagd_op=timezone.now(),
    )
    rapport.gevangenissen.set([antwerpen, gent])
    return rapport


def _html(rapport) -> str:
    return render_to_string(PDF_TEMPLATE, pdf_context(rapportinhoud_verzamelen(rapport)))


def _cellen(tekst: str) -> dict[str, str]:
    """The figures of the HTML by their ``data-cel`` (indicator|prison|part)."""
    return {
        sleutel: html.unescape(waarde).strip()
        for sleutel, waarde in re.findall(r'data-cel="([^"]+)">([^<]*)<', tekst)
    }


def _als_tekst(waarde, eenheid: str) -> str:
    """An XLSX cell as the PDF prints it (a number as the dashboards write it, or the text)."""
    if isinstance(waarde, str):
        return waarde
    return waarde_tekst(eenheid, waarde)


def test_the_report_tells_flanders_and_each_prison_with_small_counts_hidden(rapport):
    cellen = _cellen(_html(rapport))
    # Flanders: 83 of 110.
    assert cellen["aanwezigheidsgraad|totaal|teller"] == "83"
    assert cellen["aanwezigheidsgraad|totaal|noemer"] == "110"
    assert cellen["aanwezigheidsgraad|totaal|waarde"] == "75,5 %"
    assert cellen["samenvatting|aanwezigheidsgraad|waarde"] == "75,5 %"
    assert cellen["samenvatting|aanwezigheidsgraad|vorige"] == "64,3 %"
    # Gent's 3 is small: "<5", its rate "x"; Antwerpen's 80 would give it back (83 − 80).
    assert cellen["aanwezigheidsgraad|GEN|teller"] == "<5"
    assert cellen["aanwezigheidsgraad|GEN|waarde"] == "x"
    assert cellen["aanwezigheidsgraad|ANT|teller"] == "x"
    assert cellen["aanwezigheidsgraad|ANT|noemer"] == "100"
    # A count: 12 cancelled sessions; Gent has no row: "geen gegevens", never 0.
    assert cellen["sessies_geannuleerd|ANT|waarde"] == "12"
    assert cellen["sessies_geannuleerd|GEN|waarde"] == "geen gegevens"
    assert cellen["sessies_geannuleerd|ANT|noemer"] == "—"


def test_an_indicator_without_rollups_reads_geen_gegevens_never_zero(rapport):
    cellen = _cellen(_html(rapport))
    assert cellen["samenvatting|bereik|waarde"] == "geen gegevens"
    assert cellen["bereik|ANT|waarde"] == "geen gegevens"
    assert not any(waarde in {"0 %", "0,0 %"} for waarde in cellen.values())


def test_the_report_names_no_person(rapport, alice, antwerpen):
    persoon = GedetineerdeFactory(
        huidige_gevangenis=antwerpen, voornaam="Zoltan", achternaam="Onvindbaar"
    )
    doel = StrategischeDoelstelling.objects.order_by("nummer").first() or (
        StrategischeDoelstelling.objects.create(nummer=1, titel="Doel")
    )
    actie = Actie.objects.create(doelstelling=doel, nummer="T.1", titel="Testactie")
    Voortgangsnotitie.objects.create(
        actie=actie, datum=datetime.date(2025, 3, 1), tekst="Opgestart", status="lopend", door=alice
    )
    tekst = _html(rapport)
    assert "Opgestart" in tekst
    for naam in (persoon.voornaam, persoon.achternaam, persoon.detineenummer):
        assert naam not in tekst
    for gebruiker in (alice, rapport.aangevraagd_door):
        assert gebruiker.last_name not in tekst
        assert gebruiker.username not in tekst


def test_targets_are_judged_and_hidden_figures_are_not(rapport, antwerpen):
    Streefcijfer.objects.create(
        indicator="aanwezigheidsgraad", gevangenis=None, jaar=2025, waarde=70
    )
    Streefcijfer.objects.create(
        indicator="aanwezigheidsgraad", gevangenis=antwerpen, jaar=2025, waarde=90
    )
    inhoud = rapportinhoud_verzamelen(rapport)
    sectie = next(s for s in inhoud.secties if s.code == "aanwezigheidsgraad")
    assert (sectie.totaal.streef.tekst, sectie.totaal.streef.oordeel) == ("70,0 %", "gehaald")
    antwerpen_rij = sectie.gevangenissen[0]
    # Antwerpen's rate is hidden: a verdict would tell which side of 90 % it lies.
    assert (antwerpen_rij.streef.tekst, antwerpen_rij.streef.oordeel) == ("90,0 %", "—")
    assert sectie.totaal.verschil == "+11,2 pp"


def test_a_choice_of_prisons_shows_their_sum_only_from_shown_counts(
    rapport, antwerpen, gent, rapport_rollups
):
    from tests.factories import GevangenisFactory

    GevangenisFactory(naam="Brugge", code="BRU")  # now not every prison is chosen
    inhoud = rapportinhoud_verzamelen(rapport)
    assert not inhoud.alle_gevangenissen
    aanwezig = next(s for s in inhoud.secties if s.code == "aanwezigheidsgraad")
    assert aanwezig.totaal.naam == "Gekozen gevangenissen samen"
    # Gent's teller is hidden, so the chosen prisons' teller would give it back.
    assert aanwezig.totaal.cijfer.teller.tekst == "x"
    assert aanwezig.totaal.cijfer.noemer.tekst == "110"
    assert aanwezig.totaal.cijfer.waarde.tekst == "x"
    geannuleerd = next(s for s in inhoud.secties if s.code == "sessies_geannuleerd")
    assert geannuleerd.totaal.cijfer.waarde.tekst == "12"
    assert aanwezig.uitsplitsingen == ()


def test_the_xlsx_holds_the_figures_of_the_html(rapport):
    cellen = _cellen(_html(rapport))
    rapport = monitoringrapport_bouwen(rapport_id=rapport.pk)
    boek = openpyxl.load_workbook(io.BytesIO(rapport.xlsx.read()))
    assert boek.sheetnames[0] == "Samenvatting"
    assert boek.sheetnames[-1] == "Definities"
    inhoud = rapportinhoud_verzamelen(rapport)
    for sectie in inhoud.secties:
        blad = boek[sectie.code[:31]]
        laatste = 2 + 3 * (len(inhoud.perioden) - 1)
        assert blad.cell(row=4, column=laatste).value == "K1 2025"
        for r, code in enumerate(["totaal", "ANT", "GEN"], start=6):
            for j, deel in enumerate(("teller", "noemer", "waarde")):
                eenheid = sectie.definitie.eenheid if deel == "waarde" else "aantal"
                xlsx = _als_tekst(blad.cell(row=r, column=laatste + j).value, eenheid)
                assert xlsx == cellen[f"{sectie.code}|{code}|{deel}"], (sectie.code, code, deel)
    samenvatting = boek["Samenvatting"]
    rij = next(r for r in samenvatting.iter_rows(values_only=True) if r[0] == "Aanwezigheidsgraad")
    assert _als_tekst(rij[1], "percentage") == cellen["samenvatting|aanwezigheidsgraad|waarde"]
    # Earlier periods are numbers too, and a small count is text, never a number.
    blad = boek["aanwezigheidsgraad"]
    assert blad.cell(row=6, column=2 + 3 * 2 + 2).value == 64.3  # Flanders, K4 2024
    assert blad.cell(row=8, column=laatste).value == "<5"


def test_the_build_moves_through_its_steps_and_stores_both_files(rapport):
    gezien = []
    echte_stap = bouwen._stap

    def stap(rapport_id, voortgang, tekst):
        echte_stap(rapport_id, voortgang, tekst)
        gezien.append(
            tuple(
                Monitoringrapport.objects.values_list("status", "voortgang", "stap").get(
                    pk=rapport_id
                )
            )
        )

    with mock.patch("rapportage.rapporten.bouwen._stap", side_effect=stap):
        rapport = monitoringrapport_bouwen(rapport_id=rapport.pk)
    assert gezien == [
        ("bezig", 10, "Cijfers verzamelen"),
        ("bezig", 40, "PDF opmaken"),
        ("bezig", 75, "XLSX opmaken"),
        ("bezig", 90, "Bestanden bewaren"),
    ]
    assert (rapport.status, rapport.voortgang, rapport.fout) == (S.KLAAR, 100, "")
    assert rapport.pdf.read().startswith(b"%PDF")
    assert rapport.pdf.name.startswith("rapporten/monitoringrapport-2025-K1")
    assert rapport.xlsx.name.endswith(".xlsx")
    assert rapport.klaar_op is not None
    assert rapport.gegevens_van == datetime.datetime(2025, 4, 2, 3, 0, tzinfo=datetime.UTC)
    assert Auditrecord.objects.filter(actie="gemaakt", object_id=str(rapport.pk)).exists()


def test_a_failure_is_recorded_never_stuck_in_bezig(rapport):
    with mock.patch("rapportage.rapporten.bouwen.html_naar_pdf", side_effect=OSError("schijf vol")):
        rapport = monitoringrapport_bouwen(rapport_id=rapport.pk)
    assert rapport.status == S.MISLUKT
    assert "stap: PDF opmaken" in rapport.fout
    assert "OSError: schijf vol" in rapport.fout
    assert f"rapport {rapport.pk}" in rapport.fout
    assert not rapport.pdf
    assert not rapport.xlsx
    # A failed report stays failed: the job does not try again on its own.
    assert monitoringrapport_bouwen(rapport_id=rapport.pk).status == S.MISLUKT


def test_the_task_records_the_failure_too(rapport):
    from rapportage.rapporten.tasks import monitoringrapport_bouwen as taak

    with mock.patch(
        "rapportage.rapporten.bouwen.rapportinhoud_verzamelen", side_effect=ValueError("kapot")
    ):
        assert taak.delay(rapport.pk).get() == S.MISLUKT
    rapport.refresh_from_db()
    assert "stap: Cijfers verzamelen" in rapport.fout


def test_a_second_run_changes_nothing(rapport, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        eerste = monitoringrapport_bouwen(rapport_id=rapport.pk)
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        tweede = monitoringrapport_bouwen(rapport_id=rapport.pk)
    assert callbacks == []
    assert (tweede.pdf.name, tweede.klaar_op) == (eerste.pdf.name, eerste.klaar_op)
    assert Auditrecord.objects.filter(actie="gemaakt").count() == 1


def test_an_interrupted_build_starts_over_and_replaces_its_files(rapport, rapport_media):
    monitoringrapport_bouwen(rapport_id=rapport.pk)
    # As if the worker died after storing: status bezig, files there.
    Monitoringrapport.objects.filter(pk=rapport.pk).update(status=S.BEZIG, voortgang=90)
    tweede = monitoringrapport_bouwen(rapport_id=rapport.pk)
    assert tweede.status == S.KLAAR
    bestanden = sorted(p.name for p in (rapport_media / "rapporten").iterdir())
    assert bestanden == ["monitoringrapport-2025-K1.pdf", "monitoringrapport-2025-K1.xlsx"]


def _nog_een(rapport, *gevangenissen, **velden):
    nieuw = Monitoringrapport.objects.create(
        periodesoort=rapport.periodesoort,
        begin=rapport.begin,
        einde=rapport.einde,
        aangevraagd_op=timezone.now(),
        **velden,
    )
    nieuw.gevangenissen.set(gevangenissen)
    return nieuw


def test_the_same_parameters_give_the_same_figures(rapport, antwerpen, gent, settings):
    monitoringrapport_bouwen(rapport_id=rapport.pk)
    een = rapportinhoud_verzamelen(Monitoringrapport.objects.get(pk=rapport.pk))
    # The rollups of the quarter change after the first report (a late registration, the
    # nightly recomputation): the next report of the quarter starts from its figures.
    Indicatorwaarde.objects.filter(begin=rapport.begin).update(teller=0, waarde=0.0)
    tweede = _nog_een(rapport, gent, antwerpen)

    twee = rapportinhoud_verzamelen(tweede)

    assert een.secties == twee.secties
    assert een.gevangenispaginas == twee.gevangenispaginas
    assert twee.gegevens_van == een.gegevens_van
    tweede.refresh_from_db()
    assert tweede.cijfers_van == rapport
    assert tweede.cijfers == Monitoringrapport.objects.get(pk=rapport.pk).cijfers
    # Building again (a worker that died) keeps the report's own figures.
    assert rapportinhoud_verzamelen(tweede).secties == een.secties
    # A threshold raised since is applied to the kept figures too.
    settings.HDV_KLEINSTE_AANTAL = 10
    assert rapportinhoud_verzamelen(_nog_een(rapport, gent, antwerpen)).drempel == 10

    # A revision takes the latest computed figures; the next report starts from it.
    herzien = _nog_een(rapport, gent, antwerpen, herziening=True)
    monitoringrapport_bouwen(rapport_id=herzien.pk)
    herzien.refresh_from_db()
    assert herzien.cijfers_van is None
    assert rapportinhoud_verzamelen(herzien).secties != een.secties
    daarna = _nog_een(rapport, gent, antwerpen)
    rapportinhoud_verzamelen(daarna)
    daarna.refresh_from_db()
    assert daarna.cijfers_van == herzien


def test_a_failed_report_or_old_layout_does_not_set_the_periods_figures(rapport, gent):
    rapportinhoud_verzamelen(rapport)
    Monitoringrapport.objects.filter(pk=rapport.pk).update(status=S.MISLUKT)
    na_mislukt = _nog_een(rapport, gent)
    rapportinhoud_verzamelen(na_mislukt)
    na_mislukt.refresh_from_db()
    assert na_mislukt.cijfers_van is None
    assert na_mislukt.cijfers["versie"] == 1

    # Kept figures of another layout are not read: fresh ones are taken.
    Monitoringrapport.objects.filter(pk=na_mislukt.pk).update(
        status=S.KLAAR, cijfers={"versie": 0, "rijen": []}
    )
    volgende = _nog_een(rapport, gent)
    assert rapportinhoud_verzamelen(volgende).secties
    volgende.refresh_from_db()
    assert (volgende.cijfers_van, volgende.cijfers["versie"]) == (None, 1)


def test_a_scheduled_report_with_nobody_to_tell_stays_unmarked(rapport, caplog):
    from rapportage.rapporten.meldingen import monitoringrapport_melden

    Monitoringrapport.objects.filter(pk=rapport.pk).update(gepland=True, aangevraagd_door=None)
    monitoringrapport_bouwen(rapport_id=rapport.pk)

    assert monitoringrapport_melden(rapport_id=rapport.pk) == 0
    rapport.refresh_from_db()
    assert rapport.gemeld_op is None
    assert "niemand om te melden" in caplog.text


def test_local_action_plans_of_the_chosen_prisons_are_in_it(rapport, antwerpen):
    doel = StrategischeDoelstelling.objects.order_by("nummer").first() or (
        StrategischeDoelstelling.objects.create(nummer=1, titel="Doel")
    )
    plan = LokaalActieplan.objects.create(gevangenis=antwerpen, jaar=2025)
    LokaleActie.objects.create(plan=plan, doelstelling=doel, titel="Leesclub uitbreiden")
    tekst = _html(rapport)
    assert "Lokaal actieplan Antwerpen 2025" in tekst
    assert "Leesclub uitbreiden" in tekst


def test_text_that_looks_like_a_formula_stays_text_in_the_xlsx(rapport, antwerpen):
    doel = StrategischeDoelstelling.objects.order_by("nummer").first() or (
        StrategischeDoelstelling.objects.create(nummer=1, titel="Doel")
    )
    plan = LokaalActieplan.objects.create(gevangenis=antwerpen, jaar=2025)
    LokaleActie.objects.create(plan=plan, doelstelling=doel, titel='=HYPERLINK("http://x")')
    rapport = monitoringrapport_bouwen(rapport_id=rapport.pk)
    with zipfile.ZipFile(io.BytesIO(rapport.xlsx.read())) as xlsx:
        bladen = [xlsx.read(n).decode() for n in xlsx.namelist() if n.startswith("xl/worksheets/")]
    assert any("=HYPERLINK" in blad for blad in bladen)
    assert not any("<f>" in blad for blad in bladen)


def test_a_scheduled_report_tells_the_committee(
    rapport, frank, eva, dirk, ilse, django_capture_on_commit_callbacks
):
    for gebruiker, adres in (
        (frank, "frank@example.org"),
        (eva, "eva@example.org"),
        (dirk, "dirk@example.org"),
        (ilse, "ilse@example.org"),
    ):
        gebruiker.email = adres
        gebruiker.save()
    # Receiving is a right of its own: without reading reports it tells nobody.
    ontvangen = Permission.objects.get(codename="ontvang_monitoringrapport")
    dirk.user_permissions.add(ontvangen)
    Monitoringrapport.objects.filter(pk=rapport.pk).update(gepland=True, aangevraagd_door=None)
    with django_capture_on_commit_callbacks(execute=True):
        monitoringrapport_bouwen(rapport_id=rapport.pk)
    # The committee's members; not the central worker nor the beheerder, who may read
    # reports, nor dirk, who may receive but not read them.
    assert [m.to[0] for m in mail.outbox] == ["ilse@example.org"]
    bericht = mail.outbox[0]
    assert bericht.subject == "HDV: het monitoringrapport K1 2025 is klaar"
    assert f"http://localhost:8000/rapportage/rapporten/{rapport.pk}/" in bericht.body
    assert "83" not in bericht.body  # a link, no figures
    rapport.refresh_from_db()
    assert rapport.gemeld_op is not None

    from rapportage.rapporten.meldingen import monitoringrapport_melden

    assert monitoringrapport_melden(rapport_id=rapport.pk) == 0
    assert len(mail.outbox) == 1


def test_a_report_someone_asked_for_tells_that_person(
    rapport, frank, eva, django_capture_on_commit_callbacks
):
    frank.email, eva.email = "frank@example.org", "eva@example.org"
    frank.save()
    eva.save()
    with django_capture_on_commit_callbacks(execute=True):
        monitoringrapport_bouwen(rapport_id=rapport.pk)
    assert [m.to for m in mail.outbox] == [["frank@example.org"]]
    assert "omdat u dit rapport hebt aangevraagd" in mail.outbox[0].body


def test_a_mail_server_that_is_down_does_not_fail_the_report(
    rapport, frank, django_capture_on_commit_callbacks
):
    from smtplib import SMTPException

    frank.email = "frank@example.org"
    frank.save()
    with (
        mock.patch(
            "rapportage.rapporten.meldingen.send_mass_mail", side_effect=SMTPException("weg")
        ) as versturen,
        django_capture_on_commit_callbacks(execute=True),
    ):
        rapport = monitoringrapport_bouwen(rapport_id=rapport.pk)
    assert versturen.called
    rapport.refresh_from_db()
    assert rapport.status == S.KLAAR
    # Not told yet: a later run of the mail task will.
    assert rapport.gemeld_op is None


def test_the_time_of_the_data_is_the_same_local_time_in_both_files(rapport):
    rapport = monitoringrapport_bouwen(rapport_id=rapport.pk)
    boek = openpyxl.load_workbook(io.BytesIO(rapport.xlsx.read()))
    kop = {r[0]: r[1] for r in boek["Samenvatting"].iter_rows(max_row=7, values_only=True)}
    # 03:00 UTC on 2 April is 05:00 in Brussels (summer time).
    assert kop["Gegevens van"] == "02/04/2025 05:00"
    assert 'id="gegevens-van">02/04/2025 05:00<' in _html(rapport)


def _trend(inhoud, code: str) -> str:
    return next(s for s in inhoud.secties if s.code == code).trend


def test_each_indicator_has_the_trend_of_flanders_over_the_series(rapport):
    inhoud = rapportinhoud_verzamelen(rapport)
    trend = _trend(inhoud, "aanwezigheidsgraad")

    assert "<svg" in trend
    # The bars are Flanders', named so in the legend; no line of another series.
    assert ">Vlaanderen</text>" in trend
    assert ">gevangenis</text>" not in trend
    assert "<polyline" not in trend
    # Four quarters, the oldest first; no rollups is a gap, never 0 %.
    assert (
        "K2 2024: geen gegevens; K3 2024: geen gegevens; K4 2024: 64,3 %; K1 2025: 75,5 %" in trend
    )
    assert "trend-aanwezigheidsgraad" in _html(rapport)


def test_the_trend_of_a_choice_is_named_after_it_and_shows_its_marks(
    rapport, antwerpen, gent, rapport_rollups
):
    from tests.factories import GevangenisFactory

    GevangenisFactory(naam="Brugge", code="BRU")  # now not every prison is chosen
    trend = _trend(rapportinhoud_verzamelen(rapport), "aanwezigheidsgraad")

    assert ">Gekozen gevangenissen samen</text>" in trend
    # K1 2025 holds Gent's hidden count: "x", as the table says.
    assert "K1 2025: x" in trend
