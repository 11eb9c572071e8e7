"""The indicator API: definitions, and values that are aggregate and suppressed above the
caller's own prisons; bad filters are a 400 on their field."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.rapportage.indicatorwaarden import deze_maand, per_gevangenis, rij

pytestmark = pytest.mark.django_db

URL = "/api/v1/indicatorwaarden/"


@pytest.fixture
def cijfers(proefregister, antwerpen, gent):
    periode = deze_maand()
    per_gevangenis("proef_bereik", periode, {antwerpen: (3, 40), gent: (30, 50)})
    per_gevangenis("proef_bereik", periode.vorige(), {antwerpen: (12, 40), gent: (25, 50)})
    per_gevangenis("proef_uitval", periode, {antwerpen: (0, 0), gent: (8, 30)})
    for sleutel, (a, g) in {"werk": (2, 10), "onderwijs": (1, 20)}.items():
        rij("proef_bereik", antwerpen, periode, a, 20, uitsplitsing="domein", sleutel=sleutel)
        rij("proef_bereik", gent, periode, g, 25, uitsplitsing="domein", sleutel=sleutel)
        rij("proef_bereik", None, periode, a + g, 45, uitsplitsing="domein", sleutel=sleutel)
    return periode


def _waarden(client, **params):
    response = client.get(URL, params)
    assert response.status_code == 200, response.json()
    return response.json()["results"]


def _van(resultaten, gevangenis, indicator="proef_bereik", maand=None):
    return [
        r
        for r in resultaten
        if r["gevangenis"] == gevangenis
        and r["indicator"] == indicator
        and (maand is None or r["begin"] == maand)
    ]


def test_the_definitions_say_what_is_counted(client, dirk, proefregister):
    client.force_login(dirk)

    response = client.get(reverse("api:indicatoren"))

    assert response.status_code == 200
    bereik = next(i for i in response.json() if i["code"] == "proef_bereik")
    assert bereik == {
        "code": "proef_bereik",
        "naam": "Bereik (proef)",
        "beschrijving": "Hoeveel van de aanwezigen aan iets deelnamen.",
        "teller": "Deelnemers",
        "noemer": "Aanwezigen",
        "eenheid": "percentage",
        "periode_regel": "Aanwezig in de periode.",
        "uitsplitsingen": ["domein", "aanbieder", "aanbod"],
        "periodesoorten": ["maand", "kwartaal", "jaar"],
        "hoger_is_beter": True,
        "onderdelen": [],
    }


def test_values_are_suppressed_for_the_central_level(client, frank, cijfers):
    client.force_login(frank)

    resultaten = _waarden(client, indicator="proef_bereik")

    maand = str(cijfers.begin)
    [antwerpen] = _van(resultaten, "ANT", maand=maand)
    assert antwerpen["teller"] is None
    assert antwerpen["teller_teken"] == "<5"
    assert antwerpen["waarde"] is None
    assert antwerpen["waarde_teken"] == "x"
    assert antwerpen["afgeschermd"] is True
    assert antwerpen["geen_gegevens"] is False
    [vorige] = _van(resultaten, "ANT", maand=str(cijfers.vorige().begin))
    assert (vorige["teller"], vorige["noemer"], vorige["waarde"]) == (12, 40, 30.0)
    assert [r["begin"] for r in resultaten] == sorted(r["begin"] for r in resultaten)


def test_the_own_prison_is_as_it_is_and_the_rest_suppressed(client, dirk, cijfers):
    client.force_login(dirk)

    resultaten = _waarden(client, indicator="proef_bereik")

    maand = str(cijfers.begin)
    [antwerpen] = _van(resultaten, "ANT", maand=maand)
    assert (antwerpen["teller"], antwerpen["waarde"], antwerpen["afgeschermd"]) == (3, 7.5, False)
    # Gent's 30 of 50 and Flanders' 33 of 90 would tell Antwerpen's... to anyone but dirk;
    # to dirk they tell nothing he does not know: shown.
    [gent] = _van(resultaten, "GEN", maand=maand)
    assert gent["afgeschermd"] is False


def test_no_data_is_null_and_says_so(client, frank, cijfers):
    client.force_login(frank)

    [antwerpen] = _waarden(client, indicator="proef_uitval", gevangenis="ANT")

    assert antwerpen["waarde"] is None
    assert antwerpen["waarde_teken"] == ""
    assert antwerpen["geen_gegevens"] is True


def test_the_filters(client, frank, cijfers):
    client.force_login(frank)
    maand = f"{cijfers.begin}"

    assert {r["gevangenis"] for r in _waarden(client, gevangenis="GEN")} == {"GEN"}
    assert {r["gevangenis"] for r in _waarden(client, gevangenis="vlaanderen")} == {None}
    assert {r["begin"] for r in _waarden(client, van=maand)} == {maand}
    assert _waarden(client, periodesoort="jaar") == []
    domein = _waarden(
        client, indicator="proef_bereik", uitsplitsing="domein", gevangenis="vlaanderen"
    )
    assert sorted(r["sleutel"] for r in domein) == ["onderwijs", "werk"]
    assert all(r["uitsplitsing"] == "domein" for r in domein)


@pytest.mark.parametrize(
    ("params", "veld"),
    [
        ({"indicator": "bestaat_niet"}, "indicator"),
        ({"gevangenis": "XYZ"}, "gevangenis"),
        ({"periodesoort": "week"}, "periodesoort"),
        ({"van": "gisteren"}, "van"),
        ({"van": "2025-05-01", "tot": "2025-03-01"}, "van"),
        ({"van": "2019-01-01", "tot": "2025-03-01"}, "van"),
        ({"tot": "2999-01-01"}, "tot"),
        ({"tot": "0001-01-01"}, "tot"),
        ({"van": "0001-01-01", "tot": "2025-03-01"}, "van"),
        ({"uitsplitsing": "domein"}, "indicator"),
        ({"uitsplitsing": "kleur"}, "uitsplitsing"),
        ({"indicator": "proef_uitval", "uitsplitsing": "domein"}, "uitsplitsing"),
    ],
)
def test_bad_filters_are_a_400_on_their_field(client, frank, proefregister, params, veld):
    client.force_login(frank)

    response = client.get(URL, params)

    assert response.status_code == 400
    assert veld in response.json()


def test_the_values_pin_their_queries(client, frank, cijfers, django_assert_num_queries):
    client.force_login(frank)
    client.get(URL)

    # session, user, permissions (2), the prisons' codes, the rows; the session's sliding
    # expiry (3). A central worker has no own prisons to look up.
    with django_assert_num_queries(9):
        assert client.get(URL).status_code == 200


def test_the_indicator_api_is_in_the_schema_without_warnings(tmp_path, db):
    call_command("spectacular", "--fail-on-warn", "--file", str(tmp_path / "schema.yml"))
    schema = (tmp_path / "schema.yml").read_text()
    assert "/api/v1/indicatoren/:" in schema
    assert "/api/v1/indicatorwaarden/:" in schema
    assert "name: uitsplitsing" in schema


def test_another_prison_asked_for_is_a_404_its_breakdowns_are_left_out(client, dirk, cijfers):
    client.force_login(dirk)

    assert client.get(URL, {"gevangenis": "GEN"}).status_code == 404
    assert client.get(URL, {"gevangenis": "ANT"}).status_code == 200
    domein = _waarden(client, indicator="proef_bereik", uitsplitsing="domein")
    # His own prison's breakdown and Flanders', not Gent's.
    assert {r["gevangenis"] for r in domein} == {"ANT", None}
    # The totals of all prisons are the Flanders overview, which he reads suppressed.
    assert {r["gevangenis"] for r in _waarden(client)} == {"ANT", "GEN", None}


def test_per_offer_only_the_own_prison_is_answered_as_it_is(client, dirk, frank, cijfers, gent):
    antwerpen_rij = rij(
        "proef_bereik", dirk.medewerker.gevangenissen.get(), cijfers, 2, 20,
        uitsplitsing="aanbod", sleutel="17", label="Lassen",
    )  # fmt: skip
    rij("proef_bereik", gent, cijfers, 7, 25, uitsplitsing="aanbod", sleutel="17", label="Lassen")
    rij("proef_bereik", None, cijfers, 9, 45, uitsplitsing="aanbod", sleutel="17", label="Lassen")

    client.force_login(frank)
    # An offer nests in its provider and domain: above a prison it is not published.
    assert _waarden(client, indicator="proef_bereik", uitsplitsing="aanbod") == []

    client.force_login(dirk)
    [lassen] = _waarden(client, indicator="proef_bereik", uitsplitsing="aanbod")
    assert (lassen["gevangenis"], lassen["teller"], lassen["afgeschermd"]) == ("ANT", 2, False)
    assert lassen["sleutel"] == antwerpen_rij.sleutel


def test_a_beheerder_linked_to_prisons_reads_them_suppressed(client, eva, cijfers):
    client.force_login(eva)

    resultaten = _waarden(client, indicator="proef_bereik")

    [antwerpen] = _van(resultaten, "ANT", maand=str(cijfers.begin))
    # 3 of 40: only a beleidscoördinator sees his own prison's small counts.
    assert antwerpen["teller"] is None
    assert antwerpen["teller_teken"] == "<5"
