"""The deelname API: enrolments and their transitions, waiting lists, a session's register."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse

from aanbod.services.annuleringen import sessie_annuleren
from aanbod.services.catalogus import aanbod_in_gevangenis_opnemen
from aanbod.services.planning import SlotInvoer, activiteit_aanmaken
from deelname.models import (
    Aanwezigheid,
    Aanwezigheidswijziging,
    Afwezigheidsreden,
    Bron,
    Inschrijving,
    Status,
    Stopreden,
)
from deelname.services.inschrijvingen import inschrijving_aanvragen, inschrijving_stopzetten
from deelname.services.verontschuldigingen import verontschuldiging_registreren
from hdv import rollen
from hdv.models import Auditrecord
from tests.conftest import _medewerker
from tests.deelname.klok import op
from tests.factories import GedetineerdeFactory

pytestmark = pytest.mark.django_db


def _post(client, url, data=None):
    return client.post(url, data or {}, content_type="application/json")


def _put(client, url, data):
    return client.put(url, data, content_type="application/json")


def _inschrijven(gedetineerde, activiteit, door, **kwargs):
    return inschrijving_aanvragen(
        gedetineerde=gedetineerde,
        activiteit=activiteit,
        bron=Bron.TRAJECTBEGELEIDER,
        door=door,
        **kwargs,
    )


@pytest.fixture
def mensen(antwerpen):
    return [
        GedetineerdeFactory(huidige_gevangenis=antwerpen, achternaam=f"Persoon{i}")
        for i in range(3)
    ]


@pytest.fixture
def groep(nederlands, antwerpen, sportzaal, vandaag, olga):
    """Meets every week on today's weekday, from two weeks ago; two places."""
    return activiteit_aanmaken(
        aanbod=nederlands, gevangenis=antwerpen, startdatum=vandaag - datetime.timedelta(days=14),
        einddatum=vandaag + datetime.timedelta(weeks=4), lokaal=sportzaal, capaciteit=2,
        slots=[SlotInvoer(weekdag=vandaag.weekday(), begintijd=datetime.time(9), eindtijd=datetime.time(11))],
        door=olga,
    )  # fmt: skip


@pytest.fixture
def sessie_vandaag(groep, vandaag):
    """Today 9–11, with the clock at noon: started, whatever the hour the suite runs."""
    with op(vandaag, 12):
        yield groep.sessies.get(datum=vandaag)


@pytest.fixture
def ingeschreven(groep, mensen, olga):
    """The first two people have the two places; the third waits."""
    return [_inschrijven(p, groep, olga) for p in mensen]


@pytest.fixture
def inschrijving_gent(nederlands, gent, lokaal_gent, persoon_gent, vandaag, gert):
    aanbod_in_gevangenis_opnemen(aanbod=nederlands, gevangenis=gent, sinds=vandaag, door=None)
    activiteit = activiteit_aanmaken(
        aanbod=nederlands, gevangenis=gent, startdatum=vandaag,
        einddatum=vandaag + datetime.timedelta(weeks=2), lokaal=lokaal_gent, capaciteit=8,
        slots=[SlotInvoer(weekdag=vandaag.weekday(), begintijd=datetime.time(10), eindtijd=datetime.time(12))],
        door=gert,
    )  # fmt: skip
    return _inschrijven(persoon_gent, activiteit, gert)


@pytest.fixture
def carla(antwerpen, cvo):
    """Staff of the organisation that gives the course: registers its attendance."""
    return _medewerker("carla", cvo, [antwerpen], rollen.HULPVERLENER)


# --- Enrolments: reading ---------------------------------------------------------------


def test_it_lists_only_the_enrolments_of_ones_own_prisons(
    client, alice, eva, ingeschreven, inschrijving_gent
):
    client.force_login(alice)
    data = client.get(reverse("api:inschrijvingen")).json()
    assert data["count"] == 3
    assert {i["gevangenis"] for i in data["results"]} == {"ANT"}
    eerste = data["results"][-1]
    assert (eerste["id"], eerste["status"], eerste["titel"], eerste["gedetineerde"]["achternaam"]) == (
        ingeschreven[0].pk,
        "ingeschreven",
        "Nederlands tweede taal A1",
        "Persoon0",
    )  # fmt: skip
    client.force_login(eva)
    assert client.get(reverse("api:inschrijvingen")).json()["count"] == 4


def test_the_enrolments_filter(client, alice, groep, ingeschreven, api_inschrijving, activiteit):
    client.force_login(alice)
    url = reverse("api:inschrijvingen")

    def ids(**params):
        response = client.get(url, params)
        assert response.status_code == 200, response.content
        return {i["id"] for i in response.json()["results"]}

    assert ids(status="wachtlijst") == {ingeschreven[2].pk}
    assert ids(activiteit=activiteit.pk) == {api_inschrijving.pk}
    assert ids(gedetineerde=ingeschreven[1].gedetineerde_id) == {ingeschreven[1].pk}
    assert ids(aanbod=groep.aanbod_id, status="ingeschreven") == {
        ingeschreven[0].pk,
        ingeschreven[1].pk,
        api_inschrijving.pk,
    }
    assert client.get(url, {"status": "onbekend"}).status_code == 400


def test_the_enrolment_list_pins_its_queries(
    client, alice, ingeschreven, api_inschrijving, django_assert_num_queries
):
    client.force_login(alice)
    client.get(reverse("api:inschrijvingen"))
    # session, user, 2× permissions, prisons, count, page with person, prison, offer and
    # stop reason joined, session save (3)
    # + the user's organisation, to know who may see confidential offers' participants
    with django_assert_num_queries(11):
        data = client.get(reverse("api:inschrijvingen")).json()
    assert data["count"] == 4


def test_the_detail_of_an_enrolment_shows_its_steps(client, alice, ingeschreven):
    client.force_login(alice)
    wachtend = ingeschreven[2]
    data = client.get(reverse("api:inschrijving", args=[wachtend.pk])).json()
    assert data["status"] == "wachtlijst"
    assert [(s["van_status"], s["naar_status"]) for s in data["stappen"]] == [
        ("", "aangevraagd"),
        ("aangevraagd", "wachtlijst"),
    ]
    # Opening an enrolment is a read of the person's file, and recorded as such.
    assert Auditrecord.objects.filter(
        soort=Auditrecord.Soort.INZAGE, object_id=str(wachtend.pk), door=alice
    ).exists()


def test_an_enrolment_of_another_prison_is_a_404(client, charlie, api_inschrijving):
    client.force_login(charlie)
    pk = api_inschrijving.pk
    assert client.get(reverse("api:inschrijving", args=[pk])).status_code == 404
    for naam in ["inschrijving_plaatsen", "inschrijving_stopzetten", "inschrijving_afronden"]:
        assert _post(client, reverse(f"api:{naam}", args=[pk])).status_code == 404, naam
    api_inschrijving.refresh_from_db()
    assert api_inschrijving.status == Status.INGESCHREVEN


# --- Enrolments: asking for one --------------------------------------------------------


def test_it_enrols_and_a_full_activity_puts_on_the_waiting_list(client, alice, groep, mensen):
    client.force_login(alice)
    statussen = []
    for persoon in mensen:
        response = _post(
            client,
            reverse("api:inschrijvingen"),
            {"gedetineerde": persoon.pk, "activiteit": groep.pk, "bron": "eigen_aanvraag"},
        )
        assert response.status_code == 201, response.content
        statussen.append(response.json()["status"])
    assert statussen == ["ingeschreven", "ingeschreven", "wachtlijst"]
    data = response.json()
    assert (data["bron"], data["prioriteit"], data["gedetineerde"]["id"]) == (
        "eigen_aanvraag",
        2,
        mensen[2].pk,
    )
    assert [s["naar_status"] for s in data["stappen"]] == ["aangevraagd", "wachtlijst"]


def test_a_request_only_is_recorded_without_a_place(client, alice, groep, persoon):
    client.force_login(alice)
    response = _post(
        client,
        reverse("api:inschrijvingen"),
        {"gedetineerde": persoon.pk, "activiteit": groep.pk, "bron": "andere", "plaatsen": False},
    )
    assert response.status_code == 201
    assert response.json()["status"] == "aangevraagd"


def test_a_warning_is_answered_with_its_code_and_can_be_overridden(
    client, alice, groep, persoon, vandaag
):
    persoon.strafeinde = vandaag + datetime.timedelta(days=7)
    persoon.save()
    client.force_login(alice)
    vraag = {"gedetineerde": persoon.pk, "activiteit": groep.pk, "bron": "trajectbegeleider"}
    response = _post(client, reverse("api:inschrijvingen"), vraag)
    assert response.status_code == 400
    [waarschuwing] = response.json()["waarschuwingen"]
    assert waarschuwing["code"] == "detentie"
    assert "vrijlating" in waarschuwing["tekst"]
    assert not Inschrijving.objects.exists()

    vraag["overschrijven"] = {"detentie": "Het eerste deel is al nuttig."}
    response = _post(client, reverse("api:inschrijvingen"), vraag)
    assert response.status_code == 201, response.content
    [overschreven] = response.json()["overschreven_waarschuwingen"]
    assert (overschreven["code"], overschreven["reden"]) == (
        "detentie",
        "Het eerste deel is al nuttig.",
    )


def test_bad_enrolments_are_field_errors_and_save_nothing(
    client, alice, groep, persoon, persoon_gent, api_inschrijving, activiteit
):
    client.force_login(alice)
    url = reverse("api:inschrijvingen")
    voor = Inschrijving.objects.count()
    leeg = _post(client, url, {})
    assert leeg.status_code == 400
    assert set(leeg.json()) == {"gedetineerde", "bron"}
    # A person of another prison "does not exist" for alice.
    gent = _post(
        client, url, {"gedetineerde": persoon_gent.pk, "activiteit": groep.pk, "bron": "andere"}
    )
    assert gent.status_code == 400
    assert "gedetineerde" in gent.json()
    zonder_doel = _post(client, url, {"gedetineerde": persoon.pk, "bron": "andere"})
    assert zonder_doel.status_code == 400
    assert "activiteit" in zonder_doel.json()
    groepsaanbod = _post(
        client, url, {"gedetineerde": persoon.pk, "aanbod": groep.aanbod_id, "bron": "andere"}
    )
    assert groepsaanbod.status_code == 400
    assert "activiteit" in groepsaanbod.json()
    # Jan is already in the course: a double submit is refused, no second row.
    dubbel = _post(
        client, url, {"gedetineerde": persoon.pk, "activiteit": activiteit.pk, "bron": "andere"}
    )
    assert dubbel.status_code == 400
    assert "gedetineerde" in dubbel.json()
    te_hoog = _post(
        client,
        url,
        {"gedetineerde": persoon.pk, "activiteit": groep.pk, "bron": "andere", "prioriteit": 9},
    )
    assert set(te_hoog.json()) == {"prioriteit"}
    assert Inschrijving.objects.count() == voor


def test_only_those_who_enrol_may_ask(client, eva, groep, persoon):
    client.force_login(eva)
    response = _post(
        client,
        reverse("api:inschrijvingen"),
        {"gedetineerde": persoon.pk, "activiteit": groep.pk, "bron": "andere"},
    )
    assert response.status_code == 403
    assert not Inschrijving.objects.exists()


# --- Transitions -----------------------------------------------------------------------


def test_a_stop_needs_a_reason_and_who_decided(client, olga, api_inschrijving):
    client.force_login(olga)
    url = reverse("api:inschrijving_stopzetten", args=[api_inschrijving.pk])
    response = _post(client, url, {"beslist_door": "deelnemer"})
    assert response.status_code == 400
    assert set(response.json()) == {"stopreden"}
    response = _post(client, url, {"stopreden": "bestaat-niet", "beslist_door": "iemand"})
    assert set(response.json()) == {"stopreden", "beslist_door"}
    api_inschrijving.refresh_from_db()
    assert api_inschrijving.status == Status.INGESCHREVEN

    response = _post(
        client, url, {"stopreden": "eigen-keuze", "beslist_door": "deelnemer", "toelichting": "Werkt"}
    )  # fmt: skip
    assert response.status_code == 200, response.content
    data = response.json()
    assert (data["status"], data["stopreden"], data["gestopt_door"]) == (
        "stopgezet",
        "eigen-keuze",
        "deelnemer",
    )
    assert data["stappen"][-1]["toelichting"] == "Werkt"
    # A stopped enrolment does not stop twice: the workflow refuses it.
    opnieuw = _post(client, url, {"stopreden": "andere", "beslist_door": "begeleider"})
    assert opnieuw.status_code == 400
    assert "status" in opnieuw.json()


def test_a_completion_records_the_exam_and_certificate(client, carla, api_inschrijving):
    client.force_login(carla)  # the CVO gives the course
    url = reverse("api:inschrijving_afronden", args=[api_inschrijving.pk])
    response = _post(client, url, {"examen_afgelegd": False, "examen_geslaagd": True})
    assert response.status_code == 400
    assert "examen_geslaagd" in response.json()
    api_inschrijving.refresh_from_db()
    assert api_inschrijving.status == Status.INGESCHREVEN

    response = _post(
        client, url, {"examen_afgelegd": True, "examen_geslaagd": True, "attest": True}
    )
    assert response.status_code == 200, response.content
    data = response.json()
    assert (data["status"], data["examen_afgelegd"], data["examen_geslaagd"], data["attest"]) == (
        "afgerond",
        True,
        True,
        True,
    )


def test_a_freed_place_goes_to_the_first_who_waits(client, olga, alice, ingeschreven, groep):
    eerste, _, wachtend = ingeschreven
    client.force_login(olga)
    # Full: the one who waits cannot be placed.
    vol = _post(client, reverse("api:inschrijving_plaatsen", args=[wachtend.pk]))
    assert vol.status_code == 400
    assert "status" in vol.json()
    inschrijving_stopzetten(
        inschrijving=eerste,
        stopreden=Stopreden.objects.get(code="overplaatsing"),
        beslist_door="systeem",
        door=olga,
    )
    url = reverse("api:volgende_plaatsen", args=[groep.pk])
    response = _post(client, url)
    assert response.status_code == 200, response.content
    assert (response.json()["id"], response.json()["status"]) == (wachtend.pk, "ingeschreven")
    niemand = _post(client, url)
    assert niemand.status_code == 400
    assert "non_field_errors" in niemand.json()


def test_a_request_is_placed(client, alice, olga, groep, persoon):
    aanvraag = _inschrijven(persoon, groep, alice, plaatsen=False)
    client.force_login(olga)
    response = _post(client, reverse("api:inschrijving_plaatsen", args=[aanvraag.pk]))
    assert response.status_code == 200, response.content
    assert [s["naar_status"] for s in response.json()["stappen"]] == ["aangevraagd", "ingeschreven"]


def test_transitions_need_the_right_to_enrol(client, eva, api_inschrijving):
    client.force_login(eva)
    for naam in ["inschrijving_plaatsen", "inschrijving_stopzetten", "inschrijving_afronden"]:
        url = reverse(f"api:{naam}", args=[api_inschrijving.pk])
        assert _post(client, url).status_code == 403, naam


# --- Who manages an enrolment: the offer's organisation, or the organisation support -----


def _status(inschrijving):
    inschrijving.refresh_from_db()
    return inschrijving.status


@pytest.mark.parametrize("gebruiker", ["alice", "bob"])
def test_staff_of_another_organisation_may_not_place_stop_or_complete(
    client, request, gebruiker, groep, ingeschreven
):
    """alice (CAW) and bob (VDAB) may enrol people, but the course is the CVO's."""
    eerste, tweede, wachtend = ingeschreven
    client.force_login(request.getfixturevalue(gebruiker))
    stop = _post(
        client,
        reverse("api:inschrijving_stopzetten", args=[eerste.pk]),
        {"stopreden": "eigen-keuze", "beslist_door": "deelnemer"},
    )
    assert stop.status_code == 403
    assert "CVO Antwerpen" in stop.json()["detail"]
    # Refused before the input is read: an empty body is a 403 too, never a 400.
    for naam, pk in [
        ("inschrijving_stopzetten", eerste.pk),
        ("inschrijving_afronden", tweede.pk),
        ("inschrijving_plaatsen", wachtend.pk),
        ("volgende_plaatsen", groep.pk),
    ]:
        assert _post(client, reverse(f"api:{naam}", args=[pk])).status_code == 403, naam
    assert [_status(i) for i in ingeschreven] == [
        Status.INGESCHREVEN,
        Status.INGESCHREVEN,
        Status.WACHTLIJST,
    ]


@pytest.mark.parametrize("gebruiker", ["carla", "olga"])
def test_the_offers_organisation_and_the_organisation_support_manage(
    client, request, gebruiker, groep, ingeschreven
):
    """carla gives the course (CVO); olga plans the prison's activities."""
    eerste, tweede, wachtend = ingeschreven
    client.force_login(request.getfixturevalue(gebruiker))
    stop = _post(
        client,
        reverse("api:inschrijving_stopzetten", args=[eerste.pk]),
        {"stopreden": "eigen-keuze", "beslist_door": "deelnemer"},
    )
    assert stop.status_code == 200, stop.content
    volgende = _post(client, reverse("api:volgende_plaatsen", args=[groep.pk]))
    assert (volgende.status_code, volgende.json()["id"]) == (200, wachtend.pk)
    afronden = _post(client, reverse("api:inschrijving_afronden", args=[tweede.pk]))
    assert afronden.status_code == 200, afronden.content
    assert [_status(i) for i in ingeschreven] == [
        Status.STOPGEZET,
        Status.AFGEROND,
        Status.INGESCHREVEN,
    ]


def test_placing_out_of_turn_needs_a_reason(client, olga, ingeschreven, wachtenden):
    derde, gewoon, dringend = wachtenden  # in line: dringend, derde, gewoon
    inschrijving_stopzetten(
        inschrijving=ingeschreven[0],
        stopreden=Stopreden.objects.get(code="eigen-keuze"),
        beslist_door="deelnemer",
        door=olga,
    )
    client.force_login(olga)
    url = reverse("api:inschrijving_plaatsen", args=[gewoon.pk])
    geweigerd = _post(client, url)
    assert geweigerd.status_code == 400
    [fout] = geweigerd.json()["voorrang"]
    assert dringend.gedetineerde.volledige_naam in fout
    assert _status(gewoon) == Status.WACHTLIJST
    assert _post(client, url, {"voorrang": "   "}).status_code == 400

    reden = "Vrij binnen drie weken: de laatste module is nu."
    response = _post(client, url, {"voorrang": reden})
    assert response.status_code == 200, response.content
    data = response.json()
    assert data["status"] == "ingeschreven"
    assert data["stappen"][-1]["toelichting"] == f"Voorrang: {reden}"
    audit = Auditrecord.objects.filter(object_id=str(gewoon.pk)).latest("id")
    assert (audit.actie, audit.velden, audit.door) == (
        "inschrijving ingeschreven met voorrang",
        ["status", "voorrang"],
        olga,
    )
    assert [_status(w) for w in (dringend, derde)] == [Status.WACHTLIJST] * 2


# --- Waiting list ----------------------------------------------------------------------


@pytest.fixture
def wachtenden(groep, ingeschreven, antwerpen, olga):
    """Behind the third person: one of normal priority, then one of high priority."""
    gewoon = GedetineerdeFactory(huidige_gevangenis=antwerpen, achternaam="Gewoon")
    dringend = GedetineerdeFactory(huidige_gevangenis=antwerpen, achternaam="Dringend")
    return [
        ingeschreven[2],
        _inschrijven(gewoon, groep, olga),
        _inschrijven(dringend, groep, olga, prioriteit=1),
    ]


def test_the_waiting_list_in_order_with_position_and_days_waited(client, alice, groep, wachtenden):
    derde, gewoon, dringend = wachtenden
    Inschrijving.objects.filter(pk=derde.pk).update(
        aangevraagd_op=derde.aangevraagd_op - datetime.timedelta(days=12)
    )
    client.force_login(alice)
    data = client.get(reverse("api:activiteit_wachtlijst", args=[groep.pk])).json()
    assert data["count"] == 3
    assert [(w["id"], w["positie"], w["dagen_gewacht"]) for w in data["results"]] == [
        (dringend.pk, 1, 0),
        (derde.pk, 2, 12),
        (gewoon.pk, 3, 0),
    ]
    # The positions hold on every page.
    tweede = client.get(
        reverse("api:activiteit_wachtlijst", args=[groep.pk]), {"page_size": 2, "page": 2}
    )
    assert [(w["id"], w["positie"]) for w in tweede.json()["results"]] == [(gewoon.pk, 3)]  # fmt: skip


def test_the_waiting_list_pins_its_queries(
    client, alice, groep, wachtenden, django_assert_num_queries
):
    client.force_login(alice)
    url = reverse("api:activiteit_wachtlijst", args=[groep.pk])
    client.get(url)
    # session, user, 2× permissions, prisons, activity, count, page with person joined,
    # session save (3)
    # + the user's organisation, to know who may see confidential offers' participants
    with django_assert_num_queries(12):
        assert client.get(url).json()["count"] == 3


def test_the_waiting_list_of_another_prison_is_a_404(client, charlie, gert, groep, wachtenden):
    client.force_login(charlie)
    assert client.get(reverse("api:activiteit_wachtlijst", args=[groep.pk])).status_code == 404
    client.force_login(gert)
    assert _post(client, reverse("api:volgende_plaatsen", args=[groep.pk])).status_code == 404
    assert Inschrijving.objects.filter(status=Status.WACHTLIJST).count() == 3


# --- Attendance ------------------------------------------------------------------------


def _register(client, sessie):
    response = client.get(reverse("api:sessie_aanwezigheden", args=[sessie.pk]))
    assert response.status_code == 200, response.content
    return response.json()


def test_the_register_lists_the_enrolled_people(client, alice, sessie_vandaag, ingeschreven):
    client.force_login(alice)
    data = _register(client, sessie_vandaag)
    assert (data["sessie"], data["geannuleerd"], data["wijzigbaar"]) == (
        sessie_vandaag.pk,
        False,
        False,  # alice reads, she does not register
    )
    # The one who waits is not on the register.
    assert [(r["inschrijving"], r["status"], r["reden"]) for r in data["rijen"]] == [
        (ingeschreven[0].pk, None, None),
        (ingeschreven[1].pk, None, None),
    ]


def test_one_request_registers_the_whole_session(client, olga, sessie_vandaag, ingeschreven):
    eerste, tweede, _ = ingeschreven
    client.force_login(olga)
    url = reverse("api:sessie_aanwezigheden", args=[sessie_vandaag.pk])
    assert _register(client, sessie_vandaag)["wijzigbaar"] is True
    vraag = {
        "iedereen_aanwezig": True,
        "registraties": [{"inschrijving": tweede.pk, "status": "afwezig", "reden": "ziek"}],
    }
    response = _put(client, url, vraag)
    assert response.status_code == 200, response.content
    assert [(r["inschrijving"], r["status"], r["reden"]) for r in response.json()["rijen"]] == [
        (eerste.pk, "aanwezig", None),
        (tweede.pk, "afwezig", "ziek"),
    ]
    # Being there makes the enrolment active; an absence does not.
    eerste.refresh_from_db()
    tweede.refresh_from_db()
    assert (eerste.status, tweede.status) == (Status.ACTIEF, Status.INGESCHREVEN)

    # The same again, by PUT or by POST: one row per person, no new history.
    assert _put(client, url, vraag).status_code == 200
    assert client.post(url, vraag, content_type="application/json").status_code == 200
    assert Aanwezigheid.objects.filter(sessie=sessie_vandaag).count() == 2
    assert Aanwezigheidswijziging.objects.count() == 2

    # A correction is one change more.
    correctie = {"registraties": [{"inschrijving": tweede.pk, "status": "te_laat"}]}
    assert _put(client, url, correctie).status_code == 200
    assert Aanwezigheid.objects.get(inschrijving=tweede).status == "te_laat"
    assert Aanwezigheidswijziging.objects.count() == 3


def test_a_bad_row_refuses_the_register_and_names_the_row(
    client, olga, sessie_vandaag, ingeschreven
):
    eerste, tweede, wachtend = ingeschreven
    client.force_login(olga)
    url = reverse("api:sessie_aanwezigheden", args=[sessie_vandaag.pk])
    ongeldig = _put(client, url, {"registraties": [
        {"inschrijving": eerste.pk, "status": "aanwezig"},
        {"inschrijving": tweede.pk, "status": "misschien"},
    ]})  # fmt: skip
    assert ongeldig.status_code == 400
    # Keyed by the row's position in the request.
    assert list(ongeldig.json()["registraties"]) == ["1"]
    assert "status" in ongeldig.json()["registraties"]["1"]

    zonder_reden = _put(client, url, {"registraties": [
        {"inschrijving": eerste.pk, "status": "aanwezig"},
        {"inschrijving": tweede.pk, "status": "afwezig"},
    ]})  # fmt: skip
    assert zonder_reden.status_code == 400
    naam = tweede.gedetineerde.volledige_naam
    assert any(naam in fout for fout in zonder_reden.json()["registraties"])

    niet_ingeschreven = _put(client, url, {"registraties": [
        {"inschrijving": wachtend.pk, "status": "aanwezig"},
    ]})  # fmt: skip
    assert niet_ingeschreven.status_code == 400
    assert str(wachtend.pk) in niet_ingeschreven.json()["registraties"][0]

    assert _put(client, url, {}).status_code == 400
    assert not Aanwezigheid.objects.exists()


@pytest.mark.parametrize(
    ("dagen", "melding"),
    [(7, "begint pas op"), (-14, "vergrendeld")],
)
def test_a_future_or_locked_session_is_refused(
    client, olga, groep, ingeschreven, vandaag, dagen, melding
):
    sessie = groep.sessies.get(datum=vandaag + datetime.timedelta(days=dagen))
    client.force_login(olga)
    url = reverse("api:sessie_aanwezigheden", args=[sessie.pk])
    response = _put(client, url, {"iedereen_aanwezig": True})
    assert response.status_code == 400
    [fout] = response.json()["non_field_errors"]
    assert melding in fout
    assert _register(client, sessie)["wijzigbaar"] is False
    assert not Aanwezigheid.objects.exists()


def test_a_cancelled_session_records_no_attendance(
    client, olga, sessie_vandaag, ingeschreven, staking
):
    sessie_annuleren(sessie=sessie_vandaag, reden=staking, door=olga)
    client.force_login(olga)
    url = reverse("api:sessie_aanwezigheden", args=[sessie_vandaag.pk])
    response = _put(client, url, {"iedereen_aanwezig": True})
    assert response.status_code == 400
    assert "geannuleerd" in response.json()["non_field_errors"][0]
    assert _register(client, sessie_vandaag)["geannuleerd"] is True
    assert not Aanwezigheid.objects.exists()


def test_provider_staff_register_only_their_own_offer(
    client, alice, bob, carla, gert, sessie_vandaag, ingeschreven
):
    url = reverse("api:sessie_aanwezigheden", args=[sessie_vandaag.pk])
    vraag = {"iedereen_aanwezig": True}
    client.force_login(alice)  # no right to register attendance
    assert _put(client, url, vraag).status_code == 403
    client.force_login(bob)  # VDAB does not give this course
    assert _put(client, url, vraag).status_code == 403
    client.force_login(gert)  # another prison
    assert _put(client, url, vraag).status_code == 404
    assert client.get(url).status_code == 404
    assert not Aanwezigheid.objects.exists()
    client.force_login(carla)  # the CVO gives the course
    assert _put(client, url, vraag).status_code == 200
    assert Aanwezigheid.objects.filter(geregistreerd_door=carla).count() == 2


def test_the_register_pins_its_queries(
    client, olga, sessie_vandaag, ingeschreven, django_assert_num_queries
):
    client.force_login(olga)
    url = reverse("api:sessie_aanwezigheden", args=[sessie_vandaag.pk])
    _put(client, url, {"iedereen_aanwezig": True})
    # session, user, 2× permissions, prisons, the session with activity and offer,
    # attendance with reasons, enrolments with people, their steps, session save (3)
    with django_assert_num_queries(12):
        data = client.get(url).json()
    assert [r["status"] for r in data["rijen"]] == ["aanwezig", "aanwezig"]


def _excuseren(inschrijving, door, dag, reden="advocaat-rechtbank", toelichting=""):
    return verontschuldiging_registreren(
        inschrijving=inschrijving,
        van=dag,
        tot=dag,
        reden=Afwezigheidsreden.objects.get(code=reden),
        toelichting=toelichting,
        door=door,
    )


def test_the_register_shows_an_excusal_in_advance_until_someone_registers(
    client, olga, sessie_vandaag, ingeschreven, vandaag
):
    eerste, tweede, _wachtend = ingeschreven
    _excuseren(tweede, olga, vandaag, toelichting="Zitting om 10 uur")
    client.force_login(olga)
    rijen = {r["inschrijving"]: r for r in _register(client, sessie_vandaag)["rijen"]}
    assert rijen[eerste.pk]["verontschuldiging"] is None
    assert (rijen[tweede.pk]["status"], rijen[tweede.pk]["verontschuldiging"]) == (
        None,  # nothing registered yet
        {
            "reden": "advocaat-rechtbank",
            "toelichting": "Zitting om 10 uur",
            "van": vandaag.isoformat(),
            "tot": vandaag.isoformat(),
        },
    )
    # As on the screen: "everyone present" leaves the excused person absent with the reason,
    # and what is registered replaces the excusal on the row.
    url = reverse("api:sessie_aanwezigheden", args=[sessie_vandaag.pk])
    data = _put(client, url, {"iedereen_aanwezig": True}).json()
    assert [
        (r["inschrijving"], r["status"], r["reden"], r["verontschuldiging"]) for r in data["rijen"]
    ] == [
        (eerste.pk, "aanwezig", None, None),
        (tweede.pk, "afwezig", "advocaat-rechtbank", None),
    ]


def test_an_excusal_for_another_day_is_not_on_the_register(
    client, olga, sessie_vandaag, ingeschreven, vandaag
):
    _excuseren(ingeschreven[0], olga, vandaag + datetime.timedelta(days=1))
    client.force_login(olga)
    rijen = _register(client, sessie_vandaag)["rijen"]
    assert [r["verontschuldiging"] for r in rijen] == [None, None]


def test_the_register_with_excusals_pins_its_queries(
    client, olga, sessie_vandaag, ingeschreven, vandaag, django_assert_num_queries
):
    for inschrijving in ingeschreven[:2]:
        _excuseren(inschrijving, olga, vandaag)
    client.force_login(olga)
    url = reverse("api:sessie_aanwezigheden", args=[sessie_vandaag.pk])
    client.get(url)
    # session, user, 2× permissions, prisons, the session with activity and offer,
    # attendance with reasons, enrolments with people, their steps, the excusals with
    # their reasons (one query for all), session save (3)
    with django_assert_num_queries(13):
        data = client.get(url).json()
    assert [r["verontschuldiging"]["reden"] for r in data["rijen"]] == ["advocaat-rechtbank"] * 2


# --- Reference tables and schema -------------------------------------------------------


def test_the_reference_tables(client, alice):
    client.force_login(alice)
    redenen = client.get(reverse("api:afwezigheidsredenen"), {"aanvaardbaar": "false"}).json()
    assert {r["code"] for r in redenen["results"]} == {
        "weigering",
        "werk-in-de-gevangenis",
        "andere",
    }
    stop = client.get(reverse("api:stopredenen")).json()
    assert stop["count"] == 10
    assert "eigen-keuze" in {r["code"] for r in stop["results"]}


def test_the_deelname_api_is_in_the_schema_without_warnings(tmp_path):
    call_command("spectacular", "--fail-on-warn", "--file", str(tmp_path / "schema.yml"))
    schema = (tmp_path / "schema.yml").read_text()
    for pad in [
        "/api/v1/inschrijvingen/{id}/stopzetten/",
        "/api/v1/activiteiten/{id}/wachtlijst/",
        "/api/v1/activiteiten/{id}/volgende-plaatsen/",
        "/api/v1/sessies/{id}/aanwezigheden/",
        "/api/v1/stopredenen/",
    ]:
        assert f"{pad}:" in schema, pad
