"""The referral screens: the form, one referral with its actions, the inbox, the file's part.

Cast: alice (CAW, Antwerpen) refers Jan (persoon) to VDAB, where bob works; the
fixtures toestemming_vdab, concept_naar_vdab, verstuurd_naar_vdab come from
tests/trajecten/routes_doorverwijzingen.py.
"""

import datetime

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from aanbod.models import Aanbod, Rapportagecategorie
from aanbod.services.catalogus import aanbod_archiveren, aanbod_opslaan
from hdv import rollen
from tests.conftest import _medewerker
from tests.factories import GedetineerdeFactory, OrganisatieFactory
from trajecten.models import Categorie, Doorverwijzing, Doorverwijzingsstap
from trajecten.services.doorverwijzingen import doorverwijzing_aanmaken
from trajecten.services.notities import toestemming_geven, toestemming_intrekken
from trajecten.services.onthaal import behoefte_vastleggen
from trajecten.views.doorverwijzingen import dossier_sectie
from trajecten.zichtbaarheid import inzicht

S = Doorverwijzing.Status


def _nieuw(persoon):
    return reverse("trajecten:doorverwijzing_nieuw", args=[persoon.pk])


def _actie(doorverwijzing, actie):
    return reverse("trajecten:doorverwijzing_actie", args=[doorverwijzing.pk, actie])


def _detail(doorverwijzing):
    return reverse("trajecten:doorverwijzing", args=[doorverwijzing.pk])


@pytest.fixture
def opleiding_elders(cvo):
    """An active catalogue item that Antwerpen does not offer."""
    return aanbod_opslaan(
        titel_nl="Lassen",
        beschrijving_nl="Je leert lassen.",
        levensdomein="werk",
        organisatie=cvo,
        vorm=Aanbod.Vorm.GROEP,
        rapportagecategorie=Rapportagecategorie.objects.get(code="cvo-ligo-opleiding"),
        door=None,
    )


@pytest.fixture
def ocmw(db):
    return OrganisatieFactory(naam="OCMW Antwerpen", afkorting="OCMW-ANT", soort="extern")


def _verwijzen(client, persoon, **velden):
    gegevens = {"plaats": "binnen", "motivatie": "Zoekt werk na de vrijlating.", **velden}
    return client.post(_nieuw(persoon), gegevens)


# The form


def test_it_offers_the_prisons_offer_first_and_any_active_one(
    client, alice, persoon, nederlands, opleiding_elders
):
    client.force_login(alice)
    response = client.get(_nieuw(persoon))
    assert response.status_code == 200
    inhoud = response.content.decode()
    assert "CVO Antwerpen (CVO-ANT)" in inhoud
    assert f'value="{nederlands.pk}">Nederlands tweede taal A1</option>' in inhoud
    assert "Lassen · niet aangeboden in Antwerpen" in inhoud
    assert inhoud.index("Nederlands tweede taal A1") < inhoud.index("Lassen")


def test_it_offers_the_persons_needs_and_fills_in_from_a_need(client, alice, persoon):
    werk = behoefte_vastleggen(
        gedetineerde=persoon, levensdomein="werk", antwoord="ja", prioriteit="hoog", door=alice
    )
    behoefte_vastleggen(gedetineerde=persoon, levensdomein="wonen", antwoord="nee", door=alice)
    client.force_login(alice)

    response = client.get(_nieuw(persoon), {"behoefte": werk.pk})

    form = response.context["form"]
    assert list(form.fields["behoefte"].queryset) == [werk]
    assert form.initial == {"behoefte": werk.pk, "levensdomein": "werk"}


def test_it_saves_a_concept(client, alice, persoon, vdab):
    client.force_login(alice)

    response = _verwijzen(client, persoon, naar_organisatie=vdab.pk, levensdomein="werk")

    doorverwijzing = Doorverwijzing.objects.get()
    assert response.status_code == 302
    assert response["Location"] == _detail(doorverwijzing)
    assert doorverwijzing.status == S.CONCEPT
    assert doorverwijzing.naar_organisatie == vdab


def test_the_levensdomein_comes_from_the_offer(client, alice, persoon, nederlands):
    client.force_login(alice)

    _verwijzen(client, persoon, aanbod=nederlands.pk)

    doorverwijzing = Doorverwijzing.objects.get()
    assert doorverwijzing.levensdomein == "onderwijs"
    assert doorverwijzing.naar_organisatie == nederlands.organisatie


def test_sending_without_consent_shows_the_error_and_saves_nothing(client, alice, persoon, vdab):
    client.force_login(alice)

    response = _verwijzen(
        client, persoon, naar_organisatie=vdab.pk, levensdomein="werk", versturen="1"
    )

    assert response.status_code == 200
    assert "gaf geen toestemming" in response.context["form"].errors["naar_organisatie"][0]
    assert not Doorverwijzing.objects.exists()
    assert not Doorverwijzingsstap.objects.exists()


def test_an_archived_offer_is_a_field_error(client, alice, persoon, nederlands):
    aanbod_archiveren(aanbod=nederlands, door=None)
    client.force_login(alice)

    response = _verwijzen(client, persoon, aanbod=nederlands.pk)

    assert response.status_code == 200
    assert "gearchiveerd" in response.context["form"].errors["aanbod"][0]
    assert not Doorverwijzing.objects.exists()


def test_without_a_target_nothing_is_saved(client, alice, persoon):
    client.force_login(alice)

    response = _verwijzen(client, persoon, levensdomein="werk")

    assert "naar_organisatie" in response.context["form"].errors
    assert not Doorverwijzing.objects.exists()


# The lifecycle


def test_the_full_lifecycle_through_the_screens(client, alice, bob, persoon, vdab):
    client.force_login(alice)
    client.post(
        reverse("trajecten:toestemmingen", args=[persoon.pk]),
        {
            "organisatie": vdab.pk,
            "categorie": Categorie.DOORVERWIJZINGEN,
            "gegeven_op": timezone.localdate().isoformat(),
        },
    )
    _verwijzen(client, persoon, naar_organisatie=vdab.pk, levensdomein="werk", versturen="1")
    doorverwijzing = Doorverwijzing.objects.get()
    assert doorverwijzing.status == S.VERSTUURD

    client.force_login(bob)
    inbox = client.get(reverse("trajecten:inbox"))
    assert list(inbox.context["pagina"].object_list) == [doorverwijzing]
    response = client.post(
        _actie(doorverwijzing, "beantwoorden"), {"besluit": "aanvaard", "antwoord": "Screening."}
    )
    assert response.status_code == 302
    doorverwijzing.refresh_from_db()
    assert doorverwijzing.status == S.AANVAARD
    assert not client.get(reverse("trajecten:inbox")).context["pagina"].object_list

    client.force_login(alice)
    client.post(_actie(doorverwijzing, "afronden"), {"toelichting": "Start op maandag."})
    doorverwijzing.refresh_from_db()
    assert doorverwijzing.status == S.AFGEROND

    detail = client.get(_detail(doorverwijzing))
    assert [s.naar_status for s in detail.context["stappen"]] == [
        S.CONCEPT,
        S.VERSTUURD,
        S.AANVAARD,
        S.AFGEROND,
    ]
    assert detail.context["formulieren"] == {}
    assert "Start op maandag." in detail.content.decode()


def test_withdrawing_consent_hides_the_content_from_bob_at_once(
    client, alice, bob, verstuurd_naar_vdab, toestemming_vdab
):
    client.force_login(bob)
    assert "heftruckchauffeur" in client.get(_detail(verstuurd_naar_vdab)).content.decode()

    client.force_login(alice)
    client.post(reverse("trajecten:toestemming_intrekken", args=[toestemming_vdab.pk]))

    client.force_login(bob)
    response = client.get(_detail(verstuurd_naar_vdab))
    inhoud = response.content.decode()
    assert "heftruckchauffeur" not in inhoud
    assert "Inhoud afgeschermd" in inhoud
    assert response.context["formulieren"] == {}
    assert "inhoud afgeschermd" in client.get(reverse("trajecten:inbox")).content.decode()
    # Nor can he answer it any more.
    antwoord = client.post(_actie(verstuurd_naar_vdab, "beantwoorden"), {"besluit": "aanvaard"})
    assert antwoord.status_code == 403
    verstuurd_naar_vdab.refresh_from_db()
    assert verstuurd_naar_vdab.status == S.VERSTUURD


def test_only_the_allowed_actions_are_offered(client, alice, bob, verstuurd_naar_vdab):
    client.force_login(alice)
    assert set(client.get(_detail(verstuurd_naar_vdab)).context["formulieren"]) == {"intrekken"}
    client.force_login(bob)
    assert set(client.get(_detail(verstuurd_naar_vdab)).context["formulieren"]) == {"beantwoorden"}


def test_a_concept_can_be_sent_from_its_page(client, alice, concept_naar_vdab, toestemming_vdab):
    client.force_login(alice)
    assert set(client.get(_detail(concept_naar_vdab)).context["formulieren"]) == {
        "versturen",
        "intrekken",
    }

    response = client.post(_actie(concept_naar_vdab, "versturen"))

    assert response.status_code == 302
    concept_naar_vdab.refresh_from_db()
    assert concept_naar_vdab.status == S.VERSTUURD


def test_sending_a_concept_without_consent_is_a_message(client, alice, concept_naar_vdab):
    client.force_login(alice)

    response = client.post(_actie(concept_naar_vdab, "versturen"), follow=True)

    assert "gaf geen toestemming" in response.content.decode()
    concept_naar_vdab.refresh_from_db()
    assert concept_naar_vdab.status == S.CONCEPT


def test_an_illegal_transition_is_a_clear_message_and_no_change(client, alice, concept_naar_vdab):
    client.force_login(alice)

    response = client.post(_actie(concept_naar_vdab, "afronden"), follow=True)

    assert "kan niet naar" in response.content.decode()
    concept_naar_vdab.refresh_from_db()
    assert concept_naar_vdab.status == S.CONCEPT
    assert concept_naar_vdab.stappen.count() == 1


def test_an_unknown_action_is_404(client, alice, concept_naar_vdab):
    client.force_login(alice)
    assert client.post(_actie(concept_naar_vdab, "verwijderen")).status_code == 404


def test_a_refusal_needs_a_reason(client, bob, verstuurd_naar_vdab):
    client.force_login(bob)

    response = client.post(_actie(verstuurd_naar_vdab, "beantwoorden"), {"besluit": "geweigerd"})

    assert response.status_code == 200
    assert "weigerreden" in response.context["formulieren"]["beantwoorden"].errors
    verstuurd_naar_vdab.refresh_from_db()
    assert verstuurd_naar_vdab.status == S.VERSTUURD


def test_a_refusal_with_its_reason(client, bob, verstuurd_naar_vdab):
    client.force_login(bob)

    client.post(
        _actie(verstuurd_naar_vdab, "beantwoorden"),
        {"besluit": "geweigerd", "weigerreden": "geen_plaats"},
    )

    verstuurd_naar_vdab.refresh_from_db()
    assert verstuurd_naar_vdab.status == S.GEWEIGERD
    assert verstuurd_naar_vdab.weigerreden == "geen_plaats"


def test_only_the_referrer_withdraws(client, bob, verstuurd_naar_vdab):
    client.force_login(bob)

    response = client.post(_actie(verstuurd_naar_vdab, "intrekken"))

    assert response.status_code == 403
    verstuurd_naar_vdab.refresh_from_db()
    assert verstuurd_naar_vdab.status == S.VERSTUURD


def test_the_referrer_records_the_answer_of_an_outside_partner(client, alice, persoon, ocmw):
    toestemming_geven(
        gedetineerde=persoon, organisatie=ocmw, categorie=Categorie.DOORVERWIJZINGEN, door=alice
    )
    doorverwijzing = doorverwijzing_aanmaken(
        gedetineerde=persoon,
        naar_organisatie=ocmw,
        levensdomein="wonen",
        plaats="buiten",
        motivatie="Zoekt een woning na de vrijlating.",
        door=alice,
        versturen=True,
    )
    client.force_login(alice)
    detail = client.get(_detail(doorverwijzing))
    assert "beantwoorden" in detail.context["formulieren"]
    assert "Antwoord van de externe partner vastleggen" in detail.content.decode()

    client.post(_actie(doorverwijzing, "beantwoorden"), {"besluit": "aanvaard"})

    doorverwijzing.refresh_from_db()
    assert doorverwijzing.status == S.AANVAARD


def test_a_referral_of_another_prison_is_404(client, charlie, verstuurd_naar_vdab):
    client.force_login(charlie)
    assert client.get(_detail(verstuurd_naar_vdab)).status_code == 404
    assert client.post(_actie(verstuurd_naar_vdab, "intrekken")).status_code == 404


# The inbox


def _verstuur(persoon, naar, door):
    toestemming_geven(
        gedetineerde=persoon, organisatie=naar, categorie=Categorie.DOORVERWIJZINGEN, door=door
    )
    return doorverwijzing_aanmaken(
        gedetineerde=persoon,
        naar_organisatie=naar,
        levensdomein="werk",
        plaats="binnen",
        motivatie="Werk zoeken.",
        door=door,
        versturen=True,
    )


def test_the_inbox_holds_only_what_waits_for_bobs_organisation_oldest_first(
    client, alice, bob, charlie, antwerpen, gent, vdab, cvo
):
    eerste = _verstuur(GedetineerdeFactory(huidige_gevangenis=antwerpen), vdab, alice)
    tweede = _verstuur(GedetineerdeFactory(huidige_gevangenis=antwerpen), vdab, alice)
    Doorverwijzing.objects.filter(pk=tweede.pk).update(
        verstuurd_op=eerste.verstuurd_op - datetime.timedelta(days=3)
    )
    _verstuur(GedetineerdeFactory(huidige_gevangenis=antwerpen), cvo, alice)
    _verstuur(GedetineerdeFactory(huidige_gevangenis=gent), vdab, charlie)
    client.force_login(bob)

    response = client.get(reverse("trajecten:inbox"))

    assert list(response.context["pagina"].object_list) == [tweede, eerste]
    assert "3\xa0dagen" in response.content.decode()


@pytest.mark.parametrize("aantal", [1, 4])
def test_the_inbox_query_count_does_not_grow(
    client, alice, bob, antwerpen, vdab, aantal, django_assert_num_queries
):
    for _ in range(aantal):
        _verstuur(GedetineerdeFactory(huidige_gevangenis=antwerpen), vdab, alice)
    client.force_login(bob)

    # session, user, permissions (user, groups), medewerker (organisation), prisons of
    # the user, count, page (the consent check is a subquery), and the session saved
    # (savepoint, update, release)
    with django_assert_num_queries(11):
        response = client.get(reverse("trajecten:inbox"))
    assert len(response.context["pagina"].object_list) == aantal


def test_the_inbox_is_paginated(client, alice, bob, antwerpen, vdab, settings):
    settings.HDV_PAGE_SIZE = 5
    for _ in range(6):
        _verstuur(GedetineerdeFactory(huidige_gevangenis=antwerpen), vdab, alice)
    client.force_login(bob)

    response = client.get(reverse("trajecten:inbox"), {"pagina": 2})

    assert len(response.context["pagina"].object_list) == 1


# The part of the person's file


def _sectie(user, persoon):
    request = RequestFactory().get("/")
    request.user = user
    return dossier_sectie(request, persoon, inzicht(user, persoon))


def test_the_file_shows_content_to_who_may_and_existence_to_others(
    alice, bob, persoon, verstuurd_naar_vdab, toestemming_vdab
):
    sectie = _sectie(bob, persoon)
    assert sectie["toon_doorverwijzingen"]
    assert sectie["doorverwijzing_rijen"] == [(verstuurd_naar_vdab, True)]

    toestemming_intrekken(toestemming=toestemming_vdab, door=alice)
    sectie = _sectie(bob, persoon)
    assert sectie["doorverwijzing_rijen"] == [(verstuurd_naar_vdab, False)]
    html = render_to_string(
        "trajecten/dossier/_doorverwijzingen.html", {**sectie, "gedetineerde": persoon}
    )
    assert "inhoud afgeschermd" in html
    assert "VDAB" not in html
    assert timezone.localtime(verstuurd_naar_vdab.verstuurd_op).strftime("%d/%m/%Y") in html


def test_the_file_part_takes_one_query(
    alice, persoon, verstuurd_naar_vdab, django_assert_num_queries
):
    alice.has_perm("trajecten.view_doorverwijzing")  # permissions are cached per user
    zicht = inzicht(alice, persoon)
    request = RequestFactory().get("/")
    request.user = alice
    with django_assert_num_queries(1):
        sectie = dossier_sectie(request, persoon, zicht)
    assert sectie["doorverwijzing_rijen"] == [(verstuurd_naar_vdab, True)]


def test_the_file_part_is_hidden_without_the_permission(dirk, persoon):
    assert _sectie(dirk, persoon) == {"toon_doorverwijzingen": False}


def test_a_colleague_of_a_third_organisation_sees_only_that_it_exists(
    client, antwerpen, verstuurd_naar_vdab
):
    cgg = OrganisatieFactory(naam="CGG Antwerpen", afkorting="CGG")
    cees = _medewerker("cees", cgg, [antwerpen], rollen.HULPVERLENER)
    client.force_login(cees)

    response = client.get(_detail(verstuurd_naar_vdab))

    assert response.status_code == 200
    assert not response.context["zichtbaar"]
    assert "heftruckchauffeur" not in response.content.decode()
