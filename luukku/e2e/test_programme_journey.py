"""The Foundation journey in a real browser.

A coach creates a programme from a template and invites two people; one signs in from the magic
link in the e-mail, opens a page and comments; the coach sees the comment and the visit.
axe-core checks every page on the way.
"""

import re
from collections.abc import Callable
from zoneinfo import ZoneInfo

from django.core import mail
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django import Settings
from pytest_django.live_server_helper import LiveServer

from luukku.accounts.actions import do_set_organisation_role
from luukku.accounts.models import OrganisationRole, User
from luukku.core.actions import do_create_organisation
from luukku.core.models import default_time_zone
from luukku.e2e.conftest import assert_accessible

PASSWORD = "coach password for tests"
LINK = re.compile(r"https?://\S+/accounts/link/[\w-]+/")


def visit(page: Page, url: str) -> None:
    page.goto(url)
    assert_accessible(page)


def coach_signs_in(page: Page, base_url: str) -> None:
    visit(page, base_url + "/accounts/sign-in/password/")
    page.get_by_label("E-mail address").fill("coach@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/programmes/$"))
    assert_accessible(page)


def coach_creates_programme_from_template(page: Page) -> str:
    page.get_by_role("link", name="Create a programme").click()
    assert_accessible(page)
    page.get_by_label("Name").fill("Spring coaching")
    page.get_by_label("Start from").select_option(label="10-week online coaching programme")
    # The organisation (created with the default zone) decides what "today" is.
    today = timezone.localdate(timezone=ZoneInfo(default_time_zone()))
    page.get_by_label("Starts on").fill(today.isoformat())
    page.get_by_role("button", name="Create").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Spring coaching")
    assert_accessible(page)
    return page.url


def coach_invites_two_people(page: Page) -> None:
    page.get_by_role("link", name="Members").first.click()
    page.get_by_role("link", name="Invite people").click()
    assert_accessible(page)
    page.get_by_label("E-mail addresses").fill("Aino Aalto, aino@example.com\nbo@example.com")
    page.get_by_role("button", name="Send invitations").click()
    expect(page.get_by_role("status")).to_contain_text("2")
    assert_accessible(page)


def participant_joins_from_the_e_mail(page: Page) -> None:
    invitation = next(message for message in mail.outbox if message.to == ["aino@example.com"])
    match = LINK.search(str(invitation.body))
    assert match is not None, invitation.body
    visit(page, match.group(0))
    page.get_by_role("button", name="Sign in").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Spring coaching")
    assert_accessible(page)


def participant_opens_a_page_and_comments(page: Page) -> None:
    page.get_by_role("link", name="Plan").first.click()
    assert_accessible(page)
    page.locator("main a[href*='/pages/']").first.click()
    assert_accessible(page)
    page.get_by_role("link", name="Start a discussion on this page").click()
    assert_accessible(page)
    page.get_by_label("Title").fill("Tavoitteeni / my goal")
    page.get_by_label("Message").fill("I want to finish my thesis <script>alert(1)</script>")
    page.get_by_role("button", name=re.compile("Start|Post|Publish")).click()
    page.get_by_label("Your comment").fill("Adding a first step: read two articles this week.")
    page.get_by_role("button", name=re.compile("comment", re.IGNORECASE)).click()
    expect(page.get_by_text("read two articles this week")).to_be_visible()
    assert_accessible(page)


def coach_sees_the_comment_and_the_visit(page: Page, home_url: str) -> None:
    visit(page, home_url)
    page.get_by_role("link", name="Discussions").first.click()
    assert_accessible(page)
    page.get_by_role("link", name="Tavoitteeni / my goal").click()
    expect(page.get_by_text("read two articles this week")).to_be_visible()
    assert "<script>" not in page.content().split("<main", 1)[1]
    assert_accessible(page)
    page.get_by_role("link", name="Members").first.click()
    row = page.get_by_role("row", name=re.compile("Aino Aalto"))
    expect(row).to_contain_text("1 visit")
    assert_accessible(page)


def test_coach_invites_participant_who_comments_and_is_seen(
    live_server: LiveServer, new_page: Callable[[], Page], settings: Settings, db: None
) -> None:
    settings.SITE_URL = live_server.url  # links in e-mail must point at the test server
    organisation = do_create_organisation(name="Kaupunki", slug="kaupunki")
    coach = User.objects.create_user("coach@example.com", PASSWORD, display_name="Cai Coach")
    do_set_organisation_role(organisation=organisation, user=coach, role=OrganisationRole.STAFF)

    coach_page = new_page()
    coach_signs_in(coach_page, live_server.url)
    home_url = coach_creates_programme_from_template(coach_page)
    coach_invites_two_people(coach_page)
    assert {tuple(message.to) for message in mail.outbox} >= {
        ("aino@example.com",),
        ("bo@example.com",),
    }

    participant_page = new_page()
    participant_joins_from_the_e_mail(participant_page)
    participant_opens_a_page_and_comments(participant_page)

    coach_sees_the_comment_and_the_visit(coach_page, home_url)
