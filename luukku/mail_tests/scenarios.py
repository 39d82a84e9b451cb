"""For each outbox kind: make `count` pending rows through the app's own actions.

Every row goes to its own address (r0@example.com, r1@...), so "nobody got two" can be
read off the SMTP server, and every kind carries TRICKY in a part people typed.
"""

import datetime as dt
from collections.abc import Callable

from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from luukku.accounts import actions as accounts
from luukku.accounts.models import User
from luukku.bookings.models import Booking, BookingStatus
from luukku.bookings.outbox import queue_messages
from luukku.bookings.tests.factories import make_advisor, make_calendar, schedule_of
from luukku.core.actions import do_create_team
from luukku.core.models import Organisation, OutboxMessage
from luukku.helpdesk import actions as helpdesk
from luukku.helpdesk.models import Status
from luukku.notifications.actions import do_notify
from luukku.notifications.models import NotificationKind
from luukku.outreach.actions import do_queue_message
from luukku.outreach.models import Channel, TimingKind
from luukku.outreach.tests.conftest import draft
from luukku.programmes.models import ProgrammeMembership, ProgrammeRole
from luukku.programmes.tests.factories import make_person, make_programme

# An ampersand, both quotes and angle brackets, in one word (it is also a first name).
TRICKY = 'O\'Brien&"Fees"<grants>'
ESCAPES = ("&amp;", "&#x27;", "&#39;", "&quot;", "&lt;", "&gt;")


def address(number: int) -> str:
    return f"r{number}@example.com"


def _people(count: int) -> list[User]:
    password = make_password(None)
    return User.objects.bulk_create(
        User(email=address(i), display_name=f"{TRICKY} {i}", password=password, language="en")
        for i in range(count)
    )


def _outreach(channel: str) -> Callable[[Organisation, int], None]:
    def make(organisation: Organisation, count: int) -> None:
        coach = make_person("coach@example.com", "Cai Coach")
        programme = make_programme(organisation, coach=coach)
        ProgrammeMembership.objects.bulk_create(
            ProgrammeMembership(programme=programme, user=user, role=ProgrammeRole.PARTICIPANT)
            for user in _people(count)
        )
        at = timezone.now() + dt.timedelta(minutes=5)
        do_queue_message(
            programme=programme, author=coach,
            draft=draft(subject="Hello {{ first_name }}", body=f"{TRICKY} {{{{ programme }}}}",
                        channel=channel, timing=TimingKind.AT, at=at, ignore_quiet_hours=True),
        )  # fmt: skip

    return make


def _notifications(organisation: Organisation, count: int) -> None:
    do_notify(recipients=_people(count), organisation=organisation,
              kind=NotificationKind.MENTION, title=f"{TRICKY} mentioned you", url="/")  # fmt: skip


def _sign_in(organisation: Organisation, count: int) -> None:
    for user in _people(count):
        accounts.do_request_sign_in_link(email=user.email)


def _sign_in_flood(organisation: Organisation, count: int) -> None:
    for user in _people(count):
        accounts.do_notify_sign_in_flood(email=user.email)


def _invitation(organisation: Organisation, count: int) -> None:
    inviter = make_person("coach@example.com", TRICKY)
    for user in _people(count):
        accounts.do_send_invitation(
            user=user, inviter=inviter, context_name=TRICKY, next_path="/", message=TRICKY,
            organisation_id=organisation.pk,
        )  # fmt: skip


def _helpdesk(then: str) -> Callable[[Organisation, int], None]:
    def make(organisation: Organisation, count: int) -> None:
        team = do_create_team(organisation=organisation, name="Study services")
        category = helpdesk.do_create_category(organisation=organisation, name="S", team=team)
        staff = make_person("staff@example.com", "Sanna Staff")
        for i in range(count):
            request = helpdesk.do_submit_request(
                organisation=organisation, category=category, name=TRICKY,
                email=address(i), subject=TRICKY, message="Where?", language="en",
            )  # fmt: skip
            if then == "reply":
                helpdesk.do_reply(request=request, author=staff, body=TRICKY)
            elif then == "resolved":
                helpdesk.do_set_status(request=request, status=Status.RESOLVED)

    return make


def _bookings(kind: str) -> Callable[[Organisation, int], None]:
    def make(organisation: Organisation, count: int) -> None:
        advisor = make_advisor(organisation, "advisor@example.com")
        calendar = make_calendar(organisation, [advisor], name=TRICKY)
        schedule = schedule_of(advisor, organisation)
        start = timezone.now() + dt.timedelta(days=2)
        cancelled = kind == "cancel"
        bookings = Booking.objects.bulk_create(
            Booking(
                organisation=organisation, calendar=calendar, advisor=schedule,
                booker_name=TRICKY, booker_email=address(i), booker_time_zone="Europe/Helsinki",
                language="en", mode="video", question=TRICKY,
                starts_at=start + dt.timedelta(hours=i),
                ends_at=start + dt.timedelta(hours=i, minutes=30),
                busy_until=start + dt.timedelta(hours=i, minutes=30),
                status=BookingStatus.CANCELLED if cancelled else BookingStatus.CONFIRMED,
                sequence=1 if cancelled else 0, manage_token_hash=f"test-{i}",
            )
            for i in range(count)
        )  # fmt: skip
        with transaction.atomic():
            for booking in bookings:
                queue_messages(booking, kind, to_advisor=False, variant=60 * (kind == "reminder"))

    return make


SCENARIOS: dict[str, Callable[[Organisation, int], None]] = {
    "outreach.email": _outreach(Channel.EMAIL),
    "outreach.in_app": _outreach(Channel.IN_APP),
    "notifications.email": _notifications,
    "accounts.sign_in": _sign_in,
    "accounts.invitation": _invitation,
    "accounts.sign_in_flood": _sign_in_flood,
    "helpdesk.confirmation": _helpdesk("confirmation"),
    "helpdesk.reply": _helpdesk("reply"),
    "helpdesk.resolved": _helpdesk("resolved"),
    "bookings.request": _bookings("request"),
    "bookings.cancel": _bookings("cancel"),
    "bookings.reminder": _bookings("reminder"),
    "bookings.feedback": _bookings("feedback"),
}
EMAIL_KINDS = [kind for kind in SCENARIOS if kind != "outreach.in_app"]


def make_due_rows(kind: str, organisation: Organisation, count: int) -> list[OutboxMessage]:
    """`count` rows of `kind`, due now; rows of other kinds the actions made are withdrawn."""
    SCENARIOS[kind](organisation, count)
    OutboxMessage.objects.exclude(kind=kind).update(status="skipped", last_error="not tested")
    rows = OutboxMessage.objects.filter(kind=kind, status="pending")
    rows.update(next_attempt_at=timezone.now())
    return list(rows.order_by("id"))
