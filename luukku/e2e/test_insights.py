"""Participation analytics in a real browser: a coach of the demo programme looks at the
analytics, filters the passive and opens one person's timeline; axe-core checks each page."""

import re
from collections.abc import Callable

from playwright.sync_api import Page, expect
from pytest_django import Settings
from pytest_django.live_server_helper import LiveServer

from luukku.demo.builder import build_demo
from luukku.e2e.conftest import assert_accessible

PASSWORD = "demo password for tests"


def coach_signs_in(page: Page, base_url: str, email: str) -> None:
    page.goto(base_url + "/accounts/sign-in/password/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/programmes/$"))


def test_coach_reads_analytics_filters_the_passive_and_opens_a_timeline(
    live_server: LiveServer, new_page: Callable[[], Page], settings: Settings, db: None
) -> None:
    settings.SITE_URL = live_server.url
    demo = build_demo(seed=7, participant_count=30, weeks=10, password=PASSWORD)
    page = new_page()
    coach_signs_in(page, live_server.url, demo.coach.email)

    page.goto(live_server.url + "/insights/")
    assert_accessible(page)
    page.get_by_role("link", name=demo.programme.name).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Participation analytics")
    expect(page.get_by_role("heading", name="Best time to publish")).to_be_visible()
    page.wait_for_function("document.querySelector('#chart-visits').width > 0")
    assert_accessible(page)

    page.get_by_role("navigation", name="Analytics").get_by_role(
        "link", name="Participants"
    ).click()
    page.get_by_label("Status").select_option(label="Passive")
    page.get_by_role("button", name="Show").click()
    expect(page.get_by_role("status")).to_contain_text("match")
    statuses = page.locator("table.participants tbody td.status-passive")
    assert statuses.count() >= 1
    assert page.locator("table.participants tbody td[class^='status-']").count() == statuses.count()
    assert_accessible(page)

    first = page.locator("table.participants tbody th a").first
    name = first.inner_text()
    first.click()
    expect(page.get_by_role("heading", level=1)).to_have_text(name)
    expect(page.get_by_role("heading", name="Timeline")).to_be_visible()
    assert_accessible(page)
