"""The strategic plan and the local action plans in the admin: readable for beheerders,
an action's status and its notes never edited there."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from hdv.models import Auditrecord
from rapportage.models import Actie

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    "naam", ["strategischedoelstelling", "actie", "lokaalactieplan", "lokaleactie"]
)
def test_a_beheerder_reads_the_plans_in_the_admin(client, eva, lokale_actie_antwerpen, naam):
    client.force_login(eva)
    assert client.get(reverse(f"admin:rapportage_{naam}_changelist")).status_code == 200


def test_an_actions_text_is_corrected_through_the_audited_service(client, eva, plan_actie):
    eva.user_permissions.add(
        Permission.objects.get(content_type__app_label="rapportage", codename="change_actie")
    )
    client.force_login(eva)
    url = reverse("admin:rapportage_actie_change", args=[plan_actie.pk])
    pagina = client.get(url)
    assert pagina.status_code == 200
    assert 'name="status"' not in pagina.text

    response = client.post(
        url,
        {
            "doelstelling": plan_actie.doelstelling_id,
            "operationele_doelstelling": plan_actie.operationele_doelstelling,
            "nummer": plan_actie.nummer,
            "volgorde": plan_actie.volgorde,
            "titel": "Cursus Nederlands als tweede taal",
            "eigenaar": "Ligo",
            "status": "gerealiseerd",
            "notities-TOTAL_FORMS": "0",
            "notities-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302
    plan_actie.refresh_from_db()
    assert (plan_actie.titel, plan_actie.eigenaar, plan_actie.status) == (
        "Cursus Nederlands als tweede taal",
        "Ligo",
        "niet_gestart",
    )
    record = Auditrecord.objects.get(object_type="rapportage.Actie")
    assert set(record.velden) == {"titel", "eigenaar"}


def test_actions_are_not_removed_in_the_admin(client, eva, plan_actie):
    client.force_login(eva)
    url = reverse("admin:rapportage_actie_delete", args=[plan_actie.pk])
    assert client.get(url).status_code == 403
    assert Actie.objects.filter(pk=plan_actie.pk).exists()
