"""deelname's section of the person's file: the enrolment history, in every prison, with
status, dates, stop reasons, results and attendance rate."""

import pytest
from django.urls import reverse

from deelname.models import Aanwezigheid, Bron, Inschrijvingsstap, Stopreden
from deelname.services.aanwezigheden import Registratie, aanwezigheden_registreren
from deelname.services.inschrijvingen import (
    inschrijving_aanvragen,
    inschrijving_afronden,
    inschrijving_stopzetten,
)

pytestmark = pytest.mark.django_db

A = Aanwezigheid.Status


@pytest.fixture
def geschiedenis(persoon, olga, activiteit, scherm_individueel, vandaag, settings):
    """A course with attendance, completed with an exam; an individual offer stopped."""
    settings.HDV_AANWEZIGHEID_WIJZIGBAAR_DAGEN = 60
    cursus = inschrijving_aanvragen(
        gedetineerde=persoon, activiteit=activiteit, bron=Bron.EIGEN_AANVRAAG, door=olga
    )
    Inschrijvingsstap.objects.filter(inschrijving=cursus).update(datum=activiteit.startdatum)
    sessies = list(activiteit.sessies.filter(datum__lt=vandaag).order_by("-datum")[:4])
    for i, sessie in enumerate(sessies):
        status = A.AFWEZIG if i == 0 else A.AANWEZIG
        aanwezigheden_registreren(
            sessie=sessie,
            registraties=[Registratie(cursus.pk, status, "ziek" if i == 0 else "")],
            door=olga,
        )
    inschrijving_afronden(
        inschrijving=cursus, examen_afgelegd=True, examen_geslaagd=True, attest=True, door=olga
    )
    begeleiding = inschrijving_aanvragen(
        gedetineerde=persoon, aanbod=scherm_individueel.aanbod, bron=Bron.DOORVERWIJZING, door=olga
    )
    inschrijving_stopzetten(
        inschrijving=begeleiding,
        stopreden=Stopreden.objects.get(code="regimeconflict"),
        beslist_door="begeleider",
        door=olga,
    )
    return cursus, begeleiding


def test_the_file_shows_the_enrolment_history(client, alice, persoon, geschiedenis):
    cursus, begeleiding = geschiedenis
    client.force_login(alice)
    response = client.get(reverse("trajecten:dossier", args=[persoon.pk]))
    assert response.status_code == 200
    assert 'id="inschrijvingen"' in response.text
    ((_template, sectie),) = [
        s for s in response.context["app_secties"] if "inschrijvingen" in s[1]
    ]
    rijen = {i.pk: i for i in sectie["inschrijvingen"]}
    assert rijen[cursus.pk].aanwezigheidsgraad == 75  # 3 of 4
    assert rijen[cursus.pk].einde is not None
    assert rijen[begeleiding.pk].aanwezigheidsgraad is None
    tekst = response.text
    assert "Nederlands tweede taal A1" in tekst
    assert "examen afgelegd, geslaagd, attest behaald" in tekst
    assert "Conflict met het regime" in tekst
    assert "75%" in tekst


def test_the_history_follows_the_person_to_another_prison(
    client, persoon, geschiedenis, gent, charlie
):
    from trajecten.models import Verblijf

    # Transferred to Gent: charlie (Gent) now opens the file and sees the Antwerp history.
    Verblijf.objects.filter(gedetineerde=persoon).update(tot=persoon.verblijven.first().van)
    Verblijf.objects.create(
        gedetineerde=persoon, gevangenis=gent, van=persoon.verblijven.first().van
    )
    persoon.huidige_gevangenis = gent
    persoon.save()
    client.force_login(charlie)
    response = client.get(reverse("trajecten:dossier", args=[persoon.pk]))
    assert "Nederlands tweede taal A1" in response.text


def test_a_role_without_the_right_sees_no_section(client, eva, persoon, geschiedenis):
    from django.contrib.auth.models import Permission

    eva.groups.first().permissions.remove(
        Permission.objects.get(codename="view_inschrijving", content_type__app_label="deelname")
    )
    client.force_login(eva)
    response = client.get(reverse("trajecten:dossier", args=[persoon.pk]))
    assert response.status_code == 200
    assert 'id="inschrijvingen"' not in response.text


def test_the_section_has_a_fixed_number_of_queries(
    rf, alice, persoon, geschiedenis, django_assert_num_queries
):
    from deelname.dossier import inschrijvingen_sectie

    request = rf.get("/")
    request.user = alice
    alice.has_perm("deelname.view_inschrijving")  # load the permission cache
    with django_assert_num_queries(1):
        sectie = inschrijvingen_sectie(request, persoon, None)
    assert len(sectie["inschrijvingen"]) == 2
