"""Browser tests: Playwright for Python driving Debian's Chromium, headless.

Playwright's own browser download is never used: ``CHROMIUM`` (default
/usr/bin/chromium, installed by ``.ci/run``) is launched instead. Without it the tests
are skipped on a developer's machine and fail in CI (``NEWSROOM_REQUIRE_SERVICES=1``, set
by ``.ci/run``, or ``CI`` set), so CI never passes by skipping them.
"""

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Refusals the policy is there for: Redoc's "API docs by Redocly" link shows a logo from
# the vendor's CDN (Redoc hides it when it fails); no request leaves for another origin.
REFUSED_BY_DESIGN = ("https://cdn.redoc.ly/",)
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="module")
def browser():
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        message = f"Chromium not found at {CHROMIUM} (apt-get install chromium chromium-driver)"
        if os.environ.get("CI") or os.environ.get("NEWSROOM_REQUIRE_SERVICES") == "1":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; Django's ORM refuses to run
    # beside one unless told that this is deliberate. Only for this module's tests.
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield browser
            browser.close()


@pytest.fixture
def site(browser, live_server, settings):
    """The live server, serving uploaded media, with cookies a plain-http browser keeps.

    Every page the test opened is closed when it ends, before the live server and the
    database go away, so no late request (a favicon, an autocomplete) meets a database
    being flushed.
    """
    settings.ROOT_URLCONF = "tests.e2e.urls"
    settings.SESSION_COOKIE_SECURE = False
    settings.CSRF_COOKIE_SECURE = False
    yield live_server
    for context in list(browser.contexts):
        context.close()


@pytest.fixture
def artifacts():
    ARTIFACTS.mkdir(exist_ok=True)
    return ARTIFACTS


@pytest.fixture
def policy_violations():
    """What the browser refused under the Content-Security-Policy (a blocked script,
    style or image) on the pages watched with ``watch_policy``; must stay empty."""
    violations = []
    yield violations
    assert violations == [], "Content-Security-Policy violations"


def watch_policy(context, violations):
    """Record the policy violations of every page of ``context``, pop-ups included."""

    def record(message):
        text = message.text
        if "Content Security Policy" in text and not any(url in text for url in REFUSED_BY_DESIGN):
            violations.append(text)

    context.on("console", record)
    return context
