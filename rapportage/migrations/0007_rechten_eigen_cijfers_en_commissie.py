"""Two permissions instead of reading roles off other rights.

``lees_eigen_cijfers``: who sees his own prisons' figures unsuppressed (until now anyone
linked to a prison, a beheerder too); the beleidscoördinator gets it.
``ontvang_monitoringrapport``: who is told that the quarterly report is ready (until now
anyone who could read reports, beheerders too); the new role "lid Gemengde Commissie"
gets it, created after migrating by hdv.rollen like every missing role.
"""

from django.db import migrations

NIEUW = {"beleidscoördinator": ["lees_eigen_cijfers"]}


def aanvullen(apps, schema_editor):
    from hdv.rollen import permissies_aanvullen

    permissies_aanvullen(apps, "rapportage", NIEUW)


class Migration(migrations.Migration):
    dependencies = [
        ("rapportage", "0006_unieke_cellen_ook_op_sqlite"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.AlterModelOptions(
            name="indicatorwaarde",
            options={
                "ordering": ["indicator", "begin", "uitsplitsing", "sleutel"],
                "permissions": [
                    (
                        "lees_eigen_cijfers",
                        "Ziet de cijfers van de eigen gevangenissen zonder afscherming",
                    )
                ],
                "verbose_name": "indicatorwaarde",
                "verbose_name_plural": "indicatorwaarden",
            },
        ),
        migrations.AlterModelOptions(
            name="monitoringrapport",
            options={
                "ordering": ["-aangevraagd_op", "-id"],
                "permissions": [
                    (
                        "ontvang_monitoringrapport",
                        "Krijgt bericht als het geplande monitoringrapport klaar is",
                    )
                ],
                "verbose_name": "monitoringrapport",
                "verbose_name_plural": "monitoringrapporten",
            },
        ),
        migrations.RunPython(aanvullen, migrations.RunPython.noop),
    ]
