"""Cancelling sessions: one, a whole strike day, with confirmation when in use; undo."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from aanbod import gebruik
from aanbod.models import Annuleringsreden, Sessie
from aanbod.services.annuleringen import (
    BevestigingNodig,
    annulering_ongedaan_maken,
    sessie_annuleren,
    sessies_annuleren_op_dag,
)
from aanbod.services.planning import SlotInvoer, activiteit_aanmaken
from hdv.models import Auditrecord

pytestmark = pytest.mark.django_db


@pytest.fixture
def dag_met_twee_activiteiten(activiteit, nederlands, antwerpen, sportzaal, vandaag):
    """A future day with sessions of two activities in Antwerpen."""
    sessie = activiteit.sessies.filter(datum__gt=vandaag).first()
    tweede = activiteit_aanmaken(
        aanbod=nederlands, gevangenis=antwerpen, startdatum=vandaag, einddatum=vandaag + datetime.timedelta(weeks=6),
        lokaal=sportzaal, capaciteit=20, door=None,
        slots=[SlotInvoer(weekdag=sessie.datum.weekday(), begintijd=datetime.time(15, 45), eindtijd=datetime.time(17))],
    )  # fmt: skip
    assert tweede.sessies.filter(datum=sessie.datum).exists()
    return sessie.datum


def test_it_cancels_one_session_with_a_reason(activiteit, staking, olga):
    sessie = activiteit.sessies.first()
    sessie_annuleren(sessie=sessie, reden=staking, door=olga)
    sessie.refresh_from_db()
    assert sessie.geannuleerd
    assert (sessie.annuleringsreden, sessie.geannuleerd_door) == (staking, olga)
    assert Auditrecord.objects.filter(actie="sessie_geannuleerd", object_id=str(sessie.pk)).exists()


def test_andere_needs_a_text(activiteit, andere_reden, olga):
    sessie = activiteit.sessies.first()
    with pytest.raises(ValidationError) as fout:
        sessie_annuleren(sessie=sessie, reden=andere_reden, toelichting="  ", door=olga)
    assert "toelichting" in fout.value.message_dict
    sessie.refresh_from_db()
    assert not sessie.geannuleerd


def test_a_retired_reason_is_refused(activiteit, olga):
    oud = Annuleringsreden.objects.create(code="oud", naam="Oude reden", actief=False)
    with pytest.raises(ValidationError) as fout:
        sessie_annuleren(sessie=activiteit.sessies.first(), reden=oud, door=olga)
    assert "reden" in fout.value.message_dict


def test_a_session_cannot_be_cancelled_twice(activiteit, staking, olga):
    sessie = activiteit.sessies.first()
    sessie_annuleren(sessie=sessie, reden=staking, door=olga)
    with pytest.raises(ValidationError):
        sessie_annuleren(sessie=sessie, reden=staking, door=olga)


def test_a_strike_cancels_every_session_of_the_prison_that_day(
    dag_met_twee_activiteiten, antwerpen, staking, olga
):
    dag = dag_met_twee_activiteiten
    geannuleerd = sessies_annuleren_op_dag(
        gevangenis=antwerpen, datum=dag, reden=staking, door=olga
    )
    assert (
        len(geannuleerd)
        == Sessie.objects.filter(datum=dag, activiteit__gevangenis=antwerpen).count()
        >= 2
    )
    assert len({s.annulering_groep for s in geannuleerd}) == 1
    assert not Sessie.objects.filter(datum=dag, annuleringsreden__isnull=True).exists()


def test_a_strike_leaves_other_prisons_alone(dag_met_twee_activiteiten, gent, staking, olga):
    with pytest.raises(ValidationError) as fout:
        sessies_annuleren_op_dag(
            gevangenis=gent, datum=dag_met_twee_activiteiten, reden=staking, door=olga
        )
    assert "datum" in fout.value.message_dict


def test_undoing_one_session_of_a_strike_day_undoes_the_day(
    dag_met_twee_activiteiten, antwerpen, staking, olga
):
    dag = dag_met_twee_activiteiten
    geannuleerd = sessies_annuleren_op_dag(
        gevangenis=antwerpen, datum=dag, reden=staking, door=olga
    )
    annulering_ongedaan_maken(sessie=geannuleerd[0], door=olga)
    assert not Sessie.objects.filter(datum=dag, annuleringsreden__isnull=False).exists()
    assert Auditrecord.objects.filter(actie="annulering_ongedaan_gemaakt").count() == len(
        geannuleerd
    )


def test_undoing_a_session_that_is_not_cancelled_is_an_error(activiteit, olga):
    with pytest.raises(ValidationError):
        annulering_ongedaan_maken(sessie=activiteit.sessies.first(), door=olga)


@pytest.fixture
def in_gebruik(activiteit, monkeypatch):
    sessie = activiteit.sessies.first()
    # A copy of the registered checks (deelname's among them), restored afterwards.
    monkeypatch.setattr(gebruik, "_controles", [*gebruik._controles])
    gebruik.registreer_gebruikscontrole(lambda ids: {sessie.pk} & set(ids))
    return sessie


def test_a_session_with_attendance_asks_for_confirmation(in_gebruik, staking, olga):
    with pytest.raises(BevestigingNodig) as fout:
        sessie_annuleren(sessie=in_gebruik, reden=staking, door=olga)
    assert "bevestigd" in fout.value.message_dict
    in_gebruik.refresh_from_db()
    assert not in_gebruik.geannuleerd
    sessie_annuleren(sessie=in_gebruik, reden=staking, door=olga, bevestigd=True)
    in_gebruik.refresh_from_db()
    assert in_gebruik.geannuleerd


def test_a_strike_day_with_attendance_asks_for_confirmation_and_changes_nothing(
    in_gebruik, antwerpen, staking, olga
):
    with pytest.raises(BevestigingNodig):
        sessies_annuleren_op_dag(
            gevangenis=antwerpen, datum=in_gebruik.datum, reden=staking, door=olga
        )
    assert not Sessie.objects.filter(annuleringsreden__isnull=False).exists()
