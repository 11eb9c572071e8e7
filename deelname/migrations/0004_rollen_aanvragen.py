"""Give existing role groups the permissions of detainees' requests (see hdv.rollen).

The new group "gedetineerde" is not made here: ``rollen_installeren`` creates missing
groups after every migrate, with exactly the permissions of hdv.rollen.
"""

from django.db import migrations

REGISTREREN = ["view_aanvraag", "add_aanvraag"]
NIEUW = {
    "trajectbegeleider": REGISTREREN,
    "organisatieondersteuner": [*REGISTREREN, "beantwoord_aanvraag"],
    "beheerder": ["view_aanvraag"],
}


def aanvullen(apps, schema_editor):
    from hdv.rollen import permissies_aanvullen

    permissies_aanvullen(apps, "deelname", NIEUW)


class Migration(migrations.Migration):
    dependencies = [("deelname", "0003_aanvragen")]

    operations = [migrations.RunPython(aanvullen, migrations.RunPython.noop)]
