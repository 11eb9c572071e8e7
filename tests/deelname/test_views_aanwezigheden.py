"""The attendance register of a session: all present, then the exceptions; errors per row
with nothing saved; read-only when cancelled, in the future or locked; history."""

import datetime

import pytest
from django.urls import reverse

from aanbod.services.annuleringen import sessie_annuleren
from deelname.models import Aanwezigheid, Aanwezigheidswijziging, Bron, Inschrijvingsstap
from deelname.services.aanwezigheden import Registratie, aanwezigheden_registreren
from deelname.services.inschrijvingen import inschrijving_aanvragen
from tests.deelname.klok import klok_op
from tests.factories import GedetineerdeFactory
from trajecten.demo.klok import moment

pytestmark = pytest.mark.django_db

A = Aanwezigheid.Status


@pytest.fixture(autouse=True)
def _venster(settings):
    settings.HDV_AANWEZIGHEID_WIJZIGBAAR_DAGEN = 7


def _ingeschreven(activiteit, door, aantal):
    """People enrolled since the activity's start, so they belong on every register."""
    inschrijvingen = []
    for _ in range(aantal):
        inschrijving = inschrijving_aanvragen(
            gedetineerde=GedetineerdeFactory(huidige_gevangenis=activiteit.gevangenis),
            activiteit=activiteit,
            bron=Bron.EIGEN_AANVRAAG,
            door=door,
        )
        Inschrijvingsstap.objects.filter(inschrijving=inschrijving).update(
            datum=activiteit.startdatum
        )
        inschrijvingen.append(inschrijving)
    return inschrijvingen


def _alles_aanwezig(inschrijvingen, **uitzonderingen):
    data = {f"status-{i.pk}": A.AANWEZIG for i in inschrijvingen}
    return data | uitzonderingen


def _url(sessie):
    return reverse("deelname:sessie_aanwezigheden", args=[sessie.pk])


def test_everyone_starts_present(client, olga, activiteit, scherm_sessie):
    inschrijvingen = _ingeschreven(activiteit, olga, 3)
    client.force_login(olga)
    response = client.get(_url(scherm_sessie))
    assert response.status_code == 200
    assert response.context["bewerkbaar"]
    assert [r.status for r in response.context["rijen"]] == [A.AANWEZIG] * 3
    for inschrijving in inschrijvingen:
        assert f'name="status-{inschrijving.pk}" value="aanwezig" checked' in response.text


def test_it_registers_the_whole_session_with_exceptions(client, olga, activiteit, scherm_sessie):
    inschrijvingen = _ingeschreven(activiteit, olga, 5)
    ziek, laat = inschrijvingen[0], inschrijvingen[1]
    client.force_login(olga)
    data = _alles_aanwezig(
        inschrijvingen,
        **{f"status-{ziek.pk}": A.AFWEZIG, f"reden-{ziek.pk}": "ziek"},
        **{f"status-{laat.pk}": A.TE_LAAT},
    )
    response = client.post(_url(scherm_sessie), data)
    assert response.status_code == 302
    rijen = {a.inschrijving_id: a for a in Aanwezigheid.objects.filter(sessie=scherm_sessie)}
    assert len(rijen) == 5
    assert (rijen[ziek.pk].status, rijen[ziek.pk].reden.code) == (A.AFWEZIG, "ziek")
    assert rijen[laat.pk].status == A.TE_LAAT
    assert rijen[laat.pk].geregistreerd_door == olga

    pagina = client.get(_url(scherm_sessie))
    assert f'name="status-{ziek.pk}" value="afwezig" checked' in pagina.text
    assert '<option value="ziek" selected>' in pagina.text
    assert len(pagina.context["wijzigingen"]) == 5


def test_submitting_twice_keeps_one_row_per_person(client, olga, activiteit, scherm_sessie):
    inschrijvingen = _ingeschreven(activiteit, olga, 3)
    client.force_login(olga)
    client.post(_url(scherm_sessie), _alles_aanwezig(inschrijvingen))
    client.post(_url(scherm_sessie), _alles_aanwezig(inschrijvingen))
    assert Aanwezigheid.objects.filter(sessie=scherm_sessie).count() == 3
    assert Aanwezigheidswijziging.objects.count() == 3


def test_an_absence_without_reason_is_an_error_on_its_row(client, olga, activiteit, scherm_sessie):
    inschrijvingen = _ingeschreven(activiteit, olga, 3)
    fout, verkeerd = inschrijvingen[0], inschrijvingen[1]
    client.force_login(olga)
    data = _alles_aanwezig(
        inschrijvingen,
        **{f"status-{fout.pk}": A.AFWEZIG},
        **{f"reden-{verkeerd.pk}": "bezoek"},  # a reason, but marked present
    )
    response = client.post(_url(scherm_sessie), data)
    assert response.status_code == 200
    fouten = {r.inschrijving.pk: r.fout for r in response.context["rijen"]}
    assert "reden" in fouten[fout.pk]
    assert "alleen bij een afwezigheid" in fouten[verkeerd.pk]
    assert fouten[inschrijvingen[2].pk] == ""
    assert f'id="fout-{fout.pk}"' in response.text
    assert not Aanwezigheid.objects.exists()


def test_a_missing_row_is_an_error_and_nothing_is_saved(client, olga, activiteit, scherm_sessie):
    inschrijvingen = _ingeschreven(activiteit, olga, 2)
    client.force_login(olga)
    response = client.post(_url(scherm_sessie), _alles_aanwezig(inschrijvingen[:1]))
    assert response.status_code == 200
    assert response.context["fouten"]
    assert not Aanwezigheid.objects.exists()


def test_htmx_gets_the_register_back_with_the_result(client, olga, activiteit, scherm_sessie):
    inschrijvingen = _ingeschreven(activiteit, olga, 2)
    client.force_login(olga)
    response = client.post(
        _url(scherm_sessie), _alles_aanwezig(inschrijvingen), HTTP_HX_REQUEST="true"
    )
    assert response.status_code == 200
    assert response.text.lstrip().startswith('<div id="register">')
    assert "De aanwezigheden zijn geregistreerd." in response.text
    assert Aanwezigheid.objects.filter(sessie=scherm_sessie).count() == 2


def test_a_cancelled_session_records_geannuleerd_not_absence(
    client, olga, activiteit, scherm_sessie, staking
):
    inschrijvingen = _ingeschreven(activiteit, olga, 2)
    sessie_annuleren(sessie=scherm_sessie, reden=staking, door=olga)
    client.force_login(olga)
    response = client.get(_url(scherm_sessie))
    assert not response.context["bewerkbaar"]
    assert "geannuleerd" in response.text
    assert "Staking" in response.text
    assert 'type="radio"' not in response.text
    response = client.post(_url(scherm_sessie), _alles_aanwezig(inschrijvingen))
    assert "geannuleerd" in " ".join(response.context["fouten"])
    assert not Aanwezigheid.objects.exists()


def test_a_future_session_is_read_only(client, olga, activiteit, vandaag):
    _ingeschreven(activiteit, olga, 2)
    toekomst = activiteit.sessies.filter(datum__gt=vandaag).first()
    client.force_login(olga)
    response = client.get(_url(toekomst))
    assert not response.context["bewerkbaar"]
    assert "begint pas op" in response.text


def test_on_its_day_the_register_opens_when_the_session_starts(client, olga, activiteit, vandaag):
    inschrijvingen = _ingeschreven(activiteit, olga, 2)
    sessie = activiteit.sessies.filter(datum__gt=vandaag).order_by("datum", "begintijd").first()
    begin = moment(sessie.datum, sessie.begintijd.hour, sessie.begintijd.minute)
    with klok_op(begin - datetime.timedelta(minutes=1)):
        client.force_login(olga)  # signed in on the set clock: sessions expire by it
        response = client.get(_url(sessie))
        assert not response.context["bewerkbaar"]
        assert "begint pas op" in response.text
        response = client.post(_url(sessie), _alles_aanwezig(inschrijvingen))
        assert not Aanwezigheid.objects.exists()
    with klok_op(begin):
        assert client.get(_url(sessie)).context["bewerkbaar"]
        response = client.post(_url(sessie), _alles_aanwezig(inschrijvingen))
    assert response.status_code == 302
    assert Aanwezigheid.objects.filter(sessie=sessie).count() == 2


def test_after_the_lock_window_the_register_is_read_only(
    client, olga, activiteit, scherm_sessie, settings
):
    inschrijvingen = _ingeschreven(activiteit, olga, 2)
    aanwezigheden_registreren(
        sessie=scherm_sessie,
        registraties=[Registratie(i.pk, A.AANWEZIG) for i in inschrijvingen],
        door=olga,
    )
    settings.HDV_AANWEZIGHEID_WIJZIGBAAR_DAGEN = 0  # the session was days ago: locked
    client.force_login(olga)
    sessie = scherm_sessie
    response = client.get(_url(sessie))
    assert not response.context["bewerkbaar"]
    assert "vergrendeld" in response.text
    assert "aanwezig" in response.text  # what was registered stays visible
    response = client.post(
        _url(sessie),
        _alles_aanwezig(inschrijvingen, **{f"status-{inschrijvingen[0].pk}": A.TE_LAAT}),
    )
    assert response.context["fouten"]
    assert not Aanwezigheid.objects.filter(status=A.TE_LAAT).exists()


def test_staff_of_another_provider_reads_but_does_not_register(
    client, bob, olga, activiteit, scherm_sessie
):
    inschrijvingen = _ingeschreven(activiteit, olga, 2)
    client.force_login(bob)  # VDAB; the course is CVO's
    response = client.get(_url(scherm_sessie))
    assert response.status_code == 200
    assert not response.context["bewerkbaar"]
    assert client.post(_url(scherm_sessie), _alles_aanwezig(inschrijvingen)).status_code == 403
    assert not Aanwezigheid.objects.exists()


def test_a_role_without_the_right_cannot_post(client, alice, olga, activiteit, scherm_sessie):
    inschrijvingen = _ingeschreven(activiteit, olga, 1)
    client.force_login(alice)
    assert client.post(_url(scherm_sessie), _alles_aanwezig(inschrijvingen)).status_code == 403


def test_another_prison_gets_a_404(client, charlie, scherm_sessie):
    client.force_login(charlie)
    assert client.post(_url(scherm_sessie), {}).status_code == 404


@pytest.mark.parametrize("aantal", [2, 7])
def test_the_register_has_a_fixed_number_of_queries(
    client, olga, activiteit, scherm_sessie, django_assert_num_queries, aantal
):
    inschrijvingen = _ingeschreven(activiteit, olga, aantal)
    aanwezigheden_registreren(
        sessie=scherm_sessie,
        registraties=[Registratie(i.pk, A.AANWEZIG) for i in inschrijvingen],
        door=olga,
    )
    client.force_login(olga)
    client.get(_url(scherm_sessie))
    # session, user, permissions (2), prisons, session, reasons, attendance, enrolments,
    # their steps, history, session save (3)
    with django_assert_num_queries(14):
        client.get(_url(scherm_sessie))
