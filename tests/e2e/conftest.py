"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server.

They skip with a message where no Chromium is installed; with HDV_BROWSER_TESTS=required
(as in CI) a missing browser fails instead.
"""

import os
import shutil

import pytest

# Playwright's sync API runs an event loop in this thread; Django must allow ORM calls.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("HDV_CHROMIUM", "/usr/bin/chromium")
ARGUMENTEN = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def pytest_collection_modifyitems(config, items):
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not (os.path.exists(CHROMIUM) or shutil.which(CHROMIUM)):
        bericht = f"Geen Chromium op {CHROMIUM}: installeer Debian's pakket 'chromium'."
        if os.environ.get("HDV_BROWSER_TESTS") == "required":
            pytest.fail(bericht)
        pytest.skip(bericht)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=ARGUMENTEN, headless=True
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser, live_server):
    context = browser.new_context(base_url=live_server.url, locale="nl-BE")
    page = context.new_page()
    yield page
    context.close()
