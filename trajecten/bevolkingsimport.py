"""The life of a population import: created from a file, a folder or the API; then run.

``bevolkingsimport_verwerken`` is what the Celery task calls. Each row is applied in its
own transaction: a row is applied whole or not at all, and a failure in row 40 keeps
rows 1–39. Running it twice is safe: a finished import is left alone, and a run that
was interrupted (status ``bezig``) starts over, where the rows already applied come out
as "ongewijzigd".
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from hdv.models import Gevangenis
from trajecten.bevolkingsfeed import (
    Bestandsfout,
    bestand_lezen,
    fouten_van,
    json_lezen,
    rij_toepassen,
    rij_valideren,
)
from trajecten.models import Bevolkingsimport

logger = logging.getLogger(__name__)

# Progress is written every so many rows: a page polling every 2 s sees it move
# without a write per row.
VOORTGANG_ELKE = 25


def _door(door: Any) -> Any:
    return door if getattr(door, "is_authenticated", False) else None


def _inplannen(bevolkingsimport: Bevolkingsimport) -> None:
    from trajecten.tasks import bevolkingsimport_verwerken_taak

    pk = bevolkingsimport.pk
    transaction.on_commit(lambda: bevolkingsimport_verwerken_taak.delay(pk))


@transaction.atomic
def bevolkingsimport_uit_bestand(
    *, inhoud: bytes, bestandsnaam: str, door: Any, bron: str = Bevolkingsimport.Bron.BESTAND
) -> Bevolkingsimport:
    """An import of a CSV export, run after commit; a Bestandsfout refuses the file whole."""
    rijen = bestand_lezen(inhoud)
    bevolkingsimport = Bevolkingsimport.objects.create(
        door=_door(door), bron=bron, bestandsnaam=bestandsnaam[:255], rijen=rijen, totaal=len(rijen)
    )
    _inplannen(bevolkingsimport)
    return bevolkingsimport


@transaction.atomic
def bevolkingsimport_uit_api(*, rijen: Any, door: Any) -> Bevolkingsimport:
    """The same rows as JSON; a Bestandsfout refuses the call whole."""
    gelezen = json_lezen(rijen)
    bevolkingsimport = Bevolkingsimport.objects.create(
        door=_door(door), bron=Bevolkingsimport.Bron.API, rijen=gelezen, totaal=len(gelezen)
    )
    _inplannen(bevolkingsimport)
    return bevolkingsimport


def bevolkingsimport_verwerken(*, bevolkingsimport_id: int) -> Bevolkingsimport:
    with transaction.atomic():
        bevolkingsimport = Bevolkingsimport.objects.select_for_update().get(pk=bevolkingsimport_id)
        if bevolkingsimport.status in {
            Bevolkingsimport.Status.KLAAR,
            Bevolkingsimport.Status.MISLUKT,
        }:
            return bevolkingsimport
        bevolkingsimport.status = Bevolkingsimport.Status.BEZIG
        bevolkingsimport.gestart = timezone.now()
        bevolkingsimport.verwerkt = bevolkingsimport.aanvaard = 0
        bevolkingsimport.ongewijzigd = bevolkingsimport.geweigerd = 0
        bevolkingsimport.geweigerde_rijen = []
        bevolkingsimport.save()

    gevangenissen = {g.code.upper(): g for g in Gevangenis.objects.all()}
    for ruw in bevolkingsimport.rijen:
        try:
            with transaction.atomic():
                gewijzigd = rij_toepassen(rij_valideren(ruw, gevangenissen))
        except ValidationError as fout:
            bevolkingsimport.geweigerd += 1
            bevolkingsimport.geweigerde_rijen += [
                f.als_dict() for f in fouten_van(ruw["rij"], fout)
            ]
        except Exception:
            # A bug or an outage, not bad input: stop here. The rows before stay
            # applied; this one was rolled back; importing the file again is safe.
            logger.exception("Bevolkingsimport %s: rij %s", bevolkingsimport.pk, ruw.get("rij"))
            _afsluiten(
                bevolkingsimport,
                Bevolkingsimport.Status.MISLUKT,
                _(
                    "Onverwachte fout bij rij %(rij)s; de rijen ervoor zijn verwerkt. Importeer het bestand opnieuw."
                )
                % {"rij": ruw.get("rij")},
            )
            return bevolkingsimport
        else:
            if gewijzigd:
                bevolkingsimport.aanvaard += 1
            else:
                bevolkingsimport.ongewijzigd += 1
        bevolkingsimport.verwerkt += 1
        if bevolkingsimport.verwerkt % VOORTGANG_ELKE == 0:
            bevolkingsimport.save(
                update_fields=[
                    "verwerkt",
                    "aanvaard",
                    "ongewijzigd",
                    "geweigerd",
                    "geweigerde_rijen",
                ]
            )
    _afsluiten(bevolkingsimport, Bevolkingsimport.Status.KLAAR, "")
    return bevolkingsimport


def _afsluiten(bevolkingsimport: Bevolkingsimport, status: str, melding: str) -> None:
    bevolkingsimport.status = status
    bevolkingsimport.melding = melding
    bevolkingsimport.beeindigd = timezone.now()
    # The rows are personal data; once applied, the import keeps only counts and reasons.
    bevolkingsimport.rijen = []
    bevolkingsimport.save()


def bevolkingsfeed_map_importeren(*, map: Path | None = None) -> list[int]:
    """The daily job: every CSV file in the folder becomes an import, then moves to verwerkt/."""
    map = Path(map or settings.HDV_BEVOLKINGSFEED_MAP)
    if not map.is_dir():
        return []
    verwerkt = map / "verwerkt"
    verwerkt.mkdir(exist_ok=True)
    ids = []
    for bestand in sorted(map.glob("*.csv")):
        if not bestand.is_file():
            continue
        inhoud = bestand.read_bytes()
        try:
            bevolkingsimport = bevolkingsimport_uit_bestand(
                inhoud=inhoud, bestandsnaam=bestand.name, door=None, bron=Bevolkingsimport.Bron.MAP
            )
        except Bestandsfout as fout:
            # Refused whole: recorded, so that the beheerder sees why on the page.
            bevolkingsimport = Bevolkingsimport.objects.create(
                bron=Bevolkingsimport.Bron.MAP,
                bestandsnaam=bestand.name[:255],
                status=Bevolkingsimport.Status.MISLUKT,
                melding=" ".join(fout.messages),
                beeindigd=timezone.now(),
            )
        doel = verwerkt / f"{timezone.now():%Y%m%d-%H%M%S}-{bevolkingsimport.pk}-{bestand.name}"
        shutil.move(str(bestand), doel)
        ids.append(bevolkingsimport.pk)
    return ids
