"""Detainees' requests: made once, answered with an enrolment or a reason, staff's queue."""

import datetime
import importlib

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from aanbod.models import Aanbod, Rapportagecategorie
from aanbod.services.catalogus import aanbod_in_gevangenis_opnemen, aanbod_opslaan
from deelname.models import Aanvraag, Bron, Inschrijving, Status
from deelname.services.aanvragen import (
    aanvraag_aanvaarden,
    aanvraag_indienen,
    aanvraag_weigeren,
)
from deelname.services.inschrijvingen import Waarschuwingen, inschrijving_aanvragen
from hdv import rollen
from hdv.models import Auditrecord
from tests.factories import GedetineerdeFactory
from trajecten.models import Gedetineerde

PAPIER = Aanvraag.Bron.PAPIER
TERMINAL = Aanvraag.Bron.TERMINAL


@pytest.fixture
def begeleiding(caw, antwerpen, vandaag):
    """An individual offer in Antwerpen."""
    aanbod = aanbod_opslaan(
        titel_nl="Psychosociale begeleiding",
        beschrijving_nl="Je praat met iemand over wat moeilijk is.",
        levensdomein="welzijn",
        organisatie=caw,
        vorm=Aanbod.Vorm.INDIVIDUEEL,
        rapportagecategorie=Rapportagecategorie.objects.first(),
        door=None,
    )
    aanbod_in_gevangenis_opnemen(
        aanbod=aanbod, gevangenis=antwerpen, sinds=vandaag - datetime.timedelta(days=10), door=None
    )
    return aanbod


# --- services ----------------------------------------------------------------------------


def test_it_makes_one_request_however_often_it_is_submitted(persoon, nederlands):
    eerste = aanvraag_indienen(gedetineerde=persoon, aanbod=nederlands, bron=TERMINAL, door=None)
    tweede = aanvraag_indienen(gedetineerde=persoon, aanbod=nederlands, bron=TERMINAL, door=None)
    assert eerste.pk == tweede.pk
    assert Aanvraag.objects.count() == 1
    assert eerste.status == Aanvraag.Status.NIEUW
    assert eerste.gevangenis_id == persoon.huidige_gevangenis_id


def test_it_refuses_an_offer_that_the_prison_does_not_have(persoon_gent, nederlands):
    with pytest.raises(ValidationError) as fout:
        aanvraag_indienen(gedetineerde=persoon_gent, aanbod=nederlands, bron=PAPIER, door=None)
    assert "aanbod" in fout.value.message_dict
    assert not Aanvraag.objects.exists()


def test_it_refuses_a_request_of_someone_already_enrolled(persoon, activiteit, olga):
    inschrijving_aanvragen(
        gedetineerde=persoon, bron=Bron.TRAJECTBEGELEIDER, door=olga, activiteit=activiteit
    )
    with pytest.raises(ValidationError):
        aanvraag_indienen(gedetineerde=persoon, aanbod=activiteit.aanbod, bron=TERMINAL, door=None)


def test_it_refuses_a_request_of_someone_released(persoon, nederlands, vandaag):
    persoon.verblijven.update(tot=vandaag)
    with pytest.raises(ValidationError):
        aanvraag_indienen(gedetineerde=persoon, aanbod=nederlands, bron=TERMINAL, door=None)


def test_it_accepts_into_an_activity_as_an_enrolment_of_their_own(
    persoon, activiteit, olga, aanvraag_antwerpen
):
    aanvraag = aanvraag_aanvaarden(aanvraag=aanvraag_antwerpen, door=olga, activiteit=activiteit)
    assert aanvraag.status == Aanvraag.Status.AANVAARD
    assert aanvraag.beantwoord_door == olga
    assert aanvraag.beantwoord_op is not None
    inschrijving = aanvraag.inschrijving
    assert inschrijving.bron == Bron.EIGEN_AANVRAAG
    assert inschrijving.activiteit == activiteit
    assert inschrijving.status == Status.INGESCHREVEN
    assert Auditrecord.objects.filter(actie="aanvraag aanvaard", persoon_id=persoon.pk).exists()


def test_it_accepts_an_individual_offer_without_an_activity(persoon, begeleiding, olga):
    aanvraag = aanvraag_indienen(gedetineerde=persoon, aanbod=begeleiding, bron=PAPIER, door=olga)
    aanvraag = aanvraag_aanvaarden(aanvraag=aanvraag, door=olga)
    assert aanvraag.inschrijving.activiteit is None
    assert aanvraag.inschrijving.aanbod == begeleiding


def test_it_needs_an_activity_of_the_requested_offer(
    persoon, activiteit, begeleiding, olga, aanvraag_antwerpen
):
    with pytest.raises(ValidationError) as fout:
        aanvraag_aanvaarden(aanvraag=aanvraag_antwerpen, door=olga)
    assert "activiteit" in fout.value.message_dict
    andere = aanvraag_indienen(gedetineerde=persoon, aanbod=begeleiding, bron=PAPIER, door=olga)
    with pytest.raises(ValidationError):
        aanvraag_aanvaarden(aanvraag=andere, door=olga, activiteit=activiteit)
    assert not Inschrijving.objects.exists()


def test_a_warning_must_be_overridden_with_a_reason(persoon, activiteit, olga, aanvraag_antwerpen):
    persoon.strafeinde = activiteit.startdatum + datetime.timedelta(weeks=5)
    persoon.save()
    with pytest.raises(Waarschuwingen) as fout:
        aanvraag_aanvaarden(aanvraag=aanvraag_antwerpen, door=olga, activiteit=activiteit)
    assert [w.code for w in fout.value.waarschuwingen] == ["detentie"]
    aanvraag_antwerpen.refresh_from_db()
    assert aanvraag_antwerpen.status == Aanvraag.Status.NIEUW
    aanvraag = aanvraag_aanvaarden(
        aanvraag=aanvraag_antwerpen,
        door=olga,
        activiteit=activiteit,
        overschrijven={"detentie": "wil graag beginnen"},
    )
    assert aanvraag.inschrijving.overschreven_waarschuwingen[0]["reden"] == "wil graag beginnen"


def test_a_refusal_needs_a_reason_and_an_answer_is_given_once(olga, aanvraag_antwerpen):
    with pytest.raises(ValidationError):
        aanvraag_weigeren(aanvraag=aanvraag_antwerpen, reden="  ", door=olga)
    aanvraag = aanvraag_weigeren(aanvraag=aanvraag_antwerpen, reden="De groep is vol.", door=olga)
    assert aanvraag.status == Aanvraag.Status.GEWEIGERD
    with pytest.raises(ValidationError) as fout:
        aanvraag_weigeren(aanvraag=aanvraag_antwerpen, reden="nogmaals", door=olga)
    assert "status" in fout.value.message_dict


def test_after_an_answer_the_person_may_ask_again(persoon, nederlands, olga, aanvraag_antwerpen):
    aanvraag_weigeren(aanvraag=aanvraag_antwerpen, reden="Nu niet.", door=olga)
    nieuw = aanvraag_indienen(gedetineerde=persoon, aanbod=nederlands, bron=TERMINAL, door=None)
    assert nieuw.pk != aanvraag_antwerpen.pk


# --- the queue ---------------------------------------------------------------------------


def test_the_queue_shows_the_prisons_open_requests_oldest_first(
    client, olga, antwerpen, gent, nederlands, begeleiding, django_assert_num_queries
):
    mensen = [GedetineerdeFactory(huidige_gevangenis=antwerpen) for _ in range(3)]
    for persoon in mensen:
        aanvraag_indienen(gedetineerde=persoon, aanbod=nederlands, bron=PAPIER, door=None)
    beantwoord = aanvraag_indienen(
        gedetineerde=mensen[0], aanbod=begeleiding, bron=PAPIER, door=None
    )
    aanvraag_weigeren(aanvraag=beantwoord, reden="Nee.", door=olga)
    client.force_login(olga)
    # session, user, permissions (user, groups), prisons (scope), count, page of requests,
    # and the session's renewal (savepoint, update, release)
    with django_assert_num_queries(10):
        response = client.get(reverse("deelname:aanvragen"))
    assert response.status_code == 200
    rijen = list(response.context["pagina"].object_list)
    assert [a.gedetineerde for a in rijen] == mensen
    assert beantwoord not in rijen


def test_the_queue_pages_and_keeps_its_query_count(
    client, olga, antwerpen, nederlands, settings, django_assert_num_queries
):
    settings.HDV_PAGE_SIZE = 5
    for _ in range(12):
        persoon = GedetineerdeFactory(huidige_gevangenis=antwerpen)
        aanvraag_indienen(gedetineerde=persoon, aanbod=nederlands, bron=PAPIER, door=None)
    client.force_login(olga)
    with django_assert_num_queries(10):  # as above: the page size does not add any
        response = client.get(reverse("deelname:aanvragen"), {"pagina": 3})
    assert len(response.context["pagina"].object_list) == 2


def test_the_queue_of_another_prison_is_not_shown(client, gert, aanvraag_antwerpen):
    client.force_login(gert)
    response = client.get(reverse("deelname:aanvragen"))
    assert list(response.context["pagina"].object_list) == []


def test_the_answered_requests_are_a_filter(client, olga, aanvraag_antwerpen):
    aanvraag_weigeren(aanvraag=aanvraag_antwerpen, reden="Nee.", door=olga)
    client.force_login(olga)
    response = client.get(reverse("deelname:aanvragen"), {"status": "geweigerd"})
    assert list(response.context["pagina"].object_list) == [aanvraag_antwerpen]


# --- answering on the page -----------------------------------------------------------------


def test_staff_accept_a_request_into_an_activity(client, olga, activiteit, aanvraag_antwerpen):
    client.force_login(olga)
    pagina = client.get(reverse("deelname:aanvraag", args=[aanvraag_antwerpen.pk]))
    assert activiteit.weergavenaam in pagina.content.decode()
    assert Auditrecord.objects.filter(
        soort=Auditrecord.Soort.INZAGE, object_id=str(aanvraag_antwerpen.pk)
    ).exists()
    response = client.post(
        reverse("deelname:aanvraag_aanvaarden", args=[aanvraag_antwerpen.pk]),
        {"activiteit": activiteit.pk, "prioriteit": 2},
    )
    assert response.status_code == 302
    aanvraag_antwerpen.refresh_from_db()
    assert aanvraag_antwerpen.status == Aanvraag.Status.AANVAARD
    assert aanvraag_antwerpen.inschrijving.activiteit == activiteit
    assert "de persoon is ingeschreven" in client.get(response.url).content.decode()


def test_accepting_while_others_wait_says_the_person_joins_the_waiting_list(
    client, olga, activiteit, aanvraag_antwerpen
):
    activiteit.capaciteit = 1
    activiteit.save()
    inschrijving_aanvragen(
        gedetineerde=GedetineerdeFactory(huidige_gevangenis=activiteit.gevangenis),
        activiteit=activiteit,
        bron=Bron.TRAJECTBEGELEIDER,
        door=olga,
    )
    client.force_login(olga)
    response = client.post(
        reverse("deelname:aanvraag_aanvaarden", args=[aanvraag_antwerpen.pk]),
        {"activiteit": activiteit.pk, "prioriteit": 2},
        follow=True,
    )
    assert "de persoon staat op de wachtlijst" in response.content.decode()
    aanvraag_antwerpen.refresh_from_db()
    assert aanvraag_antwerpen.inschrijving.status == Status.WACHTLIJST


def test_a_warning_asks_for_a_reason_on_the_page(
    client, olga, persoon, activiteit, aanvraag_antwerpen
):
    persoon.strafeinde = activiteit.startdatum + datetime.timedelta(weeks=5)
    persoon.save()
    client.force_login(olga)
    url = reverse("deelname:aanvraag_aanvaarden", args=[aanvraag_antwerpen.pk])
    response = client.post(url, {"activiteit": activiteit.pk, "prioriteit": 2})
    assert response.status_code == 200
    html = response.content.decode()
    assert "verwachte vrijlating" in html
    assert 'name="overschrijven_detentie"' in html
    assert not Inschrijving.objects.exists()
    response = client.post(
        url,
        {"activiteit": activiteit.pk, "prioriteit": 2, "overschrijven_detentie": "korte module"},
    )
    assert response.status_code == 302
    assert Inschrijving.objects.get().overschreven_waarschuwingen[0]["reden"] == "korte module"


def test_a_reason_given_is_kept_and_named_while_another_is_asked(
    client, olga, persoon, activiteit, nederlands, aanvraag_antwerpen
):
    aanbod_opslaan(aanbod=nederlands, talen=["fr"], vereist_nederlandsniveau="B1", door=None)
    Gedetineerde.objects.filter(pk=persoon.pk).update(niveau_nederlands="A1", talen=["ar"])
    client.force_login(olga)
    url = reverse("deelname:aanvraag_aanvaarden", args=[aanvraag_antwerpen.pk])
    gegevens = {"activiteit": activiteit.pk, "prioriteit": 2, "overschrijven_taal": "Tolk"}
    response = client.post(url, gegevens)
    form = response.context["aanvaarden"]
    # The language's reason stays in the form, under the kind's name rather than its code.
    assert form["overschrijven_taal"].value() == "Tolk"
    assert form.fields["overschrijven_taal"].label == "Taal van het aanbod"
    response = client.post(url, gegevens | {"overschrijven_niveau": "Haalt het"})
    assert response.status_code == 302
    codes = {w["code"] for w in Inschrijving.objects.get().overschreven_waarschuwingen}
    assert codes == {"taal", "niveau"}


def test_the_choices_ask_to_choose_instead_of_dashes(
    client, olga, alice, persoon, aanvraag_antwerpen
):
    client.force_login(olga)
    response = client.get(reverse("deelname:aanvraag", args=[aanvraag_antwerpen.pk]))
    assert "Kies een activiteit" in response.text
    assert "---------" not in response.text
    client.force_login(alice)
    response = client.get(reverse("deelname:aanvraag_registreren", args=[persoon.pk]))
    assert "Kies een aanbod" in response.text
    assert "---------" not in response.text


def test_staff_refuse_a_request_with_a_reason(client, olga, aanvraag_antwerpen):
    client.force_login(olga)
    url = reverse("deelname:aanvraag_weigeren", args=[aanvraag_antwerpen.pk])
    leeg = client.post(url, {"reden": ""})
    assert leeg.status_code == 200
    assert leeg.context["weigeren"].errors
    response = client.post(url, {"reden": "De cursus is enkel voor beginners."})
    assert response.status_code == 302
    aanvraag_antwerpen.refresh_from_db()
    assert aanvraag_antwerpen.reden == "De cursus is enkel voor beginners."
    # The same form sent again (a double click): a message, no second answer.
    opnieuw = client.post(url, {"reden": "Iets anders."})
    assert opnieuw.status_code == 302
    aanvraag_antwerpen.refresh_from_db()
    assert aanvraag_antwerpen.reden == "De cursus is enkel voor beginners."


def test_an_answered_request_offers_no_forms(client, olga, aanvraag_antwerpen):
    aanvraag_weigeren(aanvraag=aanvraag_antwerpen, reden="Nee.", door=olga)
    client.force_login(olga)
    response = client.get(reverse("deelname:aanvraag", args=[aanvraag_antwerpen.pk]))
    assert response.context["beantwoorden"] is False


def test_a_trajectbegeleider_sees_requests_but_does_not_answer(client, alice, aanvraag_antwerpen):
    client.force_login(alice)
    response = client.get(reverse("deelname:aanvraag", args=[aanvraag_antwerpen.pk]))
    assert response.status_code == 200
    assert response.context["beantwoorden"] is False


def test_staff_register_a_paper_request_once(client, alice, persoon, nederlands):
    client.force_login(alice)
    url = reverse("deelname:aanvraag_registreren", args=[persoon.pk])
    formulier = client.get(url)
    assert nederlands in formulier.context["form"].fields["aanbod"].queryset
    for _ in range(2):
        response = client.post(url, {"aanbod": nederlands.pk, "toelichting": "briefje van 3/3"})
        assert response.status_code == 302
    aanvraag = Aanvraag.objects.get()
    assert aanvraag.bron == PAPIER
    assert aanvraag.ingediend_door == alice
    assert aanvraag.toelichting == "briefje van 3/3"


def test_a_paper_request_for_an_offer_elsewhere_is_a_form_error(
    client, alice, persoon, cvo, gent, vandaag
):
    elders = aanbod_opslaan(
        titel_nl="Alleen in Gent",
        beschrijving_nl="x",
        levensdomein="sport",
        organisatie=cvo,
        vorm=Aanbod.Vorm.INDIVIDUEEL,
        rapportagecategorie=Rapportagecategorie.objects.first(),
        door=None,
    )
    aanbod_in_gevangenis_opnemen(aanbod=elders, gevangenis=gent, sinds=vandaag, door=None)
    client.force_login(alice)
    response = client.post(
        reverse("deelname:aanvraag_registreren", args=[persoon.pk]), {"aanbod": elders.pk}
    )
    assert response.status_code == 200
    assert response.context["form"].errors
    assert not Aanvraag.objects.exists()


# --- roles ---------------------------------------------------------------------------------


def test_the_role_migration_adds_exactly_the_request_permissions_of_each_role():
    eerder = importlib.import_module("deelname.migrations.0002_rollen_aanvullen").NIEUW
    nieuw = importlib.import_module("deelname.migrations.0004_rollen_aanvragen").NIEUW
    for rol in rollen.ROLLEN:
        if rol == rollen.GEDETINEERDE:
            continue  # a new group: rollen_installeren creates it whole
        verwacht = {n.split(".")[1] for n in rollen.ROLLEN[rol] if n.startswith("deelname.")}
        assert set(eerder.get(rol, [])) | set(nieuw.get(rol, [])) == verwacht, rol


def test_a_detainee_has_the_terminal_and_nothing_else():
    assert rollen.ROLLEN[rollen.GEDETINEERDE] == [rollen.TERMINAL]


def test_the_role_migration_adds_the_permissions_to_existing_groups(db):
    from django.contrib.auth.models import Group
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    groep = Group.objects.get(name=rollen.ORGANISATIEONDERSTEUNER)
    groep.permissions.remove(*groep.permissions.filter(codename__endswith="aanvraag"))
    migratie = importlib.import_module("deelname.migrations.0004_rollen_aanvragen")
    staat = MigrationExecutor(connection).loader.project_state(
        ("deelname", "0004_rollen_aanvragen")
    )
    migratie.aanvullen(staat.apps, None)
    assert set(
        groep.permissions.filter(codename__endswith="aanvraag").values_list("codename", flat=True)
    ) == {"view_aanvraag", "add_aanvraag", "beantwoord_aanvraag"}
