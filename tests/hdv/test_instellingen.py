"""A worker's own settings: e-mail for new tasks."""

from django.urls import reverse

from hdv.models import Auditrecord


def test_it_shows_the_setting_off_by_default(client, alice):
    client.force_login(alice)
    response = client.get(reverse("instellingen"))
    assert response.status_code == 200
    assert 'name="meldingen_per_email"' in response.content.decode()
    assert "checked" not in response.content.decode().split('name="meldingen_per_email"')[1][:40]


def test_it_turns_e_mail_on_and_records_it(client, alice):
    alice.email = "alice@example.org"
    alice.save()
    client.force_login(alice)
    response = client.post(reverse("instellingen"), {"meldingen_per_email": "on"})
    assert response.status_code == 302
    alice.medewerker.refresh_from_db()
    assert alice.medewerker.meldingen_per_email is True
    assert Auditrecord.objects.filter(actie="meldingen ingesteld", door=alice).count() == 1


def test_it_refuses_e_mail_without_an_address(client, alice):
    alice.email = ""
    alice.save()
    client.force_login(alice)
    response = client.post(reverse("instellingen"), {"meldingen_per_email": "on"})
    assert response.status_code == 200
    assert "geen e-mailadres" in response.content.decode()
    alice.medewerker.refresh_from_db()
    assert alice.medewerker.meldingen_per_email is False


def test_a_user_without_a_staff_profile_gets_404(client, django_user_model):
    user = django_user_model.objects.create_user("zonder", password="x-lang-wachtwoord-1")
    client.force_login(user)
    assert client.get(reverse("instellingen")).status_code == 404
