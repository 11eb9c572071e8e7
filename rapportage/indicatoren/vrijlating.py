"""Release preparation: how many of the people released had their checklist complete.

The checklist (``Vrijlatingsvoorbereiding``) belongs to the stay the person is released
from (it moves along on a transfer) and is frozen on release: its points can no longer
change, so their status now is their status on the day of release.
"""

from __future__ import annotations

from collections.abc import Collection

from django.db.models import BooleanField, Count, Exists, ExpressionWrapper, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rapportage.indicatoren import uitsplitsen
from rapportage.indicatoren.basis import (
    Cel,
    Eenheid,
    Indicator,
    Periode,
    berekening_alle,
    registreren,
)
from trajecten.models import Checklistpunt, Verblijf

OPEN = [Checklistpunt.Status.TE_DOEN, Checklistpunt.Status.BEZIG]

registreren(
    Indicator(
        code="vrijlating_voorbereid",
        naam=_("Voorbereide vrijlatingen"),
        beschrijving=_(
            "Hoeveel mensen vrijkwamen met een volledige checklist van de voorbereiding "
            "(huisvesting, inkomen, identiteitsdocumenten, ziekteverzekering, werk, nazorg…): "
            "elk punt geregeld of niet nodig. Wie zonder voorbereiding vrijkwam, telt als niet "
            "voorbereid."
        ),
        teller=_("Vrijlatingen met een volledige checklist"),
        noemer=_("Vrijlatingen"),
        eenheid=Eenheid.PERCENTAGE,
        periode_regel=_(
            "Verblijven die in de periode eindigden met een vrijlating (de datum van de "
            "vrijlating telt), in de gevangenis waaruit de persoon vrijkwam. Wie in de "
            "periode twee keer vrijkwam, telt twee keer: elke vrijlating vraagt een "
            "voorbereiding. In de lopende periode tellen de vrijlatingen tot vandaag."
        ),
    )
)


@berekening_alle("vrijlating_voorbereid")
def vrijlating_voorbereid(
    periode: Periode, ids: Collection[int], vlaanderen: bool
) -> dict[int | None, list[Cel]]:
    # A release is from one prison: the prisons add up to Flanders. In the running period
    # only releases up to today (the feed may announce one ahead).
    einde = min(periode.einde, timezone.localdate())
    vrijlatingen = Verblijf.objects.filter(
        eindreden=Verblijf.Eindreden.VRIJLATING, tot__range=(periode.begin, einde)
    )
    punten = Checklistpunt.objects.filter(voorbereiding__verblijf=OuterRef("pk"))
    volledig = Exists(punten) & ~Exists(punten.filter(status__in=OPEN))
    per_bereik = uitsplitsen.tellen(
        vrijlatingen.annotate(volledig=ExpressionWrapper(volledig, BooleanField())),
        "gevangenis_id",
        None,
        ids,
        vlaanderen,
        teller=Count("pk", filter=Q(volledig=True)),
        noemer=Count("pk"),
    )
    return {
        bereik: [
            Cel.ratio(uitsplitsen.totaal(rijen, "teller"), uitsplitsen.totaal(rijen, "noemer"))
        ]
        for bereik, rijen in per_bereik.items()
    }
