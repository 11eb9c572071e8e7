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
# A member of the Gemengde Commissie: reads the monitoring reports and is told when the
# quarterly one is ready; nothing of a person, no dashboard.
GEMENGDE_COMMISSIE = "lid Gemengde Commissie"
BEHEERDER = "beheerder"
# A detainee's terminal account: the own page of the terminal, nothing of staff.
GEDETINEERDE = "gedetineerde"
TERMINAL = "deelname.gebruik_terminal"

ROL_NAMEN = {
    TRAJECTBEGELEIDER: _("Trajectbegeleider"),
    ORGANISATIEONDERSTEUNER: _("Organisatieondersteuner"),
    HULPVERLENER: _("Hulpverlener (aanbodverstrekker)"),
    BELEIDSCOORDINATOR: _("Beleidscoördinator"),
    CENTRALE_MEDEWERKER: _("Centrale medewerker"),
    GEMENGDE_COMMISSIE: _("Lid Gemengde Commissie"),
    BEHEERDER: _("Beheerder"),
    GEDETINEERDE: _("Gedetineerde (terminal)"),
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

_DEELNAME_LEZEN = ["deelname.view_inschrijving", "deelname.view_aanwezigheid"]
_INSCHRIJVEN = ["deelname.add_inschrijving", "deelname.change_inschrijving"]
# Detainees' own requests: the queue, paper requests, and answering them.
_AANVRAGEN_LEZEN = ["deelname.view_aanvraag"]
_AANVRAGEN_REGISTREREN = ["deelname.view_aanvraag", "deelname.add_aanvraag"]
_AANVRAGEN_BEANTWOORDEN = [*_AANVRAGEN_REGISTREREN, "deelname.beantwoord_aanvraag"]

# Key indicators, targets and the plans: reading rollups never touches personal data.
_INDICATOREN_LEZEN = [
    "rapportage.view_indicatorwaarde",
    "rapportage.view_streefcijfer",
    "rapportage.view_strategischedoelstelling",
    "rapportage.view_actie",
    "rapportage.view_lokaalactieplan",
    "rapportage.view_lokaleactie",
]
_STREEFCIJFERS_ZETTEN = ["rapportage.add_streefcijfer", "rapportage.change_streefcijfer"]
_LOKAAL_ACTIEPLAN = [
    "rapportage.add_lokaalactieplan",
    "rapportage.add_lokaleactie",
    "rapportage.change_lokaleactie",
    "rapportage.add_voortgangsnotitie",
]
_MONITORING = [
    "rapportage.view_monitoringrapport",
    "rapportage.add_monitoringrapport",
    "rapportage.add_berekening",
    "rapportage.change_actie",
    "rapportage.add_voortgangsnotitie",
]

ROLLEN: dict[str, list[str]] = {
    TRAJECTBEGELEIDER: [
        *_PERSONEN_LEZEN,
        *_AANBOD_LEZEN,
        *_DOSSIER_LEZEN,
        *_TRAJECT_BEGELEIDEN,
        "trajecten.beantwoord_doorverwijzing",
        *_DEELNAME_LEZEN,
        *_INSCHRIJVEN,
        "hdv.gevangenis_overzicht",
        "trajecten.view_doelgroepvlag",
        *_AANVRAGEN_REGISTREREN,
    ],
    ORGANISATIEONDERSTEUNER: [
        *_PERSONEN_LEZEN,
        *_AANBOD_LEZEN,
        *_PLANNEN,
        *_CATALOGUS_BEHEREN,
        *_DEELNAME_LEZEN,
        *_INSCHRIJVEN,
        "deelname.add_aanwezigheid",
        "deelname.registreer_alle_aanwezigheden",
        "hdv.gevangenis_overzicht",
        *_AANVRAGEN_BEANTWOORDEN,
    ],
    HULPVERLENER: [
        *_PERSONEN_LEZEN,
        *_AANBOD_LEZEN,
        *_DOSSIER_LEZEN,
        "trajecten.beantwoord_doorverwijzing",
        "trajecten.add_doorverwijzing",
        "trajecten.change_doorverwijzing",
        "trajecten.view_toestemming",
        *_DEELNAME_LEZEN,
        *_INSCHRIJVEN,
        "deelname.add_aanwezigheid",
    ],
    BELEIDSCOORDINATOR: [
        *_AANBOD_LEZEN,
        "hdv.gevangenis_overzicht",
        *_INDICATOREN_LEZEN,
        # His own prisons' figures as they are; everyone else reads them suppressed.
        "rapportage.lees_eigen_cijfers",
        *_STREEFCIJFERS_ZETTEN,
        *_LOKAAL_ACTIEPLAN,
    ],
    CENTRALE_MEDEWERKER: [
        *_AANBOD_LEZEN,
        *_CATALOGUS_BEHEREN,
        "hdv.vlaams_overzicht",
        *_INDICATOREN_LEZEN,
        *_STREEFCIJFERS_ZETTEN,
        *_MONITORING,
    ],
    BEHEERDER: [
        *_PERSONEN_LEZEN,
        *_AANBOD_LEZEN,
        *_PLANNEN,
        *_CATALOGUS_BEHEREN,
        "hdv.beheer_toegang",
        "hdv.audit_raadplegen",
        "trajecten.view_doelgroepvlag",
        "trajecten.importeer_bevolking",
        *_DEELNAME_LEZEN,
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
        *_AANVRAGEN_LEZEN,
        *_INDICATOREN_LEZEN,
        "rapportage.view_monitoringrapport",
        "rapportage.add_berekening",
    ],
    GEMENGDE_COMMISSIE: [
        "rapportage.view_monitoringrapport",
        "rapportage.ontvang_monitoringrapport",
    ],
    GEDETINEERDE: [TERMINAL],
}


def is_terminalaccount(user: Any) -> bool:
    """A detainee signed in on a terminal: sent to the terminal page, kept out of the rest.

    By permission, so hdv needs no import of deelname; a superuser holds every permission
    and is not a detainee.
    """
    return bool(
        getattr(user, "is_authenticated", False)
        and not user.is_superuser
        and user.has_perm(TERMINAL)
    )


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


def permissies_aanvullen(apps: Any, app_label: str, nieuw: dict[str, list[str]]) -> None:
    """For a data migration: add an app's new permissions to role groups that exist.

    A new installation has no groups yet when it migrates (they come after, from ROLLEN);
    an existing one gets these permissions added and nothing removed, so a beheerder's
    changes to the groups stay.
    """
    from django.contrib.auth.management import create_permissions

    Group = apps.get_model("auth", "Group")
    if not Group.objects.filter(name__in=nieuw).exists():
        return
    # The migration state's app config has no models module; create_permissions only
    # checks that it is set.
    app_config = apps.get_app_config(app_label)
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)
    app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    for rol, codenames in nieuw.items():
        groep = Group.objects.filter(name=rol).first()
        if groep is not None:
            groep.permissions.add(
                *Permission.objects.filter(
                    content_type__app_label=app_label, codename__in=codenames
                )
            )
