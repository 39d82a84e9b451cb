"""Rows still pending in the old outbox tables move to the one outbox on upgrade."""

import datetime as dt
from typing import Any

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils import timezone

BEFORE = [
    ("outreach", "0001_initial"),
    ("notifications", "0002_alter_notification_kind_and_more"),
    ("bookings", "0002_no_overlap_on_postgresql"),
]
AFTER = [
    ("outreach", "0002_delivery_points_at_outbox"),
    ("notifications", "0003_email_goes_by_the_outbox"),
    ("bookings", "0003_messages_go_by_the_outbox"),
]


def _migrate(targets: list[tuple[str, str]]) -> Any:  # historical models: not the typed ones
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def _old_rows(apps: Any) -> None:
    now = timezone.now()
    organisation = apps.get_model("core", "Organisation").objects.create(name="O", slug="o")
    user = apps.get_model("accounts", "User").objects.create(email="p@example.com", password="!")
    programme = apps.get_model("programmes", "Programme").objects.create(
        organisation=organisation,
        name="P",
        starts_on=now.date(),
        ends_on=now.date(),
        time_zone="Europe/Helsinki",
    )
    message = apps.get_model("outreach", "Message").objects.create(
        organisation=organisation, programme=programme, subject="s", body="b", channel="email",
        audience="everyone", timing="now", send_at=now,
    )  # fmt: skip
    delivery = apps.get_model("outreach", "Delivery")
    delivery.objects.create(
        message=message, user=user, group="recipient", status="pending", send_at=now,
        next_attempt_at=now, attempts=2, last_error="451 busy",
    )  # fmt: skip
    notification = apps.get_model("notifications", "Notification").objects.create(
        organisation=organisation, recipient=user, kind="mention", title="t"
    )
    email = apps.get_model("notifications", "EmailDelivery")
    email.objects.create(notification=notification, recipient=user, status="pending")
    email.objects.create(
        notification=apps.get_model("notifications", "Notification").objects.create(
            organisation=organisation, recipient=user, kind="mention", title="old"
        ),
        recipient=user, status="sent",
    )  # fmt: skip
    _old_booking_row(apps, organisation, user, now)


def _old_booking_row(apps: Any, organisation: Any, user: Any, now: dt.datetime) -> None:
    schedule = apps.get_model("bookings", "AdvisorSchedule").objects.create(
        organisation=organisation, user=user
    )
    calendar = apps.get_model("bookings", "BookingCalendar").objects.create(
        organisation=organisation, name="C", slug="c"
    )
    booking = apps.get_model("bookings", "Booking").objects.create(
        organisation=organisation, calendar=calendar, advisor=schedule, booker_name="B",
        booker_email="B@example.com", booker_time_zone="Europe/Helsinki", mode="video",
        starts_at=now, ends_at=now + dt.timedelta(minutes=30),
        busy_until=now + dt.timedelta(minutes=30), manage_token_hash="x",
    )  # fmt: skip
    apps.get_model("bookings", "BookingMessage").objects.create(
        booking=booking, recipient="B@example.com", kind="reminder", sequence=0, variant=60
    )


@pytest.mark.django_db(transaction=True)
def test_pending_rows_of_the_old_tables_move_to_the_one_outbox() -> None:
    try:
        _old_rows(_migrate(BEFORE))
        apps = _migrate(AFTER)
    finally:
        _migrate(AFTER)
    rows = {row.kind: row for row in apps.get_model("core", "OutboxMessage").objects.all()}
    assert sorted(rows) == ["bookings.reminder", "notifications.email", "outreach.email"]
    outreach = rows["outreach.email"]
    assert (outreach.attempts, outreach.last_error, outreach.status) == (2, "451 busy", "pending")
    delivery = apps.get_model("outreach", "Delivery").objects.get()
    assert delivery.outbox_message_id == outreach.pk
    reminder = rows["bookings.reminder"]
    assert reminder.params == {"sequence": 0, "variant": 60, "role": "booker"}
    assert reminder.recipient == "b@example.com"
