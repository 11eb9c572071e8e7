"""docs/indicatoren.md, made from REGISTER: the definitions are the documentation.

``manage.py indicatoren_documenteren`` writes the file; a test fails when it is out of
date. The introduction is written by hand, here; the rest comes from the definitions, in
Dutch whatever the language of the shell.
"""

from __future__ import annotations

from pathlib import Path

from django.conf import settings
from django.utils import translation

from rapportage.indicatoren import REGISTER
from rapportage.indicatoren.basis import UITSPLITSINGEN, Eenheid, Indicator
from rapportage.models import Periodesoort

PAD = Path(settings.BASE_DIR) / "docs" / "indicatoren.md"

INLEIDING = """\
# Kernindicatoren

<!-- Gemaakt door `manage.py indicatoren_documenteren` uit de definities in
rapportage/indicatoren/. Pas de definities aan, niet dit bestand. -->

Elke kernindicator is een definitie (code, naam, uitleg in gewone taal, teller en
noemer, eenheid, welke gegevens in een periode tellen, uitsplitsingen) en een
berekening uit de feiten: verblijven, onthalen, plannen, inschrijvingen en hun
statusgeschiedenis, aanwezigheden. Hieronder staat elke definitie zoals het
dashboard ze toont.

## Perioden

- Een periode is een kalenderdag, -maand, -kwartaal of -jaar; de laatste dag hoort erbij.
- In de lopende periode telt alles tot vandaag. Een periode in de toekomst wordt niet
  berekend: wie erom vraagt, krijgt de melding dat er nog geen gegevens zijn.
- Dagcijfers bestaan voor de indicatoren waar een dag iets zegt, en alleen voor de
  laatste 31 dagen.
- Een momentopname (wachtenden, dekking HDV-plannen) kijkt naar de laatste dag van de
  periode, of naar vandaag voor de lopende periode.
- Een periode zonder iets om te tellen (noemer 0) toont **geen gegevens**, nooit 0 %.
  Een aantal van 0 is wel 0.

## Vlaanderen

- De cijfers voor heel Vlaanderen zijn geen som van de gevangenissen: **elke persoon
  telt één keer**. Wie in de periode overgeplaatst werd, telt in elke gevangenis waar
  hij verbleef, en voor Vlaanderen één keer.
- Telt een indicator verblijven (onthaal) of inschrijvingen (uitval, wachttijd), dan
  telt voor Vlaanderen elk verblijf of elke inschrijving één keer: een overplaatsing is
  een nieuwe aankomst, en elke gevangenis is een onthaal verschuldigd.

## Afscherming van kleine aantallen

Cijfers boven het niveau van één gevangenis (Vlaanderen, de Gemengde Commissie) mogen
niemand herkenbaar maken. Een teller of noemer kleiner dan `HDV_KLEINSTE_AANTAL`
(standaard 5) wordt daar getoond als "<5", en het percentage dat eruit volgt niet.

## Uitsplitsingen

| uitsplitsing | sleutel |
| --- | --- |
| domein | het levensdomein van het aanbod (onderwijs, werk, welzijn…) |
| aanbieder | de afkorting van de organisatie van het aanbod |
| aanbodcategorie | de code van de rapportagecategorie van het aanbod |
| aanbod | het aanbod zelf |
| doelgroep | de doelgroepvlag van de persoon op de laatste dag van de periode |
| juridisch statuut | het statuut van de persoon op de laatste dag van de periode |
| reden | de code van de reden (stopzetting, annulering) |

Een uitsplitsing toont alleen de waarden waarvoor er in de periode iets te tellen was.

## Berekening (rollups)

Dashboards en rapporten lezen kleine tabellen met berekende waarden, nooit de ruwe
gegevens; elk toont wanneer de gegevens berekend werden. Een taak berekent ze 's nachts
(03:30) en op vraag (`manage.py indicatoren_berekenen`):

- **Incrementeel**: alleen de gevangenissen met wijzigingen sinds de vorige geslaagde
  berekening (de audittrail zegt welke), en daarvan de laatste 13 maanden, de
  kwartalen en jaren die ze raken en de dagen van de laatste 31 dagen. Vlaanderen wordt
  herberekend voor elke periode die een gevangenis herberekend krijgt. Is de datum
  veranderd sinds de vorige berekening, dan krijgen alle gevangenissen de perioden van
  de dagen sindsdien, plus de langste termijn van een indicator ervoor (de onthaalnorm,
  de antwoordnorm van doorverwijzingen, de 30 dagen van continuïteit na overplaatsing):
  termijnen verstrijken en de lopende periode schuift op, ook zonder wijziging.
- **Volledig** (`--volledig`): alles vanaf het eerste verblijf. **Vanaf een datum**
  (`--vanaf JJJJ-MM-DD`): alles vanaf die datum, na een correctie van lang geleden.
- Een herberekening is **idempotent**: wat niet veranderde, wordt niet herschreven; twee
  keer na elkaar berekenen schrijft de tweede keer niets. Twee berekeningen lopen nooit
  tegelijk.
"""

_EENHEDEN = {Eenheid.PERCENTAGE: "percentage", Eenheid.AANTAL: "aantal", Eenheid.DAGEN: "dagen"}


def _cel(tekst: object) -> str:
    return " ".join(str(tekst).split()).replace("|", "\\|") or "—"


def _definitie(indicator: Indicator) -> str:
    perioden = ", ".join(str(Periodesoort(s).label) for s in indicator.periodesoorten)
    uitsplitsingen = ", ".join(str(UITSPLITSINGEN[u]) for u in indicator.uitsplitsingen)
    regels = [
        f"## {indicator.naam} (`{indicator.code}`)",
        "",
        " ".join(str(indicator.beschrijving).split()),
        "",
        "| | |",
        "| --- | --- |",
        f"| Teller | {_cel(indicator.teller)} |",
        f"| Noemer | {_cel(indicator.noemer)} |",
        f"| Eenheid | {_EENHEDEN.get(indicator.eenheid, indicator.eenheid)} |",
        f"| Wat telt in een periode | {_cel(indicator.periode_regel)} |",
        f"| Perioden | {perioden} |",
        f"| Uitsplitsingen | {_cel(uitsplitsingen)} |",
        f"| Richting | {'hoger is beter' if indicator.hoger_is_beter else 'lager is beter'} |",
    ]
    if indicator.onderdelen:
        onderdelen = ", ".join(
            f"{REGISTER[c].naam} (`{c}`)" if c in REGISTER else f"`{c}`"
            for c in indicator.onderdelen
        )
        regels.append(f"| Getoond met | {onderdelen} |")
    return "\n".join(regels) + "\n"


def indicatoren_markdown() -> str:
    with translation.override("nl"):
        return "\n".join(
            [INLEIDING, "# De indicatoren\n", *(_definitie(i) for i in REGISTER.values())]
        )
