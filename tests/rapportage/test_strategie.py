"""The strategic plan and the local action plans: the data migration, the services (a
status change always with a note, history kept, each write audited), the workflow, the
reads at a fixed number of queries, and the demo's part."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from hdv.demo import kern_laden
from hdv.models import Auditrecord
from rapportage.actiestatus import TOEGELATEN_OVERGANGEN
from rapportage.demo_strategie import plannen_laden
from rapportage.models import (
    Actie,
    Actiestatus,
    LokaalActieplan,
    LokaleActie,
    StrategischeDoelstelling,
    Streefcijfer,
    Voortgangsnotitie,
)
from rapportage.plannen_lezen import (
    actie_geschiedenis,
    lokale_actieplannen,
    strategisch_plan_overzicht,
)
from rapportage.services.strategie import (
    actie_bijwerken,
    lokaal_actieplan_aanmaken,
    lokale_actie_bijwerken,
    lokale_actie_toevoegen,
    voortgang_noteren,
)
from rapportage.strategisch_plan import AANTAL_ACTIES_IN_PLAN, ACTIES, DOELSTELLINGEN

pytestmark = pytest.mark.django_db

S = Actiestatus


def _fout(excinfo):
    return excinfo.value.message_dict


# --- the data migration ------------------------------------------------------------------


def test_the_migration_loaded_the_five_goals_and_the_actions_the_source_names():
    doelstellingen = list(StrategischeDoelstelling.objects.order_by("nummer"))
    assert [d.nummer for d in doelstellingen] == [1, 2, 3, 4, 5]
    assert doelstellingen[2].titel == "Doelgroepen"
    assert "veelplegers" in doelstellingen[2].omschrijving
    assert Actie.objects.count() == len(ACTIES) == 23 < AANTAL_ACTIES_IN_PLAN
    assert set(Actie.objects.values_list("status", flat=True)) == {S.NIET_GESTART}
    # The slides name no owner per action.
    assert set(Actie.objects.values_list("eigenaar", flat=True)) == {""}
    per_doel = {d.nummer: d.acties.count() for d in doelstellingen}
    assert per_doel == {1: 2, 2: 5, 3: 6, 4: 7, 5: 3}
    cosa = Actie.objects.get(titel="COSA in de gevangenis")
    assert cosa.doelstelling.nummer == 3
    assert "intrafamiliaal en seksueel geweld" in cosa.operationele_doelstelling


def test_loading_the_plan_again_adds_nothing_and_keeps_changes(frank):
    from rapportage.strategisch_plan import strategisch_plan_laden

    actie = Actie.objects.get(nummer="1.1")
    actie_bijwerken(actie=actie, status=S.LOPEND, notitie="Gestart.", eigenaar="AJH", door=frank)

    assert strategisch_plan_laden(StrategischeDoelstelling, Actie) == 0
    actie.refresh_from_db()
    assert (actie.status, actie.eigenaar) == (S.LOPEND, "AJH")
    assert len(DOELSTELLINGEN) == StrategischeDoelstelling.objects.count()


# --- the strategic plan's actions --------------------------------------------------------


def test_a_status_change_comes_with_a_note_and_is_kept_in_the_history(frank, plan_actie):
    actie_bijwerken(actie=plan_actie, status=S.LOPEND, notitie="Cursus gestart.", door=frank)
    actie_bijwerken(actie=plan_actie, status=S.GEREALISEERD, notitie="Overal.", door=frank)

    plan_actie.refresh_from_db()
    assert plan_actie.status == S.GEREALISEERD
    geschiedenis = list(actie_geschiedenis(plan_actie))
    assert [(n.vorige_status, n.status) for n in geschiedenis] == [
        (S.LOPEND, S.GEREALISEERD),
        (S.NIET_GESTART, S.LOPEND),
    ]
    assert all(n.statuswijziging and n.door == frank for n in geschiedenis)
    records = Auditrecord.objects.filter(object_type="rapportage.Actie", actie="actie bijgewerkt")
    assert records.count() == 2
    assert set(records.first().velden) == {"status", "voortgang"}


def test_a_status_change_without_a_note_is_refused(frank, plan_actie):
    with pytest.raises(ValidationError) as excinfo:
        actie_bijwerken(actie=plan_actie, status=S.LOPEND, notitie="  ", door=frank)

    assert "statuswijziging" in _fout(excinfo)["notitie"][0]
    plan_actie.refresh_from_db()
    assert plan_actie.status == S.NIET_GESTART
    assert not Voortgangsnotitie.objects.exists()
    assert not Auditrecord.objects.exists()


def test_progress_without_a_status_change_still_needs_text(frank, plan_actie):
    with pytest.raises(ValidationError) as excinfo:
        actie_bijwerken(actie=plan_actie, status=S.NIET_GESTART, notitie="", door=frank)
    assert _fout(excinfo)["notitie"] == ["Geef een voortgangsnotitie."]

    actie_bijwerken(actie=plan_actie, status=S.NIET_GESTART, notitie="Overleg gepland.", door=frank)
    notitie = Voortgangsnotitie.objects.get()
    assert not notitie.statuswijziging


def test_the_owner_is_set_with_the_progress(frank, plan_actie):
    actie_bijwerken(
        actie=plan_actie, status=S.LOPEND, notitie="Gestart.", eigenaar=" Ligo ", door=frank
    )
    plan_actie.refresh_from_db()
    assert plan_actie.eigenaar == "Ligo"
    assert "eigenaar" in Auditrecord.objects.get().velden


@pytest.mark.parametrize(
    ("van", "naar"), [(S.LOPEND, S.NIET_GESTART), (S.GEREALISEERD, S.GESCHRAPT)]
)
def test_an_illegal_transition_is_a_clear_error(frank, plan_actie, van, naar):
    Actie.objects.filter(pk=plan_actie.pk).update(status=van)
    with pytest.raises(ValidationError) as excinfo:
        actie_bijwerken(actie=plan_actie, status=naar, notitie="Waarom niet.", door=frank)
    assert "kan niet" in _fout(excinfo)["status"][0]


def test_an_unknown_status_is_refused(frank, plan_actie):
    with pytest.raises(ValidationError) as excinfo:
        actie_bijwerken(actie=plan_actie, status="half", notitie="?", door=frank)
    assert "Onbekende status" in _fout(excinfo)["status"][0]


def test_a_note_in_the_future_is_refused(frank, plan_actie):
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    with pytest.raises(ValidationError) as excinfo:
        actie_bijwerken(actie=plan_actie, status=S.LOPEND, notitie="x", datum=morgen, door=frank)
    assert "toekomst" in _fout(excinfo)["datum"][0]


def test_every_status_has_a_way_out_and_every_target_is_a_status():
    assert set(TOEGELATEN_OVERGANGEN) == set(S.values)
    for van, naar in TOEGELATEN_OVERGANGEN.items():
        assert naar
        assert naar <= set(S.values)
        assert van not in naar


def test_voortgang_noteren_on_a_plan_action(frank, plan_actie):
    notitie = voortgang_noteren(
        actie=plan_actie, tekst="Nota aan de Gemengde Commissie.", door=frank
    )
    assert notitie.actie == plan_actie
    assert notitie.status == notitie.vorige_status == S.NIET_GESTART
    assert Auditrecord.objects.get().actie == "voortgang genoteerd"

    with pytest.raises(ValidationError) as excinfo:
        voortgang_noteren(actie=plan_actie, tekst="", door=frank)
    assert "tekst" in _fout(excinfo)


# --- local action plans ------------------------------------------------------------------


def test_a_beleidscoordinator_makes_the_plan_of_his_prison(dirk, antwerpen, dit_jaar):
    plan = lokaal_actieplan_aanmaken(gevangenis=antwerpen, jaar=dit_jaar, door=dirk)

    record = Auditrecord.objects.get(object_type="rapportage.LokaalActieplan")
    assert record.gevangenis == antwerpen
    assert record.object_id == str(plan.pk)


def test_one_plan_per_prison_and_year(dirk, actieplan_antwerpen, antwerpen, dit_jaar):
    with pytest.raises(ValidationError) as excinfo:
        lokaal_actieplan_aanmaken(gevangenis=antwerpen, jaar=dit_jaar, door=dirk)
    assert "al een lokaal actieplan" in _fout(excinfo)["jaar"][0]


def test_not_for_another_prison(dirk, gent, dit_jaar):
    with pytest.raises(ValidationError) as excinfo:
        lokaal_actieplan_aanmaken(gevangenis=gent, jaar=dit_jaar, door=dirk)
    assert "eigen gevangenis" in _fout(excinfo)["gevangenis"][0]


@pytest.mark.parametrize("jaar", [2019, 2090])
def test_not_for_a_year_outside_the_plan(dirk, antwerpen, jaar):
    with pytest.raises(ValidationError) as excinfo:
        lokaal_actieplan_aanmaken(gevangenis=antwerpen, jaar=jaar, door=dirk)
    assert "jaar" in _fout(excinfo)


def test_a_local_action_serves_a_strategic_goal(dirk, actieplan_antwerpen, antwerpen):
    doel = StrategischeDoelstelling.objects.get(nummer=4)
    actie = lokale_actie_toevoegen(
        plan=actieplan_antwerpen, doelstelling=doel, titel=" Infomoment wonen ", door=dirk
    )

    assert (actie.titel, actie.status, actie.doelstelling) == (
        "Infomoment wonen",
        S.NIET_GESTART,
        doel,
    )
    record = Auditrecord.objects.get(object_type="rapportage.LokaleActie")
    assert (record.actie, record.gevangenis) == ("lokale actie toegevoegd", antwerpen)


def test_a_local_action_needs_a_title_and_a_goal(dirk, actieplan_antwerpen):
    with pytest.raises(ValidationError) as excinfo:
        lokale_actie_toevoegen(plan=actieplan_antwerpen, doelstelling=None, titel="", door=dirk)
    assert set(_fout(excinfo)) == {"titel", "doelstelling"}


def test_another_prisons_plan_gets_no_actions(greet, actieplan_antwerpen):
    with pytest.raises(ValidationError):
        lokale_actie_toevoegen(
            plan=actieplan_antwerpen,
            doelstelling=StrategischeDoelstelling.objects.get(nummer=1),
            titel="Van buiten",
            door=greet,
        )
    assert not LokaleActie.objects.exists()


def _bijwerken(lokale_actie, door, **kwargs):
    gegevens = {
        "doelstelling": lokale_actie.doelstelling,
        "titel": lokale_actie.titel,
        "omschrijving": lokale_actie.omschrijving,
        "eigenaar": lokale_actie.eigenaar,
        "status": lokale_actie.status,
        **kwargs,
    }
    return lokale_actie_bijwerken(lokale_actie=lokale_actie, door=door, **gegevens)


def test_a_local_status_change_needs_a_note(dirk, lokale_actie_antwerpen):
    with pytest.raises(ValidationError) as excinfo:
        _bijwerken(lokale_actie_antwerpen, dirk, status=S.LOPEND)
    assert "notitie" in _fout(excinfo)

    _bijwerken(lokale_actie_antwerpen, dirk, status=S.LOPEND, notitie="Reeks gestart.")
    notitie = Voortgangsnotitie.objects.get(lokale_actie=lokale_actie_antwerpen)
    assert (notitie.vorige_status, notitie.status) == (S.NIET_GESTART, S.LOPEND)
    record = Auditrecord.objects.get(actie="lokale actie bijgewerkt")
    assert set(record.velden) == {"status", "voortgang"}


def test_changing_only_the_text_needs_no_note(dirk, lokale_actie_antwerpen, antwerpen):
    _bijwerken(lokale_actie_antwerpen, dirk, titel="Twee extra reeksen Nederlands")

    assert not Voortgangsnotitie.objects.exists()
    record = Auditrecord.objects.get(actie="lokale actie bijgewerkt")
    assert (record.velden, record.gevangenis) == (["titel"], antwerpen)


def test_nothing_changed_writes_nothing(dirk, lokale_actie_antwerpen):
    voor = Auditrecord.objects.count()
    _bijwerken(lokale_actie_antwerpen, dirk)
    assert Auditrecord.objects.count() == voor


def test_another_prison_cannot_change_a_local_action(greet, lokale_actie_antwerpen):
    with pytest.raises(ValidationError) as excinfo:
        _bijwerken(lokale_actie_antwerpen, greet, titel="Overgenomen")
    assert "gevangenis" in _fout(excinfo)


def test_voortgang_noteren_on_a_local_action_is_scoped(
    dirk, greet, lokale_actie_antwerpen, antwerpen
):
    voortgang_noteren(actie=lokale_actie_antwerpen, tekst="Lokalen gereserveerd.", door=dirk)
    assert Auditrecord.objects.get(actie="voortgang genoteerd").gevangenis == antwerpen
    with pytest.raises(ValidationError):
        voortgang_noteren(actie=lokale_actie_antwerpen, tekst="Van buiten.", door=greet)


# --- reads at a fixed number of queries --------------------------------------------------


def test_the_plan_overview_costs_three_queries_however_many_notes(frank, django_assert_num_queries):
    for nummer in ("1.1", "2.1.1", "5.2"):
        actie = Actie.objects.get(nummer=nummer)
        actie_bijwerken(actie=actie, status=S.LOPEND, notitie=f"Eerste {nummer}", door=frank)
        actie_bijwerken(actie=actie, status=S.LOPEND, notitie=f"Laatste {nummer}", door=frank)

    # goals, actions with the id of their latest note, those notes with their writer
    with django_assert_num_queries(3):
        overzicht = strategisch_plan_overzicht()
        regels = {r.actie.nummer: r for r in overzicht.acties}
        assert regels["5.2"].laatste_notitie.door.username == "frank"

    assert regels["2.1.1"].laatste_notitie.tekst == "Laatste 2.1.1"
    assert regels["2.1.2"].laatste_notitie is None
    assert overzicht.telling == {"niet_gestart": 20, "lopend": 3, "gerealiseerd": 0, "geschrapt": 0}
    sd2 = overzicht.doelstellingen[1]
    assert [g.titel[:30] for g in sd2.operationeel] == [
        "We zetten in op de verdere ont",
        "We investeren in de praktische",
    ]
    assert [s.aantal for s in sd2.statussen] == [4, 1, 0, 0]


def test_local_plans_cost_three_queries(dirk, antwerpen, gent, dit_jaar, django_assert_num_queries):
    doel = StrategischeDoelstelling.objects.get(nummer=2)
    for gevangenis in (antwerpen, gent):
        plan = lokaal_actieplan_aanmaken(gevangenis=gevangenis, jaar=dit_jaar, door=None)
        for i in range(3):
            actie = lokale_actie_toevoegen(
                plan=plan, doelstelling=doel, titel=f"Actie {i}", door=None
            )
            voortgang_noteren(actie=actie, tekst=f"Notitie {i}", door=None)

    # plans with their prison, actions with their goal and latest note id, the notes
    with django_assert_num_queries(3):
        plannen = lokale_actieplannen([antwerpen, gent], dit_jaar)
        assert [p.plan.gevangenis.naam for p in plannen] == ["Antwerpen", "Gent"]
        assert [r.laatste_notitie.tekst for r in plannen[0].acties] == [
            "Notitie 0",
            "Notitie 1",
            "Notitie 2",
        ]
    per_doel = plannen[0].per_doelstelling(StrategischeDoelstelling.objects.all())
    assert [len(d.acties) for d in per_doel] == [0, 3, 0, 0, 0]
    assert lokale_actieplannen([gent], dit_jaar - 1) == []


# --- the demo's part ---------------------------------------------------------------------


def test_the_demo_loads_targets_progress_and_a_plan_per_prison_once(proefindicatoren, settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    vandaag = timezone.localdate()
    kern = kern_laden()

    plannen_laden(kern=kern, vandaag=vandaag)

    aantal_gevangenissen = len(kern.gevangenissen)
    assert LokaalActieplan.objects.filter(jaar=vandaag.year).count() == aantal_gevangenissen
    assert LokaleActie.objects.count() == 3 * aantal_gevangenissen
    assert Streefcijfer.objects.filter(jaar=vandaag.year, gevangenis__isnull=True).count() >= 4
    assert Actie.objects.exclude(status=S.NIET_GESTART).count() == 6
    assert (
        Voortgangsnotitie.objects.filter(actie__isnull=False, tekst__startswith="Demo:").count()
        == 8
    )
    # The targets respect their own rules: no rate above 100.
    assert not Streefcijfer.objects.filter(indicator="test_bereik", waarde__gt=100).exists()
    # The demo's beleidscoördinator made his own prison's plan.
    antwerpen = kern.gevangenissen["ANT"]
    record = Auditrecord.objects.get(actie="lokaal actieplan aangemaakt", gevangenis=antwerpen)
    assert record.door.username == "beleidscoordinator"

    aantallen = (
        Streefcijfer.objects.count(),
        LokaleActie.objects.count(),
        Voortgangsnotitie.objects.count(),
    )
    plannen_laden(kern=kern, vandaag=vandaag)
    assert aantallen == (
        Streefcijfer.objects.count(),
        LokaleActie.objects.count(),
        Voortgangsnotitie.objects.count(),
    )
