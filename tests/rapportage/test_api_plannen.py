"""The plans API (read only): the strategic plan with counts and latest notes, the local
action plans of the caller's prisons; another prison's plan is a 404."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from rapportage.models import Actie, Actiestatus, StrategischeDoelstelling
from rapportage.services.strategie import (
    actie_bijwerken,
    lokaal_actieplan_aanmaken,
    lokale_actie_toevoegen,
    voortgang_noteren,
)
from tests.factories import GevangenisFactory

pytestmark = pytest.mark.django_db

PLAN = reverse("api:strategisch_plan")
PLANNEN = reverse("api:actieplannen")


def test_the_strategic_plan(client, dirk, frank):
    actie_bijwerken(
        actie=Actie.objects.get(nummer="5.2"),
        status=Actiestatus.LOPEND,
        notitie="Proefproject.",
        eigenaar="AJH",
        door=frank,
    )
    client.force_login(dirk)

    gegevens = client.get(PLAN).json()

    assert gegevens["aantal_acties_in_plan"] == 53
    assert gegevens["telling"] == {
        "niet_gestart": 22,
        "lopend": 1,
        "gerealiseerd": 0,
        "geschrapt": 0,
    }
    assert [d["nummer"] for d in gegevens["doelstellingen"]] == [1, 2, 3, 4, 5]
    actie = next(a for a in gegevens["doelstellingen"][4]["acties"] if a["nummer"] == "5.2")
    assert actie["status"] == "lopend"
    assert actie["eigenaar"] == "AJH"
    assert actie["laatste_notitie"]["tekst"] == "Proefproject."
    assert gegevens["doelstellingen"][4]["telling"]["lopend"] == 1


def test_the_strategic_plan_pins_its_queries(client, dirk, frank, django_assert_num_queries):
    for actie in Actie.objects.all():
        voortgang_noteren(actie=actie, tekst="Stap.", door=frank)
    client.force_login(dirk)
    client.get(PLAN)
    # session, user, 2× permissions, goals, actions, latest notes, session save (3)
    with django_assert_num_queries(10):
        assert client.get(PLAN).status_code == 200


def test_local_plans_of_the_own_prisons(client, dirk, gent, lokale_actie_antwerpen, dit_jaar):
    lokaal_actieplan_aanmaken(gevangenis=gent, jaar=dit_jaar, door=None)
    client.force_login(dirk)

    resultaten = client.get(PLANNEN).json()["results"]

    assert [p["gevangenis"] for p in resultaten] == ["ANT"]
    assert resultaten[0]["acties"][0]["titel"] == "Extra reeks Nederlands"
    assert resultaten[0]["acties"][0]["doelstelling"] == 2
    assert resultaten[0]["telling"]["niet_gestart"] == 1
    assert client.get(PLANNEN, {"jaar": dit_jaar - 1}).json()["results"] == []
    assert client.get(PLANNEN, {"jaar": "vorig"}).status_code == 400


def test_the_central_level_reads_every_local_plan(
    client, frank, gent, lokale_actie_antwerpen, dit_jaar
):
    lokaal_actieplan_aanmaken(gevangenis=gent, jaar=dit_jaar, door=None)
    client.force_login(frank)
    assert [p["gevangenis"] for p in client.get(PLANNEN).json()["results"]] == ["ANT", "GEN"]


def test_local_plans_pin_their_queries(client, frank, dit_jaar, django_assert_num_queries):
    doel = StrategischeDoelstelling.objects.get(nummer=3)
    for i in range(4):
        plan = lokaal_actieplan_aanmaken(
            gevangenis=GevangenisFactory(naam=f"P{i}", code=f"P{i}"), jaar=dit_jaar, door=None
        )
        for j in range(2):
            actie = lokale_actie_toevoegen(plan=plan, doelstelling=doel, titel=f"A{j}", door=None)
            voortgang_noteren(actie=actie, tekst="Stap.", door=None)
    client.force_login(frank)
    client.get(PLANNEN)
    # session, user, 2× permissions, prisons, plans, actions, latest notes, session
    # save (3)
    with django_assert_num_queries(11):
        assert len(client.get(PLANNEN).json()["results"]) == 4


def test_one_local_plan_and_another_prisons_is_a_404(client, dirk, greet, lokale_actie_antwerpen):
    url = reverse("api:actieplan", args=[lokale_actie_antwerpen.plan_id])
    client.force_login(dirk)
    assert client.get(url).json()["gevangenis"] == "ANT"
    client.force_login(greet)
    assert client.get(url).status_code == 404


def test_roles_without_the_plans_get_403(client, alice):
    client.force_login(alice)
    for url in (PLAN, PLANNEN):
        assert client.get(url).status_code == 403


def test_the_plans_are_in_the_schema_without_warnings(tmp_path):
    call_command("spectacular", "--fail-on-warn", "--file", str(tmp_path / "schema.yml"))
    schema = (tmp_path / "schema.yml").read_text()
    for pad in ("/api/v1/streefcijfers/", "/api/v1/streefcijfers/{id}/", "/api/v1/strategisch-plan/",
                "/api/v1/actieplannen/", "/api/v1/actieplannen/{id}/"):  # fmt: skip
        assert f"{pad}:" in schema, pad
