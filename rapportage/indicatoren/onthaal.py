"""Onthaal binnen de norm: arrivals whose intake came within HDV_ONTHAAL_NORM_DAGEN.

The unit is an arrival (a stay), not a person: a transfer opens a new stay and the
receiving prison owes its own intake (or records that it was done elsewhere). Flanders
is therefore every prison's arrivals together, each stay once.

Decisions, in plain words in the definition below:
- The deadline is the arrival day plus the norm (arrival on the 1st, norm 14: the 15th).
- A stay that ended before its deadline is left out: there was no time to owe an intake.
- An arrival whose deadline has not passed yet (today or later) is left out until it has:
  counting it now would count only the quick intakes and flatter the figure.
- "Overgeslagen" counts as on time when the reason shows the service did its part in
  time: the person refused (participation is voluntary) or the intake was done in another
  prison. Skipped as "kort verblijf" or "overgeplaatst" for a stay that lasted the norm
  after all is not on time: the stay turned out not to be short.
"""

from __future__ import annotations

import datetime
from collections.abc import Collection

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from rapportage.indicatoren import tellen
from rapportage.indicatoren.basis import (
    Cel,
    Eenheid,
    Indicator,
    Periode,
    berekening_alle,
    registreren,
)
from trajecten.models import Onthaal, Verblijf

TIJDIG_OVERGESLAGEN = frozenset({Onthaal.Reden.GEWEIGERD, Onthaal.Reden.ANDERE_GEVANGENIS})

registreren(
    Indicator(
        code="onthaal_binnen_norm",
        naam=_("Onthaal binnen de norm"),
        beschrijving=_(
            "Hoeveel nieuwe aankomsten hun onthaalgesprek kregen binnen de norm (het aantal "
            "dagen in de instelling HDV_ONTHAAL_NORM_DAGEN). Een geweigerd onthaal, of een "
            "onthaal dat al in een andere gevangenis gedaan was, telt als op tijd als het "
            "binnen de norm geregistreerd werd: deelname is vrijwillig en het aanbod werd "
            "gedaan. Overgeslagen wegens kort verblijf of overplaatsing terwijl het verblijf "
            "toch de norm haalde, telt als niet op tijd."
        ),
        teller=_(
            "Aankomsten met een afgerond onthaal (of een geweigerd of elders gedaan onthaal) "
            "uiterlijk op de dag van de termijn"
        ),
        noemer=_(
            "Aankomsten in de periode waarvan de termijn voorbij is en het verblijf minstens "
            "tot de termijn duurde"
        ),
        eenheid=Eenheid.PERCENTAGE,
        periode_regel=_(
            "Een aankomst is een verblijf dat in de periode begint (de eerste en de laatste dag "
            "tellen mee); een overplaatsing is een aankomst in de nieuwe gevangenis. De termijn "
            "is de dag van aankomst plus de norm. Een verblijf dat voor de termijn eindigde, "
            "telt niet mee. Een aankomst waarvan de termijn vandaag of later valt, telt pas mee "
            "als die termijn voorbij is: tot dan kan het onthaal nog op tijd komen. Voor "
            "Vlaanderen tellen de aankomsten van alle gevangenissen, elk verblijf één keer."
        ),
    )
)


def _tijdig(
    status: str | None, datum: datetime.date | None, reden: str, termijn: datetime.date
) -> bool:
    if status is None or datum is None or datum > termijn:
        return False
    return status == Onthaal.Status.AFGEROND or reden in TIJDIG_OVERGESLAGEN


@berekening_alle("onthaal_binnen_norm")
def onthaal_binnen_norm(
    periode: Periode, ids: Collection[int], vlaanderen: bool
) -> dict[int | None, list[Cel]]:
    norm = datetime.timedelta(days=settings.HDV_ONTHAAL_NORM_DAGEN)
    vandaag = timezone.localdate()
    # Arrivals whose deadline (van + norm) is before today: van < today - norm.
    laatste_van = min(tellen.peildatum(periode), vandaag - norm - datetime.timedelta(days=1))
    aankomsten = tellen.binnen(
        Verblijf.objects.filter(van__range=(periode.begin, laatste_van)),
        "gevangenis_id",
        ids,
        vlaanderen,
    ).values_list(
        "pk",
        "gevangenis_id",
        "van",
        "tot",
        "onthaal__status",
        "onthaal__datum",
        "onthaal__reden_overslaan",
    )
    geteld = []
    for pk, gevangenis, van, tot, status, datum, reden in aankomsten.order_by():
        termijn = van + norm
        if tot is not None and tot < termijn:
            continue
        geteld.append((pk, gevangenis, _tijdig(status, datum, reden or "", termijn)))
    per_gevangenis = tellen.per_gevangenis(geteld, lambda rij: rij[1], ids, vlaanderen)
    return {
        waar: [Cel.ratio(sum(1 for *_, tijdig in rijen if tijdig), len(rijen))]
        for waar, rijen in per_gevangenis.items()
    }
