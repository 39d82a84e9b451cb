"""The public pages render in a real browser and pass axe-core."""

from collections.abc import Callable

from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer

from luukku.e2e.conftest import assert_accessible


def test_sign_in_page_is_usable_with_a_keyboard_and_accessible(
    live_server: LiveServer, new_page: Callable[[], Page]
) -> None:
    page: Page = new_page()
    page.goto(live_server.url + "/accounts/sign-in/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign in")
    assert_accessible(page)
    page.get_by_label("E-mail address").fill("nobody@example.com")
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your e-mail")
    assert_accessible(page)
