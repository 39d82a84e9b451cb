"""The API docs render Swagger UI from our own static files under the strict CSP."""

from collections.abc import Callable

from playwright.sync_api import Page, expect
from pytest_django.live_server_helper import LiveServer


def test_api_docs_render_under_the_csp(
    live_server: LiveServer, new_page: Callable[[], Page]
) -> None:
    page = new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{live_server.url}/api/v1/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Luukku API")
    assert all(url.startswith(live_server.url) for url in requested), requested
