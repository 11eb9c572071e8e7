"""The aanbod API is part of the OpenAPI schema, which builds without warnings."""

from django.core.management import call_command


def test_the_aanbod_api_is_in_the_schema_without_warnings(tmp_path, db):
    call_command("spectacular", "--fail-on-warn", "--file", str(tmp_path / "schema.yml"))
    schema = (tmp_path / "schema.yml").read_text()
    for pad in [
        "/api/v1/aanbod/{id}/archiveren/",
        "/api/v1/beschikbaarheden/{id}/",
        "/api/v1/lokalen/{id}/",
        "/api/v1/sluitingsdagen/{id}/",
        "/api/v1/activiteiten/botsingen/",
        "/api/v1/sessies/{id}/annulering-ongedaan/",
        "/api/v1/annuleringen/dag/",
        "/api/v1/annuleringsredenen/",
    ]:
        assert f"{pad}:" in schema, pad
