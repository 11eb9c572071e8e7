"""Activities: the list, one activity with its sessions, and planning one (clashes first)."""

import datetime

import pytest
from django.urls import reverse

from aanbod.models import Activiteit, Sessie
from aanbod.services.annuleringen import sessie_annuleren
from aanbod.services.planning import SlotInvoer, activiteit_aanmaken

pytestmark = pytest.mark.django_db

DAG = datetime.timedelta(days=1)


def _formulier(aanbod, lokaal, vandaag, *, slots=(("1", "09:00", "11:00"),), **anders):
    """The POST of the activity form: a run of four weeks from next week, Tuesday 9–11."""
    data = {
        "aanbod": aanbod.pk,
        "naam": "groep 2",
        "startdatum": (vandaag + 7 * DAG).isoformat(),
        "einddatum": (vandaag + 34 * DAG).isoformat(),  # 28 days: four of every weekday
        "lokaal": lokaal.pk,
        "capaciteit": "8",
        "minimum_deelnemers": "3",
        "rotatie_weken": "1",
        "slots-TOTAL_FORMS": str(len(slots) + 2),
        "slots-INITIAL_FORMS": "0",
        "slots-MIN_NUM_FORMS": "0",
        "slots-MAX_NUM_FORMS": "28",
    }
    for i, (weekdag, begin, einde) in enumerate([*slots, ("", "", ""), ("", "", "")]):
        data |= {
            f"slots-{i}-week": "1",
            f"slots-{i}-weekdag": weekdag,
            f"slots-{i}-begintijd": begin,
            f"slots-{i}-eindtijd": einde,
        }
    return data | anders


def _nieuw(client, user, data):
    client.force_login(user)
    return client.post(reverse("aanbod:activiteit_nieuw"), data)


# Planning a new activity


def test_a_planner_plans_an_activity_and_its_sessions(client, olga, nederlands, sportzaal, vandaag):
    data = _formulier(nederlands, sportzaal, vandaag, begeleiders=[olga.medewerker.pk])
    response = _nieuw(client, olga, data)
    activiteit = Activiteit.objects.get(naam="groep 2")
    assert response.status_code == 302
    assert response["Location"] == reverse("aanbod:activiteit", args=[activiteit.pk])
    assert activiteit.lokaal == sportzaal
    assert list(activiteit.begeleiders.all()) == [olga.medewerker]
    assert [(s.weekdag, s.begintijd) for s in activiteit.slots.all()] == [(1, datetime.time(9))]
    assert activiteit.sessies.count() == 4
    bericht = next(iter(response.wsgi_request._messages))
    assert "4 sessie(s)" in str(bericht)


def test_the_form_offers_only_this_prisons_offers_rooms_and_staff(
    client, olga, gert, nederlands, klaslokaal, lokaal_gent
):
    client.force_login(olga)
    response = client.get(reverse("aanbod:activiteit_nieuw"))
    form = response.context["form"]
    assert list(form.fields["aanbod"].queryset) == [nederlands]
    assert list(form.fields["lokaal"].queryset) == [klaslokaal]
    assert olga.medewerker in form.fields["begeleiders"].queryset
    assert gert.medewerker not in form.fields["begeleiders"].queryset
    assert len(response.context["slots"].forms) == 5  # empty rows to fill in
    assert 'type="time"' in response.text
    assert "<legend>Begeleiders</legend>" in response.text


@pytest.mark.parametrize(
    ("anders", "veld", "fout"),
    [
        ({"capaciteit": "20"}, "capaciteit", "Het lokaal heeft maar 12 plaatsen."),
        ({"einddatum": "2020-01-01"}, "einddatum", "De einddatum ligt voor de startdatum."),
        (
            {"minimum_deelnemers": "9"},
            "minimum_deelnemers",
            "Het minimum is groter dan de capaciteit.",
        ),
    ],
)
def test_the_services_refusals_show_on_their_field_and_nothing_is_saved(
    client, olga, nederlands, klaslokaal, vandaag, anders, veld, fout
):
    response = _nieuw(client, olga, _formulier(nederlands, klaslokaal, vandaag, **anders))
    assert response.status_code == 200
    assert response.context["form"].errors[veld] == [fout]
    assert "Het formulier bevat fouten" in response.text
    assert not Activiteit.objects.exists()
    assert not Sessie.objects.exists()


def test_a_slot_outside_the_day_is_refused_at_the_slots(
    client, olga, nederlands, klaslokaal, vandaag
):
    data = _formulier(nederlands, klaslokaal, vandaag, slots=[("1", "05:00", "06:00")])
    response = _nieuw(client, olga, data)
    assert response.context["slotfouten"] == ["Activiteiten vinden plaats tussen 07:00 en 21:00."]
    assert response.context["form"].non_field_errors() == [
        "Tijdsloten: Activiteiten vinden plaats tussen 07:00 en 21:00."
    ]
    assert not Activiteit.objects.exists()


def test_a_slot_without_its_end_is_an_error_in_its_row(
    client, olga, nederlands, klaslokaal, vandaag
):
    data = _formulier(nederlands, klaslokaal, vandaag, slots=[("1", "09:00", "")])
    response = _nieuw(client, olga, data)
    assert response.context["slots"].forms[0].errors["eindtijd"] == ["Dit veld is vereist."]
    assert not Activiteit.objects.exists()


def test_a_room_of_another_prison_cannot_be_chosen(client, olga, nederlands, lokaal_gent, vandaag):
    response = _nieuw(client, olga, _formulier(nederlands, lokaal_gent, vandaag))
    assert "lokaal" in response.context["form"].errors
    assert not Activiteit.objects.exists()


def test_someone_who_may_not_plan_gets_403_and_nothing_is_saved(
    client, alice, nederlands, sportzaal, vandaag
):
    response = _nieuw(client, alice, _formulier(nederlands, sportzaal, vandaag))
    assert response.status_code == 403
    assert not Activiteit.objects.exists()


# Clashes before saving


def _botsend(nederlands, klaslokaal, vandaag, olga, **anders):
    """Monday 10–12 in Klas 1 with olga: the fixture's activity holds it on Monday 9–11."""
    return _formulier(
        nederlands,
        klaslokaal,
        vandaag,
        startdatum=vandaag.isoformat(),
        slots=[("0", "10:00", "12:00")],
        begeleiders=[olga.medewerker.pk],
        **anders,
    )


def test_clashes_are_shown_before_anything_is_saved(
    client, olga, activiteit, nederlands, klaslokaal, vandaag
):
    response = _nieuw(client, olga, _botsend(nederlands, klaslokaal, vandaag, olga))
    assert response.status_code == 200
    soorten = {b.soort for b, _label in response.context["botsingen"]}
    assert soorten == {"lokaal", "begeleider"}
    tekst = response.text
    assert "Klas 1 is bezet door Nederlands tweede taal A1 (09:00–11:00)." in tekst
    assert f"{olga.medewerker} begeleidt dan" in tekst
    assert "Ik heb de botsingen gezien en wil toch opslaan" in tekst
    assert Activiteit.objects.count() == 1


def test_ticking_the_box_saves_despite_the_clashes(
    client, olga, activiteit, nederlands, klaslokaal, vandaag
):
    eerste = _nieuw(client, olga, _botsend(nederlands, klaslokaal, vandaag, olga))
    sleutel = eerste.context["botsingen_sleutel"]
    data = _botsend(
        nederlands, klaslokaal, vandaag, olga, botsingen_gezien="on", botsingen_sleutel=sleutel
    )
    response = client.post(reverse("aanbod:activiteit_nieuw"), data)
    assert response.status_code == 302
    assert Activiteit.objects.filter(naam="groep 2").exists()


def test_a_confirmation_holds_only_for_the_clashes_that_were_shown(
    client, olga, activiteit, nederlands, klaslokaal, vandaag
):
    data = _botsend(
        nederlands, klaslokaal, vandaag, olga, botsingen_gezien="on", botsingen_sleutel="oud"
    )
    response = _nieuw(client, olga, data)
    assert response.context["botsingen"]
    assert "checked" not in response.text.split("botsingen_gezien")[1][:80]
    assert Activiteit.objects.count() == 1


def test_a_closure_day_is_a_clash_too(client, olga, sluitingsdag, nederlands, sportzaal, vandaag):
    data = _formulier(
        nederlands,
        sportzaal,
        vandaag,
        startdatum=sluitingsdag.datum.isoformat(),
        einddatum=sluitingsdag.datum.isoformat(),
        slots=[(str(sluitingsdag.datum.weekday()), "09:00", "10:00")],
    )
    response = _nieuw(client, olga, data)
    [(botsing, label)] = response.context["botsingen"]
    assert (botsing.soort, label) == ("sluitingsdag", "Sluitingsdag")
    assert "Sluitingsdag (Inventaris)" in response.text


def test_after_confirming_a_refusal_still_shows_and_the_box_stays_ticked(
    client, olga, activiteit, nederlands, klaslokaal, vandaag
):
    eerste = _nieuw(client, olga, _botsend(nederlands, klaslokaal, vandaag, olga))
    data = _botsend(
        nederlands,
        klaslokaal,
        vandaag,
        olga,
        capaciteit="20",
        botsingen_gezien="on",
        botsingen_sleutel=eerste.context["botsingen_sleutel"],
    )
    response = client.post(reverse("aanbod:activiteit_nieuw"), data)
    assert response.context["form"].errors["capaciteit"] == ["Het lokaal heeft maar 12 plaatsen."]
    assert response.context["bevestigd"] is True
    assert Activiteit.objects.count() == 1


def test_more_rows_keeps_what_was_filled_in_and_saves_nothing(
    client, olga, nederlands, klaslokaal, vandaag
):
    data = _formulier(nederlands, klaslokaal, vandaag, meer_tijdsloten="1")
    response = _nieuw(client, olga, data)
    slots = response.context["slots"]
    assert len(slots.forms) == 4  # the filled-in row and three empty ones
    assert slots.forms[0].initial["begintijd"] == "09:00"
    assert response.context["form"].initial["naam"] == "groep 2"
    assert not response.context["form"].is_bound  # no errors for what is not filled in yet
    assert not Activiteit.objects.exists()


# Changing an activity


def _bewerken(client, user, activiteit, **anders):
    client.force_login(user)
    huidig = client.get(reverse("aanbod:activiteit_bewerken", args=[activiteit.pk]))
    form, slots = huidig.context["form"], huidig.context["slots"]
    data = {naam: form[naam].value() for naam in form.fields if naam not in ("botsingen_gezien",)}
    data["begeleiders"] = [str(pk) for pk in data["begeleiders"]]
    data = {k: ("" if v is None else v) for k, v in data.items()}
    data |= {f"slots-{k}": v for k, v in slots.management_form.initial.items()}
    for i, slot in enumerate(slots.forms):
        for naam in ("week", "weekdag", "begintijd", "eindtijd"):
            waarde = slot[naam].value()
            if hasattr(waarde, "hour"):
                waarde = waarde.strftime("%H:%M")
            data[f"slots-{i}-{naam}"] = "" if waarde is None else waarde
    return client.post(reverse("aanbod:activiteit_bewerken", args=[activiteit.pk]), data | anders)


def test_a_planner_changes_an_activity(client, olga, activiteit):
    response = _bewerken(client, olga, activiteit, capaciteit="11", naam="groep 1")
    assert response.status_code == 302
    activiteit.refresh_from_db()
    assert (activiteit.capaciteit, activiteit.naam) == (11, "groep 1")


def test_a_change_that_does_not_move_sessions_asks_nothing(
    client, olga, activiteit, nederlands, antwerpen, klaslokaal, vandaag
):
    # Another activity in the same room at the same time: a clash that already exists.
    activiteit_aanmaken(
        aanbod=nederlands, gevangenis=antwerpen, startdatum=vandaag, einddatum=vandaag + 30 * DAG,
        lokaal=klaslokaal, capaciteit=5, slots=[SlotInvoer(0, datetime.time(9), datetime.time(10))],
        door=olga,
    )  # fmt: skip
    assert _bewerken(client, olga, activiteit, capaciteit="9").status_code == 302


def test_a_new_pattern_is_checked_for_clashes(
    client, olga, activiteit, nederlands, antwerpen, klaslokaal, vandaag
):
    activiteit_aanmaken(
        aanbod=nederlands, gevangenis=antwerpen, naam="dinsdag", startdatum=vandaag,
        einddatum=vandaag + 30 * DAG, lokaal=klaslokaal, capaciteit=5,
        slots=[SlotInvoer(1, datetime.time(9), datetime.time(10))], door=olga,
    )  # fmt: skip
    response = _bewerken(client, olga, activiteit, **{"slots-0-weekdag": "1"})
    assert response.status_code == 200
    assert {b.soort for b, _label in response.context["botsingen"]} == {"lokaal"}
    assert activiteit.slots.filter(weekdag=0).exists()  # unchanged until confirmed


def test_an_unchanged_slot_row_is_kept_when_editing(client, olga, activiteit):
    response = _bewerken(client, olga, activiteit, **{"slots-0-begintijd": "08:00"})
    assert response.status_code == 302
    assert [(s.weekdag, s.begintijd) for s in activiteit.slots.all()] == [
        (0, datetime.time(8)),
        (3, datetime.time(13, 30)),
    ]


def test_an_activity_of_another_prison_is_a_404_and_stays_unchanged(client, gert, activiteit):
    client.force_login(gert)
    url = reverse("aanbod:activiteit_bewerken", args=[activiteit.pk])
    assert client.post(url, {"capaciteit": "1"}).status_code == 404
    activiteit.refresh_from_db()
    assert activiteit.capaciteit == 10


# The list and one activity


def test_the_list_shows_this_prisons_activities_by_status(
    client, olga, activiteit, nederlands, antwerpen, sportzaal, vandaag
):
    later = activiteit_aanmaken(
        aanbod=nederlands, gevangenis=antwerpen, naam="najaar", startdatum=vandaag + 60 * DAG,
        einddatum=vandaag + 90 * DAG, lokaal=sportzaal, capaciteit=10,
        slots=[SlotInvoer(2, datetime.time(9), datetime.time(10))], door=olga,
    )  # fmt: skip
    client.force_login(olga)

    def namen(status):
        response = client.get(reverse("aanbod:activiteiten"), {"status": status})
        return [a.pk for a in response.context["pagina"].object_list]

    assert namen("") == [activiteit.pk, later.pk]
    assert namen("lopend") == [activiteit.pk]
    assert namen("toekomstig") == [later.pk]
    assert namen("afgelopen") == []
    assert namen("onzin") == [activiteit.pk, later.pk]


def test_the_list_of_another_prison_is_empty(client, gert, activiteit):
    client.force_login(gert)
    response = client.get(reverse("aanbod:activiteiten"))
    assert list(response.context["pagina"].object_list) == []


def test_the_list_pins_its_queries(
    client, olga, nederlands, antwerpen, klaslokaal, vandaag, django_assert_num_queries
):
    for i in range(8):
        activiteit_aanmaken(
            aanbod=nederlands, gevangenis=antwerpen, naam=f"groep {i}", startdatum=vandaag,
            einddatum=vandaag + 14 * DAG, lokaal=klaslokaal, capaciteit=10,
            slots=[SlotInvoer(i % 5, datetime.time(8 + i), datetime.time(9 + i))],
            begeleiders=[olga.medewerker], door=olga,
        )  # fmt: skip
    client.force_login(olga)
    client.get(reverse("aanbod:activiteiten"))
    # session, user, 2× permissions, the user's prisons; count, the page (with offer,
    # provider, room and session counts), its facilitators and their accounts; then the
    # session save (savepoint, update, release).
    with django_assert_num_queries(12):
        response = client.get(reverse("aanbod:activiteiten"))
    assert len(response.context["pagina"].object_list) == 8


def test_one_activity_shows_its_sessions_by_month_from_the_next_one(
    client, olga, activiteit, vandaag, staking, settings
):
    settings.HDV_PAGE_SIZE = 5
    toekomst = list(activiteit.sessies.filter(datum__gte=vandaag).order_by("datum"))
    sessie_annuleren(sessie=toekomst[1], reden=staking, door=olga)
    client.force_login(olga)
    response = client.get(reverse("aanbod:activiteit", args=[activiteit.pk]))
    sessies = [s for _maand, rij in response.context["maanden"] for s in rij]
    assert toekomst[0] in sessies  # opens on the page of the next session
    tekst = response.text
    assert reverse("aanbod:sessie_annuleren", args=[toekomst[0].pk]) in tekst
    assert reverse("aanbod:annulering_ongedaan", args=[toekomst[1].pk]) in tekst
    assert "Staking" in tekst
    eerste = client.get(reverse("aanbod:activiteit", args=[activiteit.pk]), {"pagina": 1})
    assert eerste.context["pagina"].object_list[0].datum < vandaag  # the past is a page away


def test_a_reader_sees_the_sessions_without_actions(client, alice, activiteit):
    client.force_login(alice)
    response = client.get(reverse("aanbod:activiteit", args=[activiteit.pk]))
    assert response.status_code == 200
    assert "Annuleren" not in response.text
    assert "Bewerken" not in response.text
