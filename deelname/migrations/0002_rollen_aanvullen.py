"""Give existing role groups the permissions of deelname (see hdv.rollen.permissies_aanvullen)."""

from django.db import migrations

LEZEN = ["view_inschrijving", "view_aanwezigheid"]
INSCHRIJVEN = ["add_inschrijving", "change_inschrijving"]
NIEUW = {
    "trajectbegeleider": [*LEZEN, *INSCHRIJVEN],
    "organisatieondersteuner": [
        *LEZEN,
        *INSCHRIJVEN,
        "add_aanwezigheid",
        "registreer_alle_aanwezigheden",
    ],
    "hulpverlener": [*LEZEN, *INSCHRIJVEN, "add_aanwezigheid"],
    "beheerder": LEZEN,
}


def aanvullen(apps, schema_editor):
    from hdv.rollen import permissies_aanvullen

    permissies_aanvullen(apps, "deelname", NIEUW)


class Migration(migrations.Migration):
    dependencies = [
        ("deelname", "0001_inschrijvingen_aanwezigheden"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(aanvullen, migrations.RunPython.noop)]
