"""The plan on paper for the person, and the handover at release for a partner outside.

As Signalen does, the tests read the intermediate HTML (the template with the context
that trajecten/afdrukken.py builds); the responses are checked for being a PDF.
"""

import datetime
import re

import pytest
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone

from aanbod.models import Levensdomein
from hdv.models import Auditrecord
from tests.factories import OrganisatieFactory
from trajecten import afdrukken
from trajecten.models import Categorie, Checklistpunt, Doel, Plaats
from trajecten.services.notities import toestemming_geven, toestemming_intrekken
from trajecten.services.plannen import (
    doel_bijwerken,
    doel_status_wijzigen,
    doel_toevoegen,
    stap_afvinken,
    stap_toevoegen,
)
from trajecten.services.vrijlating import checklistpunt_bijwerken, overdracht_samenstellen

pytestmark = pytest.mark.django_db


def _tekst(html: str) -> str:
    """What a reader reads: the body's text, without the tags."""
    body = html.split("<body>", 1)[-1]
    return " ".join(re.sub(r"<[^>]+>", " ", body).split())


@pytest.fixture
def volledig_plan(plan_met_doel, alice, vdab):
    """Jan's plan: a running goal with a done and an open step, a goal outside, one stopped."""
    lassen = plan_met_doel.doelen.get()
    doel_bijwerken(
        doel=lassen,
        levensdomein=lassen.levensdomein,
        omschrijving=lassen.omschrijving,
        plaats=lassen.plaats,
        organisatie=vdab,
        door=alice,
    )
    doel_status_wijzigen(doel=lassen, status=Doel.Status.IN_UITVOERING, door=alice)
    stap_afvinken(stap=lassen.stappen.get(), door=alice)
    stap_toevoegen(
        doel=lassen,
        omschrijving="De eerste les volgen",
        tegen=datetime.date(2026, 4, 1),
        door=alice,
    )
    doel_toevoegen(
        plan=plan_met_doel,
        levensdomein=Levensdomein.WONEN,
        omschrijving="Een woning vinden na de vrijlating",
        plaats=Plaats.BUITEN,
        door=alice,
    )
    sport = doel_toevoegen(
        plan=plan_met_doel,
        levensdomein=Levensdomein.SPORT,
        omschrijving="Elke week sporten",
        plaats=Plaats.BINNEN,
        door=alice,
    )
    doel_status_wijzigen(
        doel=sport, status=Doel.Status.STOPGEZET, stopreden=Doel.Stopreden.OP_VRAAG, door=alice
    )
    plan_met_doel.refresh_from_db()
    return plan_met_doel


# --- the plan for the person ---------------------------------------------------------------


def test_the_plan_speaks_to_the_person_in_plain_words(volledig_plan, alice):
    html = render_to_string(
        afdrukken.PLAN, afdrukken.plan_context(volledig_plan, vandaag=datetime.date(2026, 3, 1))
    )
    tekst = _tekst(html)
    assert "Jouw plan, Jan" in tekst
    assert f"Je maakte het samen met {alice.get_full_name()} van CAW Antwerpen." in tekst
    for kop in [
        "Jouw doelen",
        "Wat ga je doen?",
        "Wie helpt je?",
        "Wanneer bekijken we je plan opnieuw?",
    ]:
        assert kop in tekst
    # Domains with their plain names, in the order of the domains; the stopped goal apart.
    assert re.findall(r'<h3 class="domein">(.*?)</h3>', html) == ["Werk", "Wonen"]
    assert "Hier ben je nu mee bezig." in tekst
    assert "VDAB helpt je hierbij. Dit gebeurt in de gevangenis." in tekst
    assert "Je trajectbegeleider helpt je hierbij. Dit gebeurt buiten de gevangenis" in tekst
    assert "Doe dit tegen 1 april 2026." in tekst
    assert f"Klaar op {timezone.localdate():%-d}" in tekst
    assert "Doelen die voorbij zijn" in tekst
    assert "Elke week sporten Hier zijn we mee gestopt. Je wilde zelf stoppen." in tekst


def test_the_plan_has_no_jargon_codes_or_internal_words(volledig_plan):
    tekst = _tekst(
        render_to_string(
            afdrukken.PLAN, afdrukken.plan_context(volledig_plan, vandaag=datetime.date(2026, 3, 1))
        )
    )
    for woord in [
        "in_uitvoering", "stopgezet", "op_vraag", "binnen", "levensdomein", "HDV",
        "gedetineerde", "trajectbegeleiding", "CAW-ANT", "Audit",
    ]:  # fmt: skip
        assert woord not in tekst, woord


def test_the_plan_says_when_it_is_looked_at_again(volledig_plan):
    volledig_plan.volgende_herziening = datetime.date(2026, 9, 14)
    volledig_plan.save()
    tekst = _tekst(
        render_to_string(
            afdrukken.PLAN, afdrukken.plan_context(volledig_plan, vandaag=datetime.date(2026, 3, 1))
        )
    )
    assert "Op maandag 14 september 2026." in tekst


def test_the_plan_pdf(client, alice, volledig_plan, persoon):
    client.force_login(alice)
    response = client.get(reverse("trajecten:plan_pdf", args=[persoon.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert (
        response["Content-Disposition"]
        == f'inline; filename="hdv-plan-{persoon.detineenummer}.pdf"'
    )
    assert response.content.startswith(b"%PDF")
    record = Auditrecord.objects.filter(soort=Auditrecord.Soort.INZAGE).latest("id")
    assert (record.object_type, record.persoon_id, record.door) == (
        "trajecten.HdvPlan",
        persoon.pk,
        alice,
    )


def test_the_plan_pdf_needs_consent(client, bob, alice, volledig_plan, persoon, vdab):
    url = reverse("trajecten:plan_pdf", args=[persoon.pk])
    client.force_login(bob)
    assert client.get(url).status_code == 403
    toestemming = toestemming_geven(
        gedetineerde=persoon, organisatie=vdab, categorie=Categorie.PLAN, door=alice
    )
    assert client.get(url).status_code == 200
    toestemming_intrekken(toestemming=toestemming, door=alice)
    assert client.get(url).status_code == 403


def test_without_a_plan_there_is_no_pdf(client, alice, persoon):
    client.force_login(alice)
    assert client.get(reverse("trajecten:plan_pdf", args=[persoon.pk])).status_code == 404


# --- the handover --------------------------------------------------------------------------


@pytest.fixture
def ocmw(db):
    return OrganisatieFactory(naam="OCMW Antwerpen", afkorting="OCMW-ANT", soort="extern")


@pytest.fixture
def klaar_voor_overdracht(voorbereiding_vrijlating, volledig_plan, alice, caw):
    punt = voorbereiding_vrijlating.punten.get(onderwerp=Checklistpunt.Onderwerp.WONEN)
    checklistpunt_bijwerken(
        punt=punt,
        status=Checklistpunt.Status.BEZIG,
        organisatie=caw,
        verantwoordelijke=alice,
        toelichting="Aanvraag sociale woning loopt.",
        door=alice,
    )
    return voorbereiding_vrijlating


def _overdracht_html(voorbereiding, organisatie, met_plan=True) -> str:
    context = afdrukken.overdracht_context(
        voorbereiding=voorbereiding,
        inhoud=overdracht_samenstellen(voorbereiding),
        organisatie=organisatie,
        met_plan=met_plan,
    )
    return render_to_string(afdrukken.OVERDRACHT, context)


def test_the_handover_summarises_checklist_goals_and_referrals(klaar_voor_overdracht, ocmw, alice):
    tekst = _tekst(_overdracht_html(klaar_voor_overdracht, ocmw))
    assert "Overdracht bij vrijlating" in tekst
    assert "Voor: OCMW Antwerpen" in tekst
    assert "Testpersoon, Jan" in tekst
    assert (
        f"Huisvesting bezig CAW-ANT {alice.get_full_name()} Aanvraag sociale woning loopt." in tekst
    )
    assert "Identiteitsdocumenten te doen" in tekst
    assert "Werk Een opleiding lassen volgen in uitvoering VDAB" in tekst
    assert "De eerste les volgen (tegen 01/04/2026)" in tekst
    assert "Geen lopende doorverwijzingen." in tekst


def test_the_handover_leaves_out_a_plan_the_maker_may_not_read(klaar_voor_overdracht, ocmw):
    tekst = _tekst(_overdracht_html(klaar_voor_overdracht, ocmw, met_plan=False))
    assert "Een opleiding lassen volgen" not in tekst
    assert "Het HDV-plan is niet opgenomen" in tekst


def test_the_handover_pdf_needs_the_persons_consent(
    client, alice, klaar_voor_overdracht, ocmw, persoon
):
    url = reverse("trajecten:overdracht_pdf", args=[persoon.pk])
    client.force_login(alice)
    html = client.get(url).content.decode()
    # Partners outside come first in the list.
    assert html.index("OCMW Antwerpen (OCMW-ANT)") < html.index("CAW Antwerpen (CAW-ANT)")

    response = client.post(url, {"organisatie": ocmw.pk})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    assert (
        "gaf geen toestemming om de overdracht te delen met OCMW-ANT" in response.content.decode()
    )
    assert not Auditrecord.objects.filter(actie__startswith="overdracht gedeeld").exists()

    toestemming_geven(
        gedetineerde=persoon, organisatie=ocmw, categorie=Categorie.VRIJLATING, door=alice
    )
    response = client.post(url, {"organisatie": ocmw.pk})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == (
        f'inline; filename="overdracht-{persoon.detineenummer}-OCMW-ANT.pdf"'
    )
    assert response.content.startswith(b"%PDF")
    assert Auditrecord.objects.filter(actie="overdracht gedeeld met OCMW-ANT").count() == 1


def test_the_handover_form_needs_an_organisation(client, alice, klaar_voor_overdracht, persoon):
    client.force_login(alice)
    response = client.post(reverse("trajecten:overdracht_pdf", args=[persoon.pk]), {})
    assert response.status_code == 200
    assert "Het formulier bevat fouten" in response.content.decode()
