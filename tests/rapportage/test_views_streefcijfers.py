"""The targets screens: the table per year, setting one with clear field errors, removing
one; the role and prison matrix; a pinned query count."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from hdv.models import Auditrecord
from rapportage.models import Indicatorwaarde, Periodesoort, Streefcijfer
from rapportage.services.streefcijfers import streefcijfer_zetten
from tests.factories import GevangenisFactory

pytestmark = pytest.mark.django_db

LIJST = reverse("rapportage:streefcijfers")
ZETTEN = reverse("rapportage:streefcijfer_zetten")


@pytest.fixture(autouse=True)
def _indicatoren(proefindicatoren):
    return proefindicatoren


def _post(client, gebruiker, **gegevens):
    client.force_login(gebruiker)
    return client.post(
        ZETTEN, {"indicator": "test_bereik", "jaar": gegevens.pop("jaar"), **gegevens}
    )


def test_it_shows_the_own_prison_and_flanders_to_a_beleidscoordinator(
    client, dirk, gent, streefcijfer_antwerpen, dit_jaar
):
    client.force_login(dirk)
    response = client.get(LIJST)

    assert response.status_code == 200
    kolommen = [g.naam if g else "Vlaanderen" for g in response.context["kolommen"]]
    assert kolommen == ["Vlaanderen", "Antwerpen"]
    rij = next(r for r in response.context["rijen"] if r["indicator"].code == "test_bereik")
    vlaanderen, antwerpen = rij["cellen"]
    assert antwerpen.streefcijfer == streefcijfer_antwerpen
    # He sets Antwerpen's, not Flanders'.
    assert antwerpen.zetten_url
    assert vlaanderen.zetten_url is None
    assert "Gent" not in response.text


def test_the_central_level_sees_every_prison_and_sets_flanders(client, frank, antwerpen, gent):
    client.force_login(frank)
    response = client.get(LIJST)

    kolommen = [g.naam if g else "Vlaanderen" for g in response.context["kolommen"]]
    assert kolommen == ["Vlaanderen", "Antwerpen", "Gent"]
    rij = response.context["rijen"][0]
    assert all(cel.zetten_url for cel in rij["cellen"])


def test_a_beheerder_reads_without_setting(client, eva, antwerpen, gent):
    client.force_login(eva)
    response = client.get(LIJST)

    assert response.status_code == 200
    assert not response.context["mag_zetten"]
    assert not any(cel.zetten_url for rij in response.context["rijen"] for cel in rij["cellen"])


def test_the_target_stands_next_to_the_computed_value(client, dirk, antwerpen, dit_jaar):
    streefcijfer_zetten(
        indicator="test_bereik", gevangenis=antwerpen, jaar=dit_jaar, waarde=70, door=dirk
    )
    streefcijfer_zetten(
        indicator="test_uitval", gevangenis=antwerpen, jaar=dit_jaar, waarde=30, door=dirk
    )
    begin = datetime.date(dit_jaar, 1, 1)
    jaar = {
        "periodesoort": Periodesoort.JAAR,
        "begin": begin,
        "einde": begin.replace(month=12, day=31),
    }
    for code, teller, noemer in [("test_bereik", 36, 50), ("test_uitval", 2, 3)]:
        Indicatorwaarde.objects.create(
            indicator=code, gevangenis=antwerpen, teller=teller, noemer=noemer,
            waarde=round(teller * 100 / noemer, 1), berekend_op="2026-01-01T00:00Z", **jaar,
        )  # fmt: skip
    client.force_login(dirk)

    response = client.get(LIJST, {"jaar": dit_jaar})

    cellen = {r["indicator"].code: r["cellen"][1] for r in response.context["rijen"]}
    assert (cellen["test_bereik"].waarde, cellen["test_bereik"].gehaald) == (72.0, True)
    # 2 of 3: his own prison, so he sees it as it is.
    assert (cellen["test_uitval"].waarde, cellen["test_uitval"].gehaald) == (66.7, False)
    assert "72" in response.text


def _jaarrijen(jaar: int, code: str, cijfers: dict) -> None:
    """The year's rollup rows of a count: {prison (None: Flanders): count}."""
    begin = datetime.date(jaar, 1, 1)
    for gevangenis, aantal in cijfers.items():
        Indicatorwaarde.objects.create(
            indicator=code, gevangenis=gevangenis, periodesoort=Periodesoort.JAAR, begin=begin,
            einde=begin.replace(month=12, day=31), teller=aantal, waarde=float(aantal),
            berekend_op="2026-01-01T00:00Z",
        )  # fmt: skip


@pytest.fixture
def deelnemers(antwerpen, gent, dit_jaar):
    """Antwerpen counted 3 participants this year (a small count), Gent 40."""
    _jaarrijen(dit_jaar, "test_deelnemers", {antwerpen: 3, gent: 40, None: 43})
    streefcijfer_zetten(
        indicator="test_deelnemers", gevangenis=antwerpen, jaar=dit_jaar, waarde=2, door=None
    )


def _cellen(response, code: str) -> dict:
    rij = next(r for r in response.context["rijen"] if r["indicator"].code == code)
    return {cel.gevangenis.pk if cel.gevangenis else None: cel for cel in rij["cellen"]}


def _vlaams_dashboard(client, jaar: int, code: str) -> dict:
    """What the Flanders dashboard shows this reader for one indicator over the year."""
    response = client.get(
        reverse("rapportage:vlaanderen"), {"soort": Periodesoort.JAAR, "periode": jaar}
    )
    overzicht = response.context["overzicht"]
    k = [i.code for i in overzicht.indicatoren].index(code)
    teksten = {pk: vakken[k].tekst for _naam, pk, _eigen, vakken in response.context["tabel"]}
    return {pk: (overzicht.cijfer(code, pk), tekst) for pk, tekst in teksten.items()}


def test_a_small_count_is_suppressed_for_the_central_level(
    client, frank, antwerpen, gent, deelnemers, dit_jaar
):
    client.force_login(frank)

    response = client.get(LIJST, {"jaar": dit_jaar})

    cellen = _cellen(response, "test_deelnemers")
    assert cellen[antwerpen.pk].teken == "<5"
    assert cellen[antwerpen.pk].waarde is None
    # Neither is whether it reached its target: that would tell its range.
    assert cellen[antwerpen.pk].gehaald is None
    # Flanders minus Gent would give Antwerpen's 3 back: something else is hidden too.
    assert cellen[gent.pk].teken or cellen[None].teken
    assert "&lt;5" in response.text


def test_a_beleidscoordinator_sees_his_own_small_count_as_it_is(
    client, dirk, antwerpen, deelnemers, dit_jaar
):
    client.force_login(dirk)

    response = client.get(LIJST, {"jaar": dit_jaar})

    antwerpen_cel = _cellen(response, "test_deelnemers")[antwerpen.pk]
    assert (antwerpen_cel.waarde, antwerpen_cel.teken) == (3.0, "")
    assert antwerpen_cel.gehaald is True


@pytest.mark.parametrize("lezer", ["frank", "dirk"])
def test_each_figure_is_the_one_the_flanders_dashboard_shows(
    client, request, lezer, deelnemers, dit_jaar
):
    client.force_login(request.getfixturevalue(lezer))

    cellen = _cellen(client.get(LIJST, {"jaar": dit_jaar}), "test_deelnemers")
    dashboard = _vlaams_dashboard(client, dit_jaar, "test_deelnemers")

    assert cellen
    for pk, cel in cellen.items():
        cijfer, tekst = dashboard[pk]
        assert cel.cijfer == cijfer
        assert (cel.teken or f"{cel.waarde:.0f}") == tekst


def test_the_list_costs_a_fixed_number_of_queries(
    client, frank, antwerpen, gent, dit_jaar, django_assert_num_queries
):
    client.force_login(frank)
    client.get(LIJST)  # the session and permission caches are warm after this

    def meten():
        # session, user, permissions (2), prisons, targets, rollup values (every prison's,
        # which the suppression needs), the header's prisons, session save (3)
        with django_assert_num_queries(11):
            assert client.get(LIJST).status_code == 200

    meten()
    for i in range(5):
        gevangenis = GevangenisFactory(naam=f"Extra {i}", code=f"X{i}")
        streefcijfer_zetten(
            indicator="test_bereik", gevangenis=gevangenis, jaar=dit_jaar, waarde=50, door=None
        )
    meten()


def test_an_unknown_year_shows_this_year(client, dirk, dit_jaar):
    client.force_login(dirk)
    assert client.get(LIJST, {"jaar": "abc"}).context["jaar"] == dit_jaar
    assert client.get(LIJST, {"jaar": "1900"}).context["jaar"] == dit_jaar


def test_the_form_starts_from_the_cell_with_its_target(
    client, dirk, antwerpen, streefcijfer_antwerpen, dit_jaar
):
    client.force_login(dirk)
    response = client.get(
        ZETTEN, {"indicator": "test_bereik", "gevangenis": antwerpen.pk, "jaar": dit_jaar}
    )

    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["waarde"] == Decimal("60.00")
    assert response.context["bestaand"] == streefcijfer_antwerpen
    # Flanders is no choice for him.
    assert [g.naam for g in form.fields["gevangenis"].queryset] == ["Antwerpen"]


def test_another_prisons_cell_is_a_404(client, dirk, gent, dit_jaar):
    client.force_login(dirk)
    response = client.get(
        ZETTEN, {"indicator": "test_bereik", "gevangenis": gent.pk, "jaar": dit_jaar}
    )
    assert response.status_code == 404


def test_setting_a_target_redirects_to_the_year_and_audits(client, dirk, antwerpen, dit_jaar):
    response = _post(client, dirk, gevangenis=antwerpen.pk, jaar=dit_jaar, waarde="72,5")

    assert response.status_code == 302
    assert response["Location"] == f"{LIJST}?jaar={dit_jaar}"
    assert Streefcijfer.objects.get().waarde == Decimal("72.5")
    assert Auditrecord.objects.get(actie="streefcijfer gezet").door == dirk


def test_a_rate_of_120_shows_a_clear_field_error(client, dirk, antwerpen, dit_jaar):
    response = _post(client, dirk, gevangenis=antwerpen.pk, jaar=dit_jaar, waarde="120")

    assert response.status_code == 200
    fouten = response.context["form"].errors
    assert "tussen 0 en 100" in fouten["waarde"][0]
    assert "tussen 0 en 100" in response.text
    assert 'class="foutsamenvatting"' in response.text
    assert not Streefcijfer.objects.exists()


def test_an_unknown_indicator_is_a_field_error(client, dirk, antwerpen, dit_jaar):
    client.force_login(dirk)
    response = client.post(
        ZETTEN,
        {"indicator": "onbekend", "gevangenis": antwerpen.pk, "jaar": dit_jaar, "waarde": "5"},
    )
    assert response.status_code == 200
    assert "indicator" in response.context["form"].errors


def test_another_prison_in_the_form_is_a_field_error(client, dirk, gent, dit_jaar):
    response = _post(client, dirk, gevangenis=gent.pk, jaar=dit_jaar, waarde="50")

    assert response.status_code == 200
    assert "eigen gevangenis" in response.context["form"].errors["gevangenis"][0]
    assert not Streefcijfer.objects.exists()


@pytest.mark.parametrize(
    ("gegevens", "veld"),
    [
        ({"waarde": "veel"}, "waarde"),
        ({"waarde": ""}, "waarde"),
        ({"waarde": "50", "jaar": "1990"}, "jaar"),
    ],
)
def test_bad_input_shows_field_errors_never_a_500(
    client, dirk, antwerpen, dit_jaar, gegevens, veld
):
    gegevens = {"jaar": dit_jaar, "gevangenis": antwerpen.pk, **gegevens}
    response = _post(client, dirk, **gegevens)
    assert response.status_code == 200
    assert veld in response.context["form"].errors


def test_flanders_by_the_central_level(client, frank, dit_jaar):
    response = _post(client, frank, gevangenis="", jaar=dit_jaar, waarde="55")
    assert response.status_code == 302
    assert Streefcijfer.objects.get().gevangenis is None


def test_a_beleidscoordinator_cannot_choose_flanders(client, dirk, dit_jaar):
    response = _post(client, dirk, gevangenis="", jaar=dit_jaar, waarde="55")
    assert response.status_code == 200
    assert "gevangenis" in response.context["form"].errors


def test_a_role_without_the_permission_gets_403(client, eva, alice):
    for gebruiker in (eva, alice):
        client.force_login(gebruiker)
        assert client.get(ZETTEN).status_code == 403
        assert client.post(ZETTEN, {}).status_code == 403


def test_removing_a_target(client, dirk, streefcijfer_antwerpen, dit_jaar):
    client.force_login(dirk)
    response = client.post(
        reverse("rapportage:streefcijfer_verwijderen", args=[streefcijfer_antwerpen.pk])
    )

    assert response.status_code == 302
    assert not Streefcijfer.objects.exists()
    assert Auditrecord.objects.filter(actie="streefcijfer verwijderd").exists()


def test_removing_flanders_target_is_central(client, dirk, frank, dit_jaar):
    vlaams = streefcijfer_zetten(
        indicator="test_bereik", gevangenis=None, jaar=dit_jaar, waarde=50, door=frank
    )
    url = reverse("rapportage:streefcijfer_verwijderen", args=[vlaams.pk])
    client.force_login(dirk)
    assert client.post(url).status_code == 403
    client.force_login(frank)
    assert client.post(url).status_code == 302
    assert not Streefcijfer.objects.exists()


def test_another_prisons_target_is_a_404_to_remove(client, greet, streefcijfer_antwerpen):
    client.force_login(greet)
    url = reverse("rapportage:streefcijfer_verwijderen", args=[streefcijfer_antwerpen.pk])
    assert client.post(url).status_code == 404
    assert Streefcijfer.objects.exists()
