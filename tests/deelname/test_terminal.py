"""The detainee's terminal: their prison's offer in their language, their own requests and
enrolments, a button to ask; and nothing else, of anyone, anywhere in HDV."""

from io import StringIO

import pytest
from django.contrib.auth.models import Group
from django.core.management import CommandError, call_command
from django.urls import reverse

from aanbod.models import Aanbod, Rapportagecategorie
from aanbod.services.catalogus import aanbod_in_gevangenis_opnemen, aanbod_opslaan
from deelname.models import Aanvraag, Bron, Gedetineerdeaccount
from deelname.services.aanvragen import (
    aanvraag_aanvaarden,
    aanvraag_indienen,
    aanvraag_weigeren,
    terminalaccount_aanmaken,
)
from deelname.services.inschrijvingen import inschrijving_aanvragen
from hdv import rollen
from hdv.models import Auditrecord
from tests.deelname.routes_aanvragen import TERMINAL_WACHTWOORD
from tests.factories import GedetineerdeFactory, UserFactory
from tests.test_routes import ROUTES

TERMINAL_ROUTES = {naam for naam in ROUTES if naam.startswith("deelname:terminal")}


@pytest.fixture
def alleen_in_gent(cvo, gent, vandaag):
    aanbod = aanbod_opslaan(
        titel_nl="Alleen in Gent",
        beschrijving_nl="Sport in Gent.",
        levensdomein="sport",
        organisatie=cvo,
        vorm=Aanbod.Vorm.INDIVIDUEEL,
        rapportagecategorie=Rapportagecategorie.objects.first(),
        door=None,
    )
    aanbod_in_gevangenis_opnemen(aanbod=aanbod, gevangenis=gent, sinds=vandaag, door=None)
    return aanbod


# --- what the detainee sees ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("talen", "titel"),
    [
        (["fr"], "Néerlandais langue seconde A1"),
        (["ar", "en"], "Dutch as a second language A1"),
        (["ar"], "Nederlands tweede taal A1"),
        ([], "Nederlands tweede taal A1"),
    ],
)
def test_the_offer_is_in_the_persons_language(
    client, persoon, terminal_jan, nederlands, talen, titel
):
    persoon.talen = talen
    persoon.save()
    client.force_login(terminal_jan)
    response = client.get(reverse("deelname:terminal"))
    assert response.status_code == 200
    assert [a["titel"] for a in response.context["aanbod"]] == [titel]
    detail = client.get(reverse("deelname:terminal_aanbod", args=[nederlands.pk]))
    assert titel in detail.content.decode()


def test_the_offer_is_only_the_persons_prisons(client, terminal_jan, nederlands, alleen_in_gent):
    client.force_login(terminal_jan)
    response = client.get(reverse("deelname:terminal"))
    assert [a["aanbod"] for a in response.context["aanbod"]] == [nederlands]
    assert "Alleen in Gent" not in response.content.decode()
    andere = client.get(reverse("deelname:terminal_aanbod", args=[alleen_in_gent.pk]))
    assert andere.status_code == 404
    gevraagd = client.post(reverse("deelname:terminal_deelnemen", args=[alleen_in_gent.pk]))
    assert gevraagd.status_code == 404
    assert not Aanvraag.objects.exists()


def test_the_page_is_plain_and_shows_no_staff_navigation(client, terminal_jan, nederlands):
    client.force_login(terminal_jan)
    html = client.get(reverse("deelname:terminal")).content.decode()
    assert "Hallo Jan" in html
    assert "Hoofdnavigatie" not in html
    assert reverse("api:docs") not in html
    assert reverse("instellingen") not in html


def test_i_want_to_take_part_makes_one_request(client, persoon, terminal_jan, nederlands):
    client.force_login(terminal_jan)
    url = reverse("deelname:terminal_deelnemen", args=[nederlands.pk])
    eerste = client.post(url)
    tweede = client.post(url)
    aanvraag = Aanvraag.objects.get()
    assert (
        eerste["Location"]
        == tweede["Location"]
        == reverse("deelname:terminal_aanvraag", args=[aanvraag.pk])
    )
    assert aanvraag.gedetineerde == persoon
    assert aanvraag.bron == Aanvraag.Bron.TERMINAL
    assert aanvraag.ingediend_door == terminal_jan
    pagina = client.get(reverse("deelname:terminal"))
    assert pagina.context["aanbod"][0]["gevraagd"] is True
    detail = client.get(reverse("deelname:terminal_aanbod", args=[nederlands.pk]))
    assert "Ik wil deelnemen" not in detail.content.decode()


def test_a_get_does_not_make_a_request(client, terminal_jan, nederlands):
    client.force_login(terminal_jan)
    response = client.get(reverse("deelname:terminal_deelnemen", args=[nederlands.pk]))
    assert response.status_code == 405
    assert not Aanvraag.objects.exists()


def test_the_person_sees_the_answers(client, persoon, terminal_jan, activiteit, olga):
    begeleiding = aanbod_opslaan(
        titel_nl="Begeleiding",
        beschrijving_nl="Praten.",
        levensdomein="welzijn",
        organisatie=activiteit.aanbod.organisatie,
        vorm=Aanbod.Vorm.INDIVIDUEEL,
        rapportagecategorie=Rapportagecategorie.objects.first(),
        door=None,
    )
    aanbod_in_gevangenis_opnemen(
        aanbod=begeleiding,
        gevangenis=persoon.huidige_gevangenis,
        sinds=activiteit.startdatum,
        door=None,
    )
    ja = aanvraag_indienen(
        gedetineerde=persoon, aanbod=activiteit.aanbod, bron=Aanvraag.Bron.TERMINAL, door=None
    )
    nee = aanvraag_indienen(
        gedetineerde=persoon, aanbod=begeleiding, bron=Aanvraag.Bron.TERMINAL, door=None
    )
    aanvraag_aanvaarden(aanvraag=ja, door=olga, activiteit=activiteit)
    aanvraag_weigeren(aanvraag=nee, reden="Eerst een gesprek met je begeleider.", door=olga)
    client.force_login(terminal_jan)
    pagina = client.get(reverse("deelname:terminal"))
    assert {a.pk for a in pagina.context["aanvragen"]} == {ja.pk, nee.pk}
    assert [i.aanbod for i in pagina.context["inschrijvingen"]] == [activiteit.aanbod]
    html = pagina.content.decode()
    assert "ingeschreven" in html
    weigering = client.get(reverse("deelname:terminal_aanvraag", args=[nee.pk]))
    assert "Eerst een gesprek met je begeleider." in weigering.content.decode()


def test_the_page_keeps_its_query_count(
    client, persoon, terminal_jan, activiteit, olga, django_assert_num_queries
):
    for _ in range(3):
        inschrijving_aanvragen(
            gedetineerde=GedetineerdeFactory(huidige_gevangenis=persoon.huidige_gevangenis),
            bron=Bron.ANDERE,
            door=olga,
            activiteit=activiteit,
        )
    aanvraag_indienen(
        gedetineerde=persoon, aanbod=activiteit.aanbod, bron=Aanvraag.Bron.TERMINAL, door=None
    )
    client.force_login(terminal_jan)
    # session, user, permissions (user, groups), the account with person and prison,
    # requests, enrolments, presence, offer; the session's renewal (3)
    with django_assert_num_queries(12):
        response = client.get(reverse("deelname:terminal"))
    assert response.status_code == 200


def test_a_released_person_sees_no_offer_and_cannot_ask(
    client, persoon, terminal_jan, nederlands, vandaag
):
    persoon.verblijven.update(tot=vandaag)
    client.force_login(terminal_jan)
    assert client.get(reverse("deelname:terminal")).context["aanbod"] == []
    response = client.post(reverse("deelname:terminal_deelnemen", args=[nederlands.pk]))
    assert response.status_code == 404


# --- nothing but its own --------------------------------------------------------------------


def test_another_persons_request_is_a_404(client, antwerpen, terminal_jan, nederlands):
    buur = GedetineerdeFactory(huidige_gevangenis=antwerpen)
    van_buur = aanvraag_indienen(
        gedetineerde=buur, aanbod=nederlands, bron=Aanvraag.Bron.PAPIER, door=None
    )
    client.force_login(terminal_jan)
    assert client.get(reverse("deelname:terminal_aanvraag", args=[van_buur.pk])).status_code == 404
    assert client.get(reverse("deelname:terminal")).context["aanvragen"] == []


def test_staff_do_not_use_the_terminal(client, alice, olga):
    for gebruiker in (alice, olga):
        client.force_login(gebruiker)
        assert client.get(reverse("deelname:terminal")).status_code == 403


def test_the_role_without_an_account_opens_nothing(client, db):
    gebruiker = UserFactory(username="losse-terminal")
    gebruiker.groups.add(Group.objects.get(name=rollen.GEDETINEERDE))
    client.force_login(gebruiker)
    assert client.get(reverse("deelname:terminal")).status_code == 403


def test_the_terminal_asks_to_sign_in(client, db):
    response = client.get(reverse("deelname:terminal"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))


def _staff_routes():
    return sorted(naam for naam, r in ROUTES.items() if r.mag and naam not in TERMINAL_ROUTES)


# What a signed-in detainee may get outside the terminal, besides 403/404 (nothing with data).
ANDERS = {
    "home": 302,  # to the terminal page
    "logout": 302,
    "gevangenis_wisselen": 302,  # "you cannot switch to that prison"
}


@pytest.mark.parametrize("naam", _staff_routes())
def test_a_detainee_reaches_no_staff_page_and_no_api(naam, client, request, terminal_jan):
    route = ROUTES[naam]
    client.force_login(terminal_jan)
    url = reverse(naam, kwargs=route.kwargs(request))
    response = getattr(client, route.methode)(url)
    if naam in ANDERS:
        assert response.status_code == ANDERS[naam]
    else:
        assert response.status_code in (403, 404), response.status_code


def test_home_sends_a_detainee_to_the_terminal(client, terminal_jan):
    client.force_login(terminal_jan)
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == reverse("deelname:terminal")


def test_home_stays_for_staff_and_superusers(client, alice, db):
    client.force_login(alice)
    assert client.get(reverse("home")).status_code == 200
    beheer = UserFactory(username="root", is_superuser=True, is_staff=True)
    assert rollen.is_terminalaccount(beheer) is False
    client.force_login(beheer)
    assert client.get(reverse("home")).status_code == 200


def test_a_detainee_signs_in_and_lands_on_the_terminal(client, terminal_jan, nederlands):
    response = client.post(
        reverse("login"), {"username": "jan", "password": TERMINAL_WACHTWOORD}, follow=True
    )
    assert response.redirect_chain[-1][0] == reverse("deelname:terminal")
    assert response.context["gedetineerde"].voornaam == "Jan"


# --- the account -----------------------------------------------------------------------------


def test_the_command_makes_a_terminal_account(persoon):
    uit = StringIO()
    call_command(
        "deelname_terminalaccount_aanmaken",
        persoon.detineenummer,
        "jan.t",
        wachtwoord=TERMINAL_WACHTWOORD,
        stdout=uit,
    )
    account = Gedetineerdeaccount.objects.select_related("user").get(gedetineerde=persoon)
    assert account.user.username == "jan.t"
    assert account.user.check_password(TERMINAL_WACHTWOORD)
    assert list(account.user.groups.values_list("name", flat=True)) == [rollen.GEDETINEERDE]
    assert account.user.first_name == ""  # the person's name stays in the person's record
    assert rollen.is_terminalaccount(account.user)
    with pytest.raises(CommandError):  # one account per person
        call_command(
            "deelname_terminalaccount_aanmaken",
            persoon.detineenummer,
            "jan.t2",
            wachtwoord=TERMINAL_WACHTWOORD,
        )
    with pytest.raises(CommandError):
        call_command("deelname_terminalaccount_aanmaken", "ONBEKEND", "x", wachtwoord="y")


def test_an_account_needs_a_strong_password(persoon):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as fout:
        terminalaccount_aanmaken(
            gedetineerde=persoon, gebruikersnaam="jan", wachtwoord="1234", door=None
        )
    assert "wachtwoord" in fout.value.message_dict
    assert not Gedetineerdeaccount.objects.exists()


class _Pijp(StringIO):
    """Standard input from a script or a cron job: not a terminal."""

    def isatty(self) -> bool:
        return False


def test_the_command_without_a_terminal_and_without_a_password_says_so(persoon):
    with pytest.raises(CommandError, match="Geen wachtwoord: geef --wachtwoord"):
        call_command(
            "deelname_terminalaccount_aanmaken", persoon.detineenummer, "jan.t", stdin=_Pijp("")
        )
    assert not Gedetineerdeaccount.objects.exists()


def test_the_command_at_a_terminal_that_closes_stops_cleanly(persoon, monkeypatch):
    class Terminal(StringIO):
        def isatty(self) -> bool:
            return True

    def gesloten(prompt: str = "") -> str:
        raise EOFError

    monkeypatch.setattr("getpass.getpass", gesloten)
    with pytest.raises(CommandError, match="Afgebroken"):
        call_command(
            "deelname_terminalaccount_aanmaken", persoon.detineenummer, "jan.t", stdin=Terminal()
        )
    assert not Gedetineerdeaccount.objects.exists()


def test_the_command_reads_the_password_from_a_pipe(persoon):
    uit = StringIO()
    call_command(
        "deelname_terminalaccount_aanmaken",
        persoon.detineenummer,
        "jan.t",
        stdin=_Pijp(TERMINAL_WACHTWOORD + "\n"),
        stdout=uit,
    )
    account = Gedetineerdeaccount.objects.select_related("user").get(gedetineerde=persoon)
    assert account.user.check_password(TERMINAL_WACHTWOORD)
    assert "Terminalaccount 'jan.t' aangemaakt." in uit.getvalue()
    assert Auditrecord.objects.filter(
        actie="terminalaccount aangemaakt", persoon_id=persoon.pk, door=None
    ).exists()


def test_the_command_refuses_a_weak_password_in_dutch(persoon):
    with pytest.raises(CommandError) as fout:
        call_command(
            "deelname_terminalaccount_aanmaken", persoon.detineenummer, "jan.t", wachtwoord="1234"
        )
    bericht = str(fout.value)
    assert "te kort: het moet minstens 12 tekens bevatten" in bericht
    assert "Dit wachtwoord is te algemeen." in bericht
    assert "Dit wachtwoord bevat alleen cijfers." in bericht
    assert "password" not in bericht.lower()
    assert not Gedetineerdeaccount.objects.exists()
    assert not Auditrecord.objects.filter(actie="terminalaccount aangemaakt").exists()
