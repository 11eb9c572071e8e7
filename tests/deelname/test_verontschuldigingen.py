"""Excused in advance: the service's refusals and audit, left off the movement list, absent
with the excusal's reason on the register (a default only), the activity page's form and
list with its withdraw button."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from aanbod.services.planning import SlotInvoer, activiteit_aanmaken
from deelname.bewegingslijsten import bewegingslijst
from deelname.models import Aanwezigheid, Afwezigheidsreden, Bron, Stopreden, Verontschuldiging
from deelname.services.aanwezigheden import (
    Registratie,
    aanwezigheden_registreren,
    iedereen_aanwezig,
)
from deelname.services.inschrijvingen import inschrijving_aanvragen, inschrijving_stopzetten
from deelname.services.verontschuldigingen import (
    verontschuldiging_intrekken,
    verontschuldiging_registreren,
)
from hdv import rollen
from hdv.models import Auditrecord
from tests.conftest import _medewerker
from tests.deelname.klok import op
from tests.factories import GedetineerdeFactory

pytestmark = pytest.mark.django_db

DAG = datetime.timedelta(days=1)
A = Aanwezigheid.Status


def _reden(code="advocaat-rechtbank"):
    return Afwezigheidsreden.objects.get(code=code)


def _inschrijven(activiteit, door, achternaam="Persoon", **kwargs):
    return inschrijving_aanvragen(
        gedetineerde=GedetineerdeFactory(
            huidige_gevangenis=activiteit.gevangenis, achternaam=achternaam
        ),
        activiteit=activiteit,
        bron=Bron.TRAJECTBEGELEIDER,
        door=door,
        **kwargs,
    )


def _excuseren(inschrijving, door, van, tot=None, reden="advocaat-rechtbank", **kwargs):
    return verontschuldiging_registreren(
        inschrijving=inschrijving, van=van, tot=tot or van, reden=_reden(reden), door=door, **kwargs
    )


@pytest.fixture
def maandag(vandaag):
    """The next Monday: the activiteit fixture has a session then, 09:00–11:00."""
    return vandaag + datetime.timedelta(days=7 - vandaag.weekday())


@pytest.fixture
def vandaag_activiteit(nederlands, antwerpen, sportzaal, vandaag, olga):
    """A group with a session today, 08:00–09:00, and the clock at ten: the session has
    started, so today's register is open whatever the hour the suite runs."""
    with op(vandaag, 10):
        yield _vroege_groep(nederlands, antwerpen, sportzaal, vandaag, olga)


def _vroege_groep(nederlands, antwerpen, sportzaal, vandaag, olga):
    return activiteit_aanmaken(
        aanbod=nederlands, gevangenis=antwerpen, naam="vroeg", lokaal=sportzaal, capaciteit=10,
        startdatum=vandaag - datetime.timedelta(weeks=1),
        einddatum=vandaag + datetime.timedelta(weeks=4),
        slots=[SlotInvoer(weekdag=vandaag.weekday(), begintijd=datetime.time(8),
                          eindtijd=datetime.time(9))],
        door=olga,
    )  # fmt: skip


# --- the service -----------------------------------------------------------------------------


def test_it_excuses_a_participant_and_audits_it(olga, activiteit, vandaag):
    inschrijving = _inschrijven(activiteit, olga)
    verontschuldiging = _excuseren(
        inschrijving, olga, vandaag, vandaag + 3 * DAG, toelichting="  zitting  "
    )
    verontschuldiging.refresh_from_db()
    assert (verontschuldiging.van, verontschuldiging.tot) == (vandaag, vandaag + 3 * DAG)
    assert verontschuldiging.reden.code == "advocaat-rechtbank"
    assert verontschuldiging.toelichting == "zitting"
    assert verontschuldiging.door == olga
    record = Auditrecord.objects.get(
        object_type="deelname.Verontschuldiging", object_id=str(verontschuldiging.pk)
    )
    assert record.actie == "verontschuldiging geregistreerd"
    assert (record.persoon_id, record.gevangenis_id) == (
        inschrijving.gedetineerde_id,
        inschrijving.gevangenis_id,
    )


@pytest.mark.parametrize(
    ("van", "tot", "reden", "veld"),
    [
        (-1, 0, "ziek", "van"),  # a day already past
        (2, 1, "ziek", "tot"),  # the last day before the first
        (0, 0, None, "reden"),
        (None, 0, "ziek", "van"),
        (0, None, "ziek", "tot"),
    ],
)
def test_bad_input_is_a_field_error(olga, activiteit, vandaag, van, tot, reden, veld):
    inschrijving = _inschrijven(activiteit, olga)
    with pytest.raises(ValidationError) as fout:
        verontschuldiging_registreren(
            inschrijving=inschrijving,
            van=None if van is None else vandaag + van * DAG,
            tot=None if tot is None else vandaag + tot * DAG,
            reden=_reden(reden) if reden else None,
            door=olga,
        )
    assert veld in fout.value.message_dict
    assert not Verontschuldiging.objects.exists()


def test_an_inactive_reason_is_refused(olga, activiteit, vandaag):
    inschrijving = _inschrijven(activiteit, olga)
    Afwezigheidsreden.objects.filter(code="ziek").update(actief=False)
    with pytest.raises(ValidationError) as fout:
        _excuseren(inschrijving, olga, vandaag, reden="ziek")
    assert "reden" in fout.value.message_dict


def test_only_a_running_enrolment_of_an_activity_is_excused(olga, activiteit, vandaag):
    activiteit.capaciteit = 1
    activiteit.save()
    _inschrijven(activiteit, olga)
    wachtend = _inschrijven(activiteit, olga)
    assert wachtend.status == "wachtlijst"
    with pytest.raises(ValidationError) as fout:
        _excuseren(wachtend, olga, vandaag)
    assert "ingeschreven of actief" in " ".join(fout.value.messages)
    gestopt = inschrijving_stopzetten(
        inschrijving=wachtend,
        stopreden=Stopreden.objects.get(code="eigen-keuze"),
        beslist_door="deelnemer",
        door=olga,
    )
    with pytest.raises(ValidationError):
        _excuseren(gestopt, olga, vandaag)
    assert not Verontschuldiging.objects.exists()


def test_withdrawing_an_upcoming_excusal_removes_it(olga, activiteit, vandaag):
    verontschuldiging = _excuseren(_inschrijven(activiteit, olga), olga, vandaag + DAG)
    verontschuldiging_intrekken(verontschuldiging=verontschuldiging, door=olga)
    assert not Verontschuldiging.objects.exists()
    assert Auditrecord.objects.filter(
        object_type="deelname.Verontschuldiging", actie="verontschuldiging ingetrokken"
    ).exists()


def test_withdrawing_a_running_excusal_keeps_the_days_past(olga, activiteit, vandaag):
    verontschuldiging = _excuseren(_inschrijven(activiteit, olga), olga, vandaag, vandaag + 5 * DAG)
    Verontschuldiging.objects.filter(pk=verontschuldiging.pk).update(van=vandaag - 2 * DAG)
    verontschuldiging_intrekken(verontschuldiging=verontschuldiging, door=olga)
    verontschuldiging.refresh_from_db()
    assert (verontschuldiging.van, verontschuldiging.tot) == (vandaag - 2 * DAG, vandaag - DAG)
    # What is over cannot be withdrawn.
    with pytest.raises(ValidationError) as fout:
        verontschuldiging_intrekken(verontschuldiging=verontschuldiging, door=olga)
    assert "voorbij" in " ".join(fout.value.messages)


def test_the_database_refuses_an_end_before_the_start(olga, activiteit, vandaag):
    from django.db import IntegrityError, transaction

    inschrijving = _inschrijven(activiteit, olga)
    with pytest.raises(IntegrityError), transaction.atomic():
        Verontschuldiging.objects.create(
            inschrijving=inschrijving, van=vandaag, tot=vandaag - DAG, reden=_reden()
        )


# --- the movement list -----------------------------------------------------------------------


def test_the_movement_list_leaves_off_who_is_excused_that_day(
    client, olga, antwerpen, activiteit, maandag
):
    blijft = _inschrijven(activiteit, olga, "Blijft")
    weg = _inschrijven(activiteit, olga, "Excuus")
    _excuseren(weg, olga, maandag - DAG, maandag + DAG)
    lijst = bewegingslijst(user=olga, gevangenis=antwerpen, datum=maandag)
    bewegingen = [b for slot in lijst.tijdsloten for b in slot.bewegingen]
    assert [b.gedetineerde.pk for b in bewegingen] == [blijft.gedetineerde_id]
    regel = lijst.tijdsloten[0].sessies[0]
    assert (regel.deelnemers, regel.afgemeld, regel.verontschuldigd) == (1, 0, 1)
    # The day after the excusal ends (Thursday), they go again.
    donderdag = maandag + 3 * DAG
    lijst = bewegingslijst(user=olga, gevangenis=antwerpen, datum=donderdag)
    assert lijst.aantal == 2

    client.force_login(olga)
    response = client.get(
        reverse("deelname:bewegingslijst_gevangenis", kwargs={"pk": antwerpen.pk}),
        {"datum": maandag.isoformat()},
    )
    assert "1 verontschuldigd" in " ".join(response.content.decode().split())


def test_registered_attendance_outweighs_the_excusal(olga, antwerpen, vandaag_activiteit, vandaag):
    kwam_toch = _inschrijven(vandaag_activiteit, olga, "Toch")
    _excuseren(kwam_toch, olga, vandaag)
    sessie = vandaag_activiteit.sessies.get(datum=vandaag)
    aanwezigheden_registreren(
        sessie=sessie, registraties=[Registratie(kwam_toch.pk, A.AANWEZIG)], door=olga
    )
    lijst = bewegingslijst(user=olga, gevangenis=antwerpen, datum=vandaag)
    assert lijst.aantal == 1
    assert lijst.tijdsloten[0].sessies[0].verontschuldigd == 0


# --- the attendance register -----------------------------------------------------------------


def test_the_register_starts_an_excused_person_absent_with_the_reason(
    client, olga, vandaag_activiteit, vandaag
):
    aanwezig = _inschrijven(vandaag_activiteit, olga, "Aanwezig")
    excuus = _inschrijven(vandaag_activiteit, olga, "Excuus")
    _excuseren(excuus, olga, vandaag, reden="bezoek", toelichting="familie")
    sessie = vandaag_activiteit.sessies.get(datum=vandaag)

    registraties = {r.inschrijving_id: r for r in iedereen_aanwezig(sessie)}
    assert registraties[aanwezig.pk] == Registratie(aanwezig.pk, A.AANWEZIG)
    assert registraties[excuus.pk] == Registratie(excuus.pk, A.AFWEZIG, "bezoek", "familie")

    client.force_login(olga)
    url = reverse("deelname:sessie_aanwezigheden", args=[sessie.pk])
    response = client.get(url)
    rijen = {r.inschrijving.pk: r for r in response.context["rijen"]}
    assert (rijen[excuus.pk].status, rijen[excuus.pk].reden) == (A.AFWEZIG, "bezoek")
    assert rijen[excuus.pk].verontschuldigd
    assert not rijen[aanwezig.pk].verontschuldigd
    assert f'name="status-{excuus.pk}" value="afwezig" checked' in response.text
    assert "vooraf verontschuldigd" in response.text

    # Only a default: the person came after all.
    response = client.post(
        url, {f"status-{aanwezig.pk}": A.AANWEZIG, f"status-{excuus.pk}": A.TE_LAAT}
    )
    assert response.status_code == 302
    assert Aanwezigheid.objects.get(sessie=sessie, inschrijving=excuus).status == A.TE_LAAT
    rijen = {r.inschrijving.pk: r for r in client.get(url).context["rijen"]}
    assert rijen[excuus.pk].status == A.TE_LAAT
    assert not rijen[excuus.pk].verontschuldigd


# --- the activity page -----------------------------------------------------------------------


def test_the_activity_page_offers_the_action_and_lists_upcoming_excusals(
    client, alice, olga, activiteit, vandaag
):
    inschrijving = _inschrijven(activiteit, olga, "Excuus")
    komend = _excuseren(inschrijving, olga, vandaag + DAG, vandaag + 2 * DAG)
    voorbij = _excuseren(inschrijving, olga, vandaag)
    Verontschuldiging.objects.filter(pk=voorbij.pk).update(van=vandaag - 3 * DAG, tot=vandaag - DAG)
    client.force_login(alice)
    response = client.get(reverse("deelname:activiteit", args=[activiteit.pk]))
    assert reverse("deelname:inschrijving_verontschuldigen", args=[inschrijving.pk]) in (
        response.text
    )
    assert response.context["verontschuldigingen"] == [komend]
    assert reverse("deelname:verontschuldiging_intrekken", args=[komend.pk]) in response.text


def test_the_form_excuses_a_participant(client, alice, olga, activiteit, vandaag):
    inschrijving = _inschrijven(activiteit, olga)
    client.force_login(alice)
    url = reverse("deelname:inschrijving_verontschuldigen", args=[inschrijving.pk])
    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "van": (vandaag + DAG).isoformat(),
            "tot": (vandaag + 4 * DAG).isoformat(),
            "reden": _reden("uitgaansvergunning").pk,
            "toelichting": "verlof",
        },
    )
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("deelname:activiteit", args=[activiteit.pk]))
    verontschuldiging = Verontschuldiging.objects.get(inschrijving=inschrijving)
    assert (verontschuldiging.tot, verontschuldiging.door) == (vandaag + 4 * DAG, alice)


def test_the_form_shows_the_services_errors_on_their_fields(
    client, alice, olga, activiteit, vandaag
):
    inschrijving = _inschrijven(activiteit, olga)
    client.force_login(alice)
    url = reverse("deelname:inschrijving_verontschuldigen", args=[inschrijving.pk])
    response = client.post(
        url,
        {
            "van": (vandaag - DAG).isoformat(),
            "tot": (vandaag - 2 * DAG).isoformat(),
            "reden": _reden().pk,
        },
    )
    assert response.status_code == 200
    form = response.context["form"]
    assert "van" in form.errors
    assert "tot" in form.errors
    response = client.post(url, {"van": "", "tot": "", "reden": ""})
    assert set(response.context["form"].errors) == {"van", "tot", "reden"}
    assert not Verontschuldiging.objects.exists()


def test_the_withdraw_button(client, alice, olga, activiteit, vandaag):
    verontschuldiging = _excuseren(_inschrijven(activiteit, olga), olga, vandaag + DAG)
    client.force_login(alice)
    url = reverse("deelname:verontschuldiging_intrekken", args=[verontschuldiging.pk])
    assert client.get(url).status_code == 405
    response = client.post(url)
    assert response.status_code == 302
    assert not Verontschuldiging.objects.exists()


def test_another_prisons_excusal_is_not_found(client, charlie, olga, activiteit, vandaag):
    verontschuldiging = _excuseren(_inschrijven(activiteit, olga), olga, vandaag + DAG)
    client.force_login(charlie)
    url = reverse("deelname:verontschuldiging_intrekken", args=[verontschuldiging.pk])
    assert client.post(url).status_code == 404
    assert Verontschuldiging.objects.exists()


# --- who excuses: the offer's organisation, the organisation support, a trajectbegeleider -----


@pytest.fixture
def carla(antwerpen, cvo):
    """Staff of the CVO, whose course it is."""
    return _medewerker("carla", cvo, [antwerpen], rollen.HULPVERLENER)


@pytest.mark.parametrize("gebruiker", ["alice", "carla", "olga"])
def test_the_begeleider_the_offers_organisation_and_the_planner_excuse(
    olga, activiteit, vandaag, request, gebruiker
):
    """alice is the person's trajectbegeleider (CAW): the person tells her they won't come."""
    door = request.getfixturevalue(gebruiker)
    verontschuldiging = _excuseren(_inschrijven(activiteit, olga), door, vandaag + DAG)
    assert verontschuldiging.door == door
    verontschuldiging_intrekken(verontschuldiging=verontschuldiging, door=door)
    assert not Verontschuldiging.objects.exists()


def test_staff_of_another_organisation_do_not_excuse(bob, olga, activiteit, vandaag):
    """bob (VDAB hulpverlener) is neither the course's organisation nor a trajectbegeleider."""
    inschrijving = _inschrijven(activiteit, olga)
    with pytest.raises(PermissionDenied):
        _excuseren(inschrijving, bob, vandaag + DAG)
    assert not Verontschuldiging.objects.exists()
    verontschuldiging = _excuseren(inschrijving, olga, vandaag + DAG)
    with pytest.raises(PermissionDenied):
        verontschuldiging_intrekken(verontschuldiging=verontschuldiging, door=bob)
    assert Verontschuldiging.objects.filter(pk=verontschuldiging.pk).exists()


def test_a_trajectbegeleider_of_another_prison_does_not_excuse(charlie, olga, activiteit, vandaag):
    inschrijving = _inschrijven(activiteit, olga)
    with pytest.raises(PermissionDenied):
        _excuseren(inschrijving, charlie, vandaag + DAG)
    assert not Verontschuldiging.objects.exists()


def test_bob_gets_403_and_no_buttons_on_the_page(client, bob, olga, activiteit, vandaag):
    inschrijving = _inschrijven(activiteit, olga)
    verontschuldiging = _excuseren(inschrijving, olga, vandaag + DAG)
    client.force_login(bob)
    url = reverse("deelname:inschrijving_verontschuldigen", args=[inschrijving.pk])
    assert client.get(url).status_code == 403
    data = {"van": vandaag.isoformat(), "tot": vandaag.isoformat(), "reden": _reden().pk}
    assert client.post(url, data).status_code == 403
    intrekken = reverse("deelname:verontschuldiging_intrekken", args=[verontschuldiging.pk])
    assert client.post(intrekken).status_code == 403
    assert list(Verontschuldiging.objects.all()) == [verontschuldiging]
    pagina = client.get(reverse("deelname:activiteit", args=[activiteit.pk]))
    assert pagina.status_code == 200
    assert url not in pagina.text
    assert intrekken not in pagina.text
