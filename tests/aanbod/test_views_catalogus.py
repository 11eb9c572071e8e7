"""The offer catalogue: browse with filters, one item, create, change, archive."""

import pytest
from django.urls import reverse

from aanbod.models import Aanbod, Doelgroep, Rapportagecategorie
from aanbod.services.catalogus import aanbod_in_gevangenis_opnemen, aanbod_opslaan

pytestmark = pytest.mark.django_db


@pytest.fixture
def voetbal(vdab, gent, vandaag):
    """A group offer in Gent only, in Dutch and Arabic, for young adults."""
    aanbod = aanbod_opslaan(
        titel_nl="Voetbal",
        beschrijving_nl="Samen sporten.",
        levensdomein="sport",
        organisatie=vdab,
        vorm=Aanbod.Vorm.GROEP,
        rapportagecategorie=Rapportagecategorie.objects.get(code="sport"),
        talen=["nl", "ar"],
        doelgroepen=[Doelgroep.objects.get(code="jongvolwassenen")],
        door=None,
    )
    aanbod_in_gevangenis_opnemen(aanbod=aanbod, gevangenis=gent, sinds=vandaag, door=None)
    return aanbod


@pytest.fixture
def schuldhulp(caw):
    """An individual offer that no prison has."""
    return aanbod_opslaan(
        titel_nl="Schuldhulp",
        beschrijving_nl="Hulp bij schulden.",
        levensdomein="financien",
        organisatie=caw,
        vorm=Aanbod.Vorm.INDIVIDUEEL,
        rapportagecategorie=Rapportagecategorie.objects.get(code="schuldhulpverlening"),
        door=None,
    )


def _titels(client, user, **filters):
    client.force_login(user)
    response = client.get(reverse("aanbod:catalogus"), filters)
    assert response.status_code == 200
    return [a.titel_nl for a in response.context["pagina"].object_list]


ALLE = ["Nederlands tweede taal A1", "Schuldhulp", "Voetbal"]


def test_it_lists_the_whole_catalogue(client, alice, nederlands, voetbal, schuldhulp):
    assert _titels(client, alice) == ALLE


@pytest.mark.parametrize(
    ("filter_", "verwacht"),
    [
        ({"levensdomein": "sport"}, ["Voetbal"]),
        ({"vorm": "individueel"}, ["Schuldhulp"]),
        ({"taal": "ar"}, ["Voetbal"]),
        ({"q": "taal"}, ["Nederlands tweede taal A1"]),
        ({"q": "langue"}, ["Nederlands tweede taal A1"]),  # the French title counts too
        ({"levensdomein": "onbekend"}, ALLE),  # an unknown choice filters nothing
    ],
)
def test_it_filters(client, alice, nederlands, voetbal, schuldhulp, filter_, verwacht):
    assert _titels(client, alice, **filter_) == verwacht


def test_it_filters_on_provider_prison_and_target_group(
    client, alice, nederlands, voetbal, schuldhulp, cvo, gent, antwerpen
):
    assert _titels(client, alice, organisatie=cvo.pk) == ["Nederlands tweede taal A1"]
    assert _titels(client, alice, gevangenis=gent.pk) == ["Voetbal"]
    assert _titels(client, alice, gevangenis=antwerpen.pk) == ["Nederlands tweede taal A1"]
    doelgroep = Doelgroep.objects.get(code="jongvolwassenen")
    assert _titels(client, alice, doelgroep=doelgroep.pk) == ["Voetbal"]


def test_the_prison_filter_keeps_the_count_of_all_prisons(
    client, alice, voetbal, antwerpen, gent, vandaag
):
    aanbod_in_gevangenis_opnemen(aanbod=voetbal, gevangenis=antwerpen, sinds=vandaag, door=None)
    client.force_login(alice)
    response = client.get(reverse("aanbod:catalogus"), {"gevangenis": gent.pk})
    [aanbod] = response.context["pagina"].object_list
    assert aanbod.aantal_gevangenissen == 2
    assert "2 van 2 gevangenissen" in response.text


def test_archived_items_leave_the_catalogue_but_can_be_found(client, alice, olga, voetbal):
    client.force_login(olga)
    client.post(reverse("aanbod:aanbod_archiveren", args=[voetbal.pk]))
    assert _titels(client, alice) == []
    assert _titels(client, alice, status="gearchiveerd") == ["Voetbal"]


def test_the_catalogue_pins_its_queries(
    client, alice, cvo, gent, vandaag, django_assert_num_queries
):
    for i in range(12):
        aanbod = aanbod_opslaan(
            titel_nl=f"Cursus {i}", beschrijving_nl="—", levensdomein="onderwijs",
            organisatie=cvo, vorm=Aanbod.Vorm.GROEP, talen=["nl", "fr"],
            rapportagecategorie=Rapportagecategorie.objects.get(code="cvo-ligo-opleiding"),
            door=None,
        )  # fmt: skip
        aanbod_in_gevangenis_opnemen(aanbod=aanbod, gevangenis=gent, sinds=vandaag, door=None)
    client.force_login(alice)
    client.get(reverse("aanbod:catalogus"))
    # session, user, 2× permissions; the languages in use, the count, the page (with
    # provider and prison count), the number of prisons; the filter's providers, prisons
    # and target groups; the prisons of the switcher; then the session save (savepoint,
    # update, release).
    with django_assert_num_queries(15):
        response = client.get(reverse("aanbod:catalogus"))
    assert len(response.context["pagina"].object_list) == 12


# One item


def test_an_item_shows_its_translations_conditions_and_where_it_is_offered(
    client, alice, nederlands, gent, antwerpen, activiteit
):
    client.force_login(alice)
    response = client.get(reverse("aanbod:aanbod", args=[nederlands.pk]))
    tekst = response.text
    assert '<section class="vertaling" lang="fr"' in tekst
    assert "Vous apprenez à parler et lire le néerlandais." in tekst
    assert "You learn to speak and read Dutch." in tekst
    assert "CVO/Ligo-opleiding" in tekst
    assert "met examen" in tekst
    assert {g.naam: b is not None for g, b in response.context["gevangenissen"]} == {
        "Antwerpen": True,
        "Gent": False,
    }
    assert "Aangeboden in 1 van de 2 gevangenissen." in tekst
    assert reverse("aanbod:activiteit", args=[activiteit.pk]) in tekst


def test_an_item_shows_only_activities_of_ones_own_prisons(client, gert, activiteit, nederlands):
    client.force_login(gert)
    response = client.get(reverse("aanbod:aanbod", args=[nederlands.pk]))
    assert response.status_code == 200  # the catalogue is for everyone
    assert list(response.context["activiteiten"]) == []


def test_an_unknown_item_is_a_404(client, alice):
    client.force_login(alice)
    assert client.get(reverse("aanbod:aanbod", args=[999])).status_code == 404


# Create, change, archive


def _formulier(organisatie, **anders):
    return {
        "titel_nl": "Koken",
        "beschrijving_nl": "Samen koken en eten.",
        "levensdomein": "gezondheid",
        "organisatie": organisatie.pk,
        "vorm": "groep",
        "rapportagecategorie": Rapportagecategorie.objects.get(code="gezondheidspromotie").pk,
        "doelgroepen": [Doelgroep.objects.get(code="anderstaligen").pk],
        "talen": "nl, FR",
        "vereist_nederlandsniveau": "",
        **anders,
    }


def test_a_new_item_is_saved_through_the_service(client, olga, cvo):
    client.force_login(olga)
    response = client.post(reverse("aanbod:aanbod_nieuw"), _formulier(cvo))
    aanbod = Aanbod.objects.get(titel_nl="Koken")
    assert response["Location"] == reverse("aanbod:aanbod", args=[aanbod.pk])
    assert aanbod.talen == ["fr", "nl"]
    assert [d.code for d in aanbod.doelgroepen.all()] == ["anderstaligen"]


def test_a_bad_language_code_shows_on_its_field(client, olga, cvo):
    client.force_login(olga)
    response = client.post(reverse("aanbod:aanbod_nieuw"), _formulier(cvo, talen="nl, Nederlands"))
    assert response.context["form"].errors["talen"] == [
        "‘nederlands’ is geen taalcode (bv. nl, fr, ar)."
    ]
    assert not Aanbod.objects.filter(titel_nl="Koken").exists()


def test_a_missing_title_shows_on_its_field(client, olga, cvo):
    client.force_login(olga)
    response = client.post(reverse("aanbod:aanbod_nieuw"), _formulier(cvo, titel_nl=""))
    assert "titel_nl" in response.context["form"].errors
    assert "Het formulier bevat fouten" in response.text
    assert not Aanbod.objects.exists()


def test_an_item_is_changed_and_its_form_starts_from_it(client, olga, nederlands, cvo):
    client.force_login(olga)
    url = reverse("aanbod:aanbod_bewerken", args=[nederlands.pk])
    form = client.get(url).context["form"]
    assert form["talen"].value() == "nl"
    assert form["titel_fr"].value() == "Néerlandais langue seconde A1"
    response = client.post(url, _formulier(cvo, titel_nl="NT2 A1"))
    assert response.status_code == 302
    nederlands.refresh_from_db()
    assert nederlands.titel_nl == "NT2 A1"


def test_an_archived_item_cannot_be_changed(client, olga, nederlands):
    client.force_login(olga)
    client.post(reverse("aanbod:aanbod_archiveren", args=[nederlands.pk]))
    response = client.get(reverse("aanbod:aanbod_bewerken", args=[nederlands.pk]))
    assert response.status_code == 302
    nederlands.refresh_from_db()
    assert nederlands.gearchiveerd
    assert not nederlands.beschikbaarheden.filter(tot__isnull=True).exists()


def test_archiving_twice_says_so(client, olga, nederlands):
    client.force_login(olga)
    client.post(reverse("aanbod:aanbod_archiveren", args=[nederlands.pk]))
    response = client.post(reverse("aanbod:aanbod_archiveren", args=[nederlands.pk]))
    assert "Dit aanbod is al gearchiveerd." in [str(m) for m in response.wsgi_request._messages]


def test_archiving_needs_a_post_and_the_right(client, olga, alice, nederlands):
    client.force_login(olga)
    assert client.get(reverse("aanbod:aanbod_archiveren", args=[nederlands.pk])).status_code == 405
    client.force_login(alice)
    assert client.post(reverse("aanbod:aanbod_archiveren", args=[nederlands.pk])).status_code == 403
    nederlands.refresh_from_db()
    assert not nederlands.gearchiveerd


def test_a_reader_sees_no_edit_buttons(client, alice, nederlands):
    client.force_login(alice)
    tekst = client.get(reverse("aanbod:aanbod", args=[nederlands.pk])).text
    assert "Bewerken" not in tekst
    assert "Archiveren" not in tekst
