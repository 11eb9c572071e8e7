"""Activities, their pattern, the generated sessions and the clashes (services)."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from aanbod.gebruik import registreer_gebruikscontrole
from aanbod.models import Activiteit, Sessie
from aanbod.services.lokalen import sluitingsdag_toevoegen
from aanbod.services.planning import (
    SlotInvoer,
    activiteit_aanmaken,
    activiteit_bijwerken,
    botsingen_zoeken,
    geplande_momenten,
    horizon,
    momenten,
    sessies_vooruit_plannen,
)
from hdv.models import Auditrecord

pytestmark = pytest.mark.django_db

MA_9_11 = SlotInvoer(weekdag=0, begintijd=datetime.time(9), eindtijd=datetime.time(11))


def _basis(nederlands, antwerpen, klaslokaal, vandaag, **extra):
    gegevens = {
        "aanbod": nederlands,
        "gevangenis": antwerpen,
        "startdatum": vandaag,
        "einddatum": vandaag + datetime.timedelta(weeks=4),
        "lokaal": klaslokaal,
        "capaciteit": 10,
        "slots": [MA_9_11],
        "door": None,
    }
    return {**gegevens, **extra}


def test_it_generates_past_and_future_sessions_up_to_the_horizon(activiteit, vandaag):
    sessies = list(activiteit.sessies.all())
    assert sessies, "sessions are generated when the activity is saved"
    assert min(s.datum for s in sessies) >= activiteit.startdatum
    assert max(s.datum for s in sessies) <= min(activiteit.einddatum, horizon())
    assert any(s.datum < vandaag for s in sessies)
    assert any(s.datum > vandaag for s in sessies)
    assert {s.datum.weekday() for s in sessies} == {0, 3}
    assert all(s.lokaal_id == activiteit.lokaal_id for s in sessies)


def test_generation_is_safe_to_run_twice(activiteit):
    aantal = activiteit.sessies.count()
    assert sessies_vooruit_plannen() == 0
    assert activiteit.sessies.count() == aantal


def test_the_daily_job_extends_the_horizon(activiteit, settings):
    aantal = activiteit.sessies.count()
    settings.HDV_SESSIE_HORIZON_DAGEN = 120
    assert sessies_vooruit_plannen() > 0
    assert activiteit.sessies.count() > aantal
    assert max(activiteit.sessies.values_list("datum", flat=True)) <= activiteit.einddatum


def test_a_multi_week_rota_alternates():
    start = datetime.date(2026, 11, 2)  # a Monday
    slots = [
        SlotInvoer(0, datetime.time(9), datetime.time(10), week=1),
        SlotInvoer(2, datetime.time(9), datetime.time(10), week=2),
    ]
    gevonden = momenten(
        startdatum=start, einddatum=start + datetime.timedelta(weeks=4), slots=slots, rotatie_weken=2,
        van=start, tot=start + datetime.timedelta(weeks=4),
    )  # fmt: skip
    assert [m.datum.isoformat() for m in gevonden] == [
        "2026-11-02", "2026-11-11", "2026-11-16", "2026-11-25", "2026-11-30",
    ]  # fmt: skip


def test_closure_days_get_no_session(nederlands, antwerpen, klaslokaal, vandaag):
    maandag = vandaag + datetime.timedelta(days=7 - vandaag.weekday())
    sluitingsdag_toevoegen(gevangenis=antwerpen, datum=maandag, reden="Wapenstilstand", door=None)
    activiteit = activiteit_aanmaken(**_basis(nederlands, antwerpen, klaslokaal, vandaag))
    assert not activiteit.sessies.filter(datum=maandag).exists()
    assert activiteit.sessies.filter(datum=maandag + datetime.timedelta(weeks=1)).exists()


def test_a_new_pattern_regenerates_only_the_future(activiteit, vandaag, staking, olga):
    from aanbod.services.annuleringen import sessie_annuleren

    verleden = list(
        activiteit.sessies.filter(datum__lte=vandaag).values_list("pk", "datum", "begintijd")
    )
    geannuleerd = activiteit.sessies.filter(datum__lt=vandaag).first()
    sessie_annuleren(sessie=geannuleerd, reden=staking, door=olga)
    nieuw_slot = SlotInvoer(weekdag=1, begintijd=datetime.time(10), eindtijd=datetime.time(12))
    activiteit_bijwerken(
        activiteit=activiteit, startdatum=activiteit.startdatum, einddatum=activiteit.einddatum,
        lokaal=activiteit.lokaal, capaciteit=activiteit.capaciteit, slots=[nieuw_slot], door=olga,
    )  # fmt: skip
    # The past is untouched, cancellation included.
    assert (
        list(activiteit.sessies.filter(datum__lte=vandaag).values_list("pk", "datum", "begintijd"))
        == verleden
    )
    assert Sessie.objects.get(pk=geannuleerd.pk).annuleringsreden == staking
    # The future follows the new pattern only.
    toekomst = activiteit.sessies.filter(datum__gt=vandaag)
    assert toekomst.exists()
    assert {s.datum.weekday() for s in toekomst} == {1}
    assert Auditrecord.objects.filter(
        actie="activiteit_gewijzigd", object_id=str(activiteit.pk)
    ).exists()


def test_past_sessions_keep_every_field_when_the_pattern_changes(activiteit, vandaag, olga):
    velden = [f.attname for f in Sessie._meta.concrete_fields]
    verleden = list(activiteit.sessies.filter(datum__lte=vandaag).values_list(*velden))
    activiteit_bijwerken(
        activiteit=activiteit, startdatum=activiteit.startdatum, einddatum=activiteit.einddatum,
        lokaal=activiteit.lokaal, capaciteit=activiteit.capaciteit,
        slots=[SlotInvoer(2, datetime.time(9), datetime.time(10))], door=olga,
    )  # fmt: skip
    assert list(activiteit.sessies.filter(datum__lte=vandaag).values_list(*velden)) == verleden


def test_a_cancelled_future_session_stays_when_the_pattern_changes(
    activiteit, vandaag, staking, olga
):
    from aanbod.services.annuleringen import sessie_annuleren

    toekomstig = activiteit.sessies.filter(datum__gt=vandaag).first()
    sessie_annuleren(sessie=toekomstig, reden=staking, door=olga)
    activiteit_bijwerken(
        activiteit=activiteit, startdatum=activiteit.startdatum, einddatum=activiteit.einddatum,
        lokaal=activiteit.lokaal, capaciteit=activiteit.capaciteit,
        slots=[SlotInvoer(2, datetime.time(9), datetime.time(10))], door=olga,
    )  # fmt: skip
    assert Sessie.objects.get(pk=toekomstig.pk).annuleringsreden == staking


def test_a_new_activity_cannot_start_long_ago(nederlands, antwerpen, klaslokaal, vandaag, settings):
    settings.HDV_ACTIVITEIT_TERUG_DAGEN = 30
    with pytest.raises(ValidationError) as fout:
        activiteit_aanmaken(
            **_basis(
                nederlands,
                antwerpen,
                klaslokaal,
                vandaag,
                startdatum=vandaag - datetime.timedelta(days=31),
            )
        )
    assert "startdatum" in fout.value.message_dict
    assert not Sessie.objects.exists()


def test_a_running_activity_can_be_shortened_after_its_offer_was_archived(
    activiteit, nederlands, olga, vandaag
):
    from aanbod.services.catalogus import aanbod_archiveren

    aanbod_archiveren(aanbod=nederlands, door=olga)
    activiteit_bijwerken(
        activiteit=activiteit, startdatum=activiteit.startdatum, einddatum=vandaag,
        lokaal=activiteit.lokaal, capaciteit=activiteit.capaciteit, slots=_slots(activiteit),
        begeleiders=[olga.medewerker], door=olga,
    )  # fmt: skip
    assert not activiteit.sessies.filter(datum__gt=vandaag).exists()


def _slots(activiteit):
    return [SlotInvoer(s.weekdag, s.begintijd, s.eindtijd, s.week) for s in activiteit.slots.all()]


def test_future_sessions_in_use_are_kept_when_the_pattern_changes(activiteit, vandaag, olga):
    toekomstig = activiteit.sessies.filter(datum__gt=vandaag).first()

    def controle(ids):
        return {toekomstig.pk} & set(ids)

    registreer_gebruikscontrole(controle)
    try:
        activiteit_bijwerken(
            activiteit=activiteit, startdatum=activiteit.startdatum, einddatum=activiteit.einddatum,
            lokaal=activiteit.lokaal, capaciteit=activiteit.capaciteit,
            slots=[SlotInvoer(4, datetime.time(9), datetime.time(10))], door=olga,
        )  # fmt: skip
    finally:
        from aanbod import gebruik

        # Only ours: deelname registers its own check at start-up and must keep it.
        gebruik._controles.remove(controle)
    assert Sessie.objects.filter(pk=toekomstig.pk).exists()


def test_an_unchanged_save_changes_nothing(activiteit, olga, maandag_en_donderdag):
    aantal = Auditrecord.objects.count()
    activiteit_bijwerken(
        activiteit=activiteit, startdatum=activiteit.startdatum, einddatum=activiteit.einddatum,
        lokaal=activiteit.lokaal, capaciteit=activiteit.capaciteit, slots=maandag_en_donderdag,
        begeleiders=[olga.medewerker], door=olga,
    )  # fmt: skip
    assert Auditrecord.objects.count() == aantal


@pytest.mark.parametrize(
    ("wijziging", "veld"),
    [
        ({"capaciteit": 13}, "capaciteit"),  # the room has 12 places
        ({"einddatum": "gisteren"}, "einddatum"),
        ({"slots": [SlotInvoer(0, datetime.time(6), datetime.time(8))]}, "slots"),
        ({"slots": [SlotInvoer(0, datetime.time(20), datetime.time(22))]}, "slots"),
        ({"slots": [SlotInvoer(0, datetime.time(11), datetime.time(9))]}, "slots"),
        ({"slots": []}, "slots"),
        ({"minimum_deelnemers": 11}, "minimum_deelnemers"),
        ({"rotatie_weken": 5}, "rotatie_weken"),
        ({"slots": [SlotInvoer(0, datetime.time(9), datetime.time(10), week=2)]}, "slots"),
    ],
)
def test_bad_input_names_the_field_and_saves_nothing(
    nederlands, antwerpen, klaslokaal, vandaag, wijziging, veld
):
    if wijziging.get("einddatum") == "gisteren":
        wijziging["einddatum"] = vandaag - datetime.timedelta(days=1)
    aantal = (Activiteit.objects.count(), Sessie.objects.count(), Auditrecord.objects.count())
    with pytest.raises(ValidationError) as fout:
        activiteit_aanmaken(**_basis(nederlands, antwerpen, klaslokaal, vandaag, **wijziging))
    assert veld in fout.value.message_dict
    assert (
        Activiteit.objects.count(),
        Sessie.objects.count(),
        Auditrecord.objects.count(),
    ) == aantal


def test_a_room_of_another_prison_is_refused(nederlands, antwerpen, lokaal_gent, vandaag):
    with pytest.raises(ValidationError) as fout:
        activiteit_aanmaken(**_basis(nederlands, antwerpen, lokaal_gent, vandaag))
    assert "lokaal" in fout.value.message_dict


def test_an_offer_the_prison_does_not_have_is_refused(nederlands, gent, lokaal_gent, vandaag):
    with pytest.raises(ValidationError) as fout:
        activiteit_aanmaken(**_basis(nederlands, gent, lokaal_gent, vandaag))
    assert "aanbod" in fout.value.message_dict


def test_a_facilitator_of_another_prison_is_refused(
    nederlands, antwerpen, klaslokaal, vandaag, gert
):
    with pytest.raises(ValidationError) as fout:
        activiteit_aanmaken(
            **_basis(nederlands, antwerpen, klaslokaal, vandaag, begeleiders=[gert.medewerker])
        )
    assert "begeleiders" in fout.value.message_dict


def _geplande(vandaag, slots):
    return geplande_momenten(
        startdatum=vandaag,
        einddatum=vandaag + datetime.timedelta(weeks=4),
        slots=slots,
        rotatie_weken=1,
        van=vandaag,
    )


def test_it_finds_a_double_booked_room(activiteit, antwerpen, klaslokaal, vandaag):
    overlap = SlotInvoer(weekdag=0, begintijd=datetime.time(10), eindtijd=datetime.time(12))
    botsingen = botsingen_zoeken(
        gevangenis=antwerpen,
        lokaal=klaslokaal,
        begeleiders=[],
        geplande=_geplande(vandaag, [overlap]),
    )
    assert botsingen
    assert {b.soort for b in botsingen} == {"lokaal"}
    assert "Klas 1 is bezet door Nederlands tweede taal A1" in botsingen[0].omschrijving


def test_touching_slots_do_not_clash(activiteit, antwerpen, klaslokaal, vandaag):
    aansluitend = SlotInvoer(weekdag=0, begintijd=datetime.time(11), eindtijd=datetime.time(12))
    assert not botsingen_zoeken(
        gevangenis=antwerpen,
        lokaal=klaslokaal,
        begeleiders=[],
        geplande=_geplande(vandaag, [aansluitend]),
    )


def test_it_finds_a_double_booked_facilitator_in_another_room(
    activiteit, antwerpen, sportzaal, vandaag, olga
):
    overlap = SlotInvoer(weekdag=3, begintijd=datetime.time(14), eindtijd=datetime.time(16))
    botsingen = botsingen_zoeken(
        gevangenis=antwerpen,
        lokaal=sportzaal,
        begeleiders=[olga.medewerker],
        geplande=_geplande(vandaag, [overlap]),
    )
    assert {b.soort for b in botsingen} == {"begeleider"}


def test_cancelled_sessions_and_the_activity_itself_do_not_clash(
    activiteit, antwerpen, klaslokaal, vandaag
):
    geplande = _geplande(vandaag, [MA_9_11])
    assert not botsingen_zoeken(
        gevangenis=antwerpen,
        lokaal=klaslokaal,
        begeleiders=[],
        geplande=geplande,
        activiteit=activiteit,
    )


def test_it_reports_closure_days(antwerpen, klaslokaal, vandaag):
    maandag = vandaag + datetime.timedelta(days=7 - vandaag.weekday())
    sluitingsdag_toevoegen(gevangenis=antwerpen, datum=maandag, reden="Inventaris", door=None)
    botsingen = botsingen_zoeken(
        gevangenis=antwerpen,
        lokaal=klaslokaal,
        begeleiders=[],
        geplande=_geplande(vandaag, [MA_9_11]),
    )
    assert [(b.soort, b.datum) for b in botsingen] == [("sluitingsdag", maandag)]


def test_clash_detection_uses_a_fixed_number_of_queries(
    activiteit, antwerpen, klaslokaal, vandaag, olga
):
    overlap = SlotInvoer(weekdag=0, begintijd=datetime.time(10), eindtijd=datetime.time(12))
    geplande = _geplande(vandaag, [overlap])
    with CaptureQueriesContext(connection) as queries:
        botsingen_zoeken(
            gevangenis=antwerpen,
            lokaal=klaslokaal,
            begeleiders=[olga.medewerker],
            geplande=geplande,
        )
    # sessions, their facilitators, the facilitators' users, the closure days
    assert len(queries) == 4
