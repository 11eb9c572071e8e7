"""Attendance per session: a whole register at once, idempotent, history of changes, the
reason table, who belongs on the register, the lock window and who may register."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from aanbod.gebruik import sessies_in_gebruik
from aanbod.models import Activiteit
from aanbod.services.annuleringen import BevestigingNodig, sessie_annuleren
from deelname.models import (
    Aanwezigheid,
    Aanwezigheidswijziging,
    Bron,
    Inschrijving,
    Inschrijvingsstap,
    Status,
    Stopreden,
)
from deelname.services.aanwezigheden import (
    Registratie,
    aanwezigheden_registreren,
    iedereen_aanwezig,
    ingeschrevenen,
    mag_registreren,
)
from deelname.services.inschrijvingen import inschrijving_aanvragen, inschrijving_stopzetten
from hdv import rollen
from hdv.models import Auditrecord
from tests.conftest import _medewerker
from tests.deelname.klok import klok_op
from tests.factories import GedetineerdeFactory
from trajecten.demo.klok import moment

pytestmark = pytest.mark.django_db

A = Aanwezigheid.Status
WIJZIGBAAR = 7


@pytest.fixture(autouse=True)
def _venster(settings):
    settings.HDV_AANWEZIGHEID_WIJZIGBAAR_DAGEN = WIJZIGBAAR


@pytest.fixture
def carla(antwerpen, cvo):
    """Staff of the provider (CVO) whose course it is."""
    return _medewerker("carla", cvo, [antwerpen], rollen.HULPVERLENER)


def _inschrijven(persoon, activiteit, door, sinds=None):
    """Enrolled, with the placement dated ``sinds`` (default: the activity's start)."""
    inschrijving = inschrijving_aanvragen(
        gedetineerde=persoon, activiteit=activiteit, bron=Bron.TRAJECTBEGELEIDER, door=door
    )
    Inschrijvingsstap.objects.filter(inschrijving=inschrijving).update(
        datum=sinds or activiteit.startdatum
    )
    return inschrijving


@pytest.fixture
def groep(antwerpen, activiteit, olga):
    """Three people enrolled since the start, in the order of the register (by surname)."""
    return [
        _inschrijven(
            GedetineerdeFactory(huidige_gevangenis=antwerpen, achternaam=naam), activiteit, olga
        )
        for naam in ("Aerts", "Bosmans", "Claes")
    ]


@pytest.fixture
def recent(activiteit, vandaag):
    """The last session before today: inside the window."""
    return (
        activiteit.sessies.filter(
            datum__lt=vandaag, datum__gte=vandaag - datetime.timedelta(days=WIJZIGBAAR)
        )
        .order_by("-datum")
        .first()
    )


@pytest.fixture
def oud(activiteit, vandaag):
    """A session past the lock window."""
    return (
        activiteit.sessies.filter(datum__lt=vandaag - datetime.timedelta(days=WIJZIGBAAR))
        .order_by("-datum")
        .first()
    )


def _registreren(sessie, door, *rijen):
    return aanwezigheden_registreren(
        sessie=sessie, registraties=[Registratie(*rij) for rij in rijen], door=door
    )


def _stand(sessie):
    return sorted(
        Aanwezigheid.objects.filter(sessie=sessie).values_list(
            "inschrijving_id", "status", "reden__code"
        )
    )


def test_a_whole_session_all_present_then_the_exceptions(groep, recent, olga):
    aerts, bosmans, claes = groep
    registraties = iedereen_aanwezig(recent)
    assert [r.inschrijving_id for r in registraties] == [aerts.pk, bosmans.pk, claes.pk]
    assert {r.status for r in registraties} == {A.AANWEZIG}
    registraties[1] = Registratie(bosmans.pk, A.AFWEZIG, "ziek")
    registraties[2] = Registratie(claes.pk, A.TE_LAAT, toelichting="Bezoek liep uit")

    rijen = aanwezigheden_registreren(sessie=recent, registraties=registraties, door=olga)

    assert len(rijen) == 3
    assert _stand(recent) == [
        (aerts.pk, A.AANWEZIG, None),
        (bosmans.pk, A.AFWEZIG, "ziek"),
        (claes.pk, A.TE_LAAT, None),
    ]
    assert Aanwezigheid.objects.get(inschrijving=claes).toelichting == "Bezoek liep uit"
    assert Aanwezigheidswijziging.objects.filter(aanwezigheid__sessie=recent).count() == 3
    assert set(Aanwezigheid.objects.values_list("geregistreerd_door", flat=True)) == {olga.pk}
    assert (
        Auditrecord.objects.filter(
            actie="aanwezigheden geregistreerd",
            object_type="aanbod.Sessie",
            object_id=str(recent.pk),
        ).count()
        == 1
    )


def test_the_first_presence_makes_the_enrolment_active_on_the_session_day(groep, recent, olga):
    aerts, bosmans, claes = groep
    _registreren(
        recent,
        olga,
        (aerts.pk, A.AANWEZIG),
        (bosmans.pk, A.AFWEZIG, "bezoek"),
        (claes.pk, A.TE_LAAT),
    )
    statussen = dict(Inschrijving.objects.values_list("pk", "status"))
    assert statussen == {
        aerts.pk: Status.ACTIEF,
        bosmans.pk: Status.INGESCHREVEN,
        claes.pk: Status.ACTIEF,
    }
    stap = aerts.stappen.last()
    assert (stap.van_status, stap.naar_status, stap.datum) == (
        Status.INGESCHREVEN,
        Status.ACTIEF,
        recent.datum,
    )


def test_the_same_submission_twice_gives_the_same_rows_and_no_more_history(groep, recent, olga):
    rijen = [
        (groep[0].pk, A.AANWEZIG),
        (groep[1].pk, A.AFWEZIG, "weigering"),
        (groep[2].pk, A.TE_LAAT),
    ]
    eerste = _registreren(recent, olga, *rijen)
    geschiedenis = Aanwezigheidswijziging.objects.count()
    audit = Auditrecord.objects.count()
    stappen = Inschrijvingsstap.objects.count()

    tweede = _registreren(recent, olga, *rijen)

    assert sorted(a.pk for a in tweede) == sorted(a.pk for a in eerste)
    assert Aanwezigheid.objects.filter(sessie=recent).count() == 3
    assert Aanwezigheidswijziging.objects.count() == geschiedenis
    assert Auditrecord.objects.count() == audit
    assert Inschrijvingsstap.objects.count() == stappen


def test_a_change_adds_one_history_row(groep, recent, olga, alice):
    aerts = groep[0]
    _registreren(recent, olga, (aerts.pk, A.AANWEZIG))
    _registreren(recent, olga, (aerts.pk, A.AFWEZIG, "advocaat-rechtbank"))
    aanwezigheid = Aanwezigheid.objects.get(sessie=recent, inschrijving=aerts)
    assert (aanwezigheid.status, aanwezigheid.reden.code) == (A.AFWEZIG, "advocaat-rechtbank")
    assert list(aanwezigheid.wijzigingen.values_list("status", "reden__code")) == [
        (A.AANWEZIG, None),
        (A.AFWEZIG, "advocaat-rechtbank"),
    ]
    # Another reason is a change too; the same again is not.
    _registreren(recent, olga, (aerts.pk, A.AFWEZIG, "ziek"))
    _registreren(recent, olga, (aerts.pk, A.AFWEZIG, "ziek"))
    assert aanwezigheid.wijzigingen.count() == 3


def test_a_changed_remark_is_kept_without_history(groep, recent, olga):
    aerts = groep[0]
    _registreren(recent, olga, (aerts.pk, A.TE_LAAT, "", "Vergeten"))
    _registreren(recent, olga, (aerts.pk, A.TE_LAAT, "", "Opgehouden aan de poort"))
    aanwezigheid = Aanwezigheid.objects.get(sessie=recent, inschrijving=aerts)
    assert aanwezigheid.toelichting == "Opgehouden aan de poort"
    assert aanwezigheid.wijzigingen.count() == 1


@pytest.mark.parametrize(
    ("rij", "melding"),
    [
        ((A.AFWEZIG, ""), "reden"),
        ((A.AFWEZIG, "vakantie"), "reden"),
        ((A.AANWEZIG, "ziek"), "alleen bij een afwezigheid"),
        ((A.TE_LAAT, "ziek"), "alleen bij een afwezigheid"),
        (("geannuleerd", ""), "kies aanwezig"),
    ],
)
def test_bad_rows_refuse_the_whole_register(groep, recent, olga, rij, melding):
    with pytest.raises(ValidationError) as fout:
        _registreren(recent, olga, (groep[0].pk, A.AANWEZIG), (groep[1].pk, *rij))
    fouten = fout.value.message_dict["registraties"]
    assert len(fouten) == 1
    assert "Bosmans" in fouten[0]
    assert melding in fouten[0]
    assert not Aanwezigheid.objects.exists()
    assert Inschrijving.objects.filter(status=Status.ACTIEF).count() == 0


def test_a_person_twice_in_one_submission_is_refused(groep, recent, olga):
    with pytest.raises(ValidationError) as fout:
        _registreren(recent, olga, (groep[0].pk, A.AANWEZIG), (groep[0].pk, A.AFWEZIG, "ziek"))
    assert "twee keer" in fout.value.message_dict["registraties"][0]
    assert not Aanwezigheid.objects.exists()


# --- who belongs on the register ----------------------------------------------------------


def test_someone_not_enrolled_is_refused(groep, recent, activiteit, antwerpen, olga):
    wachtend = inschrijving_aanvragen(
        gedetineerde=GedetineerdeFactory(huidige_gevangenis=antwerpen),
        activiteit=activiteit,
        bron=Bron.EIGEN_AANVRAAG,
        door=olga,
        plaatsen=False,
    )
    for inschrijving_id in (wachtend.pk, 999_999):
        with pytest.raises(ValidationError) as fout:
            _registreren(recent, olga, (groep[0].pk, A.AANWEZIG), (inschrijving_id, A.AANWEZIG))
        assert f"Inschrijving {inschrijving_id} hoort niet bij deze sessie" in str(fout.value)
    assert not Aanwezigheid.objects.exists()
    assert [i.pk for i in ingeschrevenen(recent)] == [g.pk for g in groep]


def test_someone_enrolled_in_another_activity_is_refused(
    groep, recent, nederlands, antwerpen, sportzaal, vandaag, olga
):
    from aanbod.services.planning import SlotInvoer, activiteit_aanmaken

    andere = activiteit_aanmaken(
        aanbod=nederlands,
        gevangenis=antwerpen,
        naam="groep 2",
        startdatum=vandaag - datetime.timedelta(weeks=3),
        einddatum=vandaag + datetime.timedelta(weeks=3),
        lokaal=sportzaal,
        capaciteit=5,
        slots=[SlotInvoer(weekdag=2, begintijd=datetime.time(9), eindtijd=datetime.time(10))],
        door=olga,
    )
    elders = _inschrijven(GedetineerdeFactory(huidige_gevangenis=antwerpen), andere, olga)
    with pytest.raises(ValidationError):
        _registreren(recent, olga, (elders.pk, A.AANWEZIG))
    assert not Aanwezigheid.objects.exists()


def test_someone_enrolled_only_after_the_session_is_refused(recent, activiteit, antwerpen, olga):
    nieuw = inschrijving_aanvragen(
        gedetineerde=GedetineerdeFactory(huidige_gevangenis=antwerpen),
        activiteit=activiteit,
        bron=Bron.TRAJECTBEGELEIDER,
        door=olga,
    )  # placed today, after the session
    assert nieuw not in ingeschrevenen(recent)
    with pytest.raises(ValidationError):
        _registreren(recent, olga, (nieuw.pk, A.AANWEZIG))
    assert not Aanwezigheid.objects.exists()


def test_someone_stopped_before_the_session_is_refused_but_keeps_the_earlier_ones(
    groep, recent, activiteit, olga, settings, vandaag
):
    aerts = groep[0]
    eerder = activiteit.sessies.filter(datum__lt=recent.datum).order_by("-datum").first()
    inschrijving_stopzetten(
        inschrijving=aerts,
        stopreden=Stopreden.objects.get(code="eigen-keuze"),
        beslist_door="deelnemer",
        door=olga,
        datum=eerder.datum,
    )
    with pytest.raises(ValidationError):
        _registreren(recent, olga, (aerts.pk, A.AANWEZIG))
    assert aerts.pk not in {i.pk for i in ingeschrevenen(recent)}
    # On the day of the stop they were still there (and the window is widened to reach it).
    settings.HDV_AANWEZIGHEID_WIJZIGBAAR_DAGEN = (vandaag - eerder.datum).days
    _registreren(eerder, olga, (aerts.pk, A.AANWEZIG))
    aerts.refresh_from_db()
    assert aerts.status == Status.STOPGEZET  # a late presence does not revive a stop


# --- which sessions ---------------------------------------------------------------------


def test_a_future_session_is_refused(groep, activiteit, vandaag, olga):
    toekomst = activiteit.sessies.filter(datum__gt=vandaag).first()
    with pytest.raises(ValidationError) as fout:
        _registreren(toekomst, olga, (groep[0].pk, A.AANWEZIG))
    assert "begint pas op" in str(fout.value)
    assert not Aanwezigheid.objects.exists()


def _volgende_sessie(activiteit, vandaag):
    return activiteit.sessies.filter(datum__gt=vandaag).order_by("datum", "begintijd").first()


def test_on_its_day_a_session_is_refused_until_it_starts(groep, activiteit, vandaag, olga):
    sessie = _volgende_sessie(activiteit, vandaag)
    # Early that morning, and a minute before the start (the clock is set, not read).
    for tijdstip in (
        moment(sessie.datum, 0, 5),
        moment(sessie.datum, sessie.begintijd.hour, sessie.begintijd.minute)
        - datetime.timedelta(minutes=1),
    ):
        with klok_op(tijdstip), pytest.raises(ValidationError) as fout:
            _registreren(sessie, olga, (groep[0].pk, A.AANWEZIG))
        tekst = str(fout.value)
        assert "begint pas op" in tekst
        assert sessie.datum.strftime("%d/%m/%Y") in tekst
        assert sessie.begintijd.strftime("%H:%M") in tekst
    assert not Aanwezigheid.objects.exists()


@pytest.mark.parametrize("minuten_na_het_begin", [0, 90, 600])
def test_from_its_start_a_session_is_registered(
    groep, activiteit, vandaag, olga, minuten_na_het_begin
):
    sessie = _volgende_sessie(activiteit, vandaag)
    begin = moment(sessie.datum, sessie.begintijd.hour, sessie.begintijd.minute)
    with klok_op(begin + datetime.timedelta(minutes=minuten_na_het_begin)):
        _registreren(sessie, olga, (groep[0].pk, A.AANWEZIG))
    assert _stand(sessie) == [(groep[0].pk, A.AANWEZIG, None)]


def test_the_start_is_local_time(groep, activiteit, vandaag, olga):
    """09:00 in Brussels is 08:00 or 07:00 UTC: a UTC clock must not open the register early."""
    sessie = _volgende_sessie(activiteit, vandaag)
    begin = moment(sessie.datum, sessie.begintijd.hour, sessie.begintijd.minute)
    assert begin.utcoffset() > datetime.timedelta(0)
    net_ervoor = (begin - datetime.timedelta(minutes=1)).astimezone(datetime.UTC)
    with klok_op(net_ervoor), pytest.raises(ValidationError):
        _registreren(sessie, olga, (groep[0].pk, A.AANWEZIG))
    assert not Aanwezigheid.objects.exists()


def test_a_cancelled_session_records_no_attendance(groep, recent, olga, staking):
    sessie_annuleren(sessie=recent, reden=staking, door=olga)
    with pytest.raises(ValidationError) as fout:
        _registreren(recent, olga, (groep[0].pk, A.AFWEZIG, "staking"))
    assert "geannuleerd" in str(fout.value)
    assert not Aanwezigheid.objects.exists()


def test_after_the_lock_window_the_register_is_locked(groep, oud, olga, settings, vandaag):
    with pytest.raises(ValidationError) as fout:
        _registreren(oud, olga, (groep[0].pk, A.AANWEZIG))
    assert "vergrendeld" in str(fout.value)
    assert not Aanwezigheid.objects.exists()
    # The last day of the window still counts.
    settings.HDV_AANWEZIGHEID_WIJZIGBAAR_DAGEN = (vandaag - oud.datum).days
    _registreren(oud, olga, (groep[0].pk, A.AANWEZIG))
    assert Aanwezigheid.objects.count() == 1


def test_a_registered_row_is_locked_too(groep, recent, olga, settings, vandaag):
    _registreren(recent, olga, (groep[0].pk, A.AANWEZIG))
    settings.HDV_AANWEZIGHEID_WIJZIGBAAR_DAGEN = (vandaag - recent.datum).days - 1
    with pytest.raises(ValidationError):
        _registreren(recent, olga, (groep[0].pk, A.AFWEZIG, "ziek"))
    assert _stand(recent) == [(groep[0].pk, A.AANWEZIG, None)]


# --- who may register ---------------------------------------------------------------------


def test_provider_staff_register_their_own_organisations_sessions(groep, recent, carla):
    assert mag_registreren(carla, recent)
    _registreren(recent, carla, (groep[0].pk, A.AANWEZIG))
    assert Aanwezigheid.objects.get().geregistreerd_door == carla


@pytest.mark.parametrize("gebruiker", ["bob", "alice"])
def test_others_may_not_register(groep, recent, request, gebruiker):
    door = request.getfixturevalue(gebruiker)  # bob: VDAB, not the provider; alice: no right
    assert not mag_registreren(door, recent)
    with pytest.raises(PermissionDenied):
        _registreren(recent, door, (groep[0].pk, A.AANWEZIG))
    assert not Aanwezigheid.objects.exists()


def test_the_organisation_support_registers_every_session(groep, recent, olga):
    assert olga.medewerker.organisatie.afkorting != "CVO-ANT"
    assert mag_registreren(olga, recent)
    _registreren(recent, olga, (groep[0].pk, A.AANWEZIG))
    assert Aanwezigheid.objects.count() == 1


# --- aanbod sees a session with attendance as in use ------------------------------------


def test_a_session_with_attendance_is_in_use_for_aanbod(groep, recent, activiteit, olga, staking):
    andere = activiteit.sessies.exclude(pk=recent.pk).first()
    assert sessies_in_gebruik([recent.pk, andere.pk]) == set()
    _registreren(recent, olga, (groep[0].pk, A.AANWEZIG))
    assert sessies_in_gebruik([recent.pk, andere.pk]) == {recent.pk}
    with pytest.raises(BevestigingNodig):
        sessie_annuleren(sessie=recent, reden=staking, door=olga)
    recent.refresh_from_db()
    assert not recent.geannuleerd


def test_waiting_people_are_not_on_the_register(groep, recent, activiteit, antwerpen, olga):
    Activiteit.objects.filter(pk=activiteit.pk).update(capaciteit=3)
    wachtend = _inschrijven(GedetineerdeFactory(huidige_gevangenis=antwerpen), activiteit, olga)
    assert wachtend.status == Status.WACHTLIJST
    assert [r.inschrijving_id for r in iedereen_aanwezig(recent)] == [g.pk for g in groep]
