"""The screens of the strategic plan and the local action plans: who reads, who keeps,
another prison is a 404, a role without the right a 403; pinned query counts."""

import pytest
from django.urls import reverse

from hdv.models import Auditrecord
from rapportage.models import (
    Actie,
    Actiestatus,
    LokaalActieplan,
    LokaleActie,
    StrategischeDoelstelling,
    Voortgangsnotitie,
)
from rapportage.services.strategie import (
    actie_bijwerken,
    lokaal_actieplan_aanmaken,
    lokale_actie_toevoegen,
    voortgang_noteren,
)
from tests.factories import GevangenisFactory

pytestmark = pytest.mark.django_db

S = Actiestatus
PLAN = reverse("rapportage:strategisch_plan")
PLANNEN = reverse("rapportage:actieplannen")


def _actie_url(actie):
    return reverse("rapportage:actie", args=[actie.pk])


# --- the strategic plan ------------------------------------------------------------------


def test_the_plan_shows_goals_actions_counts_and_the_source(client, dirk, frank):
    actie = Actie.objects.get(nummer="3.3.3")
    actie_bijwerken(actie=actie, status=S.LOPEND, notitie="Eerste kring in Leuven.", door=frank)
    client.force_login(dirk)

    response = client.get(PLAN)

    assert response.status_code == 200
    tekst = response.text
    for nummer in range(1, 6):
        assert f'id="sd{nummer}"' in tekst
    assert "COSA in de gevangenis" in tekst
    assert "Eerste kring in Leuven." in tekst
    assert "23 acties die de bron bij naam noemt" in tekst
    assert "het plan telt er 53" in tekst
    assert response.context["overzicht"].telling["lopend"] == 1
    assert not response.context["mag_bijwerken"]


def test_the_plan_costs_a_fixed_number_of_queries(client, frank, django_assert_num_queries):
    client.force_login(frank)
    client.get(PLAN)

    def meten():
        # session, user, permissions (2), goals, actions, latest notes, the header's
        # prisons, session save (3)
        with django_assert_num_queries(11):
            assert client.get(PLAN).status_code == 200

    actie_bijwerken(actie=Actie.objects.get(nummer="1.1"), status=S.LOPEND, notitie="a", door=frank)
    meten()
    for actie in Actie.objects.all():
        voortgang_noteren(actie=actie, tekst="Nog een stap.", door=frank)
    meten()


def test_a_role_without_the_plan_gets_403(client, alice):
    client.force_login(alice)
    assert client.get(PLAN).status_code == 403
    assert client.get(_actie_url(Actie.objects.first())).status_code == 403


def test_the_central_level_notes_progress_with_a_status(client, frank, plan_actie):
    client.force_login(frank)
    assert client.get(_actie_url(plan_actie)).context["form"] is not None

    response = client.post(
        _actie_url(plan_actie),
        {"status": "lopend", "eigenaar": "Ligo", "notitie": "Cursus loopt.", "datum": ""},
    )

    assert response.status_code == 302
    plan_actie.refresh_from_db()
    assert (plan_actie.status, plan_actie.eigenaar) == (S.LOPEND, "Ligo")
    assert Auditrecord.objects.get(actie="actie bijgewerkt").door == frank
    detail = client.get(_actie_url(plan_actie))
    assert "Cursus loopt." in detail.text
    assert "niet gestart → " in detail.text


def test_a_status_change_without_a_note_shows_a_field_error(client, frank, plan_actie):
    client.force_login(frank)
    response = client.post(_actie_url(plan_actie), {"status": "lopend", "notitie": ""})

    assert response.status_code == 200
    assert "notitie" in response.context["form"].errors
    assert not Voortgangsnotitie.objects.exists()


def test_only_allowed_statuses_are_offered_and_others_refused(client, frank, plan_actie):
    Actie.objects.filter(pk=plan_actie.pk).update(status=S.GEREALISEERD)
    client.force_login(frank)
    form = client.get(_actie_url(plan_actie)).context["form"]
    assert [w for w, _ in form.fields["status"].choices] == ["lopend", "gerealiseerd"]

    response = client.post(_actie_url(plan_actie), {"status": "geschrapt", "notitie": "Weg."})
    assert response.status_code == 200
    assert "status" in response.context["form"].errors


def test_a_beleidscoordinator_reads_the_action_but_cannot_change_it(client, dirk, plan_actie):
    client.force_login(dirk)
    response = client.get(_actie_url(plan_actie))
    assert response.status_code == 200
    assert response.context["form"] is None

    response = client.post(_actie_url(plan_actie), {"status": "lopend", "notitie": "Van lokaal."})
    assert response.status_code == 403
    assert not Voortgangsnotitie.objects.exists()


def test_an_unknown_action_is_a_404(client, frank):
    client.force_login(frank)
    assert client.get(reverse("rapportage:actie", args=[99999])).status_code == 404


# --- local action plans ------------------------------------------------------------------


def _plan_url(gevangenis, jaar):
    return reverse("rapportage:actieplan", args=[gevangenis.pk, jaar])


def test_the_list_shows_the_own_prisons_to_a_beleidscoordinator(
    client, dirk, gent, lokale_actie_antwerpen
):
    client.force_login(dirk)
    response = client.get(PLANNEN)

    assert response.status_code == 200
    rijen = response.context["rijen"]
    assert [r["gevangenis"].naam for r in rijen] == ["Antwerpen"]
    assert rijen[0]["overzicht"].telling["niet_gestart"] == 1


def test_the_central_level_reads_every_prison(client, frank, gent, lokale_actie_antwerpen):
    client.force_login(frank)
    response = client.get(PLANNEN)
    assert [r["gevangenis"].naam for r in response.context["rijen"]] == ["Antwerpen", "Gent"]
    assert response.context["rijen"][1]["overzicht"] is None


def test_the_list_costs_a_fixed_number_of_queries(
    client, frank, antwerpen, dit_jaar, django_assert_num_queries
):
    client.force_login(frank)
    client.get(PLANNEN)
    doel = StrategischeDoelstelling.objects.get(nummer=1)

    def meten():
        # session, user, permissions (2), prisons (count, page), plans, actions, latest
        # notes, the header's prisons, session save (3)
        with django_assert_num_queries(13):
            assert client.get(PLANNEN).status_code == 200

    plan = lokaal_actieplan_aanmaken(gevangenis=antwerpen, jaar=dit_jaar, door=None)
    voortgang_noteren(
        actie=lokale_actie_toevoegen(plan=plan, doelstelling=doel, titel="Een", door=None),
        tekst="Gestart.",
        door=None,
    )
    meten()
    for i in range(4):
        gevangenis = GevangenisFactory(naam=f"Extra {i}", code=f"X{i}")
        plan = lokaal_actieplan_aanmaken(gevangenis=gevangenis, jaar=dit_jaar, door=None)
        for j in range(3):
            actie = lokale_actie_toevoegen(plan=plan, doelstelling=doel, titel=f"A{j}", door=None)
            voortgang_noteren(actie=actie, tekst="Gestart.", door=None)
    meten()


def test_the_plan_page_groups_actions_under_the_five_goals(
    client, dirk, lokale_actie_antwerpen, antwerpen, dit_jaar
):
    client.force_login(dirk)
    response = client.get(_plan_url(antwerpen, dit_jaar))

    assert response.status_code == 200
    per_doel = response.context["per_doelstelling"]
    assert [len(d.acties) for d in per_doel] == [0, 1, 0, 0, 0]
    assert "Extra reeks Nederlands" in response.text
    assert response.context["mag_toevoegen"]
    assert response.context["mag_bijwerken"]


def test_another_prisons_plan_is_a_404(client, greet, lokale_actie_antwerpen, antwerpen, dit_jaar):
    client.force_login(greet)
    assert client.get(_plan_url(antwerpen, dit_jaar)).status_code == 404
    assert (
        client.get(reverse("rapportage:lokale_actie", args=[lokale_actie_antwerpen.pk])).status_code
        == 404
    )
    url = reverse("rapportage:lokale_actie_toevoegen", args=[antwerpen.pk, dit_jaar])
    assert client.post(url, {"titel": "x", "doelstelling": 1}).status_code == 404
    assert LokaleActie.objects.count() == 1


def test_a_year_outside_the_plan_is_a_404(client, dirk, antwerpen):
    client.force_login(dirk)
    assert client.get(_plan_url(antwerpen, 1999)).status_code == 404


def test_the_central_level_reads_a_plan_without_keeping_it(
    client, frank, lokale_actie_antwerpen, antwerpen, dit_jaar
):
    client.force_login(frank)
    response = client.get(_plan_url(antwerpen, dit_jaar))
    assert response.status_code == 200
    assert not response.context["mag_toevoegen"]

    url = reverse("rapportage:lokale_actie", args=[lokale_actie_antwerpen.pk])
    assert client.get(url).context["form"] is None
    assert client.post(url, {"titel": "Centraal"}).status_code == 403
    aanmaken = reverse("rapportage:actieplan_aanmaken", args=[antwerpen.pk, dit_jaar + 1])
    assert client.post(aanmaken).status_code == 403


def test_making_the_plan_of_the_year(client, dirk, antwerpen, dit_jaar):
    client.force_login(dirk)
    leeg = client.get(_plan_url(antwerpen, dit_jaar))
    assert leeg.context["overzicht"] is None
    assert leeg.context["mag_aanmaken"]

    response = client.post(reverse("rapportage:actieplan_aanmaken", args=[antwerpen.pk, dit_jaar]))

    assert response.status_code == 302
    assert response["Location"] == _plan_url(antwerpen, dit_jaar)
    assert LokaalActieplan.objects.filter(gevangenis=antwerpen, jaar=dit_jaar).exists()
    assert Auditrecord.objects.get(actie="lokaal actieplan aangemaakt").gevangenis == antwerpen

    # A second time says so, and makes nothing.
    client.post(reverse("rapportage:actieplan_aanmaken", args=[antwerpen.pk, dit_jaar]))
    assert LokaalActieplan.objects.count() == 1


def test_adding_a_local_action(client, dirk, actieplan_antwerpen, antwerpen, dit_jaar):
    client.force_login(dirk)
    url = reverse("rapportage:lokale_actie_toevoegen", args=[antwerpen.pk, dit_jaar])
    doel = StrategischeDoelstelling.objects.get(nummer=4)

    assert client.get(url, {"sd": doel.pk}).context["form"].initial["doelstelling"] == str(doel.pk)
    response = client.post(
        url, {"doelstelling": doel.pk, "titel": "Infomoment wonen", "eigenaar": "OCMW"}
    )

    assert response.status_code == 302
    actie = LokaleActie.objects.get()
    assert (actie.doelstelling, actie.plan) == (doel, actieplan_antwerpen)


def test_a_local_action_without_title_or_goal_shows_field_errors(
    client, dirk, actieplan_antwerpen, antwerpen, dit_jaar
):
    client.force_login(dirk)
    url = reverse("rapportage:lokale_actie_toevoegen", args=[antwerpen.pk, dit_jaar])
    response = client.post(url, {"doelstelling": "999", "titel": ""})

    assert response.status_code == 200
    assert set(response.context["form"].errors) == {"doelstelling", "titel"}
    assert not LokaleActie.objects.exists()


def test_adding_to_a_plan_that_does_not_exist_is_a_404(client, dirk, antwerpen, dit_jaar):
    client.force_login(dirk)
    url = reverse("rapportage:lokale_actie_toevoegen", args=[antwerpen.pk, dit_jaar])
    assert client.get(url).status_code == 404


def test_changing_a_local_action_with_a_note(client, dirk, lokale_actie_antwerpen):
    client.force_login(dirk)
    url = reverse("rapportage:lokale_actie", args=[lokale_actie_antwerpen.pk])
    gegevens = {
        "doelstelling": lokale_actie_antwerpen.doelstelling_id,
        "titel": "Extra reeks Nederlands",
        "eigenaar": "CVO",
        "status": "lopend",
    }

    zonder = client.post(url, {**gegevens, "notitie": ""})
    assert zonder.status_code == 200
    assert "statuswijziging" in zonder.context["form"].errors["notitie"][0]

    response = client.post(url, {**gegevens, "notitie": "Reeks gestart in januari."})
    assert response.status_code == 302
    lokale_actie_antwerpen.refresh_from_db()
    assert lokale_actie_antwerpen.status == S.LOPEND
    assert "Reeks gestart in januari." in client.get(url).text


def test_another_role_gets_403_on_the_local_plans(client, alice, antwerpen, dit_jaar):
    client.force_login(alice)
    assert client.get(PLANNEN).status_code == 403
    assert client.get(_plan_url(antwerpen, dit_jaar)).status_code == 403


def test_navigation_shows_the_entries_by_permission(client, dirk, alice, frank):
    client.force_login(dirk)
    tekst = client.get(PLAN).text
    assert reverse("rapportage:streefcijfers") in tekst
    assert PLANNEN in tekst
    client.force_login(alice)
    tekst = client.get(reverse("home")).text
    assert PLAN not in tekst
    assert reverse("rapportage:streefcijfers") not in tekst
