"""Every installation starts with the strategic plan 2020–2025: its five goals and the
actions its source names (rapportage.strategisch_plan)."""

from django.db import migrations


def laden(apps, schema_editor):
    from rapportage.strategisch_plan import strategisch_plan_laden

    strategisch_plan_laden(
        apps.get_model("rapportage", "StrategischeDoelstelling"),
        apps.get_model("rapportage", "Actie"),
    )


class Migration(migrations.Migration):
    dependencies = [("rapportage", "0003_plan_opvolging")]

    operations = [migrations.RunPython(laden, migrations.RunPython.noop)]
