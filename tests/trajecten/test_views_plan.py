"""The HDV-plan's screens: goals per domain, steps, statuses, versions, and consent.

Fixtures ``plan_met_doel``, ``doel_in_plan``, ``stap_in_doel`` and ``vastgelegde_versie``
come from tests/trajecten/routes_plan.py.
"""

import datetime
import re

import pytest
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from aanbod.models import Levensdomein
from hdv import rollen
from tests.factories import MedewerkerFactory, OrganisatieFactory, UserFactory
from trajecten import afdrukken
from trajecten.models import Categorie, Doel, HdvPlan, Plaats, Planversie, Stap
from trajecten.services.notities import toestemming_geven, toestemming_intrekken
from trajecten.services.plannen import doel_status_wijzigen, doel_toevoegen, volgende_herziening
from trajecten.views import plan as plan_views
from trajecten.zichtbaarheid import inzicht

pytestmark = pytest.mark.django_db

AFGESCHERMD = "de inhoud is afgeschermd — de gedetineerde gaf uw organisatie geen toestemming"


def _url(naam, pk):
    return reverse(f"trajecten:{naam}", args=[pk])


def _html(response) -> str:
    assert response.status_code == 200, response.status_code
    return response.content.decode()


def _tekst(html: str) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


@pytest.fixture
def karel(antwerpen):
    """A trajectbegeleider of another organisation in Antwerpen (after a transfer, say)."""
    organisatie = OrganisatieFactory(naam="CAW Oost-Vlaanderen", afkorting="CAW-OVL")
    return MedewerkerFactory(
        user=UserFactory(username="karel", first_name="Karel"),
        organisatie=organisatie,
        gevangenissen=[antwerpen],
        rollen=[rollen.TRAJECTBEGELEIDER],
    ).user


# --- starting and reading ------------------------------------------------------------------


def test_without_a_plan_alice_can_start_one(client, alice, persoon):
    client.force_login(alice)
    html = _html(client.get(_url("plan", persoon.pk)))
    assert "Deze persoon heeft nog geen HDV-plan." in html
    assert "HDV-plan starten" in html

    response = client.post(_url("plan", persoon.pk))
    assert response.status_code == 302
    plan = HdvPlan.objects.get(gedetineerde=persoon)
    assert plan.begeleider == alice
    assert "Dit plan heeft nog geen doelen." in _html(client.get(response["Location"]))


def test_starting_a_plan_twice_says_so(client, alice, plan_met_doel, persoon):
    client.force_login(alice)
    response = client.post(_url("plan", persoon.pk), follow=True)
    assert "Deze persoon heeft al een HDV-plan." in response.content.decode()
    assert HdvPlan.objects.count() == 1


def test_a_hulpverlener_cannot_start_a_plan(client, bob, persoon):
    client.force_login(bob)
    assert "HDV-plan starten" not in _html(client.get(_url("plan", persoon.pk)))
    assert client.post(_url("plan", persoon.pk)).status_code == 403
    assert not HdvPlan.objects.exists()


def test_the_plan_shows_goals_per_domain(client, alice, plan_met_doel, vdab):
    doel_toevoegen(
        plan=plan_met_doel,
        levensdomein=Levensdomein.ONDERWIJS,
        omschrijving="Nederlands leren",
        plaats=Plaats.BINNEN,
        organisatie=vdab,
        door=alice,
    )
    doel_toevoegen(
        plan=plan_met_doel,
        levensdomein=Levensdomein.WONEN,
        omschrijving="Een woning zoeken",
        plaats=Plaats.BUITEN,
        door=alice,
    )
    client.force_login(alice)
    html = _html(client.get(_url("plan", plan_met_doel.gedetineerde_id)))
    # In the order of the domains, not of entry.
    assert re.findall(r'<h3 id="domein-(\w+)">', html) == ["onderwijs", "werk", "wonen"]
    tekst = _tekst(html)
    assert "Nederlands leren Status open Verantwoordelijke organisatie VDAB" in tekst
    assert "Binnen of buiten buiten de gevangenis" in tekst
    assert "Inschrijven bij de VDAB-consulent — nog niet" in tekst
    assert "Plan voor de gedetineerde (PDF)" in html


def test_the_plan_page_pins_its_queries(
    client, alice, plan_met_doel, vastgelegde_versie, django_assert_num_queries
):
    client.force_login(alice)
    url = _url("plan", plan_met_doel.gedetineerde_id)
    client.get(url)
    # session, user, 2× permissions, prisons, person, access record, plan with its
    # organisation, staff profile, consents, goals with organisation, steps, versions
    # with author, organisations of the form; session save (3)
    with django_assert_num_queries(17):
        _html(client.get(url))

    # More goals, steps and versions cost no extra query.
    for i in range(3):
        doel_toevoegen(
            plan=plan_met_doel,
            levensdomein=Levensdomein.SPORT,
            omschrijving=f"Sport {i}",
            plaats=Plaats.BINNEN,
            stappen=["een", "twee"],
            door=alice,
        )
    with django_assert_num_queries(17):
        html = _html(client.get(url))
    assert html.count('class="doel"') == 4


# --- goals ---------------------------------------------------------------------------------


def test_it_adds_a_goal_with_its_first_steps(client, alice, plan_met_doel, vdab):
    client.force_login(alice)
    response = client.post(
        _url("doel_nieuw", plan_met_doel.gedetineerde_id),
        {
            "levensdomein": Levensdomein.WONEN,
            "omschrijving": "Een woning vinden",
            "organisatie": vdab.pk,
            "plaats": Plaats.BUITEN,
            "stappen": "Aanvraag sociale woning\n\n  Gesprek met het OCMW  \n",
        },
    )
    doel = Doel.objects.get(omschrijving="Een woning vinden")
    assert response["Location"].endswith(f"#doel-{doel.pk}")
    assert (doel.organisatie, doel.plaats) == (vdab, Plaats.BUITEN)
    assert [s.omschrijving for s in doel.stappen.all()] == [
        "Aanvraag sociale woning",
        "Gesprek met het OCMW",
    ]


def test_a_goal_without_description_is_a_form_error(client, alice, plan_met_doel):
    client.force_login(alice)
    html = _html(
        client.post(
            _url("doel_nieuw", plan_met_doel.gedetineerde_id),
            {"levensdomein": Levensdomein.WONEN, "plaats": Plaats.BUITEN, "stappen": "een"},
        )
    )
    assert "Het formulier bevat fouten" in html
    assert 'class="veld veld--fout"' in html
    assert plan_met_doel.doelen.count() == 1
    assert Stap.objects.count() == 1


def test_it_edits_a_goal(client, alice, doel_in_plan, vdab):
    client.force_login(alice)
    url = _url("doel_bewerken", doel_in_plan.pk)
    assert 'value="Een opleiding lassen volgen"' in _html(client.get(url))
    response = client.post(
        url,
        {
            "levensdomein": Levensdomein.ONDERWIJS,
            "omschrijving": "Een opleiding lassen afwerken",
            "organisatie": vdab.pk,
            "plaats": Plaats.BINNEN,
        },
    )
    assert response.status_code == 302
    doel_in_plan.refresh_from_db()
    assert (doel_in_plan.levensdomein, doel_in_plan.omschrijving, doel_in_plan.organisatie) == (
        Levensdomein.ONDERWIJS,
        "Een opleiding lassen afwerken",
        vdab,
    )


def test_editing_a_goal_with_errors_saves_nothing(client, alice, doel_in_plan):
    client.force_login(alice)
    html = _html(
        client.post(
            _url("doel_bewerken", doel_in_plan.pk),
            {"levensdomein": "maan", "omschrijving": "", "plaats": Plaats.BINNEN},
        )
    )
    assert "Het formulier bevat fouten" in html
    doel_in_plan.refresh_from_db()
    assert doel_in_plan.omschrijving == "Een opleiding lassen volgen"


# --- statuses ------------------------------------------------------------------------------


def _opties(html: str) -> list[str]:
    select = re.search(r'<select name="status".*?</select>', html, flags=re.S)
    assert select
    return re.findall(r'<option value="(\w+)"', select[0])


def test_only_the_allowed_transitions_are_offered(client, alice, doel_in_plan):
    client.force_login(alice)
    url = _url("doel_status", doel_in_plan.pk)
    assert _opties(_html(client.get(url))) == [
        "in_uitvoering",
        "bereikt",
        "niet_bereikt",
        "stopgezet",
    ]
    doel_status_wijzigen(doel=doel_in_plan, status=Doel.Status.BEREIKT, door=alice)
    assert _opties(_html(client.get(url))) == ["in_uitvoering"]


def test_it_changes_a_goals_status(client, alice, doel_in_plan):
    client.force_login(alice)
    response = client.post(
        _url("doel_status", doel_in_plan.pk),
        {"status": Doel.Status.STOPGEZET, "stopreden": Doel.Stopreden.OVERPLAATSING},
    )
    assert response.status_code == 302
    doel_in_plan.refresh_from_db()
    assert (doel_in_plan.status, doel_in_plan.stopreden) == ("stopgezet", "overplaatsing")
    html = _html(client.get(_url("plan", doel_in_plan.plan.gedetineerde_id)))
    assert "<strong>stopgezet</strong> (overplaatsing)" in html


def test_stopping_a_goal_needs_a_reason(client, alice, doel_in_plan):
    client.force_login(alice)
    html = _html(
        client.post(_url("doel_status", doel_in_plan.pk), {"status": Doel.Status.STOPGEZET})
    )
    assert "Geef de reden van de stopzetting." in html
    doel_in_plan.refresh_from_db()
    assert doel_in_plan.status == Doel.Status.OPEN


def test_an_illegal_transition_is_a_clear_error(client, alice, doel_in_plan):
    doel_status_wijzigen(doel=doel_in_plan, status=Doel.Status.BEREIKT, door=alice)
    client.force_login(alice)
    html = _html(client.post(_url("doel_status", doel_in_plan.pk), {"status": Doel.Status.OPEN}))
    assert "Een doel kan niet van &#x27;bereikt&#x27; naar &#x27;open&#x27;." in html
    doel_in_plan.refresh_from_db()
    assert doel_in_plan.status == Doel.Status.BEREIKT


# --- steps ---------------------------------------------------------------------------------


def test_it_adds_a_step(client, alice, doel_in_plan):
    client.force_login(alice)
    response = client.post(
        _url("stap_nieuw", doel_in_plan.pk), {"omschrijving": "Eerste les", "tegen": "2026-04-01"}
    )
    assert response.status_code == 302
    stap = doel_in_plan.stappen.get(omschrijving="Eerste les")
    assert stap.tegen.isoformat() == "2026-04-01"


def test_a_step_needs_a_description(client, alice, doel_in_plan):
    client.force_login(alice)
    html = _html(client.post(_url("stap_nieuw", doel_in_plan.pk), {"tegen": "gisteren"}))
    assert "Het formulier bevat fouten" in html
    assert doel_in_plan.stappen.count() == 1


def test_it_ticks_a_step_and_opens_it_again(client, alice, stap_in_doel, vandaag):
    client.force_login(alice)
    response = client.post(_url("stap_afvinken", stap_in_doel.pk))
    assert response["Location"].endswith(f"#doel-{stap_in_doel.doel_id}")
    stap_in_doel.refresh_from_db()
    assert stap_in_doel.gedaan_op == vandaag

    client.post(_url("stap_afvinken", stap_in_doel.pk), {"gedaan": "0"})
    stap_in_doel.refresh_from_db()
    assert stap_in_doel.gedaan_op is None


def test_ticking_is_a_post(client, alice, stap_in_doel):
    client.force_login(alice)
    assert client.get(_url("stap_afvinken", stap_in_doel.pk)).status_code == 405


# --- versions ------------------------------------------------------------------------------


def test_recording_the_plan_makes_a_version(client, alice, plan_met_doel, persoon):
    client.force_login(alice)
    html = _html(client.get(_url("plan", persoon.pk)))
    verwacht = volgende_herziening(persoon)
    assert f"Volgende herziening na het vastleggen: {verwacht:%d/%m/%Y}" in html

    response = client.post(_url("plan_vastleggen", persoon.pk), {"aanleiding": "Gesprek met Jan"})
    assert response["Location"].endswith("#versies")
    versie = Planversie.objects.get()
    assert (versie.nummer, versie.aanleiding, versie.door) == (1, "Gesprek met Jan", alice)
    plan_met_doel.refresh_from_db()
    assert plan_met_doel.volgende_herziening == verwacht
    html = _html(client.get(_url("plan", persoon.pk)))
    assert "Versie 1" in html
    assert "Gesprek met Jan" in html


def test_a_plan_without_goals_cannot_be_recorded(client, alice, persoon):
    client.force_login(alice)
    client.post(_url("plan", persoon.pk))
    html = _html(client.post(_url("plan_vastleggen", persoon.pk), {"aanleiding": ""}))
    assert "Een plan zonder doelen kan niet worden vastgelegd." in html
    assert not Planversie.objects.exists()


def test_a_version_stays_as_it_was(client, alice, vastgelegde_versie, doel_in_plan):
    doel_status_wijzigen(doel=doel_in_plan, status=Doel.Status.BEREIKT, door=alice)
    client.force_login(alice)
    tekst = _tekst(_html(client.get(_url("planversie", vastgelegde_versie.pk))))
    assert "HDV-plan, versie 1" in tekst
    assert "Aanleiding Eerste gesprek" in tekst
    assert "Een opleiding lassen volgen Open · — · binnen de gevangenis" in tekst
    assert "Inschrijven bij de VDAB-consulent" in tekst
    html = _html(client.get(_url("planversie", vastgelegde_versie.pk)))
    assert "<form" not in html.split("<main", 1)[1]


# --- consent -------------------------------------------------------------------------------


def test_another_organisation_sees_only_that_a_plan_exists(
    client, alice, bob, vdab, plan_met_doel, vastgelegde_versie, persoon
):
    client.force_login(bob)
    url = _url("plan", persoon.pk)
    html = _html(client.get(url))
    assert AFGESCHERMD in html
    assert "Er is een HDV-plan (versie 1, volgende herziening" in html
    assert "Een opleiding lassen volgen" not in html
    assert "toestemming-nodig" not in html  # bob keeps no plans
    versie = _html(client.get(_url("planversie", vastgelegde_versie.pk)))
    assert "Een opleiding lassen volgen" not in versie

    toestemming = toestemming_geven(
        gedetineerde=persoon, organisatie=vdab, categorie=Categorie.PLAN, door=alice
    )
    html = _html(client.get(url))
    assert "Een opleiding lassen volgen" in html
    assert "Doel toevoegen" not in html  # reading, not writing
    assert "Een opleiding lassen volgen" in _html(
        client.get(_url("planversie", vastgelegde_versie.pk))
    )

    toestemming_intrekken(toestemming=toestemming, door=alice)
    html = _html(client.get(url))
    assert AFGESCHERMD in html
    assert "Een opleiding lassen volgen" not in html


def test_a_trajectbegeleider_of_another_organisation_needs_consent_to_take_over(
    client, alice, karel, plan_met_doel, doel_in_plan, persoon
):
    client.force_login(karel)
    html = _html(client.get(_url("plan", persoon.pk)))
    assert AFGESCHERMD in html
    assert "moet de gedetineerde eerst toestemming geven" in html
    # Neither the content nor the coordination without consent.
    assert client.get(_url("doel_status", doel_in_plan.pk)).status_code == 403
    assert client.post(_url("plan_overnemen", persoon.pk)).status_code == 403
    plan_met_doel.refresh_from_db()
    assert plan_met_doel.begeleider == alice

    toestemming_geven(
        gedetineerde=persoon,
        organisatie=karel.medewerker.organisatie,
        categorie=Categorie.PLAN,
        door=alice,
    )
    html = _html(client.get(_url("plan", persoon.pk)))
    assert "Coördinatie van het plan overnemen" in html
    assert client.post(_url("plan_overnemen", persoon.pk)).status_code == 302
    plan_met_doel.refresh_from_db()
    assert (plan_met_doel.organisatie, plan_met_doel.begeleider) == (
        karel.medewerker.organisatie,
        karel,
    )


def test_writes_without_consent_are_refused(client, karel, doel_in_plan, stap_in_doel, persoon):
    client.force_login(karel)
    assert client.post(_url("stap_afvinken", stap_in_doel.pk)).status_code == 403
    assert client.post(_url("plan_vastleggen", persoon.pk)).status_code == 403
    assert client.get(_url("doel_nieuw", persoon.pk)).status_code == 403
    assert client.get(_url("plan_pdf", persoon.pk)).status_code == 403
    stap_in_doel.refresh_from_db()
    assert stap_in_doel.gedaan_op is None
    assert not Planversie.objects.exists()


# --- the section of the dossier page --------------------------------------------------------


def _sectie(user, persoon):
    request = RequestFactory().get("/")
    request.user = user
    return plan_views.dossier_sectie(request, persoon, inzicht(user, persoon))


def test_the_dossier_section_shows_goals_per_domain(
    alice, plan_met_doel, persoon, django_assert_num_queries
):
    inzicht(alice, persoon)  # permissions cached on the user
    alice.has_perm("trajecten.view_hdvplan")
    request = RequestFactory().get("/")
    request.user = alice
    zicht = inzicht(alice, persoon)
    # the plan, its goals with organisation
    with django_assert_num_queries(2):
        sectie = plan_views.dossier_sectie(request, persoon, zicht)
    assert sectie["toon_plan"]
    assert sectie["plan_zichtbaar"]
    assert [d["code"] for d in sectie["plan_domeinen"]] == ["werk"]


def test_the_dossier_section_without_consent_and_without_permission(
    bob, dirk, plan_met_doel, persoon
):
    sectie = _sectie(bob, persoon)
    assert (sectie["toon_plan"], sectie["plan_zichtbaar"]) == (True, False)
    assert "plan_domeinen" not in sectie
    assert _sectie(dirk, persoon) == {"toon_plan": False}


def _partial(user, persoon) -> str:
    request = RequestFactory().get("/")
    request.user = user
    context = {"gedetineerde": persoon, **_sectie(user, persoon)}
    return _tekst(render_to_string("trajecten/dossier/_plan.html", context, request=request))


def test_the_dossier_partial(alice, bob, dirk, persoon, plan_met_doel):
    assert "Werk Een opleiding lassen volgen — open" in _partial(alice, persoon)
    tekst = _partial(bob, persoon)
    assert "Er is een HDV-plan (versie 0, volgende herziening" in tekst
    assert AFGESCHERMD in tekst
    assert "lassen" not in tekst
    assert _partial(dirk, persoon) == ""


def test_the_dossier_partial_without_a_plan(alice, bob, persoon):
    assert "Nog geen HDV-plan. HDV-plan starten" in _partial(alice, persoon)
    assert "HDV-plan starten" not in _partial(bob, persoon)


# --- dates that have passed ----------------------------------------------------------------


def _gisteren():
    return timezone.localdate() - datetime.timedelta(days=1)


def test_a_review_date_in_the_past_is_flagged_on_the_plan(client, alice, plan_met_doel, persoon):
    client.force_login(alice)
    assert 'id="herziening-te-laat"' not in _html(client.get(_url("plan", persoon.pk)))

    HdvPlan.objects.filter(pk=plan_met_doel.pk).update(volgende_herziening=_gisteren())

    assert 'id="herziening-te-laat"' in _html(client.get(_url("plan", persoon.pk)))


def test_the_persons_plan_says_soon_instead_of_a_past_review_date(plan_met_doel):
    HdvPlan.objects.filter(pk=plan_met_doel.pk).update(volgende_herziening=_gisteren())
    plan_met_doel.refresh_from_db()

    tekst = _tekst(render_to_string(afdrukken.PLAN, afdrukken.plan_context(plan_met_doel)))

    assert "Binnenkort." in tekst
    assert f"{_gisteren():%Y}." not in tekst.split("opnieuw?")[1]


def test_the_persons_plan_leaves_out_a_step_deadline_that_passed(stap_in_doel, plan_met_doel):
    stap_in_doel.tegen = _gisteren()
    stap_in_doel.save(update_fields=["tegen"])
    morgen = timezone.localdate() + datetime.timedelta(days=1)

    gisteren = _tekst(render_to_string(afdrukken.PLAN, afdrukken.plan_context(plan_met_doel)))
    stap_in_doel.tegen = morgen
    stap_in_doel.save(update_fields=["tegen"])
    nog_niet = _tekst(render_to_string(afdrukken.PLAN, afdrukken.plan_context(plan_met_doel)))

    assert "Doe dit tegen" not in gisteren
    assert "Inschrijven bij de VDAB-consulent" in gisteren
    assert "Doe dit tegen" in nog_niet
