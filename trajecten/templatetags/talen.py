"""Language codes as people say them: ``{{ onthaal.taal|taalnaam }}`` shows "Frans" for "fr".

The population feed and the intake store ISO 639 codes (639-1, or 639-2 where there is
no two-letter code, e.g. "ber"); a code without a name here shows as the code itself.
"""

from __future__ import annotations

from collections.abc import Iterable

from django import template
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

register = template.Library()

# The languages the intake form offers, in this order (the most heard in Belgian prisons).
GANGBARE_TALEN: dict[str, Promise] = {
    "nl": _("Nederlands"),
    "fr": _("Frans"),
    "en": _("Engels"),
    "ar": _("Arabisch"),
    "ber": _("Berbers (Tamazight)"),
    "tr": _("Turks"),
    "ro": _("Roemeens"),
    "pl": _("Pools"),
    "es": _("Spaans"),
    "it": _("Italiaans"),
    "pt": _("Portugees"),
    "ru": _("Russisch"),
    "sq": _("Albanees"),
    "bg": _("Bulgaars"),
    "de": _("Duits"),
    "so": _("Somalisch"),
    "ti": _("Tigrinya"),
    "fa": _("Perzisch (Farsi)"),
    "ps": _("Pasjtoe"),
    "ur": _("Urdu"),
    "zh": _("Chinees"),
}

TAALNAMEN: dict[str, Promise] = {
    **GANGBARE_TALEN,
    "am": _("Amhaars"),
    "bn": _("Bengaals"),
    "bs": _("Bosnisch"),
    "cs": _("Tsjechisch"),
    "el": _("Grieks"),
    "hi": _("Hindi"),
    "hr": _("Kroatisch"),
    "hu": _("Hongaars"),
    "hy": _("Armeens"),
    "ka": _("Georgisch"),
    "ku": _("Koerdisch"),
    "ln": _("Lingala"),
    "lt": _("Litouws"),
    "mk": _("Macedonisch"),
    "pa": _("Punjabi"),
    "prs": _("Dari"),
    "rom": _("Romani"),
    "sk": _("Slowaaks"),
    "sr": _("Servisch"),
    "sw": _("Swahili"),
    "uk": _("Oekraïens"),
    "vi": _("Vietnamees"),
    "wo": _("Wolof"),
}

# ISO 639-2 codes of the common languages, as some exports write them.
_DRIELETTERCODES = {
    "dut": "nl", "nld": "nl", "fre": "fr", "fra": "fr", "eng": "en", "ara": "ar",
    "tur": "tr", "rum": "ro", "ron": "ro", "pol": "pl", "spa": "es", "ita": "it",
    "por": "pt", "rus": "ru", "alb": "sq", "sqi": "sq", "bul": "bg", "ger": "de",
    "deu": "de", "som": "so", "tir": "ti", "per": "fa", "fas": "fa", "pus": "ps",
    "urd": "ur", "chi": "zh", "zho": "zh",
}  # fmt: skip


@register.filter
def taalnaam(code: str | None) -> str:
    """The Dutch name of a language code; the code itself if it has none here."""
    if not code:
        return ""
    sleutel = code.strip().lower()
    naam = TAALNAMEN.get(_DRIELETTERCODES.get(sleutel, sleutel))
    return str(naam) if naam is not None else code


@register.filter
def taalnamen(codes: Iterable[str] | None) -> str:
    """A list of language codes as names, comma-separated ("Frans, Arabisch")."""
    return ", ".join(taalnaam(code) for code in codes or [] if code)
