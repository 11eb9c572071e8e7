"""Give existing role groups the permissions of the file (intake, plan, referrals, notes…).

A new installation gets them from hdv.rollen after migrating; an installation that
already has its groups gets only these new permissions added, nothing removed, so a
beheerder's own changes to the groups stay as they are.
"""

from django.db import migrations

NIEUW = {
    "trajectbegeleider": [
        "view_onthaal",
        "add_onthaal",
        "add_behoefte",
        "view_hdvplan",
        "add_hdvplan",
        "change_hdvplan",
        "view_doorverwijzing",
        "add_doorverwijzing",
        "change_doorverwijzing",
        "beantwoord_doorverwijzing",
        "view_notitie",
        "add_notitie",
        "view_casusoverleg",
        "add_casusoverleg",
        "view_taak",
        "view_toestemming",
        "add_toestemming",
        "change_toestemming",
        "view_vrijlatingsvoorbereiding",
        "change_vrijlatingsvoorbereiding",
    ],
    "hulpverlener": [
        "view_onthaal",
        "view_hdvplan",
        "view_doorverwijzing",
        "add_doorverwijzing",
        "change_doorverwijzing",
        "beantwoord_doorverwijzing",
        "view_notitie",
        "add_notitie",
        "view_casusoverleg",
        "add_casusoverleg",
        "view_taak",
        "view_toestemming",
    ],
}


def aanvullen(apps, schema_editor):
    from hdv.rollen import permissies_aanvullen

    permissies_aanvullen(apps, "trajecten", NIEUW)


class Migration(migrations.Migration):
    dependencies = [
        ("trajecten", "0003_onthaal_plan_doorverwijzing_notities_vrijlating"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(aanvullen, migrations.RunPython.noop)]
