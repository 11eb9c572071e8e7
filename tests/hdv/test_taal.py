"""The staff interface is Dutch (nl-BE), whatever language the browser prefers."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("voorkeur", ["en-US,en;q=0.9", "fr-BE,fr;q=0.9", ""])
def test_dates_and_django_strings_stay_dutch(client, olga, activiteit, voorkeur):
    client.force_login(olga)
    response = client.get(reverse("aanbod:planning"), HTTP_ACCEPT_LANGUAGE=voorkeur)
    tekst = response.text
    assert "Maandag" in tekst or "maandag" in tekst
    assert "Monday" not in tekst
    assert "lundi" not in tekst.lower()
    response = client.get(
        reverse("trajecten:gedetineerden") + "?pagina=abc", HTTP_ACCEPT_LANGUAGE=voorkeur
    )
    assert response.status_code == 200
