"""The catalogue API and which prison offers what: through the services, scoped on writes."""

import datetime

import pytest
from django.urls import reverse

from aanbod.models import Aanbod, AanbodInGevangenis, Doelgroep, Rapportagecategorie
from aanbod.services.catalogus import (
    aanbod_archiveren,
    aanbod_in_gevangenis_opnemen,
    aanbod_opslaan,
)
from hdv.models import Auditrecord

pytestmark = pytest.mark.django_db


@pytest.fixture
def sport(vdab):
    """An individual item, offered nowhere, for speakers of French."""
    return aanbod_opslaan(
        titel_nl="Fitness",
        beschrijving_nl="Sporten in de fitnesszaal.",
        levensdomein="sport",
        organisatie=vdab,
        vorm=Aanbod.Vorm.INDIVIDUEEL,
        rapportagecategorie=Rapportagecategorie.objects.get(code="sport"),
        doelgroepen=[Doelgroep.objects.get(code="anderstaligen")],
        talen=["fr"],
        door=None,
    )


def _nieuw(cvo, **extra):
    return {
        "titel_nl": "Koken voor beginners",
        "beschrijving_nl": "Je leert eenvoudige gerechten maken.",
        "levensdomein": "welzijn",
        "organisatie": cvo.pk,
        "vorm": "groep",
        "rapportagecategorie": "caw-groepsaanbod",
        "doelgroepen": ["jongvolwassenen"],
        "talen": ["NL", "fr"],
        **extra,
    }


def _aanbod(cvo, titel, **extra):
    return aanbod_opslaan(
        titel_nl=titel,
        beschrijving_nl="Een cursus.",
        levensdomein="onderwijs",
        organisatie=cvo,
        vorm=Aanbod.Vorm.GROEP,
        rapportagecategorie=Rapportagecategorie.objects.get(code="cvo-ligo-opleiding"),
        door=None,
        **extra,
    )


def _ids(response):
    assert response.status_code == 200, response.content
    return [item["id"] for item in response.json()["results"]]


# --- Catalogue -------------------------------------------------------------------------


def test_it_lists_the_catalogue_for_every_prison(client, gert, nederlands, sport):
    # The catalogue is Flanders-wide: Gent sees the item Antwerpen offers.
    client.force_login(gert)
    data = client.get(reverse("api:aanbod")).json()
    assert [item["titel_nl"] for item in data["results"]] == ["Fitness", nederlands.titel_nl]
    item = data["results"][1]
    assert item["rapportagecategorie"] == "cvo-ligo-opleiding"
    assert item["talen"] == ["nl"]
    assert item["gearchiveerd"] is False


@pytest.mark.parametrize(
    ("filters", "verwacht"),
    [
        ({"levensdomein": "onderwijs"}, ["nederlands"]),
        ({"vorm": "individueel"}, ["sport"]),
        ({"doelgroep": "anderstaligen"}, ["sport"]),
        ({"taal": "NL"}, ["nederlands"]),
        ({"taal": "ar"}, []),
        ({"gevangenis": "ANT"}, ["nederlands"]),
        ({"gevangenis": "GEN"}, []),
        ({"gearchiveerd": "false"}, ["sport", "nederlands"]),
        ({"gearchiveerd": "true"}, []),
    ],
)
def test_the_catalogue_filters(client, alice, nederlands, sport, filters, verwacht):
    client.force_login(alice)
    items = {"nederlands": nederlands.pk, "sport": sport.pk}
    response = client.get(reverse("api:aanbod"), filters)
    assert _ids(response) == [items[naam] for naam in verwacht]


def test_the_catalogue_filters_on_organisation(client, alice, nederlands, sport, cvo):
    client.force_login(alice)
    assert _ids(client.get(reverse("api:aanbod"), {"organisatie": cvo.pk})) == [nederlands.pk]


def test_an_archived_item_is_found_with_its_filter(client, alice, nederlands, olga):
    aanbod_archiveren(aanbod=nederlands, door=olga)
    client.force_login(alice)
    assert _ids(client.get(reverse("api:aanbod"), {"gearchiveerd": "true"})) == [nederlands.pk]
    assert _ids(client.get(reverse("api:aanbod"), {"gearchiveerd": "false"})) == []


def test_the_catalogue_list_pins_its_queries(
    client, alice, cvo, django_assert_num_queries, nederlands
):
    for n in range(15):
        _aanbod(cvo, f"Aanbod {n}", doelgroepen=Doelgroep.objects.all()[:2])
    client.force_login(alice)
    client.get(reverse("api:aanbod"))
    # session, user, 2× permissions, count, page with category joined, target groups,
    # session save (3)
    with django_assert_num_queries(10):
        data = client.get(reverse("api:aanbod")).json()
    assert data["count"] == 16


def test_the_detail_shows_one_item(client, alice, nederlands):
    client.force_login(alice)
    data = client.get(reverse("api:aanbod_detail", args=[nederlands.pk])).json()
    assert (data["titel_fr"], data["duur_weken"], data["met_examen"]) == (
        "Néerlandais langue seconde A1",
        20,
        True,
    )


def test_anonymous_callers_get_401(client, nederlands):
    assert client.get(reverse("api:aanbod")).status_code == 401
    assert client.post(reverse("api:aanbod"), {}).status_code == 401


def test_olga_adds_an_item(client, olga, cvo):
    client.force_login(olga)
    response = client.post(reverse("api:aanbod"), _nieuw(cvo), content_type="application/json")
    assert response.status_code == 201, response.content
    aanbod = Aanbod.objects.get(pk=response.json()["id"])
    assert aanbod.talen == ["fr", "nl"]  # cleaned by the service
    assert [d.code for d in aanbod.doelgroepen.all()] == ["jongvolwassenen"]
    assert response.json()["doelgroepen"] == ["jongvolwassenen"]
    assert Auditrecord.objects.filter(actie="aanbod_aangemaakt", door=olga).exists()


def test_a_trajectbegeleider_may_not_add_or_change_items(client, alice, cvo, nederlands):
    client.force_login(alice)
    nieuw = client.post(reverse("api:aanbod"), _nieuw(cvo), content_type="application/json")
    wijziging = client.patch(
        reverse("api:aanbod_detail", args=[nederlands.pk]),
        {"titel_nl": "Anders"},
        content_type="application/json",
    )
    archief = client.post(reverse("api:aanbod_archiveren", args=[nederlands.pk]))
    assert (nieuw.status_code, wijziging.status_code, archief.status_code) == (403, 403, 403)
    assert Aanbod.objects.count() == 1
    nederlands.refresh_from_db()
    assert (nederlands.titel_nl, nederlands.gearchiveerd) == ("Nederlands tweede taal A1", False)


@pytest.mark.parametrize(
    ("fout", "veld"),
    [
        ({"levensdomein": "astrologie"}, "levensdomein"),
        ({"talen": ["Nederlands!"]}, "talen"),  # refused by the service
        ({"rapportagecategorie": "bestaat-niet"}, "rapportagecategorie"),
        ({"doelgroepen": ["bestaat-niet"]}, "doelgroepen"),
        ({"titel_nl": ""}, "titel_nl"),
    ],
)
def test_bad_input_for_an_item_is_a_400_and_saves_nothing(client, olga, cvo, fout, veld):
    client.force_login(olga)
    response = client.post(
        reverse("api:aanbod"), _nieuw(cvo, **fout), content_type="application/json"
    )
    assert response.status_code == 400
    assert veld in response.json()
    assert not Aanbod.objects.exists()


def test_a_patch_changes_only_what_it_names(client, olga, sport):
    client.force_login(olga)
    response = client.patch(
        reverse("api:aanbod_detail", args=[sport.pk]),
        {"titel_nl": "Fitness en conditie", "met_attest": True},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    sport.refresh_from_db()
    assert (sport.titel_nl, sport.met_attest, sport.talen) == ("Fitness en conditie", True, ["fr"])
    assert [d.code for d in sport.doelgroepen.all()] == ["anderstaligen"]


def test_a_put_replaces_the_item(client, olga, sport, cvo):
    client.force_login(olga)
    response = client.put(
        reverse("api:aanbod_detail", args=[sport.pk]),
        _nieuw(cvo, doelgroepen=[]),
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    sport.refresh_from_db()
    assert (sport.titel_nl, sport.organisatie, sport.levensdomein) == (
        "Koken voor beginners",
        cvo,
        "welzijn",
    )
    assert not sport.doelgroepen.exists()


def test_a_put_needs_every_required_field(client, olga, sport):
    client.force_login(olga)
    response = client.put(
        reverse("api:aanbod_detail", args=[sport.pk]),
        {"titel_nl": "Alleen een titel"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "beschrijving_nl" in response.json()
    sport.refresh_from_db()
    assert sport.titel_nl == "Fitness"


def test_olga_archives_an_item_once(client, olga, nederlands, vandaag):
    client.force_login(olga)
    url = reverse("api:aanbod_archiveren", args=[nederlands.pk])
    response = client.post(url)
    assert response.status_code == 200
    assert response.json()["gearchiveerd"] is True
    assert AanbodInGevangenis.objects.get(aanbod=nederlands).tot == vandaag
    assert client.post(url).status_code == 400


def test_an_archived_item_cannot_be_changed(client, olga, nederlands):
    aanbod_archiveren(aanbod=nederlands, door=olga)
    client.force_login(olga)
    response = client.patch(
        reverse("api:aanbod_detail", args=[nederlands.pk]),
        {"titel_nl": "Anders"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "non_field_errors" in response.json()


def test_an_unknown_item_is_a_404(client, olga):
    client.force_login(olga)
    assert client.get(reverse("api:aanbod_detail", args=[999])).status_code == 404


# --- Availability per prison -----------------------------------------------------------


def test_everyone_reads_who_offers_what(client, gert, nederlands, sport):
    client.force_login(gert)
    response = client.get(reverse("api:beschikbaarheden"))
    [beschikbaarheid] = response.json()["results"]
    assert (beschikbaarheid["aanbod"], beschikbaarheid["gevangenis"]) == (nederlands.pk, "ANT")
    detail = client.get(reverse("api:beschikbaarheid", args=[beschikbaarheid["id"]]))
    assert detail.status_code == 200


def test_availability_filters(client, alice, nederlands, sport, gent, vandaag):
    beeindigd = aanbod_in_gevangenis_opnemen(
        aanbod=sport, gevangenis=gent, sinds=vandaag - datetime.timedelta(days=90), door=None
    )
    beeindigd.tot = vandaag - datetime.timedelta(days=1)
    beeindigd.save()
    lopend = AanbodInGevangenis.objects.get(aanbod=nederlands)
    client.force_login(alice)
    url = reverse("api:beschikbaarheden")
    assert _ids(client.get(url, {"aanbod": sport.pk})) == [beeindigd.pk]
    assert _ids(client.get(url, {"gevangenis": "ANT"})) == [lopend.pk]
    assert _ids(client.get(url, {"lopend": "true"})) == [lopend.pk]
    assert _ids(client.get(url, {"lopend": "false"})) == [beeindigd.pk]


def test_the_availability_list_pins_its_queries(
    client, alice, cvo, antwerpen, olga, vandaag, django_assert_num_queries
):
    for n in range(12):
        aanbod_in_gevangenis_opnemen(
            aanbod=_aanbod(cvo, f"Aanbod {n}"),
            gevangenis=antwerpen,
            sinds=vandaag,
            verantwoordelijken=[olga.medewerker],
            door=None,
        )
    client.force_login(alice)
    client.get(reverse("api:beschikbaarheden"))
    # session, user, 2× permissions, count, page with prison joined, responsible staff,
    # session save (3)
    with django_assert_num_queries(10):
        data = client.get(reverse("api:beschikbaarheden")).json()
    assert data["count"] == 12
    assert data["results"][0]["verantwoordelijken"] == [olga.medewerker.pk]


def test_olga_offers_an_item_in_her_prison(client, olga, sport, vandaag):
    client.force_login(olga)
    response = client.post(
        reverse("api:beschikbaarheden"),
        {
            "aanbod": sport.pk,
            "gevangenis": "ANT",
            "sinds": vandaag.isoformat(),
            "capaciteit": 8,
            "verantwoordelijken": [olga.medewerker.pk],
        },
        content_type="application/json",
    )
    assert response.status_code == 201, response.content
    beschikbaarheid = AanbodInGevangenis.objects.get(aanbod=sport)
    assert (beschikbaarheid.gevangenis.code, beschikbaarheid.capaciteit) == ("ANT", 8)
    assert list(beschikbaarheid.verantwoordelijken.all()) == [olga.medewerker]


@pytest.mark.parametrize(
    ("fout", "veld"),
    [
        (lambda gert: {"gevangenis": "GEN"}, "gevangenis"),  # not one of olga's prisons
        (lambda gert: {"verantwoordelijken": [gert.medewerker.pk]}, "verantwoordelijken"),
        (lambda gert: {"sinds": "gisteren"}, "sinds"),
    ],
)
def test_bad_input_for_an_availability_is_a_400_and_saves_nothing(
    client, olga, gert, sport, vandaag, fout, veld
):
    client.force_login(olga)
    response = client.post(
        reverse("api:beschikbaarheden"),
        {"aanbod": sport.pk, "gevangenis": "ANT", "sinds": vandaag.isoformat(), **fout(gert)},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert veld in response.json()
    assert not AanbodInGevangenis.objects.filter(aanbod=sport).exists()


def test_an_item_runs_once_at_a_time_in_a_prison(client, olga, nederlands, vandaag):
    client.force_login(olga)
    response = client.post(
        reverse("api:beschikbaarheden"),
        {"aanbod": nederlands.pk, "gevangenis": "ANT", "sinds": vandaag.isoformat()},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert AanbodInGevangenis.objects.filter(aanbod=nederlands).count() == 1


def test_a_trajectbegeleider_may_not_offer_items(client, alice, sport, vandaag):
    client.force_login(alice)
    response = client.post(
        reverse("api:beschikbaarheden"),
        {"aanbod": sport.pk, "gevangenis": "ANT", "sinds": vandaag.isoformat()},
        content_type="application/json",
    )
    assert response.status_code == 403


def test_olga_changes_an_availability_and_keeps_what_she_leaves_out(client, olga, nederlands):
    beschikbaarheid = AanbodInGevangenis.objects.get(aanbod=nederlands)
    beschikbaarheid.verantwoordelijken.set([olga.medewerker])
    client.force_login(olga)
    response = client.patch(
        reverse("api:beschikbaarheid", args=[beschikbaarheid.pk]),
        {"capaciteit": 30, "met_wachtlijst": False},
        content_type="application/json",
    )
    assert response.status_code == 200, response.content
    beschikbaarheid.refresh_from_db()
    assert (beschikbaarheid.capaciteit, beschikbaarheid.met_wachtlijst) == (30, False)
    assert list(beschikbaarheid.verantwoordelijken.all()) == [olga.medewerker]
    assert response.json()["verantwoordelijken"] == [olga.medewerker.pk]


def test_an_availability_ends_not_before_it_began(client, olga, nederlands, vandaag):
    beschikbaarheid = AanbodInGevangenis.objects.get(aanbod=nederlands)
    client.force_login(olga)
    response = client.patch(
        reverse("api:beschikbaarheid", args=[beschikbaarheid.pk]),
        {"tot": (beschikbaarheid.sinds - datetime.timedelta(days=1)).isoformat()},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "tot" in response.json()
    beschikbaarheid.refresh_from_db()
    assert beschikbaarheid.tot is None


def test_gent_cannot_change_what_antwerpen_offers(client, gert, alice, nederlands):
    beschikbaarheid = AanbodInGevangenis.objects.get(aanbod=nederlands)
    url = reverse("api:beschikbaarheid", args=[beschikbaarheid.pk])
    client.force_login(gert)
    response = client.patch(url, {"capaciteit": 1}, content_type="application/json")
    assert response.status_code == 404
    client.force_login(alice)
    response = client.patch(url, {"capaciteit": 1}, content_type="application/json")
    assert response.status_code == 403
    beschikbaarheid.refresh_from_db()
    assert beschikbaarheid.capaciteit == 24
