"""The API docs render Swagger UI from our own static files under the strict CSP."""

from playwright.sync_api import expect


def test_api_docs_render_under_the_csp(live_server, new_page) -> None:
    page = new_page()
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(f"{live_server.url}/api/v1/docs")
    expect(page.locator(".swagger-ui .info .title")).to_contain_text("Luukku API")
    assert all(url.startswith(live_server.url) for url in requested), requested
