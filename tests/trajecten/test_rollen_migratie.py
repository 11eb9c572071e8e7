"""The data migration that gives existing role groups the file's permissions stays in step with hdv.rollen."""

import importlib

from hdv import rollen

migratie = importlib.import_module("trajecten.migrations.0004_rollen_aanvullen_dossier")
EERDER = {"view_gedetineerde", "view_verblijf", "view_doelgroepvlag"}


def test_it_adds_exactly_the_new_trajecten_permissions_of_each_role():
    for rol, codenames in migratie.NIEUW.items():
        verwacht = {
            naam.split(".")[1]
            for naam in rollen.ROLLEN[rol]
            if naam.startswith("trajecten.") and naam.split(".")[1] not in EERDER
        }
        assert set(codenames) == verwacht, rol
