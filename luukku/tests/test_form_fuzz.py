"""Every HTML form of the site, posted with hostile values, never answers 5xx.

The URL patterns are enumerated (so a new page is covered without editing this test), their
parameters filled with the ids of a small world of real objects, and every page that shows a
POST form gets it back once per hostile set: text with NUL characters, the last date of the
calendar with 64-bit-plus numbers, and lists with bare-CR line ends. Lone surrogates cannot
arrive through a form: Django decodes form bodies with replacement characters.
"""

import datetime
import re
from html.parser import HTMLParser
from typing import Any

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from luukku.accounts.actions import do_set_organisation_role
from luukku.accounts.models import OrganisationRole, User
from luukku.bookings.tests.factories import make_advisor, make_calendar
from luukku.core.models import Organisation
from luukku.discussions import actions as discussions
from luukku.programmes.tests.factories import make_page, make_programme, make_section, make_task

SKIPPED_PREFIXES = ("api/", "admin/", "static/", "i18n/", "jsi18n/")
# Signing out would end the session the rest of the pages need.
SKIPPED_ACTIONS = ("/accounts/sign-out/",)
CONVERTER = re.compile(r"<(?:(\w+):)?(\w+)>")
HOSTILE_SETS: list[dict[str, str]] = [
    {"text": "Fees\u0000grants", "date": "2026-01-05", "number": "1", "email": "a\u0000@x.fi"},
    {"text": "x", "date": "9999-12-31", "number": str(2**64 + 1), "email": "a@example.com"},
    {
        "text": "maija@example.com\rpekka@example.com\r",
        "date": "0001-01-01",
        "number": "-" + str(2**70),
        "email": "maija@example.com\rpekka@example.com",
    },
]


def _patterns(resolver: URLResolver, prefix: str = "") -> list[str]:
    found: list[str] = []
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            found.extend(_patterns(entry, route))
        elif isinstance(entry, URLPattern) and not route.startswith(SKIPPED_PREFIXES):
            found.append(route.lstrip("^").rstrip("$"))
    return sorted(set(found))


class FormReader(HTMLParser):
    """The POST forms of a page: action and fields (name -> (kind, default))."""

    def __init__(self) -> None:
        super().__init__()
        self.forms: list[tuple[str, dict[str, tuple[str, str]]]] = []
        self._in_select: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {key: value or "" for key, value in attrs}
        if tag == "form" and values.get("method", "").lower() == "post":
            self.forms.append((values.get("action", ""), {}))
        elif not self.forms or "name" not in values:
            if tag == "option" and self._in_select and self.forms:
                fields = self.forms[-1][1]
                if not fields[self._in_select][1]:
                    fields[self._in_select] = ("select", values.get("value", ""))
            return
        elif tag in ("input", "textarea", "select"):
            kind = values.get("type", "text") if tag == "input" else tag
            self.forms[-1][1][values["name"]] = (kind, values.get("value", ""))
            self._in_select = values["name"] if tag == "select" else None

    def handle_endtag(self, tag: str) -> None:
        if tag == "select":
            self._in_select = None


def _hostile(fields: dict[str, tuple[str, str]], values: dict[str, str]) -> dict[str, str]:
    data: dict[str, str] = {}
    for name, (kind, default) in fields.items():
        if kind in ("hidden", "select", "checkbox", "radio", "submit", "file"):
            if kind != "file":
                data[name] = default or "1"
        elif kind in ("date", "number", "email"):
            data[name] = values[kind]
        else:
            data[name] = values["text"]
    return data


@pytest.fixture
def world(organisation: Organisation) -> tuple[User, dict[str, str]]:
    coach = User.objects.create_user("coach@example.com", display_name="Kaisa Coach")
    do_set_organisation_role(organisation=organisation, user=coach, role=OrganisationRole.ADMIN)
    programme = make_programme(organisation, coach=coach, starts_on=datetime.date(2026, 1, 5))
    section = make_section(programme)
    page, task = make_page(section), make_task(section)
    thread = discussions.do_create_thread(user=coach, programme=programme, title="T", body_html="B")
    advisor = make_advisor(organisation, "advisor@example.com")
    calendar = make_calendar(organisation, [advisor])
    ids = {
        "programme_id": programme.pk,
        "organisation_id": organisation.pk,
        "section_id": section.pk,
        "page_id": page.pk,
        "task_id": task.pk,
        "thread_id": thread.pk,
        "calendar_id": calendar.pk,
        "membership_id": programme.memberships.first().pk,  # type: ignore[union-attr]
        "slug": organisation.slug,
        "organisation": organisation.slug,
        "calendar": calendar.slug,
        "user_id": coach.pk,
    }
    return coach, {name: str(value) for name, value in ids.items()}


def _url(route: str, ids: dict[str, str]) -> str:
    return "/" + CONVERTER.sub(lambda match: ids.get(match.group(2), "1"), route)


def _post_forms(client: Client, url: str, seen: set[str]) -> list[tuple[str, int]]:
    page = client.get(url)
    if page.status_code != 200 or "text/html" not in page.get("Content-Type", ""):
        return []
    reader = FormReader()
    reader.feed(page.content.decode())
    results = []
    for action, fields in reader.forms:
        target = action or url
        key = f"{target} {sorted(fields)}"
        if target in SKIPPED_ACTIONS or key in seen:  # the header's forms are on every page
            continue
        seen.add(key)
        for values in HOSTILE_SETS:
            response = client.post(target, _hostile(fields, values))
            results.append(
                (f"POST {target} {sorted(fields)} {values['date']}", response.status_code)
            )
    return results


@pytest.mark.django_db
def test_every_form_refuses_hostile_values_without_a_5xx(world: Any) -> None:
    coach, ids = world
    client = Client(raise_request_exception=False)
    client.force_login(coach)
    routes = _patterns(get_resolver())
    seen: set[str] = set()
    results = [result for route in routes for result in _post_forms(client, _url(route, ids), seen)]
    assert len({label.split()[1] for label, _status in results}) >= 30  # forms were found
    assert [label for label, status in results if status >= 500] == []
