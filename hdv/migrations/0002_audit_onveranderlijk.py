"""On PostgreSQL, the database itself refuses UPDATE and DELETE on audit records.

The application already refuses them (Auditrecord.save/delete and its QuerySet); the
trigger also stops raw SQL or a second application on the same database. SQLite, the
embedded demo database, has no such guard.
"""

from django.db import migrations

TRIGGER_SQL = """
CREATE OR REPLACE FUNCTION hdv_audit_onveranderlijk() RETURNS trigger AS $$
BEGIN
    RAISE EXCEPTION USING
        MESSAGE = 'hdv_auditrecord is append-only: ' || TG_OP || ' is not allowed',
        ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER hdv_auditrecord_onveranderlijk
    BEFORE UPDATE OR DELETE ON hdv_auditrecord
    FOR EACH ROW EXECUTE FUNCTION hdv_audit_onveranderlijk();
"""

REVERSE_SQL = """
DROP TRIGGER IF EXISTS hdv_auditrecord_onveranderlijk ON hdv_auditrecord;
DROP FUNCTION IF EXISTS hdv_audit_onveranderlijk();
"""


def trigger_aanmaken(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(TRIGGER_SQL)


def trigger_verwijderen(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(REVERSE_SQL)


class Migration(migrations.Migration):
    dependencies = [("hdv", "0001_initial")]

    operations = [migrations.RunPython(trigger_aanmaken, trigger_verwijderen)]
