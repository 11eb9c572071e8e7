"""hdv.pdf, the service behind every printout: template → HTML → WeasyPrint → PDF.

Kept beside the printouts that use it first; it touches no database.
"""

import logging

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from hdv.pdf import StatischeBestanden, html_naar_pdf, pdf_antwoord


@pytest.fixture
def sjablonen(tmp_path, settings):
    """A template folder of its own, so the test controls what the page links to."""
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    return tmp_path


def _request():
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    return request


def _sjabloon(map_, naam, link):
    (map_ / naam).write_text(
        "{% load static %}<!DOCTYPE html><html lang='nl'><head><title>Proef</title>"
        f"<link rel='stylesheet' href=\"{link}\"></head>"
        "<body><h1>Één blad: {{ tekst }}</h1></body></html>"
    )
    return naam


def test_it_serves_static_files_from_disk():
    antwoord = StatischeBestanden().fetch("http://testserver/static/css/hdv.css")
    assert antwoord.content_type == "text/css"
    assert b":root" in antwoord.read()


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/static/bestaat-niet.css",
        "https://example.org/beeld.png",
        "http://testserver/etc/passwd",
        "http://testserver/static/../hdv/settings.py",
        "http://testserver/static/%2e%2e/hdv/settings.py",
        "file:///etc/passwd",
    ],
)
def test_it_fetches_nothing_else(url):
    with pytest.raises(ValueError, match="niets buiten de statische bestanden"):
        StatischeBestanden().fetch(url)


def test_data_urls_are_allowed():
    assert StatischeBestanden().fetch("data:text/plain,hallo").read() == b"hallo"


def test_a_template_becomes_a_pdf_with_its_static_stylesheet(sjablonen, tmp_path, settings, caplog):
    # A stylesheet of the test's own, with one property WeasyPrint does not know: its
    # warning proves the sheet was fetched from disk and read.
    (tmp_path / "statisch" / "css").mkdir(parents=True)
    (tmp_path / "statisch" / "css" / "proef.css").write_text("h1 { proef-eigenschap: 1; }")
    settings.STATICFILES_DIRS = [tmp_path / "statisch"]
    naam = _sjabloon(sjablonen, "met_css.html", "{% static 'css/proef.css' %}")
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        pdf = html_naar_pdf(template=naam, context={"tekst": "ça va"}, request=_request())
    assert pdf.startswith(b"%PDF")
    assert "proef-eigenschap" in caplog.text
    assert "Failed to load" not in caplog.text


def test_an_outside_stylesheet_is_refused_not_fetched(sjablonen, caplog):
    naam = _sjabloon(sjablonen, "extern.html", "https://example.org/stijl.css")
    with caplog.at_level(logging.WARNING, logger="weasyprint"):
        pdf = html_naar_pdf(template=naam, context={"tekst": "x"})
    assert pdf.startswith(b"%PDF")
    assert "niets buiten de statische bestanden" in caplog.text


def test_the_response_shows_the_pdf_inline(sjablonen):
    naam = _sjabloon(sjablonen, "antwoord.html", "{% static 'css/hdv.css' %}")
    request = _request()
    response = pdf_antwoord(
        request, template=naam, context={"tekst": "x"}, bestandsnaam="weekprogramma-ANT.pdf"
    )
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="weekprogramma-ANT.pdf"'
    assert response.content.startswith(b"%PDF")
