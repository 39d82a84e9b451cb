"""Browser tests: Playwright driving Debian's Chromium against pytest-django's live server."""

import os
from collections.abc import Callable, Iterator

import pytest
from django.templatetags.static import static
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

# Playwright's sync API runs an event loop in this thread; Django refuses ORM calls from a
# thread with a running loop unless told that this is deliberate (tests only).
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("LUUKKU_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
# Reports every Content-Security-Policy violation to the console, where the page fixture
# collects it. An init script runs outside the page's CSP, so it cannot be blocked itself.
REPORT_CSP_VIOLATIONS = """
document.addEventListener('securitypolicyviolation', (event) => {
    console.error(`CSP violation: ${event.violatedDirective}`
        + ` blocked ${event.blockedURI || 'inline'}`
        + ` at ${event.sourceFile}:${event.lineNumber}`);
});
"""


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if "/e2e/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield launched
        launched.close()


def _is_csp_violation(text: str) -> bool:
    return text.startswith("CSP violation") or "Content Security Policy" in text


@pytest.fixture
def new_page(browser: Browser) -> Iterator[Callable[[], Page]]:
    """Open pages in fresh contexts (separate cookies: one per person).

    Every browser test fails if any page it opened broke the Content-Security-Policy.
    """
    contexts: list[BrowserContext] = []
    violations: list[str] = []

    def open_page() -> Page:
        context = browser.new_context(locale="en-GB", timezone_id="Europe/Helsinki")
        context.set_default_timeout(15_000)
        context.add_init_script(REPORT_CSP_VIOLATIONS)
        contexts.append(context)
        page = context.new_page()
        page.on(
            "console",
            lambda message: (
                violations.append(f"{page.url}: {message.text}")
                if _is_csp_violation(message.text)
                else None
            ),
        )
        return page

    yield open_page
    for context in contexts:
        context.close()
    assert violations == [], f"Content-Security-Policy violations: {violations}"


def assert_accessible(page: Page) -> None:
    """Run axe-core on the current page; fail on any serious or critical violation."""
    # From our static files: the CSP refuses the inline copy add_script_tag(path=) makes.
    page.add_script_tag(url=static("vendor/axe.min.js"))
    violations = page.evaluate(
        """async () => {
            const results = await axe.run(document, {resultTypes: ['violations']});
            return results.violations
                .filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => ({id: v.id, impact: v.impact, help: v.help,
                            nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}));
        }"""
    )
    assert violations == [], f"axe-core on {page.url}: {violations}"
