"""The roles of HDV as groups of permission codenames.

Code checks permissions (``user.has_perm("trajecten.view_gedetineerde")``), never group
names. These are the groups a new installation starts with; a beheerder changes them
in the admin afterwards, and migrations never overwrite those changes
(``manage.py rollen_installeren --herstel`` does, on purpose).
"""

from __future__ import annotations

from typing import Any

from django.utils.translation import gettext_lazy as _

TRAJECTBEGELEIDER = "trajectbegeleider"
ORGANISATIEONDERSTEUNER = "organisatieondersteuner"
HULPVERLENER = "hulpverlener"
BELEIDSCOORDINATOR = "beleidscoördinator"
CENTRALE_MEDEWERKER = "centrale medewerker"
BEHEERDER = "beheerder"

ROL_NAMEN = {
    TRAJECTBEGELEIDER: _("Trajectbegeleider"),
    ORGANISATIEONDERSTEUNER: _("Organisatieondersteuner"),
    HULPVERLENER: _("Hulpverlener (aanbodverstrekker)"),
    BELEIDSCOORDINATOR: _("Beleidscoördinator"),
    CENTRALE_MEDEWERKER: _("Centrale medewerker"),
    BEHEERDER: _("Beheerder"),
}

_PERSONEN_LEZEN = ["trajecten.view_gedetineerde", "trajecten.view_verblijf"]
# The file of a person: what every care worker reads (content further under consent).
_DOSSIER_LEZEN = [
    "trajecten.view_onthaal",
    "trajecten.view_hdvplan",
    "trajecten.view_doorverwijzing",
    "trajecten.view_notitie",
    "trajecten.add_notitie",
    "trajecten.view_casusoverleg",
    "trajecten.add_casusoverleg",
    "trajecten.view_taak",
]
# What the trajectbegeleider keeps: intake, plan, referrals, consent, release preparation.
_TRAJECT_BEGELEIDEN = [
    "trajecten.add_onthaal",
    "trajecten.add_behoefte",
    "trajecten.add_hdvplan",
    "trajecten.change_hdvplan",
    "trajecten.add_doorverwijzing",
    "trajecten.change_doorverwijzing",
    "trajecten.view_toestemming",
    "trajecten.add_toestemming",
    "trajecten.change_toestemming",
    "trajecten.view_vrijlatingsvoorbereiding",
    "trajecten.change_vrijlatingsvoorbereiding",
]
_AANBOD_LEZEN = ["aanbod.view_aanbod", "aanbod.view_activiteit", "aanbod.view_lokaal"]
_PLANNEN = [
    "aanbod.plan_activiteit",
    "aanbod.add_activiteit",
    "aanbod.change_activiteit",
    "aanbod.add_lokaal",
    "aanbod.change_lokaal",
    "aanbod.add_sluitingsdag",
    "aanbod.delete_sluitingsdag",
    "aanbod.add_aanbodingevangenis",
    "aanbod.change_aanbodingevangenis",
]
_CATALOGUS_BEHEREN = ["aanbod.add_aanbod", "aanbod.change_aanbod", "aanbod.archiveer_aanbod"]

ROLLEN: dict[str, list[str]] = {
    TRAJECTBEGELEIDER: [
        *_PERSONEN_LEZEN,
        *_AANBOD_LEZEN,
        *_DOSSIER_LEZEN,
        *_TRAJECT_BEGELEIDEN,
        "trajecten.beantwoord_doorverwijzing",
        "hdv.gevangenis_overzicht",
        "trajecten.view_doelgroepvlag",
    ],
    ORGANISATIEONDERSTEUNER: [
        *_PERSONEN_LEZEN,
        *_AANBOD_LEZEN,
        *_PLANNEN,
        *_CATALOGUS_BEHEREN,
        "hdv.gevangenis_overzicht",
    ],
    HULPVERLENER: [
        *_PERSONEN_LEZEN,
        *_AANBOD_LEZEN,
        *_DOSSIER_LEZEN,
        "trajecten.beantwoord_doorverwijzing",
        "trajecten.add_doorverwijzing",
        "trajecten.change_doorverwijzing",
        "trajecten.view_toestemming",
    ],
    BELEIDSCOORDINATOR: [*_AANBOD_LEZEN, "hdv.gevangenis_overzicht"],
    CENTRALE_MEDEWERKER: [*_AANBOD_LEZEN, *_CATALOGUS_BEHEREN, "hdv.vlaams_overzicht"],
    BEHEERDER: [
        *_PERSONEN_LEZEN,
        *_AANBOD_LEZEN,
        *_PLANNEN,
        *_CATALOGUS_BEHEREN,
        "hdv.beheer_toegang",
        "hdv.audit_raadplegen",
        "trajecten.view_doelgroepvlag",
        "trajecten.importeer_bevolking",
        "hdv.gevangenis_overzicht",
        "hdv.vlaams_overzicht",
        "hdv.view_auditrecord",
        "hdv.add_gevangenis",
        "hdv.change_gevangenis",
        "hdv.view_gevangenis",
        "hdv.add_organisatie",
        "hdv.change_organisatie",
        "hdv.view_organisatie",
        "hdv.add_medewerker",
        "hdv.change_medewerker",
        "hdv.view_medewerker",
        "auth.add_user",
        "auth.change_user",
        "auth.view_user",
        "auth.view_group",
        "auth.change_group",
        "auth.add_group",
        "authtoken.add_tokenproxy",
        "authtoken.view_tokenproxy",
        "authtoken.delete_tokenproxy",
    ],
}


def rollen_installeren(*, herstel: bool = False) -> list[str]:
    """Create the role groups that are missing (or reset all of them with ``herstel``)."""
    from django.contrib.auth.models import Group, Permission

    aangemaakt = []
    for rol, codenames in ROLLEN.items():
        groep, nieuw = Group.objects.get_or_create(name=rol)
        if not (nieuw or herstel):
            continue
        permissies = []
        for volledige_naam in codenames:
            app_label, codename = volledige_naam.split(".")
            permissies.append(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        groep.permissions.set(permissies)
        aangemaakt.append(rol)
    return aangemaakt


def _alle_permissies_bestaan() -> bool:
    from django.contrib.auth.models import Permission

    nodig = {tuple(naam.split(".")) for codenames in ROLLEN.values() for naam in codenames}
    bestaand = set(
        Permission.objects.filter(codename__in={codename for _, codename in nodig}).values_list(
            "content_type__app_label", "codename"
        )
    )
    return nodig <= bestaand


def rollen_installeren_na_migratie(sender: Any, **kwargs: Any) -> None:
    """post_migrate: every database, also a test database, starts with the roles.

    Runs after each app's migrations; it acts once every app's permissions exist.
    """
    if kwargs.get("using", "default") == "default" and _alle_permissies_bestaan():
        rollen_installeren()
