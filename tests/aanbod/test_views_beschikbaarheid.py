"""Which prison has which offer: the matrix, taking an offer up, changing its terms."""

import datetime

import pytest
from django.urls import reverse

from aanbod.models import Aanbod, AanbodInGevangenis, Rapportagecategorie
from aanbod.services.catalogus import aanbod_in_gevangenis_opnemen, aanbod_opslaan

pytestmark = pytest.mark.django_db


@pytest.fixture
def yoga(vdab):
    """A sports offer that no prison has yet."""
    return aanbod_opslaan(
        titel_nl="Yoga",
        beschrijving_nl="Rustig bewegen.",
        levensdomein="sport",
        organisatie=vdab,
        vorm=Aanbod.Vorm.GROEP,
        rapportagecategorie=Rapportagecategorie.objects.get(code="sport"),
        door=None,
    )


def _matrix(client, user, **filters):
    client.force_login(user)
    response = client.get(reverse("aanbod:beschikbaarheid"), filters)
    assert response.status_code == 200
    return response


def test_the_matrix_shows_where_each_offer_is_and_is_not(
    client, alice, nederlands, yoga, antwerpen, gent
):
    response = _matrix(client, alice)
    rijen = {r["aanbod"].titel_nl: r for r in response.context["rijen"]}
    assert [g.naam for g in response.context["gevangenissen"]] == ["Antwerpen", "Gent"]
    assert [b is not None for b in rijen["Nederlands tweede taal A1"]["cellen"]] == [True, False]
    assert rijen["Yoga"]["cellen"] == [None, None]
    assert response.context["totalen"] == [1, 0]
    tekst = response.text
    assert '<th scope="col" class="matrix__kop matrix--actief" title="Antwerpen">' in tekst
    assert "niet aangeboden" in tekst


def test_the_matrix_filters_on_life_domain(client, alice, nederlands, yoga):
    response = _matrix(client, alice, levensdomein="sport")
    assert [r["aanbod"].titel_nl for r in response.context["rijen"]] == ["Yoga"]
    response = _matrix(client, alice, levensdomein="onzin")
    assert len(response.context["rijen"]) == 2


def test_an_offer_planned_to_start_later_shows_as_such(client, alice, yoga, antwerpen, vandaag):
    aanbod_in_gevangenis_opnemen(
        aanbod=yoga, gevangenis=antwerpen, sinds=vandaag + datetime.timedelta(days=10), door=None
    )
    response = _matrix(client, alice)
    [rij] = response.context["rijen"]
    assert rij["aantal"] == 0
    assert "vanaf" in response.text


def test_a_planner_gets_links_for_the_active_prison(
    client, olga, nederlands, yoga, beschikbaarheid
):
    tekst = _matrix(client, olga).text
    assert reverse("aanbod:beschikbaarheid_bewerken", args=[beschikbaarheid.pk]) in tekst
    assert f"{reverse('aanbod:beschikbaarheid_opnemen')}?aanbod={yoga.pk}" in tekst


def test_the_matrix_pins_its_queries(
    client, alice, cvo, antwerpen, gent, vandaag, django_assert_num_queries
):
    for i in range(10):
        aanbod = aanbod_opslaan(
            titel_nl=f"Cursus {i}", beschrijving_nl="—", levensdomein="onderwijs",
            organisatie=cvo, vorm=Aanbod.Vorm.GROEP,
            rapportagecategorie=Rapportagecategorie.objects.get(code="cvo-ligo-opleiding"),
            door=None,
        )  # fmt: skip
        for gevangenis in (antwerpen, gent)[: i % 3]:
            aanbod_in_gevangenis_opnemen(
                aanbod=aanbod, gevangenis=gevangenis, sinds=vandaag, door=None
            )
    client.force_login(alice)
    client.get(reverse("aanbod:beschikbaarheid"))
    # session, user, 2× permissions; the prisons, the count, the page (with provider),
    # the page's availabilities, the totals per prison; the user's prisons; then the
    # session save (savepoint, update, release).
    with django_assert_num_queries(13):
        response = client.get(reverse("aanbod:beschikbaarheid"))
    assert len(response.context["rijen"]) == 10


# Taking an offer up in the active prison


def test_a_planner_takes_an_offer_up_in_the_active_prison(client, olga, yoga, antwerpen, vandaag):
    client.force_login(olga)
    url = reverse("aanbod:beschikbaarheid_opnemen")
    form = client.get(url, {"aanbod": yoga.pk}).context["form"]
    assert list(form.fields["aanbod"].queryset) == [yoga]  # Antwerpen has the other one
    response = client.post(
        url,
        {
            "aanbod": yoga.pk,
            "sinds": vandaag.isoformat(),
            "capaciteit": "12",
            "met_wachtlijst": "on",
            "verantwoordelijken": [olga.medewerker.pk],
        },
    )
    assert response["Location"] == reverse("aanbod:beschikbaarheid")
    beschikbaarheid = AanbodInGevangenis.objects.get(aanbod=yoga)
    assert beschikbaarheid.gevangenis == antwerpen
    assert beschikbaarheid.capaciteit == 12
    assert list(beschikbaarheid.verantwoordelijken.all()) == [olga.medewerker]


def test_staff_of_another_prison_cannot_be_responsible(client, olga, gert, yoga, vandaag):
    client.force_login(olga)
    response = client.post(
        reverse("aanbod:beschikbaarheid_opnemen"),
        {
            "aanbod": yoga.pk,
            "sinds": vandaag.isoformat(),
            "verantwoordelijken": [gert.medewerker.pk],
        },
    )
    assert "verantwoordelijken" in response.context["form"].errors
    assert not AanbodInGevangenis.objects.filter(aanbod=yoga).exists()


def test_a_reader_may_not_take_an_offer_up(client, alice, yoga, vandaag):
    client.force_login(alice)
    response = client.post(
        reverse("aanbod:beschikbaarheid_opnemen"), {"aanbod": yoga.pk, "sinds": vandaag.isoformat()}
    )
    assert response.status_code == 403
    assert not AanbodInGevangenis.objects.filter(aanbod=yoga).exists()


# Changing its terms


def test_a_planner_changes_capacity_waiting_list_and_responsible_staff(
    client, olga, beschikbaarheid
):
    client.force_login(olga)
    url = reverse("aanbod:beschikbaarheid_bewerken", args=[beschikbaarheid.pk])
    assert client.get(url).context["form"]["capaciteit"].value() == 24
    response = client.post(url, {"capaciteit": "30", "verantwoordelijken": [olga.medewerker.pk]})
    assert response.status_code == 302
    beschikbaarheid.refresh_from_db()
    assert (beschikbaarheid.capaciteit, beschikbaarheid.met_wachtlijst) == (30, False)
    assert list(beschikbaarheid.verantwoordelijken.all()) == [olga.medewerker]


def test_an_end_before_the_start_shows_on_its_field(client, olga, beschikbaarheid):
    client.force_login(olga)
    url = reverse("aanbod:beschikbaarheid_bewerken", args=[beschikbaarheid.pk])
    response = client.post(url, {"capaciteit": "30", "tot": "2000-01-01"})
    assert response.context["form"].errors["tot"] == ["Het einde ligt voor het begin."]
    beschikbaarheid.refresh_from_db()
    assert beschikbaarheid.capaciteit == 24


def test_another_prisons_terms_are_a_404(client, gert, beschikbaarheid):
    client.force_login(gert)
    url = reverse("aanbod:beschikbaarheid_bewerken", args=[beschikbaarheid.pk])
    assert client.post(url, {"capaciteit": "1"}).status_code == 404
    beschikbaarheid.refresh_from_db()
    assert beschikbaarheid.capaciteit == 24
