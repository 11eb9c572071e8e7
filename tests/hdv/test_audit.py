"""The audit trail: every service write and every opening of a file, append-only."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.db.utils import DatabaseError
from django.urls import reverse

from hdv.models import Auditrecord
from hdv.models.audit import OnveranderlijkError
from trajecten.services import gedetineerde_opnemen

pytestmark = pytest.mark.django_db


def _opnemen(door, gevangenis, **extra):
    gegevens = {
        "detineenummer": "D1234567",
        "voornaam": "Noor",
        "achternaam": "Verzonnen",
        "geboortedatum": datetime.date(1991, 3, 2),
        "geslacht": "V",
        "gevangenis": gevangenis,
        "van": datetime.date(2026, 10, 1),
        "afdeling": "B2",
    }
    return gedetineerde_opnemen(**{**gegevens, **extra}, door=door)


def test_it_records_who_what_when_and_where_for_a_service_write(client, alice, antwerpen):
    client.force_login(alice)
    persoon = _opnemen(alice, antwerpen)
    records = list(Auditrecord.objects.voor_persoon(persoon.pk).order_by("id"))
    assert [r.actie for r in records] == ["gedetineerde_opgenomen", "verblijf_geopend"]
    eerste = records[0]
    assert eerste.door == alice
    assert eerste.soort == Auditrecord.Soort.WIJZIGING
    assert eerste.object_type == "trajecten.Gedetineerde"
    assert eerste.object_id == str(persoon.pk)
    assert eerste.gevangenis == antwerpen
    assert eerste.tijdstip is not None


def test_it_never_holds_the_sensitive_values(alice, antwerpen):
    persoon = _opnemen(alice, antwerpen)
    for record in Auditrecord.objects.voor_persoon(persoon.pk):
        tekst = repr(record.__dict__)
        assert "Noor" not in tekst
        assert "Verzonnen" not in tekst
        assert "1991" not in tekst
        assert "D1234567" not in tekst


def test_it_leaves_nothing_when_the_service_fails(alice, antwerpen):
    _opnemen(alice, antwerpen)
    aantal = Auditrecord.objects.count()
    with pytest.raises(Exception):  # noqa: B017, PT011
        _opnemen(alice, antwerpen, voornaam="Ander")  # same detainee number
    assert Auditrecord.objects.count() == aantal


def test_it_rolls_back_the_person_and_the_audit_when_a_later_step_fails(alice, antwerpen):
    from trajecten.models import Gedetineerde

    with pytest.raises(ValidationError):
        _opnemen(alice, antwerpen, afdeling="x" * 60)  # the stay fails after the person was saved
    assert not Gedetineerde.objects.exists()
    assert not Auditrecord.objects.exists()


def test_it_records_an_opening_of_a_file_with_the_request_id(client, alice, persoon, settings):
    settings.HDV_PROXY_AANTAL = 1  # behind our proxy, its X-Request-ID is kept
    client.force_login(alice)
    response = client.get(
        reverse("trajecten:dossier", args=[persoon.pk]), HTTP_X_REQUEST_ID="abc123"
    )
    assert response["X-Request-ID"] == "abc123"
    inzage = Auditrecord.objects.get(soort=Auditrecord.Soort.INZAGE)
    assert (inzage.door, inzage.persoon_id, inzage.request_id) == (alice, persoon.pk, "abc123")


def test_it_makes_a_request_id_when_the_proxy_sends_a_strange_one(client, alice, persoon, settings):
    settings.HDV_PROXY_AANTAL = 1
    client.force_login(alice)
    response = client.get(
        reverse("trajecten:dossier", args=[persoon.pk]), HTTP_X_REQUEST_ID="<script>"
    )
    assert response["X-Request-ID"] != "<script>"
    assert len(response["X-Request-ID"]) == 32


def test_it_records_an_opening_through_the_api(client, alice, persoon):
    client.force_login(alice)
    client.get(reverse("api:gedetineerde", args=[persoon.pk]))
    assert (
        Auditrecord.objects.filter(soort="inzage", persoon_id=persoon.pk, door=alice).count() == 1
    )


def test_it_does_not_record_an_opening_that_was_refused(client, charlie, persoon):
    client.force_login(charlie)
    assert client.get(reverse("trajecten:dossier", args=[persoon.pk])).status_code == 404
    assert not Auditrecord.objects.filter(soort="inzage").exists()


def test_records_cannot_be_changed_or_deleted_through_the_application(alice, antwerpen):
    _opnemen(alice, antwerpen)
    record = Auditrecord.objects.first()
    record.actie = "iets anders"
    with pytest.raises(OnveranderlijkError):
        record.save()
    with pytest.raises(OnveranderlijkError):
        record.delete()
    with pytest.raises(OnveranderlijkError):
        Auditrecord.objects.all().update(actie="x")
    with pytest.raises(OnveranderlijkError):
        Auditrecord.objects.all().delete()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="de trigger bestaat alleen op PostgreSQL"
)
def test_postgresql_refuses_update_and_delete_in_the_database(alice, antwerpen):
    _opnemen(alice, antwerpen)
    record_id = Auditrecord.objects.get(actie="gedetineerde_opgenomen").pk
    for sql in (
        "UPDATE hdv_auditrecord SET actie = 'x' WHERE id = %s",
        "DELETE FROM hdv_auditrecord WHERE id = %s",
    ):
        with (
            pytest.raises(DatabaseError, match="append-only"),
            transaction.atomic(),
            connection.cursor() as cursor,
        ):
            cursor.execute(sql, [record_id])
    assert Auditrecord.objects.filter(pk=record_id, actie="gedetineerde_opgenomen").exists()


def test_a_beheerder_sees_who_opened_or_changed_a_file(client, alice, eva, persoon):
    client.force_login(alice)
    client.get(reverse("trajecten:dossier", args=[persoon.pk]))
    client.force_login(eva)
    response = client.get(reverse("trajecten:audit", args=[persoon.pk]))
    assert response.status_code == 200
    assert "Alice" in response.text
    assert "<td>inzage</td>" in response.text
    response = client.get(reverse("trajecten:audit", args=[persoon.pk]), {"soort": "wijziging"})
    assert "Alice" not in response.text


def test_the_audit_page_of_a_person_pins_its_queries(
    client, alice, eva, persoon, django_assert_num_queries
):
    client.force_login(alice)
    for _ in range(5):
        client.get(reverse("trajecten:dossier", args=[persoon.pk]))
    client.force_login(eva)
    client.get(reverse("trajecten:audit", args=[persoon.pk]))
    # session, user, 2× permissions, prisons, the person, count, page with users and
    # prisons joined, and the session save (savepoint, update, release).
    with django_assert_num_queries(11):
        client.get(reverse("trajecten:audit", args=[persoon.pk]))


def test_the_admin_shows_audit_records_read_only(client, eva, alice, antwerpen):
    _opnemen(alice, antwerpen)
    client.force_login(eva)
    record = Auditrecord.objects.first()
    assert client.get(reverse("admin:hdv_auditrecord_changelist")).status_code == 200
    response = client.get(reverse("admin:hdv_auditrecord_change", args=[record.pk]))
    assert response.status_code == 200
    assert 'name="_save"' not in response.text
    assert client.post(reverse("admin:hdv_auditrecord_delete", args=[record.pk])).status_code == 403
