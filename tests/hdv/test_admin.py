"""The admin is for beheerders; its writes go through the services and are audited."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from hdv.models import Auditrecord, Gevangenis

pytestmark = pytest.mark.django_db


def test_anonymous_users_go_to_the_admin_login(client):
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302
    assert "/beheer/login/" in response["Location"]


def test_staff_without_the_beheerder_role_are_kept_out(client, alice):
    alice.is_staff = True
    alice.save()
    client.force_login(alice)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 302


def test_a_beheerder_gets_in_without_is_staff(client, eva):
    assert not eva.is_staff
    client.force_login(eva)
    response = client.get(reverse("admin:index"))
    assert response.status_code == 200
    assert "Gevangenissen" in response.text


def test_an_admin_save_is_audited(client, eva):
    client.force_login(eva)
    response = client.post(
        reverse("admin:hdv_gevangenis_add"),
        {"naam": "Haren", "code": "HAR", "soort": "gevangenis", "capaciteit": 1190, "actief": "on"},
    )
    assert response.status_code == 302
    gevangenis = Gevangenis.objects.get(code="HAR")
    record = Auditrecord.objects.get(object_type="hdv.Gevangenis", object_id=str(gevangenis.pk))
    assert record.door == eva
    assert record.actie == "aangemaakt"
    assert "capaciteit" in record.velden


def test_bad_input_in_the_admin_shows_errors_and_saves_nothing(client, eva):
    client.force_login(eva)
    aantal = Gevangenis.objects.count()
    response = client.post(
        reverse("admin:hdv_gevangenis_add"),
        {"naam": "", "code": "met spaties", "soort": "x", "capaciteit": -1},
    )
    assert response.status_code == 200
    assert Gevangenis.objects.count() == aantal
    assert not Auditrecord.objects.exists()


def test_roles_are_groups_of_permissions_managed_in_the_admin(client, eva):
    client.force_login(eva)
    groep = Group.objects.get(name="trajectbegeleider")
    response = client.get(reverse("admin:auth_group_change", args=[groep.pk]))
    assert response.status_code == 200
    assert groep.permissions.filter(codename="view_gedetineerde").exists()


def test_an_api_token_is_made_through_the_service_and_its_key_never_audited(client, eva, alice):
    from rest_framework.authtoken.models import Token

    client.force_login(eva)
    response = client.post(reverse("admin:authtoken_tokenproxy_add"), {"user": alice.pk})
    assert response.status_code == 302
    token = Token.objects.get(user=alice)
    record = Auditrecord.objects.get(actie="api_token_aangemaakt")
    assert record.object_id == str(alice.pk)
    assert token.key not in repr(record.__dict__)


def test_the_admin_login_is_the_one_login_page(client):
    response = client.get("/beheer/login/?next=/beheer/")
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('login')}?next=/beheer/"


def test_the_token_key_is_shown_once_and_never_listed_or_logged(client, eva, alice):
    from django.contrib.admin.models import LogEntry
    from rest_framework.authtoken.models import Token

    client.force_login(eva)
    response = client.post(
        reverse("admin:authtoken_tokenproxy_add"), {"user": alice.pk}, follow=True
    )
    key = Token.objects.get(user=alice).key
    assert key in response.text  # the one time it is shown, in the message
    assert key not in client.get(reverse("admin:authtoken_tokenproxy_changelist")).text
    assert key not in client.get(reverse("admin:index")).text
    assert not LogEntry.objects.filter(object_repr__contains=key).exists()


def test_a_password_change_in_the_admin_is_audited(client, eva, alice):
    client.force_login(eva)
    response = client.post(
        reverse("admin:auth_user_password_change", args=[alice.pk]),
        {
            "password1": "een-heel-nieuw-wachtwoord-7",
            "password2": "een-heel-nieuw-wachtwoord-7",
            "usable_password": "true",
        },
    )
    assert response.status_code == 302
    record = Auditrecord.objects.get(actie="wachtwoord_gewijzigd")
    assert (record.door, record.object_id, record.velden) == (eva, str(alice.pk), ["password"])


def test_the_admin_offers_no_superuser_flag_nor_loose_permissions(client, eva, alice):
    client.force_login(eva)
    response = client.get(reverse("admin:auth_user_change", args=[alice.pk]))
    assert 'name="is_superuser"' not in response.text
    assert 'name="user_permissions"' not in response.text
    assert 'name="groups"' in response.text


def test_a_staff_profile_change_names_the_fields(client, eva, alice, gent):
    client.force_login(eva)
    medewerker = alice.medewerker
    response = client.post(
        reverse("admin:hdv_medewerker_change", args=[medewerker.pk]),
        {
            "user": alice.pk,
            "organisatie": medewerker.organisatie_id,
            "gevangenissen": [g.pk for g in medewerker.gevangenissen.all()] + [gent.pk],
            "functie": "",
        },
    )
    assert response.status_code == 302
    record = Auditrecord.objects.get(object_type="hdv.Medewerker", actie="gewijzigd")
    assert record.velden == ["gevangenissen"]


def test_the_audit_admin_keeps_to_ones_prisons(client, hanna, alice, antwerpen):
    import datetime

    from trajecten.services import gedetineerde_opnemen

    gedetineerde_opnemen(
        detineenummer="D7654321", voornaam="A", achternaam="B", geboortedatum=datetime.date(1990, 1, 1),
        geslacht="M", gevangenis=antwerpen, van=datetime.date(2026, 1, 1), door=alice,
    )  # fmt: skip
    client.force_login(hanna)
    response = client.get(reverse("admin:hdv_auditrecord_changelist"))
    assert "gedetineerde_opgenomen" not in response.text
