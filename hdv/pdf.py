"""Paper from HTML: a Django template rendered to HTML, WeasyPrint turns it into a PDF.

One template serves the screen and the paper (ARCHITECTURE.md): the page a user sees
in the browser is the document that is printed; what differs on paper lives in the
template's ``@page`` and ``@media print`` rules.

This service lives in ``hdv``, not in ``rapportage`` where STYLE.md's eighth convention
would put it: the dependencies point ``rapportage → deelname → trajecten, aanbod → hdv``,
and ``aanbod`` prints too (the weekly programme, the brochure), so the one PDF service
sits where every app may import it. ``rapportage`` uses it for its reports as well.

WeasyPrint never goes on the network: the URL fetcher serves the project's static
files (``{% static %}`` URLs) from disk, and ``data:`` URLs; it refuses everything else,
so a template cannot make the server fetch an outside address (and a closed network
does not cost a time-out per image).
"""

from __future__ import annotations

import mimetypes
import posixpath
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header
from weasyprint import HTML
from weasyprint.urls import URLFetcher, URLFetcherResponse

# Relative links of a PDF made outside a request (a Celery job) resolve against this.
BASIS_URL_ZONDER_REQUEST = "http://localhost/"


def _statisch_bestand(pad: str) -> Path | None:
    """The file behind a static URL path: collected (hashed names) first, else the sources."""
    prefix = "/" + settings.STATIC_URL.lstrip("/")
    if not pad.startswith(prefix):
        return None
    relatief = posixpath.normpath(unquote(pad[len(prefix) :]))
    if relatief.startswith(("..", "/")) or relatief == ".":
        return None
    verzameld = (Path(settings.STATIC_ROOT) / relatief).resolve()
    if verzameld.is_relative_to(Path(settings.STATIC_ROOT).resolve()) and verzameld.is_file():
        return verzameld
    gevonden = finders.find(relatief)
    return Path(gevonden) if isinstance(gevonden, str) else None


class StatischeBestanden(URLFetcher):
    """Serves static files from disk and ``data:`` URLs; refuses every other URL."""

    def fetch(self, url: str, headers: dict[str, str] | None = None) -> Any:
        if url.startswith("data:"):
            return super().fetch(url, headers)
        bestand = _statisch_bestand(urlsplit(url).path)
        if bestand is None:
            raise ValueError(
                f"HDV haalt bij het afdrukken niets buiten de statische bestanden: {url}"
            )
        soort = mimetypes.guess_type(bestand.name)[0] or "application/octet-stream"
        return URLFetcherResponse(url, bestand.read_bytes(), {"Content-Type": soort})


def html_naar_pdf(
    *,
    template: str,
    context: dict[str, Any],
    request: HttpRequest | None = None,
    base_url: str | None = None,
) -> bytes:
    """Render ``template`` with ``context`` (and the request's context processors) to PDF.

    ``base_url`` resolves relative links; by default the site's own address, so links in
    the PDF point back at HDV and ``{% static %}`` URLs are served from disk.
    """
    html = render_to_string(template, context, request=request)
    if base_url is None:
        base_url = request.build_absolute_uri("/") if request else BASIS_URL_ZONDER_REQUEST
    document = HTML(string=html, base_url=base_url, url_fetcher=StatischeBestanden())
    # Tagged PDF: a screen reader (on a cell terminal) reads headings, lists and tables
    # in order, in the language of <html lang>.
    pdf: bytes = document.write_pdf(pdf_tags=True)
    return pdf


def pdf_antwoord(
    request: HttpRequest, *, template: str, context: dict[str, Any], bestandsnaam: str
) -> HttpResponse:
    """The PDF of a template, shown in the browser (inline) under ``bestandsnaam``."""
    pdf = html_naar_pdf(template=template, context=context, request=request)
    response = HttpResponse(pdf, content_type="application/pdf")
    # None only without a file name; with one, "inline; filename=…" (RFC 6266 for non-ASCII).
    if disposition := content_disposition_header(as_attachment=False, filename=bestandsnaam):
        response["Content-Disposition"] = disposition
    return response
