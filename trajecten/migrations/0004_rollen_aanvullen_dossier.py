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
    from django.contrib.auth.management import create_permissions

    Group = apps.get_model("auth", "Group")
    if not Group.objects.filter(name__in=NIEUW).exists():
        return  # a new installation: hdv.rollen installs the groups after migrating
    # The migration state's app config has no models module; create_permissions only
    # checks that it is set.
    app_config = apps.get_app_config("trajecten")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    for rol, codenames in NIEUW.items():
        groep = Group.objects.filter(name=rol).first()
        if groep is not None:
            groep.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label="trajecten", codename__in=codenames
                )
            )


class Migration(migrations.Migration):
    dependencies = [
        ("trajecten", "0003_onthaal_plan_doorverwijzing_notities_vrijlating"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(aanvullen, migrations.RunPython.noop)]
