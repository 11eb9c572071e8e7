"""The data migrations that give existing role groups deelname's permissions stay in step with hdv.rollen."""

import importlib

from hdv import rollen

MIGRATIES = [
    importlib.import_module("deelname.migrations.0002_rollen_aanvullen"),
    importlib.import_module("deelname.migrations.0004_rollen_aanvragen"),
]


def test_they_add_exactly_the_deelname_permissions_of_each_staff_role():
    for rol in rollen.ROLLEN:
        if rol == rollen.GEDETINEERDE:
            continue  # a new group: rollen_installeren makes it after migrating
        toegevoegd = {c for m in MIGRATIES for c in m.NIEUW.get(rol, [])}
        verwacht = {n.split(".")[1] for n in rollen.ROLLEN[rol] if n.startswith("deelname.")}
        assert toegevoegd == verwacht, rol
