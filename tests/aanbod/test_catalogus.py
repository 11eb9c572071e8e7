"""The catalogue: items, translations, archiving; which prison offers what; rooms."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from aanbod.models import Aanbod, AanbodInGevangenis, Rapportagecategorie
from aanbod.services.catalogus import (
    aanbod_archiveren,
    aanbod_in_gevangenis_opnemen,
    aanbod_opslaan,
)
from aanbod.services.lokalen import lokaal_opslaan, sluitingsdag_toevoegen
from hdv.models import Auditrecord

pytestmark = pytest.mark.django_db


def test_titles_and_descriptions_follow_the_readers_language(nederlands):
    assert nederlands.titel_in("fr") == "Néerlandais langue seconde A1"
    assert nederlands.beschrijving_in("en") == "You learn to speak and read Dutch."
    nederlands.titel_en = ""
    assert nederlands.titel_in("en") == "Nederlands tweede taal A1"  # falls back to Dutch
    assert nederlands.titel_in("ar") == "Nederlands tweede taal A1"


def test_reporting_categories_are_a_table(db):
    assert Rapportagecategorie.objects.filter(code="vdab-werkplekleren").exists()
    Rapportagecategorie.objects.create(code="nieuw", naam="Nieuwe categorie", levensdomein="werk")


def test_languages_are_cleaned_and_checked(nederlands, cvo):
    aanbod = aanbod_opslaan(aanbod=nederlands, talen=["NL", " fr ", "nl"], door=None)
    assert aanbod.talen == ["fr", "nl"]
    with pytest.raises(ValidationError) as fout:
        aanbod_opslaan(aanbod=nederlands, talen=["Nederlands!"], door=None)
    assert "talen" in fout.value.message_dict


def test_an_item_in_use_is_archived_never_deleted(activiteit, nederlands, olga, vandaag):
    aanbod_archiveren(aanbod=nederlands, door=olga)
    nederlands.refresh_from_db()
    assert nederlands.gearchiveerd
    assert not Aanbod.objects.actief().filter(pk=nederlands.pk).exists()
    assert AanbodInGevangenis.objects.get(aanbod=nederlands).tot == vandaag
    assert activiteit.sessies.exists()  # history stays
    with pytest.raises(ValidationError):
        aanbod_opslaan(aanbod=nederlands, titel_nl="Anders", door=olga)
    assert Auditrecord.objects.filter(actie="aanbod_gearchiveerd").exists()


def test_a_prison_offers_an_item_once_at_a_time(nederlands, antwerpen, vandaag):
    with pytest.raises(ValidationError):
        aanbod_in_gevangenis_opnemen(
            aanbod=nederlands, gevangenis=antwerpen, sinds=vandaag, door=None
        )


def test_responsible_staff_work_in_that_prison(nederlands, gent, olga, vandaag):
    with pytest.raises(ValidationError) as fout:
        aanbod_in_gevangenis_opnemen(
            aanbod=nederlands,
            gevangenis=gent,
            sinds=vandaag,
            verantwoordelijken=[olga.medewerker],
            door=None,
        )
    assert "verantwoordelijken" in fout.value.message_dict
    assert not AanbodInGevangenis.objects.filter(gevangenis=gent).exists()


def test_a_room_cannot_shrink_below_its_activities(activiteit, klaslokaal, olga):
    with pytest.raises(ValidationError) as fout:
        lokaal_opslaan(
            lokaal=klaslokaal, naam="Klas 1", soort="klaslokaal", capaciteit=5, door=olga
        )
    assert "capaciteit" in fout.value.message_dict
    klaslokaal.refresh_from_db()
    assert klaslokaal.capaciteit == 12


def test_room_names_are_unique_per_prison(klaslokaal, antwerpen, gent):
    with pytest.raises(ValidationError):
        lokaal_opslaan(
            gevangenis=antwerpen, naam="Klas 1", soort="klaslokaal", capaciteit=5, door=None
        )
    lokaal_opslaan(gevangenis=gent, naam="Klas 1", soort="klaslokaal", capaciteit=5, door=None)


def test_a_closure_day_is_set_once(antwerpen, vandaag):
    sluitingsdag_toevoegen(gevangenis=antwerpen, datum=vandaag, reden="Feestdag", door=None)
    with pytest.raises(ValidationError):
        sluitingsdag_toevoegen(gevangenis=antwerpen, datum=vandaag, reden="Nog eens", door=None)
    with pytest.raises(ValidationError):
        sluitingsdag_toevoegen(
            gevangenis=antwerpen, datum=vandaag + datetime.timedelta(days=1), reden="", door=None
        )


def test_a_new_closure_day_removes_its_sessions_and_removing_it_brings_them_back(
    activiteit, antwerpen, vandaag
):
    from aanbod.services.lokalen import sluitingsdag_verwijderen

    sessie = activiteit.sessies.filter(datum__gt=vandaag).first()
    dag = sluitingsdag_toevoegen(
        gevangenis=antwerpen, datum=sessie.datum, reden="Feestdag", door=None
    )
    assert not activiteit.sessies.filter(datum=sessie.datum).exists()
    sluitingsdag_verwijderen(dag=dag, door=None)
    assert activiteit.sessies.filter(datum=sessie.datum, begintijd=sessie.begintijd).exists()


def test_leaving_out_the_target_groups_keeps_them(nederlands):
    from aanbod.models import Doelgroep

    aanbod_opslaan(
        aanbod=nederlands, doelgroepen=[Doelgroep.objects.get(code="anderstaligen")], door=None
    )
    aanbod_opslaan(aanbod=nederlands, duur_weken=30, door=None)
    assert [d.code for d in nederlands.doelgroepen.all()] == ["anderstaligen"]
