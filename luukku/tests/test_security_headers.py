"""Every page gets a strict CSP and a Permissions-Policy; private links are never cached."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client

PAGES = [
    "/",
    "/accounts/sign-in/",
    "/services/",
    "/api/v1/openapi.json",
    "/api/v1/docs",
    "/admin/login/",
]
PRIVATE_LINKS = [
    "/help/c/some-secret/",
    "/bookings/manage/some-secret/",
    "/feedback/answer/some-secret/",
    "/bookings/feed/1/some-secret.ics",
    "/accounts/link/some-secret/",
    "/outreach/unsubscribe/some-secret/",
]


@pytest.mark.parametrize("path", PAGES)
def test_pages_send_a_strict_csp_and_a_permissions_policy(db: None, path: str) -> None:
    response = Client().get(path, follow=False)
    assert response.status_code < 500
    policy = response["Content-Security-Policy"]
    assert "script-src 'self'" in policy
    assert "style-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert "unsafe-eval" not in policy
    assert "frame-ancestors 'none'" in policy
    assert "camera=()" in response["Permissions-Policy"]


@pytest.mark.parametrize("path", PRIVATE_LINKS)
def test_pages_behind_private_links_are_not_stored(db: None, path: str) -> None:
    response = Client().get(path)
    assert response["Cache-Control"] == "no-store"
    assert response["Referrer-Policy"] == "same-origin"


def test_ordinary_pages_keep_their_cache_rules(db: None) -> None:
    assert "no-store" not in Client().get("/services/").get("Cache-Control", "")


def test_api_docs_load_swagger_ui_from_our_own_static_files(db: None) -> None:
    html = Client().get("/api/v1/docs").content.decode()
    assert "cdn." not in html
    assert "unpkg" not in html
    assert "/static/ninja/swagger-ui-bundle" in html


TEMPLATE_DIRS = sorted(Path(settings.BASE_DIR, "luukku").glob("**/templates"))
INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>")
INLINE_HANDLER = re.compile(r"\s(on[a-z]+|style)\s*=", re.IGNORECASE)


def test_no_template_has_inline_script_style_or_event_handler() -> None:
    offenders = [
        f"{path}: {match.group(0).strip()}"
        for directory in TEMPLATE_DIRS
        for path in directory.glob("**/*.html")
        for pattern in (INLINE_SCRIPT, INLINE_HANDLER, re.compile(r"<style"))
        for match in pattern.finditer(path.read_text())
    ]
    assert offenders == []
