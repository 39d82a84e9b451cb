"""The five channels of docs/anonymous-feedback.md, tested against the database itself.

An answer must not be linkable to a booking or a person beyond a group of five by someone
who reads PostgreSQL's system columns (xmin, xmax), dead row versions (pageinspect) and
physical order (ctid), nor by staff reading the local mailbox or watching the results.
"""

import datetime as dt
import re
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test import Client, override_settings
from django.urls import reverse

from luukku.accounts.models import User
from luukku.bookings import actions as booking_actions
from luukku.bookings.models import Booking, BookingCalendar, MessageKind
from luukku.bookings.outbox import KINDS
from luukku.bookings.tests.factories import at, booker, make_advisor, make_calendar, schedule_of
from luukku.core.models import LocalMail, Organisation, OutboxMessage
from luukku.feedback import actions
from luukku.feedback.models import FeedbackAnswer
from luukku.feedback.queries import calendar_summaries

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="xmin, xmax, dead rows and ctid are PostgreSQL's; SQLite has no such columns",
)
LINK = re.compile(r"/feedback/answer/([\w-]+)/")
SESSION = "2026-11-24 10:00"


@pytest.fixture
def calendar(transactional_db: None, organisation: Any) -> Any:
    advisor = make_advisor(organisation, "anna@example.com")
    return make_calendar(organisation, [advisor])


@pytest.fixture
def frozen() -> Iterator[None]:
    with time_machine.travel(at("2026-11-23 08:00"), tick=False):
        yield


def sql(query: str, *params: str | int) -> list[tuple[Any, ...]]:
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return list(cursor.fetchall()) if cursor.description else []


def feedback_tables() -> list[str]:
    return [
        row[0] for row in sql("SELECT tablename FROM pg_tables WHERE tablename LIKE 'feedback_%%'")
    ]


def book_and_send_feedback(calendar: Any, email: str = "vera@example.com") -> tuple[Booking, str]:
    """A real booking, its session over, the sweep's feedback e-mail sent: (booking, token)."""
    from django.core import mail

    booking = booking_actions.do_create_booking(
        calendar=calendar, start=at(SESSION), mode="video", topic=calendar.topics.first(),
        booker=booker(email=email),
    )  # fmt: skip
    with time_machine.travel(at("2026-11-24 11:00"), tick=False):
        booking_actions.run_booking_sweep()
    sent = [m for m in mail.outbox if email in m.to and LINK.search(str(m.body))]
    match = LINK.search(str(sent[-1].body))
    assert match is not None
    return booking, match.group(1)


def answer(token: str, helped: str, rating: int = 4) -> None:
    response = Client().post(
        reverse("feedback:answer", args=[token]), {"rating": str(rating), "helped": helped}
    )
    assert response.status_code == 200


def answer_others(calendar: Any, count: int, prefix: str = "other") -> None:
    schedule = calendar.advisors.first().schedule
    for n in range(count):
        raw = actions.do_issue_invitation(
            calendar=calendar, advisor=schedule, session_start=at(SESSION)
        )
        actions.do_answer(raw_token=raw, rating=5, helped=f"{prefix} {n}", idea="")


@postgres_only
@pytest.mark.usefixtures("frozen")
def test_xmin_no_feedback_row_shares_the_booking_or_its_messages_transaction(
    calendar: BookingCalendar,
) -> None:
    booking, token = book_and_send_feedback(calendar)
    message = OutboxMessage.objects.get(kind=KINDS[MessageKind.FEEDBACK])
    booking_xids = {
        int(sql("SELECT xmin::text FROM bookings_booking WHERE id = %s", booking.pk)[0][0]),
        int(sql("SELECT xmin::text FROM core_outboxmessage WHERE id = %s", message.pk)[0][0]),
    }
    feedback_xids = [
        int(xmin)
        for table in feedback_tables()
        for (xmin,) in sql(f"SELECT xmin::text FROM {table}")  # noqa: S608  # table names from pg_tables
    ]
    # A savepoint inside the message's transaction gets the next xid (a subtransaction):
    # "differs" is not enough, nothing may be written near it at all. The link is a
    # signed token, so sending it wrote no feedback row.
    assert feedback_xids == []
    assert not [x for x in feedback_xids for b in booking_xids if abs(x - b) <= 2]
    assert actions.find_invitation(token).calendar == calendar


@pytest.fixture
def pageinspect(calendar: Any) -> None:
    sql("CREATE EXTENSION IF NOT EXISTS pageinspect")


def raw_tuples(table: str) -> list[tuple[bytes, str, str]]:
    """Every tuple version in the table and its TOAST table, dead ones included."""
    relations = [table]
    toast = sql("SELECT reltoastrelid::regclass::text FROM pg_class WHERE relname = %s", table)
    if toast and toast[0][0] != "-":
        relations.append(toast[0][0])
    found = []
    for relation in relations:
        blocks = sql("SELECT pg_relation_size(%s::regclass) / 8192", relation)[0][0]
        for block in range(blocks):
            found += sql(
                "SELECT t_data, t_xmin::text, t_xmax::text"
                " FROM heap_page_items(get_raw_page(%s, %s))",
                relation,
                block,
            )
    return [(bytes(data or b""), xmin, xmax) for data, xmin, xmax in found]


@postgres_only
@pytest.mark.usefixtures("frozen", "pageinspect")
def test_xmax_and_dead_rows_spending_and_storing_share_no_transaction(
    calendar: BookingCalendar,
) -> None:
    _booking, token = book_and_send_feedback(calendar)
    answer(token, "Vera's own words")
    answer_others(calendar, 4)
    assert actions.do_release_answers() == 5
    (answer_xmin,) = sql(
        "SELECT xmin::text FROM feedback_feedbackanswer WHERE helped = %s", "Vera's own words"
    )[0]
    (spent_xmin,) = sql("SELECT xmin::text FROM feedback_spentfeedbackright LIMIT 1")[0]
    assert answer_xmin != spent_xmin
    # All five were released together: Vera's row is one of five with the same xmin.
    same = sql("SELECT count(*) FROM feedback_feedbackanswer WHERE xmin::text = %s", answer_xmin)
    assert same[0][0] == 5
    needle = b"Vera's own words"
    for table in feedback_tables():
        for data, _xmin, xmax in raw_tuples(table):
            if table != "feedback_feedbackanswer":
                # Waiting answers are sealed: no version of any other row shows the text.
                assert needle not in data, table
            if xmax == answer_xmin and table != "feedback_feedbackpoolentry":
                pytest.fail(f"a {table} row died in the transaction that stored the answer")


@postgres_only
@pytest.mark.usefixtures("frozen")
def test_insertion_order_answers_are_stored_shuffled(calendar: BookingCalendar) -> None:
    answer_others(calendar, 12, prefix="submitted")
    actions.do_release_answers()
    physical = [
        helped for (helped,) in sql("SELECT helped FROM feedback_feedbackanswer ORDER BY ctid")
    ]
    assert sorted(physical) == sorted(f"submitted {n}" for n in range(12))
    assert physical != [f"submitted {n}" for n in range(12)]
    assert len({xmin for (xmin,) in sql("SELECT xmin::text FROM feedback_feedbackanswer")}) == 1


@pytest.mark.usefixtures("frozen")
def test_small_groups_answers_appear_only_in_steps_of_five(
    calendar: BookingCalendar, org_admin: User
) -> None:
    counts = []
    for _n in range(11):
        answer_others(calendar, 1)
        actions.do_release_answers()
        counts.append(FeedbackAnswer.objects.count())
    assert counts == [0, 0, 0, 0, 5, 5, 5, 5, 5, 10, 10]
    shown = [summary.count for summary in calendar_summaries(org_admin, calendar)]
    assert all(count == 0 or count >= 5 for count in shown)


@pytest.mark.usefixtures("frozen")
def test_small_groups_cannot_be_differenced_between_calendar_and_advisors(
    calendar: BookingCalendar, organisation: Organisation, org_admin: User
) -> None:
    from luukku.bookings.actions import do_save_calendar

    first = User.objects.get(email="anna@example.com")
    second = make_advisor(organisation, "ben@example.com")
    do_save_calendar(calendar=calendar, topics=["Applying"], advisors=[first, second])
    answer_others(calendar, 5)  # Anna's five
    ben = schedule_of(second, organisation)
    for _n in range(3):
        raw = actions.do_issue_invitation(calendar=calendar, advisor=ben, session_start=at(SESSION))
        actions.do_answer(raw_token=raw, rating=1, helped="Ben's", idea="")
    actions.do_release_answers()
    by_title = {s.title: s for s in calendar_summaries(org_admin, calendar)}
    # Calendar minus Anna would be Ben's three: the calendar total does not include them.
    assert by_title[calendar.name].count == 5
    assert not by_title[str(second)].shown
    assert not FeedbackAnswer.objects.filter(helped="Ben's").exists()
    # When November can no longer be answered, Ben's three wait for the calendar's month
    # group without him; still under five, nothing is released.
    actions.do_release_answers(today=dt.date(2027, 1, 15))
    assert not FeedbackAnswer.objects.filter(helped="Ben's").exists()


@pytest.mark.usefixtures("frozen")
@override_settings(EMAIL_BACKEND="luukku.core.mailbox.MailboxBackend")
def test_mailbox_keeps_no_feedback_link(
    calendar: BookingCalendar, client: Client, django_user_model: type[User]
) -> None:
    booking_actions.do_create_booking(
        calendar=calendar, start=at(SESSION), mode="video", topic=calendar.topics.first(),
        booker=booker(),
    )  # fmt: skip
    with time_machine.travel(at("2026-11-24 11:00"), tick=False):
        booking_actions.run_booking_sweep()
    mails = list(LocalMail.objects.filter(to_addresses="vera@example.com"))
    feedback = [m for m in mails if m.subject.startswith("How was your session")]
    assert feedback, [m.subject for m in mails]
    for mail in feedback:
        assert "/feedback/answer/" not in mail.body_text + mail.body_html + mail.raw_message
        assert "private link" in mail.body_text
    staff = django_user_model.objects.create_user("root@example.com", is_staff=True)
    client.force_login(staff)
    page = client.get(reverse("core:mailbox_message", args=[feedback[0].pk]))
    assert "/feedback/answer/" not in page.content.decode()
    # Other messages (the booking invitation) are still readable in the mailbox.
    assert any("/bookings/manage/" in m.body_text for m in mails)
