"""The intake screens: register with the needs per life domain, skip with a reason, later needs."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from aanbod.models import Levensdomein
from hdv import rollen
from hdv.models import Auditrecord
from tests.factories import MedewerkerFactory, OrganisatieFactory, UserFactory
from trajecten.models import Behoefte, Onthaal
from trajecten.services import gedetineerde_vrijlaten
from trajecten.services.onthaal import onthaal_overslaan

pytestmark = pytest.mark.django_db

D = datetime.date


def _url(naam, persoon):
    return reverse(f"trajecten:{naam}", args=[persoon.pk])


def _gegevens(**extra):
    """A filled-in intake form: every domain 'onbekend', unless ``extra`` says otherwise."""
    gegevens = {"datum": "2026-01-08", "taal": "nl", "info_aanbod_gegeven": "on", "opmerking": ""}
    for domein in Levensdomein.values:
        gegevens |= {
            f"{domein}_antwoord": "onbekend",
            f"{domein}_prioriteit": "",
            f"{domein}_notitie": "",
        }
    return gegevens | extra


def _niets_opgeslagen():
    assert not Onthaal.objects.exists()
    assert not Behoefte.objects.exists()
    assert not Auditrecord.objects.filter(actie__startswith="onthaal").exists()


def test_it_shows_the_form_with_a_row_per_life_domain(client, alice, persoon):
    client.force_login(alice)
    response = client.get(_url("onthaal", persoon))
    html = response.content.decode()
    assert response.status_code == 200
    for domein in Levensdomein:
        assert f'name="{domein.value}_antwoord"' in html
        assert str(domein.label) in html
    assert f'value="{timezone.localdate():%Y-%m-%d}"' in html  # the date defaults to today
    assert "onbekend" in html


def test_it_registers_the_intake_and_the_needs(client, alice, persoon, caw):
    client.force_login(alice)
    response = client.post(
        _url("onthaal", persoon),
        _gegevens(
            wonen_antwoord="ja",
            wonen_prioriteit="hoog",
            wonen_notitie="zoekt een adres",
            werk_antwoord="nee",
            tolk_nodig="on",
        ),
    )

    assert response.status_code == 302
    assert response["Location"] == _url("dossier", persoon)
    onthaal = Onthaal.objects.get()
    assert (onthaal.status, onthaal.datum, onthaal.taal) == ("afgerond", D(2026, 1, 8), "nl")
    assert (onthaal.tolk_nodig, onthaal.info_aanbod_gegeven) == (True, True)
    assert (onthaal.verblijf, onthaal.door, onthaal.organisatie) == (
        persoon.verblijven.get(),
        alice,
        caw,
    )
    behoeften = {b.levensdomein: b for b in onthaal.behoeften.all()}
    assert set(behoeften) == set(Levensdomein.values)
    assert (behoeften["wonen"].antwoord, behoeften["wonen"].prioriteit) == ("ja", "hoog")
    assert behoeften["wonen"].notitie == "zoekt een adres"
    assert behoeften["werk"].antwoord == "nee"
    assert behoeften["sport"].antwoord == "onbekend"


def test_a_priority_without_a_need_is_an_error_on_its_field(client, alice, persoon):
    client.force_login(alice)
    response = client.post(_url("onthaal", persoon), _gegevens(werk_prioriteit="hoog"))

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "werk_prioriteit": ["Een prioriteit hoort alleen bij een behoefte (antwoord ja)."]
    }
    assert "Het formulier bevat fouten" in response.content.decode()
    _niets_opgeslagen()


def test_an_unknown_answer_and_a_bad_language_are_refused(client, alice, persoon):
    client.force_login(alice)
    response = client.post(
        _url("onthaal", persoon), _gegevens(taal="n1", wonen_antwoord="misschien")
    )

    assert set(response.context["form"].errors) == {"taal", "wonen_antwoord"}
    _niets_opgeslagen()


def test_the_language_is_chosen_from_a_list_with_names(client, alice, persoon):
    persoon.talen = ["fr", "ar"]
    persoon.save(update_fields=["talen"])
    client.force_login(alice)

    response = client.get(_url("onthaal", persoon))

    html = response.content.decode()
    assert '<select name="taal"' in html
    assert '<option value="fr" selected>Frans</option>' in html
    assert '<option value="ber">Berbers (Tamazight)</option>' in html


def test_a_language_outside_the_list_is_stored_as_its_code(client, alice, persoon):
    client.force_login(alice)

    response = client.post(_url("onthaal", persoon), _gegevens(taal="andere", andere_taal=" KU "))

    assert response.status_code == 302
    assert Onthaal.objects.get().taal == "ku"


def test_another_language_needs_its_code(client, alice, persoon):
    client.force_login(alice)

    response = client.post(_url("onthaal", persoon), _gegevens(taal="andere"))

    assert set(response.context["form"].errors) == {"andere_taal"}
    _niets_opgeslagen()


def test_a_persons_unlisted_language_preselects_another_language(client, alice, persoon):
    persoon.talen = ["ku"]
    persoon.save(update_fields=["talen"])
    client.force_login(alice)

    form = client.get(_url("onthaal", persoon)).context["form"]

    assert (form["taal"].value(), form["andere_taal"].value()) == ("andere", "ku")


def test_the_intake_shows_the_language_by_name(client, alice, persoon):
    client.force_login(alice)
    client.post(_url("onthaal", persoon), _gegevens(taal="fr"))

    html = client.get(_url("onthaal", persoon)).content.decode()

    assert "<dd>Frans</dd>" in html


def test_the_service_refusal_lands_on_the_date_field(client, alice, persoon):
    """Before the arrival: the service says so, and the form shows it next to the date."""
    client.force_login(alice)
    response = client.post(_url("onthaal", persoon), _gegevens(datum="2026-01-01"))

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "datum": ["Het onthaal kan niet voor de aankomst liggen."]
    }
    _niets_opgeslagen()


def test_once_registered_the_intake_is_shown_read_only(client, alice, persoon):
    client.force_login(alice)
    client.post(_url("onthaal", persoon), _gegevens(wonen_antwoord="ja", wonen_notitie="adres"))

    response = client.get(_url("onthaal", persoon))
    html = response.content.decode()
    assert "form" not in response.context
    assert "Behoeftedetectie" in html
    assert "adres" in html
    # A second POST registers nothing more.
    response = client.post(_url("onthaal", persoon), _gegevens())
    assert response.status_code == 200
    assert Onthaal.objects.count() == 1


def test_a_colleague_of_another_caw_sees_only_that_it_was_done(client, alice, persoon):
    ander = MedewerkerFactory(
        user=UserFactory(username="anna"),
        organisatie=OrganisatieFactory(afkorting="CAW-2"),
        gevangenissen=[persoon.huidige_gevangenis],
        rollen=[rollen.TRAJECTBEGELEIDER],
    ).user
    client.force_login(alice)
    client.post(_url("onthaal", persoon), _gegevens(wonen_antwoord="ja", wonen_notitie="adres"))

    client.force_login(ander)
    html = client.get(_url("onthaal", persoon)).content.decode()
    assert "afgerond" in html
    assert "adres" not in html
    assert "niet gedeeld met uw organisatie" in html


def test_a_released_person_has_no_intake_to_register(client, alice, persoon):
    gedetineerde_vrijlaten(
        gedetineerde=persoon, datum=D(2026, 2, 1), vrijlatingssoort="strafeinde", door=None
    )
    client.force_login(alice)
    response = client.get(_url("onthaal", persoon))
    assert "form" not in response.context
    assert "geen lopend verblijf" in response.content.decode()
    client.post(_url("onthaal", persoon), _gegevens())
    _niets_opgeslagen()


def test_it_skips_the_intake_with_a_reason(client, alice, persoon):
    client.force_login(alice)
    formulier = client.get(_url("onthaal_overslaan", persoon)).content.decode()
    assert 'value="kort_verblijf"' in formulier

    response = client.post(
        _url("onthaal_overslaan", persoon), {"reden": "kort_verblijf", "opmerking": "drie dagen"}
    )

    assert response.status_code == 302
    onthaal = Onthaal.objects.get()
    assert (onthaal.status, onthaal.reden_overslaan, onthaal.opmerking) == (
        "overgeslagen",
        "kort_verblijf",
        "drie dagen",
    )


def test_skipping_without_a_reason_shows_the_error(client, alice, persoon):
    client.force_login(alice)
    response = client.post(_url("onthaal_overslaan", persoon), {"reden": ""})

    assert response.status_code == 200
    assert "reden" in response.context["form"].errors
    _niets_opgeslagen()


def test_skipping_an_intake_that_is_done_goes_back_to_it(client, alice, persoon):
    onthaal_overslaan(verblijf=persoon.verblijven.get(), reden="geweigerd", door=alice)
    client.force_login(alice)
    response = client.post(_url("onthaal_overslaan", persoon), {"reden": "kort_verblijf"})
    assert response["Location"] == _url("onthaal", persoon)
    assert Onthaal.objects.get().reden_overslaan == "geweigerd"


def test_a_later_need_is_recorded(client, alice, persoon):
    client.force_login(alice)
    assert client.get(_url("behoefte_nieuw", persoon)).status_code == 200

    response = client.post(
        _url("behoefte_nieuw", persoon),
        {
            "levensdomein": "financien",
            "antwoord": "ja",
            "prioriteit": "gemiddeld",
            "notitie": "schulden",
        },
    )

    assert response.status_code == 302
    behoefte = Behoefte.objects.get()
    assert (behoefte.levensdomein, behoefte.antwoord, behoefte.prioriteit, behoefte.onthaal) == (
        "financien",
        "ja",
        "gemiddeld",
        None,
    )


def test_a_later_need_with_a_priority_but_no_need_is_refused_on_the_field(client, alice, persoon):
    client.force_login(alice)
    response = client.post(
        _url("behoefte_nieuw", persoon),
        {"levensdomein": "werk", "antwoord": "nee", "prioriteit": "hoog"},
    )

    assert response.status_code == 200
    assert response.context["form"].errors == {
        "prioriteit": ["Een prioriteit hoort alleen bij een behoefte (antwoord ja)."]
    }
    assert not Behoefte.objects.exists()
