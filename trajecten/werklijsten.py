"""Reads for the worklists: what is due, oldest or most urgent first, always in scope."""

from __future__ import annotations

import datetime
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Case, DateField, Exists, F, OuterRef, Q, QuerySet, When
from django.utils import timezone

from hdv.models import Gevangenis
from hdv.scope import organisatie_id
from trajecten.models import Doorverwijzing, Gedetineerde, HdvPlan, Onthaal, Taak, Verblijf


def onthaal_deadline(verblijf: Verblijf) -> datetime.date:
    return verblijf.van + datetime.timedelta(days=settings.HDV_ONTHAAL_NORM_DAGEN)


def onthalen_te_doen(*, user: Any, gevangenis: Gevangenis | None) -> QuerySet[Verblijf]:
    """Open stays in the prison without an intake (done or skipped), oldest arrival first."""
    if gevangenis is None:
        return Verblijf.objects.none()
    return (
        Verblijf.objects.zichtbaar_voor(user)
        .filter(gevangenis=gevangenis, tot__isnull=True)
        .filter(~Exists(Onthaal.objects.filter(verblijf=OuterRef("pk"))))
        .select_related("gedetineerde")
        .order_by("van", "id")
    )


def herzieningen_te_doen(
    *, user: Any, gevangenis: Gevangenis | None, vandaag: datetime.date | None = None
) -> QuerySet[HdvPlan]:
    """Plans of people present in the prison whose review is due within two weeks,
    coordinated by the user's organisation."""
    eigen = organisatie_id(user)
    if gevangenis is None or eigen is None:
        return HdvPlan.objects.none()
    vandaag = vandaag or timezone.localdate()
    # Only the plans the user's organisation coordinates: a review is theirs to do.
    return (
        HdvPlan.objects.zichtbaar_voor(user)
        .filter(organisatie_id=eigen)
        .filter(
            gedetineerde__verblijven__gevangenis=gevangenis,
            gedetineerde__verblijven__tot__isnull=True,
            volgende_herziening__lte=vandaag + datetime.timedelta(days=14),
        )
        .select_related("gedetineerde", "begeleider", "organisatie")
        .order_by("volgende_herziening", "id")
    )


def inbox(*, user: Any, gevangenis: Gevangenis | None = None) -> QuerySet[Doorverwijzing]:
    """Referrals sent to the user's organisation, awaiting its answer, oldest first."""
    eigen = organisatie_id(user)
    if eigen is None:
        return Doorverwijzing.objects.none()
    queryset = Doorverwijzing.objects.zichtbaar_voor(user).filter(
        naar_organisatie_id=eigen, status=Doorverwijzing.Status.VERSTUURD
    )
    if gevangenis is not None:
        queryset = queryset.filter(gedetineerde__huidige_gevangenis=gevangenis)
    return queryset.select_related(
        "gedetineerde", "van_organisatie", "aanbod", "aangemaakt_door"
    ).order_by("verstuurd_op", "id")


def wachtend_op_antwoord(*, user: Any, gevangenis: Gevangenis | None) -> QuerySet[Doorverwijzing]:
    """Referrals the user's organisation sent in this prison that have no answer yet."""
    eigen = organisatie_id(user)
    if eigen is None or gevangenis is None:
        return Doorverwijzing.objects.none()
    return (
        Doorverwijzing.objects.zichtbaar_voor(user)
        .filter(
            van_organisatie_id=eigen,
            status=Doorverwijzing.Status.VERSTUURD,
            gedetineerde__huidige_gevangenis=gevangenis,
        )
        .select_related("gedetineerde", "naar_organisatie", "aanbod")
        .order_by("verstuurd_op", "id")
    )


def vrijlatingen_binnenkort(
    *,
    user: Any,
    gevangenis: Gevangenis | None,
    dagen: int | None = None,
    vandaag: datetime.date | None = None,
) -> QuerySet[Gedetineerde]:
    """People present whose admissibility date or sentence end falls in the next days."""
    if gevangenis is None:
        return Gedetineerde.objects.none()
    vandaag = vandaag or timezone.localdate()
    tot = vandaag + datetime.timedelta(days=dagen or settings.HDV_VRIJLATING_WERKLIJST_DAGEN)
    return (
        Gedetineerde.objects.zichtbaar_voor(user)
        .filter(verblijven__gevangenis=gevangenis, verblijven__tot__isnull=True)
        .filter(Q(datum_vi__range=(vandaag, tot)) | Q(strafeinde__range=(vandaag, tot)))
        # The date that falls in the window: admissibility first, else the sentence end.
        .annotate(
            vrijlating_vanaf=Case(
                When(datum_vi__range=(vandaag, tot), then=F("datum_vi")),
                default=F("strafeinde"),
                output_field=DateField(),
            )
        )
        .select_related("huidige_gevangenis")
        .order_by("vrijlating_vanaf", "id")
    )


def taken_filter(user: Any) -> Q:
    """The tasks addressed to this user: by name, or by a permission they hold."""
    eigen = organisatie_id(user)
    voor_permissie = Q(toegewezen_aan__isnull=True, permissie__in=user.get_all_permissions()) & (
        Q(organisatie__isnull=True) | Q(organisatie_id=eigen)
    )
    return Q(toegewezen_aan=user) | voor_permissie


def open_taken(*, user: Any, gevangenis: Gevangenis | None = None) -> QuerySet[Taak]:
    queryset = Taak.objects.zichtbaar_voor(user).filter(
        taken_filter(user), afgehandeld_op__isnull=True
    )
    if gevangenis is not None:
        queryset = queryset.filter(gevangenis=gevangenis)
    return queryset.select_related("gedetineerde", "gevangenis").order_by("aangemaakt", "id")


def taak_ontvangers(taak: Taak) -> QuerySet[Any]:
    """The users a task is for (for the e-mail): active, working in the task's prison."""
    gebruikers = get_user_model().objects.filter(is_active=True)
    if taak.toegewezen_aan_id:
        return gebruikers.filter(pk=taak.toegewezen_aan_id)
    app_label, codename = taak.permissie.split(".", 1)
    met_permissie = Q(
        groups__permissions__codename=codename,
        groups__permissions__content_type__app_label=app_label,
    ) | Q(
        user_permissions__codename=codename,
        user_permissions__content_type__app_label=app_label,
    )
    gebruikers = gebruikers.filter(met_permissie, medewerker__gevangenissen=taak.gevangenis)
    if taak.organisatie_id:
        gebruikers = gebruikers.filter(medewerker__organisatie_id=taak.organisatie_id)
    return gebruikers.distinct()
