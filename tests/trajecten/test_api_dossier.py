"""The API of a person's file: the same services, scope and content rules as the HTML.

alice (CAW) does the intake, keeps the plan and refers; bob (VDAB) works in the same
prison for another organisation: he sees that records exist, and reads their content
only with the person's consent. A field he may not read is absent from the JSON.
"""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from aanbod.models import Levensdomein
from hdv import rollen
from tests.factories import GedetineerdeFactory, MedewerkerFactory, OrganisatieFactory, UserFactory
from trajecten.models import (
    Behoefte,
    Casusoverleg,
    Categorie,
    Doel,
    Doorverwijzing,
    Notitie,
    Onthaal,
    Plaats,
    Planversie,
    Stap,
    Taak,
    Toestemming,
)
from trajecten.services.doorverwijzingen import doorverwijzing_aanmaken
from trajecten.services.notities import (
    casusoverleg_vastleggen,
    notitie_schrijven,
    toestemming_geven,
    toestemming_intrekken,
)
from trajecten.services.onthaal import BehoefteInvoer, behoefte_vastleggen, onthaal_registreren
from trajecten.services.plannen import plan_vastleggen
from trajecten.services.taken import taak_aanmaken

pytestmark = pytest.mark.django_db

BESTAAN = {"id", "verblijf", "status", "datum", "organisatie"}


def _medewerker(username, organisatie, gevangenissen, rol):
    return MedewerkerFactory(
        user=UserFactory(username=username),
        organisatie=organisatie,
        gevangenissen=gevangenissen,
        rollen=[rol],
    ).user


@pytest.fixture
def carl(antwerpen, caw):
    """A hulpverlener of alice's own CAW, in Antwerpen."""
    return _medewerker("carl", caw, [antwerpen], rollen.HULPVERLENER)


@pytest.fixture
def tina(antwerpen):
    """A trajectbegeleider of another organisation in Antwerpen: no consent, no content."""
    andere = OrganisatieFactory(naam="CAW Oost", afkorting="CAW-OOST")
    return _medewerker("tina", andere, [antwerpen], rollen.TRAJECTBEGELEIDER)


def _post(client, url, data=None):
    return client.post(url, data or {}, content_type="application/json")


def _patch(client, url, data):
    return client.patch(url, data, content_type="application/json")


def _toestemming(persoon, organisatie, categorie, door):
    return toestemming_geven(
        gedetineerde=persoon, organisatie=organisatie, categorie=categorie, door=door
    )


def _onthaal(persoon, alice):
    return onthaal_registreren(
        verblijf=persoon.verblijven.get(),
        datum=datetime.date(2026, 1, 6),
        door=alice,
        taal="nl",
        behoeften=[BehoefteInvoer(Levensdomein.WERK, Behoefte.Antwoord.JA, "hoog", "Zoekt werk")],
    )


# --- Intake and needs ------------------------------------------------------------------


def test_it_registers_an_intake_with_its_needs(client, alice, persoon):
    client.force_login(alice)
    response = _post(
        client,
        reverse("api:onthalen", args=[persoon.pk]),
        {
            "datum": "2026-01-06",
            "taal": "nl",
            "tolk_nodig": False,
            "behoeften": [
                {"levensdomein": "werk", "antwoord": "ja", "prioriteit": "hoog"},
                {"levensdomein": "wonen", "antwoord": "nee"},
            ],
        },
    )
    assert response.status_code == 201, response.json()
    data = response.json()
    assert data["status"] == "afgerond"
    assert sorted(b["levensdomein"] for b in data["behoeften"]) == ["werk", "wonen"]
    assert Behoefte.objects.filter(onthaal_id=data["id"]).count() == 2


def test_a_bad_need_is_a_400_and_nothing_is_saved(client, alice, persoon):
    client.force_login(alice)
    response = _post(
        client,
        reverse("api:onthalen", args=[persoon.pk]),
        {
            "datum": "2026-01-06",
            "behoeften": [{"levensdomein": "werk", "antwoord": "nee", "prioriteit": "hoog"}],
        },
    )
    assert response.status_code == 400
    assert "behoeften" in response.json()
    assert not Onthaal.objects.exists()
    assert not Behoefte.objects.exists()


def test_a_second_intake_for_the_stay_is_refused(client, alice, persoon):
    _onthaal(persoon, alice)
    client.force_login(alice)
    response = _post(client, reverse("api:onthalen", args=[persoon.pk]), {"datum": "2026-01-07"})
    assert response.status_code == 400
    assert "non_field_errors" in response.json()
    assert Onthaal.objects.count() == 1


def test_an_intake_in_the_future_is_a_field_error(client, alice, persoon):
    client.force_login(alice)
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    response = _post(client, reverse("api:onthalen", args=[persoon.pk]), {"datum": str(morgen)})
    assert response.status_code == 400
    assert "datum" in response.json()


def test_bob_may_not_register_an_intake(client, bob, persoon):
    client.force_login(bob)
    response = _post(client, reverse("api:onthalen", args=[persoon.pk]), {"datum": "2026-01-06"})
    assert response.status_code == 403
    assert not Onthaal.objects.exists()


def test_skipping_the_intake_needs_a_reason(client, alice, persoon):
    client.force_login(alice)
    url = reverse("api:onthaal_overslaan", args=[persoon.pk])
    response = _post(client, url, {})
    assert response.status_code == 400
    assert "reden_overslaan" in response.json()
    assert not Onthaal.objects.exists()
    response = _post(client, url, {"reden_overslaan": "kort_verblijf"})
    assert response.status_code == 201
    assert response.json()["status"] == "overgeslagen"
    assert response.json()["reden_overslaan"] == "kort_verblijf"


def test_bob_sees_that_an_intake_exists_but_not_its_content(client, alice, bob, persoon):
    _onthaal(persoon, alice)
    client.force_login(bob)
    [onthaal] = client.get(reverse("api:onthalen", args=[persoon.pk])).json()["results"]
    assert set(onthaal) == BESTAAN
    [behoefte] = client.get(reverse("api:behoeften", args=[persoon.pk])).json()["results"]
    assert set(behoefte) == {"id", "onthaal", "vastgesteld_op", "organisatie"}


def test_with_consent_bob_reads_the_intake(client, alice, bob, vdab, persoon):
    _onthaal(persoon, alice)
    _toestemming(persoon, vdab, Categorie.ONTHAAL, alice)
    client.force_login(bob)
    [onthaal] = client.get(reverse("api:onthalen", args=[persoon.pk])).json()["results"]
    assert onthaal["taal"] == "nl"
    assert onthaal["behoeften"][0]["notitie"] == "Zoekt werk"
    [behoefte] = client.get(reverse("api:behoeften", args=[persoon.pk])).json()["results"]
    assert behoefte["levensdomein"] == "werk"


def test_a_withdrawal_takes_effect_at_once(client, alice, bob, vdab, persoon):
    _onthaal(persoon, alice)
    toestemming = _toestemming(persoon, vdab, Categorie.ONTHAAL, alice)
    client.force_login(bob)
    url = reverse("api:onthalen", args=[persoon.pk])
    assert "behoeften" in client.get(url).json()["results"][0]

    client.force_login(alice)
    response = _post(client, reverse("api:toestemming_intrekken", args=[toestemming.pk]))
    assert response.status_code == 200
    assert response.json()["actief"] is False

    client.force_login(bob)
    assert set(client.get(url).json()["results"][0]) == BESTAAN


def test_it_records_a_later_need(client, alice, persoon):
    client.force_login(alice)
    url = reverse("api:behoeften", args=[persoon.pk])
    response = _post(client, url, {"levensdomein": "wonen", "antwoord": "ja", "prioriteit": "laag"})
    assert response.status_code == 201
    assert response.json()["onthaal"] is None
    response = _post(client, url, {"levensdomein": "wonen", "antwoord": "misschien"})
    assert response.status_code == 400
    assert "antwoord" in response.json()
    assert Behoefte.objects.count() == 1


def test_an_intake_list_pins_its_queries(client, alice, antwerpen, django_assert_num_queries):
    personen = GedetineerdeFactory.create_batch(2, huidige_gevangenis=antwerpen)
    for persoon in personen:
        _onthaal(persoon, alice)
    client.force_login(alice)
    url = reverse("api:onthalen", args=[personen[0].pk])
    client.get(url)
    # session, user, 2× permissions, prisons, person, access record, count, page, needs,
    # medewerker and consents (content rules), session save (3)
    with django_assert_num_queries(15):
        data = client.get(url).json()
    assert data["count"] == 1


# --- The plan ----------------------------------------------------------------------------


def _plan_openen(client, persoon):
    response = _post(client, reverse("api:plan", args=[persoon.pk]))
    assert response.status_code == 201, response.json()
    return response.json()


def _doel(client, persoon, **velden):
    gegevens = {
        "levensdomein": "werk",
        "omschrijving": "Een opleiding volgen",
        "plaats": "binnen",
        "stappen": ["Aanmelden", "Intake bij VDAB"],
        **velden,
    }
    return _post(client, reverse("api:plan_doelen", args=[persoon.pk]), gegevens)


def test_it_opens_a_plan_once(client, alice, persoon):
    client.force_login(alice)
    plan = _plan_openen(client, persoon)
    assert plan["versie"] == 0
    assert plan["doelen"] == []
    response = _post(client, reverse("api:plan", args=[persoon.pk]))
    assert response.status_code == 400
    assert "non_field_errors" in response.json()


def test_a_person_without_a_plan_is_a_404(client, alice, persoon):
    client.force_login(alice)
    assert client.get(reverse("api:plan", args=[persoon.pk])).status_code == 404


def test_it_adds_edits_and_closes_goals(client, alice, persoon):
    client.force_login(alice)
    _plan_openen(client, persoon)
    response = _doel(client, persoon)
    assert response.status_code == 201, response.json()
    doel = response.json()
    assert [s["omschrijving"] for s in doel["stappen"]] == ["Aanmelden", "Intake bij VDAB"]

    response = _patch(client, reverse("api:doel", args=[doel["id"]]), {"omschrijving": "Lassen"})
    assert response.status_code == 200
    assert response.json()["omschrijving"] == "Lassen"
    assert response.json()["levensdomein"] == "werk"

    url = reverse("api:doel_status", args=[doel["id"]])
    response = _post(client, url, {"status": "stopgezet"})
    assert response.status_code == 400
    assert "stopreden" in response.json()
    response = _post(client, url, {"status": "stopgezet", "stopreden": "vrijlating"})
    assert response.status_code == 200
    assert response.json()["status"] == "stopgezet"
    # stopgezet → bereikt is not a transition of the workflow.
    response = _post(client, url, {"status": "bereikt"})
    assert response.status_code == 400
    assert "status" in response.json()
    assert Doel.objects.get().status == Doel.Status.STOPGEZET


def test_a_goal_without_a_description_is_a_400(client, alice, persoon):
    client.force_login(alice)
    _plan_openen(client, persoon)
    response = _doel(client, persoon, omschrijving="", plaats="ergens")
    assert response.status_code == 400
    assert {"omschrijving", "plaats"} <= set(response.json())
    assert not Doel.objects.exists()


def test_it_adds_and_ticks_steps(client, alice, persoon):
    client.force_login(alice)
    _plan_openen(client, persoon)
    doel = _doel(client, persoon, stappen=[]).json()
    response = _post(
        client, reverse("api:doel_stappen", args=[doel["id"]]), {"omschrijving": "Bellen"}
    )
    assert response.status_code == 201
    stap = response.json()
    response = _post(client, reverse("api:stap_afvinken", args=[stap["id"]]))
    assert response.status_code == 200
    assert response.json()["gedaan_op"] == str(timezone.localdate())
    response = _post(client, reverse("api:stap_afvinken", args=[stap["id"]]), {"gedaan": False})
    assert response.json()["gedaan_op"] is None
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    response = _post(
        client, reverse("api:stap_afvinken", args=[stap["id"]]), {"gedaan_op": str(morgen)}
    )
    assert response.status_code == 400
    assert "gedaan_op" in response.json()
    assert Stap.objects.get().gedaan_op is None


def test_it_records_a_version(client, alice, persoon):
    client.force_login(alice)
    _plan_openen(client, persoon)
    url = reverse("api:plan_vastleggen", args=[persoon.pk])
    response = _post(client, url)
    assert response.status_code == 400  # a plan without goals
    assert not Planversie.objects.exists()
    _doel(client, persoon)
    response = _post(client, url, {"aanleiding": "Eerste plan"})
    assert response.status_code == 201
    assert response.json()["nummer"] == 1
    [versie] = client.get(reverse("api:planversies", args=[persoon.pk])).json()["results"]
    assert versie["aanleiding"] == "Eerste plan"
    assert versie["inhoud"]["doelen"][0]["omschrijving"] == "Een opleiding volgen"
    assert client.get(reverse("api:plan", args=[persoon.pk])).json()["versie"] == 1


def test_without_consent_bob_sees_only_that_a_plan_exists(
    client, alice, bob, vdab, persoon, api_plan
):
    plan_vastleggen(plan=api_plan, door=alice)
    client.force_login(bob)
    plan = client.get(reverse("api:plan", args=[persoon.pk])).json()
    assert set(plan) == {
        "id", "gedetineerde", "organisatie", "versie", "laatst_herzien", "volgende_herziening",
    }  # fmt: skip
    [versie] = client.get(reverse("api:planversies", args=[persoon.pk])).json()["results"]
    assert set(versie) == {"id", "nummer", "aangemaakt"}

    _toestemming(persoon, vdab, Categorie.PLAN, alice)
    plan = client.get(reverse("api:plan", args=[persoon.pk])).json()
    assert plan["doelen"][0]["omschrijving"] == "Een opleiding lassen volgen"
    [versie] = client.get(reverse("api:planversies", args=[persoon.pk])).json()["results"]
    assert "inhoud" in versie


def test_an_organisation_without_consent_may_not_change_the_plan(client, tina, api_doel):
    client.force_login(tina)
    response = _patch(client, reverse("api:doel", args=[api_doel.pk]), {"omschrijving": "Iets"})
    assert response.status_code == 403
    response = _post(client, reverse("api:doel_stappen", args=[api_doel.pk]), {"omschrijving": "X"})
    assert response.status_code == 403
    api_doel.refresh_from_db()
    assert api_doel.omschrijving == "Een opleiding lassen volgen"
    assert api_doel.stappen.count() == 1


def test_the_versions_pin_their_queries(
    client, alice, persoon, api_plan, django_assert_num_queries
):
    for _ in range(3):
        plan_vastleggen(plan=api_plan, door=alice)
    client.force_login(alice)
    url = reverse("api:planversies", args=[persoon.pk])
    client.get(url)
    # session, user, 2× permissions, prisons, person, access record, plan, count, page,
    # medewerker and consents (content rules), session save (3)
    with django_assert_num_queries(15):
        data = client.get(url).json()
    assert data["count"] == 3


# --- Referrals ---------------------------------------------------------------------------


def _verwijzing(client, persoon, naar, **velden):
    return _post(
        client,
        reverse("api:doorverwijzingen", args=[persoon.pk]),
        {
            "naar_organisatie": naar.pk,
            "levensdomein": "werk",
            "plaats": "binnen",
            "motivatie": "Zoekt een opleiding.",
            **velden,
        },
    )


def test_it_makes_a_concept(client, alice, vdab, persoon):
    client.force_login(alice)
    response = _verwijzing(client, persoon, vdab)
    assert response.status_code == 201
    data = response.json()
    assert data["status"] == "concept"
    assert [s["naar_status"] for s in data["stappen"]] == ["concept"]


def test_sending_without_consent_is_a_400_and_nothing_is_saved(client, alice, vdab, persoon):
    client.force_login(alice)
    response = _verwijzing(client, persoon, vdab, versturen=True)
    assert response.status_code == 400
    assert "naar_organisatie" in response.json()
    assert not Doorverwijzing.objects.exists()


def test_a_missing_question_is_a_400(client, alice, vdab, persoon):
    client.force_login(alice)
    response = _verwijzing(client, persoon, vdab, motivatie="", plaats="")
    assert response.status_code == 400
    assert {"motivatie", "plaats"} <= set(response.json())
    assert not Doorverwijzing.objects.exists()


def test_a_need_of_another_prison_does_not_exist(client, alice, charlie, vdab, persoon, gent):
    ander = GedetineerdeFactory(huidige_gevangenis=gent)
    behoefte = behoefte_vastleggen(
        gedetineerde=ander, levensdomein="werk", antwoord="ja", door=charlie
    )
    client.force_login(alice)
    response = _verwijzing(client, persoon, vdab, behoefte=behoefte.pk)
    assert response.status_code == 400
    assert "behoefte" in response.json()


def test_a_referral_goes_from_sent_to_answered_to_closed(
    client, alice, bob, vdab, persoon, api_toestemming
):
    client.force_login(alice)
    doorverwijzing = _verwijzing(client, persoon, vdab, versturen=True).json()
    assert doorverwijzing["status"] == "verstuurd"

    client.force_login(bob)
    [inbox] = client.get(reverse("api:doorverwijzingen_inbox")).json()["results"]
    assert inbox["id"] == doorverwijzing["id"]
    assert inbox["motivatie"] == "Zoekt een opleiding."
    url = reverse("api:doorverwijzing_beantwoorden", args=[doorverwijzing["id"]])
    response = _post(client, url, {"aanvaard": False})
    assert response.status_code == 400
    assert "weigerreden" in response.json()
    response = _post(client, url, {"aanvaard": True, "antwoord": "Welkom op de infosessie."})
    assert response.status_code == 200
    assert response.json()["status"] == "aanvaard"
    assert client.get(reverse("api:doorverwijzingen_inbox")).json()["count"] == 0

    client.force_login(alice)
    url = reverse("api:doorverwijzing_afronden", args=[doorverwijzing["id"]])
    response = _post(client, url, {"toelichting": "Opleiding gestart."})
    assert response.status_code == 200
    assert [s["naar_status"] for s in response.json()["stappen"]] == [
        "concept", "verstuurd", "aanvaard", "afgerond",
    ]  # fmt: skip


def test_only_the_receiver_answers(client, alice, api_doorverwijzing):
    client.force_login(alice)
    _post(client, reverse("api:doorverwijzing_versturen", args=[api_doorverwijzing.pk]))
    url = reverse("api:doorverwijzing_beantwoorden", args=[api_doorverwijzing.pk])
    response = _post(client, url, {"aanvaard": True})
    assert response.status_code == 403
    api_doorverwijzing.refresh_from_db()
    assert api_doorverwijzing.status == Doorverwijzing.Status.VERSTUURD


def test_only_the_referrer_withdraws(client, bob, api_doorverwijzing):
    client.force_login(bob)
    response = _post(client, reverse("api:doorverwijzing_intrekken", args=[api_doorverwijzing.pk]))
    assert response.status_code == 403
    api_doorverwijzing.refresh_from_db()
    assert api_doorverwijzing.status == Doorverwijzing.Status.CONCEPT


def test_a_transition_outside_the_workflow_is_a_400(client, alice, api_doorverwijzing):
    client.force_login(alice)
    response = _post(client, reverse("api:doorverwijzing_afronden", args=[api_doorverwijzing.pk]))
    assert response.status_code == 400
    assert "status" in response.json()


def test_without_consent_a_referral_keeps_only_its_existence(
    client, alice, bob, vdab, persoon, api_doorverwijzing, api_toestemming
):
    client.force_login(alice)
    _post(client, reverse("api:doorverwijzing_versturen", args=[api_doorverwijzing.pk]))
    toestemming_intrekken(toestemming=api_toestemming, door=alice)

    client.force_login(bob)
    bestaan = {
        "id", "gedetineerde", "status", "van_organisatie", "aangemaakt", "verstuurd_op",
        "beantwoord_op", "afgesloten_op",
    }  # fmt: skip
    [inbox] = client.get(reverse("api:doorverwijzingen_inbox")).json()["results"]
    assert set(inbox) == bestaan
    detail = client.get(reverse("api:doorverwijzing", args=[api_doorverwijzing.pk])).json()
    assert set(detail) == bestaan
    [lijst] = client.get(reverse("api:doorverwijzingen", args=[persoon.pk])).json()["results"]
    assert set(lijst) == bestaan
    # Withdrawn, the receiver cannot answer either.
    url = reverse("api:doorverwijzing_beantwoorden", args=[api_doorverwijzing.pk])
    assert _post(client, url, {"aanvaard": True}).status_code == 403


def test_the_referral_lists_pin_their_queries(
    client, alice, bob, vdab, antwerpen, django_assert_num_queries
):
    personen = GedetineerdeFactory.create_batch(3, huidige_gevangenis=antwerpen)
    for persoon in personen:
        _toestemming(persoon, vdab, Categorie.DOORVERWIJZINGEN, alice)
        for _ in range(2):
            doorverwijzing_aanmaken(
                gedetineerde=persoon,
                naar_organisatie=vdab,
                levensdomein=Levensdomein.WERK,
                plaats=Plaats.BINNEN,
                motivatie="Werk",
                door=alice,
                versturen=True,
            )
    client.force_login(bob)
    client.get(reverse("api:doorverwijzingen_inbox"))
    # session, user, 2× permissions, medewerker, prisons, count, page (consent annotated),
    # session save (3)
    with django_assert_num_queries(11):
        data = client.get(reverse("api:doorverwijzingen_inbox")).json()
    assert data["count"] == 6
    assert all("motivatie" in d for d in data["results"])

    url = reverse("api:doorverwijzingen", args=[personen[0].pk])
    client.get(url)
    # session, user, 2× permissions, prisons, person, access record, count, page,
    # medewerker and consents (content rules), session save (3)
    with django_assert_num_queries(14):
        data = client.get(url).json()
    assert data["count"] == 2


# --- Notes, consent, case conferences ----------------------------------------------------


def _notities(persoon, alice, carl):
    for niveau in Notitie.Niveau.values:
        notitie_schrijven(gedetineerde=persoon, niveau=niveau, tekst=niveau, door=alice)
    notitie_schrijven(
        gedetineerde=persoon,
        niveau=Notitie.Niveau.BEROEPSGEHEIM,
        tekst="voor carl",
        door=alice,
        gedeeld_met=[carl],
    )


def _teksten(client, persoon):
    data = client.get(reverse("api:notities", args=[persoon.pk])).json()
    return sorted(n["tekst"] for n in data["results"])


def test_notes_follow_their_level(client, alice, bob, carl, vdab, persoon):
    _notities(persoon, alice, carl)
    client.force_login(alice)
    assert _teksten(client, persoon) == ["beroepsgeheim", "gedeeld", "organisatie", "voor carl"]
    client.force_login(carl)
    assert _teksten(client, persoon) == ["gedeeld", "organisatie", "voor carl"]
    client.force_login(bob)
    assert _teksten(client, persoon) == []

    toestemming = _toestemming(persoon, vdab, Categorie.NOTITIES, alice)
    assert _teksten(client, persoon) == ["gedeeld"]
    toestemming_intrekken(toestemming=toestemming, door=alice)
    assert _teksten(client, persoon) == []


def test_it_writes_a_note(client, bob, carl, persoon):
    client.force_login(bob)
    url = reverse("api:notities", args=[persoon.pk])
    response = _post(client, url, {"niveau": "gedeeld", "tekst": "Start opleiding maandag."})
    assert response.status_code == 201
    assert response.json()["niveau"] == "gedeeld"
    # Naming colleagues is for professional secrecy, and only of one's own organisation.
    response = _post(
        client, url, {"niveau": "beroepsgeheim", "tekst": "Vertrouwelijk", "gedeeld_met": [carl.pk]}
    )
    assert response.status_code == 400
    assert "gedeeld_met" in response.json()
    response = _post(client, url, {"niveau": "geheim", "tekst": ""})
    assert response.status_code == 400
    assert {"niveau", "tekst"} <= set(response.json())
    assert Notitie.objects.count() == 1


def test_the_notes_pin_their_queries(client, alice, carl, persoon, django_assert_num_queries):
    _notities(persoon, alice, carl)
    client.force_login(alice)
    url = reverse("api:notities", args=[persoon.pk])
    client.get(url)
    # session, user, 2× permissions, prisons, medewerker, person, access record, count,
    # page, named colleagues, session save (3)
    with django_assert_num_queries(14):
        data = client.get(url).json()
    assert data["count"] == 4


def test_it_registers_and_withdraws_consent(client, alice, bob, vdab, persoon):
    client.force_login(alice)
    url = reverse("api:toestemmingen", args=[persoon.pk])
    gegevens = {"organisatie": vdab.pk, "categorie": "plan"}
    response = _post(client, url, gegevens)
    assert response.status_code == 201
    toestemming = response.json()
    assert toestemming["actief"] is True
    response = _post(client, url, gegevens)
    assert response.status_code == 400
    assert "categorie" in response.json()

    client.force_login(bob)
    [gelezen] = client.get(url).json()["results"]
    assert gelezen["categorie"] == "plan"
    intrekken = reverse("api:toestemming_intrekken", args=[toestemming["id"]])
    assert _post(client, intrekken).status_code == 403

    client.force_login(alice)
    assert _post(client, intrekken).status_code == 200
    response = _post(client, intrekken)
    assert response.status_code == 400
    assert Toestemming.objects.get().ingetrokken_op == timezone.localdate()


def test_the_consents_pin_their_queries(client, alice, persoon, django_assert_num_queries):
    for categorie in Categorie.values:
        organisatie = OrganisatieFactory()
        _toestemming(persoon, organisatie, categorie, alice)
    client.force_login(alice)
    url = reverse("api:toestemmingen", args=[persoon.pk])
    client.get(url)
    # session, user, 2× permissions, prisons, person, access record, count, page,
    # session save (3)
    with django_assert_num_queries(12):
        data = client.get(url).json()
    assert data["count"] == 5


def test_case_conferences_are_for_participants_and_organiser(
    client, alice, bob, carl, tina, persoon
):
    client.force_login(alice)
    url = reverse("api:casusoverleggen", args=[persoon.pk])
    response = _post(
        client,
        url,
        {
            "datum": str(timezone.localdate()),
            "onderwerp": "Nazorg",
            "besluiten": "VDAB start het traject.",
            "deelnemers": [bob.pk],
        },
    )
    assert response.status_code == 201
    assert sorted(response.json()["deelnemers"]) == sorted([alice.pk, bob.pk])
    for wie, aantal in ((bob, 1), (carl, 1), (tina, 0)):
        client.force_login(wie)
        assert client.get(url).json()["count"] == aantal, wie


def test_a_case_conference_in_the_future_is_a_400(client, alice, bob, charlie, persoon):
    client.force_login(alice)
    url = reverse("api:casusoverleggen", args=[persoon.pk])
    morgen = timezone.localdate() + datetime.timedelta(days=1)
    gegevens = {"datum": str(morgen), "onderwerp": "X", "besluiten": "Y", "deelnemers": [bob.pk]}
    response = _post(client, url, gegevens)
    assert response.status_code == 400
    assert "datum" in response.json()
    # charlie works in Gent: for alice he "does not exist".
    gegevens = {**gegevens, "datum": str(timezone.localdate()), "deelnemers": [charlie.pk]}
    response = _post(client, url, gegevens)
    assert response.status_code == 400
    assert "deelnemers" in response.json()
    assert not Casusoverleg.objects.exists()


def test_the_case_conferences_pin_their_queries(
    client, alice, bob, persoon, django_assert_num_queries
):
    for i in range(3):
        casusoverleg_vastleggen(
            gedetineerde=persoon,
            datum=timezone.localdate(),
            onderwerp=f"Overleg {i}",
            besluiten="Afspraken",
            deelnemers=[bob],
            door=alice,
        )
    client.force_login(alice)
    url = reverse("api:casusoverleggen", args=[persoon.pk])
    client.get(url)
    # session, user, 2× permissions, prisons, person, access record, medewerker, count,
    # page, participants, session save (3)
    with django_assert_num_queries(14):
        data = client.get(url).json()
    assert data["count"] == 3


# --- Release preparation -----------------------------------------------------------------


def test_it_opens_the_release_checklist_once(client, alice, persoon):
    client.force_login(alice)
    url = reverse("api:vrijlating", args=[persoon.pk])
    assert client.get(url).status_code == 404
    response = _post(client, url)
    assert response.status_code == 201
    assert len(response.json()["punten"]) == 9
    response = _post(client, url)
    assert response.status_code == 200


def test_the_checklist_is_for_the_coordinators_and_with_consent(
    client, alice, bob, vdab, persoon, api_voorbereiding
):
    client.force_login(bob)
    url = reverse("api:vrijlating", args=[persoon.pk])
    assert set(client.get(url).json()) == {
        "id", "verblijf", "verwachte_datum", "geopend_op", "bevroren_op",
    }  # fmt: skip
    _toestemming(persoon, vdab, Categorie.VRIJLATING, alice)
    assert len(client.get(url).json()["punten"]) == 9


def test_it_updates_a_checklist_point(client, alice, bob, api_checklistpunt):
    client.force_login(alice)
    url = reverse("api:checklistpunt", args=[api_checklistpunt.pk])
    response = _patch(client, url, {"status": "geregeld", "verantwoordelijke": bob.pk})
    assert response.status_code == 200
    assert response.json()["status"] == "geregeld"
    assert response.json()["verantwoordelijke"] == bob.pk
    response = _patch(client, url, {"status": "vergeten"})
    assert response.status_code == 400
    assert "status" in response.json()
    api_checklistpunt.refresh_from_db()
    assert api_checklistpunt.status == "geregeld"


# --- Tasks -------------------------------------------------------------------------------


def test_it_lists_and_closes_ones_own_tasks(client, alice, bob, api_taak):
    client.force_login(bob)
    assert client.get(reverse("api:taken")).json()["count"] == 0
    url = reverse("api:taak_afhandelen", args=[api_taak.pk])
    assert _post(client, url).status_code == 404

    client.force_login(alice)
    [taak] = client.get(reverse("api:taken")).json()["results"]
    assert taak["titel"] == "Bel de advocaat terug"
    response = _post(client, url)
    assert response.status_code == 200
    assert response.json()["afgehandeld_op"]
    assert _post(client, url).status_code == 400
    assert client.get(reverse("api:taken")).json()["count"] == 0


def test_the_tasks_pin_their_queries(client, alice, antwerpen, django_assert_num_queries):
    for i in range(3):
        taak_aanmaken(
            gevangenis=antwerpen, soort=Taak.Soort.ANDERE, titel=f"Taak {i}", toegewezen_aan=alice
        )
    client.force_login(alice)
    client.get(reverse("api:taken"))
    # session, user, 2× permissions, prisons, medewerker, count, page, session save (3)
    with django_assert_num_queries(11):
        data = client.get(reverse("api:taken")).json()
    assert data["count"] == 3
