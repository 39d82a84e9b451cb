"""Activation messages in a real browser, with a real SMTP server.

A coach filters the passive participants and sends them a reminder from the library; the
mail arrives at the SMTP server; the participant follows its link into the programme; the
return shows in the message's effect report. axe-core checks every page on the way.
"""

import re
from collections.abc import Callable, Iterator
from datetime import timedelta

import pytest
from django.utils import timezone
from playwright.sync_api import Page, expect
from pytest_django import Settings
from pytest_django.live_server_helper import LiveServer

from luukku.accounts.actions import do_set_organisation_role
from luukku.accounts.models import OrganisationRole, User
from luukku.activity.actions import do_roll_up_events, record_event
from luukku.activity.models import EventKind
from luukku.core.actions import do_create_organisation
from luukku.core.models import Organisation
from luukku.core.testing.clock import office_hours_tomorrow
from luukku.core.testing.smtp import MailCatcher
from luukku.e2e.conftest import assert_accessible
from luukku.programmes.models import Programme, ProgrammeMembership
from luukku.programmes.tests.factories import make_programme

PASSWORD = "a password for tests"
LINK = re.compile(r"https?://\S+/outreach/go/[\w-]+/continue/")


@pytest.fixture(autouse=True)
def _office_hours() -> Iterator[None]:
    with office_hours_tomorrow():
        yield


def sign_in(page: Page, base_url: str, email: str) -> None:
    page.goto(base_url + "/accounts/sign-in/password/")
    page.get_by_label("E-mail address").fill(email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(r"/programmes/$"))


def make_people(organisation: Organisation) -> tuple[User, Programme, User]:
    coach = User.objects.create_user("coach@example.com", PASSWORD, display_name="Cai Coach")
    do_set_organisation_role(organisation=organisation, user=coach, role=OrganisationRole.STAFF)
    passive = User.objects.create_user("pia@example.com", PASSWORD, display_name="Pia Passive")
    active = User.objects.create_user("aki@example.com", PASSWORD, display_name="Aki Active")
    programme = make_programme(
        organisation, coach=coach, participants=[passive, active],
        starts_on=timezone.localdate() - timedelta(days=20),
    )  # fmt: skip
    ProgrammeMembership.objects.filter(programme=programme).update(
        joined_at=timezone.now() - timedelta(days=20)
    )
    record_event(
        organisation_id=organisation.pk, programme_id=programme.pk, user_id=active.pk,
        kind=EventKind.PAGE_VIEW, target="home", occurred_at=timezone.now() - timedelta(days=1),
    )  # fmt: skip
    do_roll_up_events()
    return coach, programme, passive


def coach_sends_a_reminder_to_the_passive(page: Page, base_url: str, programme_id: int) -> None:
    page.goto(f"{base_url}/outreach/programmes/{programme_id}/")
    assert_accessible(page)
    page.get_by_role("link", name="New message").click()
    page.get_by_label("Template:", exact=True).select_option("reminder")
    page.get_by_label("Language:", exact=True).select_option("en")
    page.get_by_role("button", name="Use this template").click()
    assert_accessible(page)
    page.get_by_label("Passive for at least N days").check()
    page.get_by_label("Passive for at least (days)").fill("7")
    page.get_by_label("Hold-out share (%)").fill("0")
    page.get_by_label("E-mail", exact=True).check()
    page.get_by_role("button", name="Preview").click()
    preview = page.get_by_role("region", name="Preview")
    expect(preview).to_contain_text("1 person will get this message.")
    expect(preview).to_contain_text("Pia Passive")
    expect(preview).not_to_contain_text("Aki Active")
    expect(preview).to_contain_text("Pia, Spring coaching is waiting for you")
    assert_accessible(page)
    page.get_by_role("button", name="Send").click()
    expect(page.get_by_role("status").first).to_contain_text("The message was queued.")
    assert_accessible(page)


def test_coach_reminds_the_passive_and_sees_them_return(
    live_server: LiveServer,
    new_page: Callable[[], Page],
    settings: Settings,
    smtp_server: MailCatcher,
) -> None:
    settings.SITE_URL = live_server.url
    organisation = do_create_organisation(name="Kaupunki", slug="kaupunki")
    coach, programme, passive = make_people(organisation)

    coach_page = new_page()
    sign_in(coach_page, live_server.url, coach.email)
    coach_sends_a_reminder_to_the_passive(coach_page, live_server.url, programme.pk)
    report_url = coach_page.url

    mails = smtp_server.wait_for(1)
    assert [mail.envelope_to for mail in mails] == [["pia@example.com"]]
    link = LINK.search(mails[0].text())
    assert link is not None, mails[0].text()

    participant_page = new_page()
    sign_in(participant_page, live_server.url, passive.email)
    participant_page.goto(link.group(0))
    expect(participant_page.get_by_role("heading", level=1)).to_contain_text("Spring coaching")
    assert_accessible(participant_page)

    coach_page.goto(report_url)
    returned = coach_page.get_by_role("table", name="Returned to the programme")
    expect(returned.get_by_role("row").nth(1)).to_contain_text("1 / 1")
    expect(coach_page.get_by_role("table", name="Delivery")).to_contain_text("Followed a link")
    assert_accessible(coach_page)
