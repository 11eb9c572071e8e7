"""Signing in and out, lockouts, password policy, session expiry, CSRF and error pages."""

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse

from tests.factories import WACHTWOORD

pytestmark = pytest.mark.django_db


def test_the_login_page_is_in_dutch(client):
    response = client.get(reverse("login"))
    assert response.status_code == 200
    assert '<html lang="nl-BE">' in response.text
    assert "Aanmelden bij HDV" in response.text
    assert "Gebruikersnaam" in response.text


def test_it_signs_in_and_goes_home(client, alice):
    response = client.post(reverse("login"), {"username": "alice", "password": WACHTWOORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("home")
    assert "Welkom, Alice" in client.get(reverse("home")).text


def test_it_returns_to_the_page_asked_for(client, alice):
    response = client.get(reverse("trajecten:gedetineerden"))
    assert response["Location"] == f"{reverse('login')}?next=/personen/"
    response = client.post(
        f"{reverse('login')}?next=/personen/",
        {"username": "alice", "password": WACHTWOORD, "next": "/personen/"},
    )
    assert response["Location"] == "/personen/"


def test_a_wrong_password_gets_a_dutch_message(client, alice):
    response = client.post(reverse("login"), {"username": "alice", "password": "fout"})
    assert response.status_code == 200
    assert "Gebruikersnaam of wachtwoord is niet juist" in response.text


def test_an_empty_form_says_what_is_missing(client):
    response = client.post(reverse("login"), {})
    assert response.status_code == 200
    assert "Het formulier bevat fouten" in response.text


def test_signing_out_needs_a_post_and_says_so(client, alice):
    client.force_login(alice)
    assert client.get(reverse("logout")).status_code == 405
    response = client.post(reverse("logout"), follow=True)
    assert "U bent afgemeld." in response.text
    assert client.get(reverse("home")).status_code == 302


@pytest.fixture
def axes_aan(settings):
    settings.AXES_ENABLED = True
    settings.AXES_FAILURE_LIMIT = 3


@pytest.mark.usefixtures("axes_aan")
@pytest.mark.parametrize("gebruikersnaam", ["alice", "bestaat-niet"])
def test_repeated_failures_lock_without_revealing_the_account(client, alice, gebruikersnaam):
    for _ in range(2):
        response = client.post(reverse("login"), {"username": gebruikersnaam, "password": "fout"})
        assert response.status_code == 200
    response = client.post(reverse("login"), {"username": gebruikersnaam, "password": "fout"})
    assert response.status_code == 429
    assert "te veel mislukte aanmeldpogingen" in response.text
    assert gebruikersnaam not in response.text


@pytest.mark.usefixtures("axes_aan")
def test_an_address_trying_many_accounts_is_locked(client, alice):
    for naam in ["an", "bert", "cor"]:
        client.post(reverse("login"), {"username": naam, "password": "fout"})
    response = client.post(reverse("login"), {"username": "alice", "password": WACHTWOORD})
    assert response.status_code == 429


@pytest.mark.usefixtures("axes_aan")
def test_a_locked_account_stays_locked_with_the_right_password(client, alice):
    for _ in range(3):
        client.post(reverse("login"), {"username": "alice", "password": "fout"})
    response = client.post(reverse("login"), {"username": "alice", "password": WACHTWOORD})
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session


def test_the_password_policy_refuses_weak_passwords():
    for zwak in ["kort", "123456789012345", "password1234"]:
        with pytest.raises(ValidationError):
            validate_password(zwak)
    validate_password("een-lang-en-eigen-wachtwoord")


def test_sessions_expire_after_inactivity():
    assert django_settings.SESSION_SAVE_EVERY_REQUEST
    assert django_settings.SESSION_COOKIE_AGE == django_settings.SESSION_INACTIVITY_MINUTES * 60


def test_an_expired_session_sends_to_the_login_page(client, alice):
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    client.force_login(alice)
    assert client.get(reverse("home")).status_code == 200
    Session.objects.filter(session_key=client.session.session_key).update(
        expire_date=timezone.now()
    )
    response = client.get(reverse("home"))
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next=/"


def test_each_request_pushes_the_expiry_back(client, alice):
    from django.contrib.sessions.models import Session

    client.force_login(alice)
    client.get(reverse("home"))
    eerste = Session.objects.get(session_key=client.session.session_key).expire_date
    client.get(reverse("home"))
    assert Session.objects.get(session_key=client.session.session_key).expire_date > eerste


def test_a_forged_csrf_token_gets_a_dutch_page(alice):
    client = Client(enforce_csrf_checks=True)
    client.force_login(alice)
    response = client.post(
        reverse("gevangenis_wisselen"), {"gevangenis": 1, "csrfmiddlewaretoken": "vals"}
    )
    assert response.status_code == 403
    assert "Het formulier kon niet verwerkt worden" in response.text
    assert "Er is niets opgeslagen" in response.text


def test_a_malformed_id_is_a_404_not_a_500(client, alice):
    client.force_login(alice)
    assert client.get("/personen/abc/").status_code == 404
    assert client.get("/personen/99999999999999999999999/").status_code == 404
    assert client.get("/api/v1/gedetineerden/abc/").status_code == 404


def test_a_missing_permission_gets_a_dutch_403(client, dirk):
    client.force_login(dirk)
    response = client.get(reverse("trajecten:gedetineerden"))
    assert response.status_code == 403
    assert "U hebt hiervoor geen toegang" in response.text


def test_the_api_answers_401_with_a_challenge(client):
    response = client.get(reverse("api:gedetineerden"))
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_the_api_accepts_a_token(alice, persoon):
    from rest_framework.authtoken.models import Token

    token = Token.objects.create(user=alice)
    response = Client().get(reverse("api:gedetineerden"), HTTP_AUTHORIZATION=f"Token {token.key}")
    assert response.status_code == 200
    assert response.json()["count"] == 1


@pytest.mark.parametrize(
    "pad", ["/personen/?q=%00", "/api/v1/gedetineerden/?gevangenis=a%00b", "/?%00=1"]
)
def test_a_nul_character_is_a_400_not_a_500(client, alice, pad):
    client.force_login(alice)
    assert client.get(pad).status_code == 400


def test_the_request_id_of_a_client_is_not_trusted_without_a_proxy(client, alice, settings):
    client.force_login(alice)
    settings.HDV_PROXY_AANTAL = 0
    assert client.get(reverse("home"), HTTP_X_REQUEST_ID="vervalst")["X-Request-ID"] != "vervalst"
