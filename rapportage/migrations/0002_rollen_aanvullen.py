"""Give existing role groups the permissions of the key indicators, targets, plans and
monitoring reports (a new installation gets them from hdv.rollen after migrating)."""

from django.db import migrations

LEZEN = [
    "view_indicatorwaarde",
    "view_streefcijfer",
    "view_strategischedoelstelling",
    "view_actie",
    "view_lokaalactieplan",
    "view_lokaleactie",
]
NIEUW = {
    "beleidscoördinator": [
        *LEZEN,
        "add_streefcijfer",
        "change_streefcijfer",
        "add_lokaalactieplan",
        "add_lokaleactie",
        "change_lokaleactie",
        "add_voortgangsnotitie",
    ],
    "centrale medewerker": [
        *LEZEN,
        "add_streefcijfer",
        "change_streefcijfer",
        "view_monitoringrapport",
        "add_monitoringrapport",
        "add_berekening",
        "change_actie",
        "add_voortgangsnotitie",
    ],
    "beheerder": [*LEZEN, "view_monitoringrapport", "add_berekening"],
}


def aanvullen(apps, schema_editor):
    from hdv.rollen import permissies_aanvullen

    permissies_aanvullen(apps, "rapportage", NIEUW)


class Migration(migrations.Migration):
    dependencies = [
        ("rapportage", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(aanvullen, migrations.RunPython.noop)]
