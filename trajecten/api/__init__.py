"""The API of trajecten: people and the population feed, and everything of a person's file.

One module per part of the file; the URL names are in ``trajecten.api_urls``.
"""

from trajecten.api.personen import (
    Bevolkingsfeed,
    BevolkingsimportDetail,
    GedetineerdeDetail,
    GedetineerdeLijst,
)

__all__ = ["Bevolkingsfeed", "BevolkingsimportDetail", "GedetineerdeDetail", "GedetineerdeLijst"]
