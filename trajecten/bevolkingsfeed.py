"""The federal population feed: reading a file, validating a row, applying a row.

The format is described in docs/bevolkingsfeed.md. A row is one event (aankomst,
overplaatsing, vrijlating, statuswijziging). Applying a row goes through the services
of trajecten.services, so the events fire and the audit trail is written, as a system
action (``door=None``).

Idempotence: a row whose event is already recorded (the arrival's stay exists, the
transfer's stay in the receiving prison exists, the release is recorded, the status
change is in the history) is "ongewijzigd" and changes nothing, not even the details.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from hdv.models import Gevangenis
from trajecten.models import Gedetineerde, NiveauNederlands, Statuut, Statuutwijziging, Verblijf
from trajecten.services import (
    gedetineerde_bijwerken,
    gedetineerde_opnemen,
    gedetineerde_overplaatsen,
    gedetineerde_vrijlaten,
    statuut_wijzigen,
    verblijf_openen,
)

KOLOMMEN = (
    "soort",
    "detineenummer",
    "achternaam",
    "voornaam",
    "geboortedatum",
    "geslacht",
    "gevangenis",
    "afdeling",
    "datum",
    "vrijlatingssoort",
    "statuut",
    "strafeinde",
    "datum_vi",
    "talen",
    "niveau_nederlands",
    "eerdere_detenties",
)
MAX_RIJEN = 100_000
TAAL_SCHEIDING = "|"


class Soort(StrEnum):
    AANKOMST = "aankomst"
    OVERPLAATSING = "overplaatsing"
    VRIJLATING = "vrijlating"
    STATUSWIJZIGING = "statuswijziging"


VERPLICHT = {
    Soort.AANKOMST: ("achternaam", "voornaam", "geboortedatum", "geslacht", "gevangenis"),
    Soort.OVERPLAATSING: ("gevangenis",),
    Soort.VRIJLATING: ("vrijlatingssoort",),
    Soort.STATUSWIJZIGING: ("statuut",),
}

# A service names its own fields; the report names the feed's columns.
SERVICEVELD_NAAR_KOLOM = {
    "van": "datum",
    "tot": "datum",
    "sinds": "datum",
    "naar": "gevangenis",
    "eindreden": "soort",
    "__all__": "soort",
}


@dataclass(frozen=True)
class Fout:
    rij: int
    veld: str
    reden: str

    def als_dict(self) -> dict[str, Any]:
        return {"rij": self.rij, "veld": self.veld, "reden": self.reden}


@dataclass
class Feedrij:
    rij: int
    soort: Soort
    detineenummer: str
    datum: datetime.date
    gevangenis: Gevangenis | None
    afdeling: str
    vrijlatingssoort: str
    statuut: str
    persoon: dict[str, Any] = field(default_factory=dict)  # fields for gedetineerde_opnemen
    details: dict[str, Any] = field(default_factory=dict)  # fields for gedetineerde_bijwerken


class Bestandsfout(ValidationError):
    """The file as a whole is refused (encoding, header, size)."""


def bestand_lezen(inhoud: bytes) -> list[dict[str, Any]]:
    """The rows of a CSV export, each with its line number in ``rij``; or a Bestandsfout."""
    try:
        tekst = inhoud.decode("utf-8-sig")
    except UnicodeDecodeError as fout:
        raise Bestandsfout(
            _(
                "Het bestand is geen UTF-8 (ongeldige byte op positie %(positie)s). Exporteer het opnieuw als UTF-8."
            )
            % {"positie": fout.start}
        ) from None
    if "\x00" in tekst:
        raise Bestandsfout(_("Het bestand bevat NUL-tekens: dit is geen CSV-bestand."))
    eerste_regel = tekst.split("\n", 1)[0]
    if not eerste_regel.strip():
        raise Bestandsfout(_("Het bestand is leeg of begint met een lege regel."))
    scheiding = ";" if eerste_regel.count(";") >= eerste_regel.count(",") else ","
    lezer = csv.DictReader(io.StringIO(tekst, newline=""), delimiter=scheiding)
    kop = [kolom.strip() for kolom in lezer.fieldnames or []]
    _kop_controleren(kop)
    lezer.fieldnames = kop
    rijen: list[dict[str, Any]] = []
    for ruw in lezer:
        if len(rijen) >= MAX_RIJEN:
            raise Bestandsfout(_("Het bestand heeft meer dan %(max)s rijen.") % {"max": MAX_RIJEN})
        if not any(
            (waarde or "").strip() for sleutel, waarde in ruw.items() if sleutel is not None
        ):
            continue  # an empty line
        rij: dict[str, Any] = {"rij": lezer.line_num}
        for kolom in KOLOMMEN:
            rij[kolom] = ruw.get(kolom)
        if None in ruw:
            rij["_te_veel"] = True
        rijen.append(rij)
    return rijen


def _kop_controleren(kop: list[str]) -> None:
    ontbrekend = [kolom for kolom in KOLOMMEN if kolom not in kop]
    onbekend = [kolom for kolom in kop if kolom not in KOLOMMEN]
    dubbel = sorted({kolom for kolom in kop if kop.count(kolom) > 1})
    if ontbrekend or onbekend or dubbel:
        delen = []
        if ontbrekend:
            delen.append(_("ontbrekende kolommen: %(k)s") % {"k": ", ".join(ontbrekend)})
        if onbekend:
            delen.append(_("onbekende kolommen: %(k)s") % {"k": ", ".join(onbekend)})
        if dubbel:
            delen.append(_("dubbele kolommen: %(k)s") % {"k": ", ".join(dubbel)})
        raise Bestandsfout(
            _("De kopregel is niet die van de bevolkingsfeed (%(delen)s).")
            % {"delen": "; ".join(delen)}
        )


def json_lezen(rijen: Any) -> list[dict[str, Any]]:
    """The rows of an API call: a list of objects with the same keys as the CSV columns."""
    if not isinstance(rijen, list) or not rijen:
        raise Bestandsfout(_("Geef de rijen als een niet-lege lijst."))
    if len(rijen) > MAX_RIJEN:
        raise Bestandsfout(_("Meer dan %(max)s rijen.") % {"max": MAX_RIJEN})
    gelezen = []
    for nummer, ruw in enumerate(rijen, start=1):
        rij: dict[str, Any] = {"rij": nummer}
        if not isinstance(ruw, Mapping):
            rij["_geen_object"] = True
            gelezen.append(rij)
            continue
        onbekend = sorted(str(k) for k in ruw if k not in KOLOMMEN)
        if onbekend:
            rij["_onbekend"] = onbekend
        for kolom in KOLOMMEN:
            waarde = ruw.get(kolom)
            if isinstance(waarde, list) and kolom == "talen":
                waarde = TAAL_SCHEIDING.join(str(t) for t in waarde)
            rij[kolom] = "" if waarde is None else str(waarde)
        gelezen.append(rij)
    return gelezen


def _datum(waarde: str) -> datetime.date:
    try:
        return datetime.date.fromisoformat(waarde)
    except ValueError:
        raise ValueError(_("Geen geldige datum (JJJJ-MM-DD).")) from None


def rij_valideren(ruw: dict[str, Any], gevangenissen: Mapping[str, Gevangenis]) -> Feedrij:
    """A validated row, or a ValidationError with one message per column."""
    fouten: dict[str, str] = {}
    if ruw.get("_geen_object"):
        raise ValidationError({"rij": _("Een rij moet een object zijn.")})
    if ruw.get("_te_veel"):
        fouten["rij"] = _("Meer waarden dan kolommen.")
    if ruw.get("_onbekend"):
        fouten["rij"] = _("Onbekende velden: %(v)s") % {"v": ", ".join(ruw["_onbekend"])}
    if any(ruw.get(kolom) is None for kolom in KOLOMMEN):
        fouten["rij"] = _("Minder waarden dan kolommen.")
    waarden = {kolom: (ruw.get(kolom) or "").strip() for kolom in KOLOMMEN}

    soort: Soort | None = None
    try:
        soort = Soort(waarden["soort"].lower())
    except ValueError:
        fouten["soort"] = _(
            "Onbekende soort: kies aankomst, overplaatsing, vrijlating of statuswijziging."
        )
    for kolom in ("detineenummer", "datum", *(VERPLICHT[soort] if soort else ())):
        if not waarden[kolom]:
            fouten[kolom] = _("Verplicht.")
    if len(waarden["detineenummer"]) > 20:
        fouten["detineenummer"] = _("Te lang (hoogstens 20 tekens).")

    datums: dict[str, datetime.date | None] = {}
    for kolom in ("datum", "geboortedatum", "strafeinde", "datum_vi"):
        datums[kolom] = None
        if waarden[kolom] and kolom not in fouten:
            try:
                datums[kolom] = _datum(waarden[kolom])
            except ValueError as fout:
                fouten[kolom] = str(fout)
    gevangenis = None
    if waarden["gevangenis"]:
        gevangenis = gevangenissen.get(waarden["gevangenis"].upper())
        if gevangenis is None:
            fouten["gevangenis"] = _("Onbekende gevangeniscode.")
    if waarden["geslacht"] and waarden["geslacht"].upper() not in Gedetineerde.Geslacht.values:
        fouten["geslacht"] = _("Kies M, V of X.")
    if (
        waarden["vrijlatingssoort"]
        and waarden["vrijlatingssoort"] not in Verblijf.Vrijlatingssoort.values
    ):
        fouten["vrijlatingssoort"] = _("Onbekende soort vrijlating.")
    if waarden["vrijlatingssoort"] and soort not in (None, Soort.VRIJLATING):
        fouten["vrijlatingssoort"] = _("Alleen bij een vrijlating.")
    if waarden["statuut"] and waarden["statuut"] not in Statuut.values:
        fouten["statuut"] = _("Kies beklaagde, veroordeelde of geinterneerde.")
    if waarden["niveau_nederlands"] and waarden["niveau_nederlands"] not in NiveauNederlands.values:
        fouten["niveau_nederlands"] = _("Kies A0, A1, A2, B1, B2, C1, C2 of onbekend.")
    if waarden["eerdere_detenties"] and not (
        waarden["eerdere_detenties"].isdigit() and int(waarden["eerdere_detenties"]) < 1000
    ):
        fouten["eerdere_detenties"] = _("Een geheel getal van 0 tot 999.")
    datum = datums["datum"]
    if fouten or soort is None or datum is None:
        raise ValidationError(fouten)

    persoon = {kolom: waarden[kolom] for kolom in ("voornaam", "achternaam") if waarden[kolom]}
    if datums["geboortedatum"]:
        persoon["geboortedatum"] = datums["geboortedatum"]
    if waarden["geslacht"]:
        persoon["geslacht"] = waarden["geslacht"].upper()
    details: dict[str, Any] = dict(persoon)
    if waarden["talen"]:
        details["talen"] = [t for t in waarden["talen"].split(TAAL_SCHEIDING) if t.strip()]
    if waarden["niveau_nederlands"]:
        details["niveau_nederlands"] = waarden["niveau_nederlands"]
    for kolom in ("strafeinde", "datum_vi"):
        if datums[kolom]:
            details[kolom] = datums[kolom]
    if waarden["eerdere_detenties"]:
        details["eerdere_detenties"] = int(waarden["eerdere_detenties"])
    return Feedrij(
        rij=int(ruw["rij"]),
        soort=soort,
        detineenummer=waarden["detineenummer"],
        datum=datum,
        gevangenis=gevangenis,
        afdeling=waarden["afdeling"][:50],
        vrijlatingssoort=waarden["vrijlatingssoort"],
        statuut=waarden["statuut"],
        persoon=persoon,
        details=details,
    )


def rij_toepassen(rij: Feedrij) -> bool:
    """Apply one validated row, inside the caller's transaction; False when already recorded."""
    persoon = (
        Gedetineerde.objects.select_for_update().filter(detineenummer=rij.detineenummer).first()
    )
    if rij.soort == Soort.AANKOMST:
        return _aankomst(rij, persoon)
    if persoon is None:
        raise ValidationError({"detineenummer": _("Onbekend gedetineerdennummer.")})
    if rij.soort == Soort.OVERPLAATSING:
        if rij.gevangenis is None:
            raise ValidationError({"gevangenis": _("Verplicht.")})
        if persoon.verblijven.filter(gevangenis=rij.gevangenis, van=rij.datum).exists():
            return False
        gedetineerde_overplaatsen(
            gedetineerde=persoon,
            naar=rij.gevangenis,
            datum=rij.datum,
            afdeling=rij.afdeling,
            door=None,
        )
    elif rij.soort == Soort.VRIJLATING:
        if persoon.verblijven.filter(
            tot=rij.datum, eindreden=Verblijf.Eindreden.VRIJLATING
        ).exists():
            return False
        gedetineerde_vrijlaten(
            gedetineerde=persoon, datum=rij.datum, vrijlatingssoort=rij.vrijlatingssoort, door=None
        )
    else:
        if Statuutwijziging.objects.filter(
            gedetineerde=persoon, statuut=rij.statuut, sinds=rij.datum
        ).exists():
            return False
        gewijzigd = bool(gedetineerde_bijwerken(gedetineerde=persoon, door=None, **rij.details))
        return bool(_statuut(persoon, rij)) or gewijzigd
    gedetineerde_bijwerken(gedetineerde=persoon, door=None, **rij.details)
    if rij.statuut:
        _statuut(persoon, rij)
    return True


def _aankomst(rij: Feedrij, persoon: Gedetineerde | None) -> bool:
    if rij.gevangenis is None:
        raise ValidationError({"gevangenis": _("Verplicht.")})
    if persoon is None:
        gedetineerde_opnemen(
            detineenummer=rij.detineenummer,
            gevangenis=rij.gevangenis,
            van=rij.datum,
            afdeling=rij.afdeling,
            statuut=rij.statuut,
            statuut_bron=Statuutwijziging.Bron.BEVOLKINGSFEED,
            door=None,
            **rij.details,
        )
        return True
    if persoon.verblijven.filter(gevangenis=rij.gevangenis, van=rij.datum).exists():
        return False
    open_verblijf = persoon.verblijven.filter(tot__isnull=True).select_related("gevangenis").first()
    if open_verblijf is not None:
        raise ValidationError(
            {
                "gevangenis": _(
                    "Deze persoon verblijft al in %(gevangenis)s: een overplaatsing is geen aankomst."
                )
                % {"gevangenis": open_verblijf.gevangenis}
            }
        )
    verblijf_openen(
        gedetineerde=persoon,
        gevangenis=rij.gevangenis,
        van=rij.datum,
        afdeling=rij.afdeling,
        door=None,
    )
    gedetineerde_bijwerken(gedetineerde=persoon, door=None, **rij.details)
    if rij.statuut:
        _statuut(persoon, rij)
    return True


def _statuut(persoon: Gedetineerde, rij: Feedrij) -> bool:
    if Statuutwijziging.objects.filter(
        gedetineerde=persoon, statuut=rij.statuut, sinds=rij.datum
    ).exists():
        return False
    return (
        statuut_wijzigen(
            gedetineerde=persoon,
            statuut=rij.statuut,
            sinds=rij.datum,
            bron=Statuutwijziging.Bron.BEVOLKINGSFEED,
            door=None,
        )
        is not None
    )


def fouten_van(rij: int, fout: ValidationError) -> list[Fout]:
    """A service's or validator's error as report lines named by the feed's columns."""
    if hasattr(fout, "error_dict"):
        return [
            Fout(rij, SERVICEVELD_NAAR_KOLOM.get(veld, veld), " ".join(berichten))
            for veld, berichten in fout.message_dict.items()
        ]
    return [Fout(rij, "soort", " ".join(fout.messages))]
