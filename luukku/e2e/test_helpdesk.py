"""The helpdesk journey in a real browser.

A visitor sends the open contact form (the answer bot suggests articles while they type);
staff re-route the request to another team and reply; the requester opens the reply from
the e-mail's private link and answers. axe-core checks every page on the way.
"""

import re
from collections.abc import Callable

from django.core import mail
from playwright.sync_api import Page, expect
from pytest_django import Settings
from pytest_django.live_server_helper import LiveServer

from luukku.accounts.actions import do_set_organisation_role
from luukku.accounts.models import OrganisationRole, User
from luukku.core.actions import do_create_organisation
from luukku.e2e.conftest import assert_accessible
from luukku.helpdesk.demo import seed_demo_helpdesk
from luukku.helpdesk.models import Request
from luukku.knowledge.demo import seed_demo_knowledge

PASSWORD = "advisor password for tests"
LINK = re.compile(r"https?://\S+/help/c/\S+/")


def visit(page: Page, url: str) -> None:
    page.goto(url)
    assert_accessible(page)


def visitor_sends_the_form(page: Page, base_url: str) -> None:
    visit(page, base_url + "/services/kaupunki/")
    page.get_by_role("link", name="Ask student services").click()
    assert_accessible(page)
    page.get_by_label("Your name").fill("Veera Visitor")
    page.get_by_label("E-mail address").fill("veera@example.com")
    page.get_by_label("Topic").select_option(label="Studies")
    page.get_by_label("Subject").fill("Transcript for a job application")
    page.get_by_label("Message", exact=True).fill(
        "I need an official transcript of my grades in English. Where do I get it?"
    )
    expect(page.locator("#suggestions")).to_contain_text("Transcript of records")
    assert_accessible(page)
    page.get_by_role("button", name="Send", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("your message was sent")
    assert_accessible(page)


def staff_signs_in(page: Page, base_url: str) -> None:
    visit(page, base_url + "/accounts/sign-in/password/")
    page.get_by_label("E-mail address").fill("advisor@example.com")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    visit(page, base_url + "/help/staff/")


def staff_reroutes_and_replies(page: Page) -> None:
    page.get_by_role("link", name="Transcript for a job application").click()
    assert_accessible(page)
    page.get_by_label("Move to team").select_option(label="Financial aid advisers")
    page.get_by_label("Note for the team").fill(
        "Test of re-routing; they handle transcripts today."
    )
    page.get_by_role("button", name="Move").click()
    expect(page.get_by_role("status")).to_contain_text("Financial aid advisers")
    assert_accessible(page)
    page.get_by_label("Reply to the requester").fill("Print it in Peppi: Studies > Transcript.")
    page.get_by_role("button", name="Send reply").click()
    expect(page.get_by_role("status")).to_contain_text("reply was sent")
    assert_accessible(page)


def requester_answers_from_the_e_mail(page: Page) -> None:
    reply = next(m for m in mail.outbox if "Print it in Peppi" in str(m.body))
    match = LINK.search(str(reply.body))
    assert match is not None, reply.body
    visit(page, match.group(0))
    expect(page.get_by_text("Print it in Peppi")).to_be_visible()
    assert "Financial aid" not in page.content()
    assert "re-routing" not in page.content()
    page.get_by_label("Your answer").fill("Found it, thank you!")
    page.get_by_role("button", name="Send answer").click()
    expect(page.get_by_text("Found it, thank you!")).to_be_visible()
    assert_accessible(page)


def test_visitor_request_is_rerouted_answered_and_answered_back(
    live_server: LiveServer, new_page: Callable[[], Page], settings: Settings, db: None
) -> None:
    settings.SITE_URL = live_server.url
    settings.HELPDESK_MIN_FORM_SECONDS = 0
    organisation = do_create_organisation(name="Kaupunki", slug="kaupunki")
    advisor = User.objects.create_user("advisor@example.com", PASSWORD, display_name="Ada Advisor")
    do_set_organisation_role(organisation=organisation, user=advisor, role=OrganisationRole.STAFF)
    seed_demo_knowledge(organisation=organisation, staff=[advisor], seed=1)
    seed_demo_helpdesk(organisation=organisation, staff=[], seed=1)

    visitor = new_page()
    visitor_sends_the_form(visitor, live_server.url)
    assert any(m.to == ["veera@example.com"] and "HD-" in m.subject for m in mail.outbox)

    staff = new_page()
    staff_signs_in(staff, live_server.url)
    staff_reroutes_and_replies(staff)

    requester_answers_from_the_e_mail(new_page())
    request = Request.objects.get(subject="Transcript for a job application")
    assert request.team.name == "Financial aid advisers"
    last_message = request.messages.last()
    assert last_message is not None
    assert last_message.body == "Found it, thank you!"
