"""Active time in the browser: several open tabs of one person keep one clock.

The tracking script runs in Chromium on a stand-in page (routed, no server needed), with
Playwright's fake clock (one for the whole browser context, as a computer has one clock)
driving its 15-second timers, and sendBeacon captured in the page.
"""

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Browser, BrowserContext, Page, Route

SCRIPT = Path(settings.BASE_DIR) / "luukku" / "activity" / "static" / "activity" / "tracking.js"
ORIGIN = "http://tracking.test"
PAGE_HTML = (
    "<!doctype html><html lang='en'><title>Page</title><main>Reading</main>"
    "<script src='/tracking.js' data-luukku-tracking data-token='signed' "
    "data-endpoint='/api/v1/activity/batch' data-target='page:1'></script></html>"
)
CAPTURE_BEACONS = """
    window.__beacons = [];
    navigator.sendBeacon = (url, body) => { window.__beacons.push(String(body)); return true; };
"""


def _serve(route: Route) -> None:
    if route.request.url.endswith("/tracking.js"):
        route.fulfill(body=SCRIPT.read_text(), content_type="text/javascript")
    else:
        route.fulfill(body=PAGE_HTML, content_type="text/html")


@pytest.fixture
def context(browser: Browser) -> Iterator[BrowserContext]:
    context = browser.new_context()
    context.route(f"{ORIGIN}/**", _serve)
    context.add_init_script(CAPTURE_BEACONS)
    context.clock.install(time=START_SECONDS)
    # Paused: time moves only by run_for, so a slow, loaded machine cannot shift the tabs'
    # timers against each other (with the clock flowing, CI once saw the tabs swap turns).
    context.clock.pause_at(START_SECONDS)
    yield context
    context.close()


START_SECONDS = 1_800_000_000  # the fake clock's start, in seconds since the epoch


def _open(context: BrowserContext) -> Page:
    page = context.new_page()
    page.goto(f"{ORIGIN}/page")
    return page


def _run_together(context: BrowserContext, pages: list[Page], milliseconds: int) -> None:
    """Let time pass while the person keeps moving the mouse in every page."""
    for second in range(milliseconds // 1000):
        if second % 5 == 0:
            for page in pages:
                page.mouse.move(10 + second % 50, 10)
        context.clock.run_for(1000)


def _pings(page: Page) -> int:
    batches = [json.loads(body) for body in page.evaluate("window.__beacons")]
    return sum(
        1 for batch in batches for event in batch["events"] if event["kind"] == "active_ping"
    )


def test_one_tab_pings_every_15_seconds(context: BrowserContext) -> None:
    page = _open(context)
    _run_together(context, [page], 61_000)  # pings at 15, 30, 45 and 60 s, then the flush at 60 s
    assert _pings(page) == 4


def test_two_tabs_of_one_person_count_the_time_once(context: BrowserContext) -> None:
    first = _open(context)
    _run_together(context, [first], 5_000)
    second = _open(context)
    _run_together(
        context, [first, second], 61_000
    )  # both visible and fresh: each would ping 4 times
    assert _pings(first) == 4
    assert _pings(second) == 0
