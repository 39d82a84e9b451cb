"""Staff pages: inboxes with filters, reply by e-mail, re-route, assign; seen from outside."""

import datetime

import pytest
import time_machine
from django.core.mail import EmailMessage
from django.test import Client
from django.urls import reverse
from pytest_django import DjangoAssertNumQueries, DjangoCaptureOnCommitCallbacks, Settings

from luukku.accounts.models import User
from luukku.accounts.testing import SignIn
from luukku.conftest import make_user
from luukku.core.testing.smtp import MailCatcher
from luukku.core.testing.storage import assert_nothing_stored
from luukku.helpdesk import actions
from luukku.helpdesk.models import Request, RoutingNote, Status
from luukku.helpdesk.tests.conftest import Desk, submit

pytestmark = pytest.mark.django_db
HELSINKI = datetime.timezone(datetime.timedelta(hours=2))


def test_inbox_lists_the_organisations_requests(
    signed_in: SignIn, desk: Desk, staff_user: User
) -> None:
    request = submit(desk)
    page = signed_in(staff_user).get(reverse("helpdesk:inbox", args=[desk.organisation.pk]))
    assert page.status_code == 200
    assert request.reference in page.content.decode()


def test_inbox_query_count_does_not_grow_with_rows(
    signed_in: SignIn,
    desk: Desk,
    staff_user: User,
    django_assert_max_num_queries: DjangoAssertNumQueries,
) -> None:
    for number in range(12):
        submit(desk, subject=f"Question {number}")
    client = signed_in(staff_user)
    with django_assert_max_num_queries(12):
        client.get(reverse("helpdesk:inbox", args=[desk.organisation.pk]) + "?filter=all")


@pytest.mark.parametrize(
    ("name", "args"),
    [("helpdesk:detail", []), ("helpdesk:attachment", [1])],
)
def test_staff_of_another_organisation_get_404(
    signed_in: SignIn, desk: Desk, other_staff: User, name: str, args: list[int]
) -> None:
    request = submit(desk)
    client = signed_in(other_staff)
    assert client.get(reverse(name, args=[request.pk, *args])).status_code == 404
    assert client.get(reverse("helpdesk:inbox", args=[desk.organisation.pk])).status_code == 404
    assert (
        client.get(reverse("helpdesk:statistics", args=[desk.organisation.pk])).status_code == 404
    )


@pytest.mark.parametrize("action", ["reply", "note", "reroute", "assign", "status"])
def test_writes_from_another_organisation_are_404_and_change_nothing(
    signed_in: SignIn, desk: Desk, other_staff: User, action: str
) -> None:
    request = submit(desk)
    data = {"body": "x", "status": "resolved", "team": desk.it.pk, "assignee": other_staff.pk}
    response = signed_in(other_staff).post(reverse(f"helpdesk:{action}", args=[request.pk]), data)
    assert response.status_code == 404
    request.refresh_from_db()
    assert (request.status, request.team, request.messages.count()) == (Status.NEW, desk.study, 1)


def test_person_without_organisation_role_gets_404(signed_in: SignIn, desk: Desk) -> None:
    request = submit(desk)
    client = signed_in(make_user("participant@example.com"))
    assert client.get(reverse("helpdesk:detail", args=[request.pk])).status_code == 404


def test_anonymous_visitor_is_sent_to_sign_in(client: Client, desk: Desk) -> None:
    request = submit(desk)
    response = client.get(reverse("helpdesk:detail", args=[request.pk]))
    assert response.status_code == 302
    assert "/accounts/sign-in/" in response["Location"]


def test_reply_goes_out_by_smtp_and_starts_waiting(
    signed_in: SignIn,
    desk: Desk,
    staff_user: User,
    smtp_server: MailCatcher,
    django_capture_on_commit_callbacks: DjangoCaptureOnCommitCallbacks,
    settings: Settings,
) -> None:
    settings.HELPDESK_REPLY_TO = "help@uni.example"
    request = submit(desk)
    with django_capture_on_commit_callbacks(execute=True):
        response = signed_in(staff_user).post(
            reverse("helpdesk:reply", args=[request.pk]),
            {"body": "Print it in Peppi.", "status": "waiting"},
        )
    assert response.status_code == 302
    smtp_server.wait_for(2)  # the confirmation of the request, still due, and the reply
    [mail] = [m for m in smtp_server.to("veera@example.com") if "Print it in Peppi." in m.text()]
    headers = mail.message
    assert headers["Reply-To"] == f"help+{request.reference.lower()}@uni.example"
    assert request.reference in headers["Message-ID"]
    assert request.reference in mail.subject
    request.refresh_from_db()
    assert request.status == Status.WAITING
    assert request.first_reply_at is not None


def test_reply_mail_is_sent_once_even_if_the_worker_runs_twice(
    desk: Desk, staff_user: User, mailoutbox: list[EmailMessage]
) -> None:
    from luukku.core.outbox.worker import do_send_due

    request = submit(desk)
    do_send_due()
    mailoutbox.clear()
    message = actions.do_reply(request=request, author=staff_user, body="Answer")
    do_send_due()
    do_send_due()
    assert len(mailoutbox) == 1
    message.refresh_from_db()
    assert message.emailed_at is not None


def test_empty_reply_is_400_and_nothing_is_sent(
    signed_in: SignIn, desk: Desk, staff_user: User
) -> None:
    request = submit(desk)
    response = signed_in(staff_user).post(
        reverse("helpdesk:reply", args=[request.pk]), {"body": ""}
    )
    assert response.status_code == 400
    assert request.messages.count() == 1


def test_reroute_with_note_moves_the_request(
    signed_in: SignIn, desk: Desk, staff_user: User
) -> None:
    request = submit(desk)
    signed_in(staff_user).post(
        reverse("helpdesk:reroute", args=[request.pk]), {"team": desk.it.pk, "note": "Login issue"}
    )
    request.refresh_from_db()
    assert request.team == desk.it
    assert RoutingNote.objects.get().note == "Login issue"


def test_assign_and_mine_filter(signed_in: SignIn, desk: Desk, staff_user: User) -> None:
    request = submit(desk)
    other = submit(desk, subject="Not mine")
    client = signed_in(staff_user)
    client.post(reverse("helpdesk:assign", args=[request.pk]), {"assignee": staff_user.pk})
    page = client.get(reverse("helpdesk:inbox", args=[desk.organisation.pk]) + "?filter=mine")
    assert request.reference in page.content.decode()
    assert other.reference not in page.content.decode()


def test_assigning_someone_outside_the_organisation_is_400(
    signed_in: SignIn, desk: Desk, staff_user: User, other_staff: User
) -> None:
    request = submit(desk)
    with assert_nothing_stored(Request, RoutingNote):
        response = signed_in(staff_user).post(
            reverse("helpdesk:assign", args=[request.pk]), {"assignee": other_staff.pk}
        )
    assert response.status_code == 400


def test_first_reply_target_counts_only_opening_hours(desk: Desk) -> None:
    # Friday 15:00 in Helsinki, target 120 opening minutes, open 9-16 on weekdays:
    # one hour on Friday, one on Monday morning.
    with time_machine.travel(datetime.datetime(2026, 3, 6, 15, 0, tzinfo=HELSINKI), tick=False):
        request = submit(desk)
    assert request.first_reply_due == datetime.datetime(2026, 3, 9, 10, 0, tzinfo=HELSINKI)


def test_overdue_requests_are_filtered_and_highlighted(
    signed_in: SignIn, desk: Desk, staff_user: User
) -> None:
    with time_machine.travel(datetime.datetime(2026, 3, 6, 15, 0, tzinfo=HELSINKI), tick=False):
        late = submit(desk, subject="Late one")
    with time_machine.travel(datetime.datetime(2026, 3, 9, 9, 30, tzinfo=HELSINKI), tick=False):
        fresh = submit(desk, subject="Fresh one")
    with time_machine.travel(datetime.datetime(2026, 3, 9, 10, 30, tzinfo=HELSINKI), tick=False):
        page = signed_in(staff_user).get(
            reverse("helpdesk:inbox", args=[desk.organisation.pk]) + "?filter=overdue"
        )
    content = page.content.decode()
    assert late.reference in content
    assert fresh.reference not in content
    assert 'class="overdue"' in content


def test_waiting_requests_are_never_overdue(desk: Desk, staff_user: User) -> None:
    request = submit(desk)
    actions.do_reply(request=request, author=staff_user, body="Which course?")
    request.refresh_from_db()
    assert request.next_due is None


def test_waiting_for_the_requester_stops_the_resolution_clock(desk: Desk, staff_user: User) -> None:
    # Opening hours 9-16 on weekdays. Waiting from Monday 10:00 to Tuesday 10:00 is seven
    # opening hours, so the resolution target moves seven opening hours later.
    with time_machine.travel(datetime.datetime(2026, 3, 9, 9, 0, tzinfo=HELSINKI), tick=False):
        request = submit(desk)
    before = request.resolution_due
    assert before is not None
    with time_machine.travel(datetime.datetime(2026, 3, 9, 10, 0, tzinfo=HELSINKI), tick=False):
        actions.do_reply(request=request, author=staff_user, body="Which course?")
    with time_machine.travel(datetime.datetime(2026, 3, 10, 10, 0, tzinfo=HELSINKI), tick=False):
        actions.do_add_requester_message(request=request, body="Statistics 1")
    request.refresh_from_db()
    from luukku.core.opening_hours import open_time_between
    from luukku.helpdesk.routing import team_hours

    assert request.resolution_due is not None
    assert request.waiting_since is None
    moved = open_time_between(team_hours(desk.study), before, request.resolution_due)
    assert moved == datetime.timedelta(hours=7)
    assert request.next_due == request.resolution_due
