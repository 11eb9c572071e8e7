"""The data migration that gives existing role groups deelname's permissions stays in step with hdv.rollen."""

import importlib

from hdv import rollen

migratie = importlib.import_module("deelname.migrations.0002_rollen_aanvullen")


def test_it_adds_exactly_the_deelname_permissions_of_each_role():
    for rol in rollen.ROLLEN:
        verwacht = {n.split(".")[1] for n in rollen.ROLLEN[rol] if n.startswith("deelname.")}
        assert set(migratie.NIEUW.get(rol, [])) == verwacht, rol
