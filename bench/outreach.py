"""The one outbox: e-mails per second through one worker, and the daily automation sweep.

1. 10,000 personalised activation e-mails to a local SMTP server (aiosmtpd in a subprocess
   that only counts) through the core outbox worker. Baseline: raw smtplib sending the same
   number of ready-made messages over one connection, in the same run against the same
   server. Goal: >= 200 e-mails/s per worker.
1b. The same worker on 2,000 notification e-mails (another kind, built by its own app).
2. The daily automation sweep over 100 programmes x 500 participants, each programme with
   a "passive for 7 days" rule that finds everyone passive. Baseline: one bulk INSERT of
   the same number of outbox rows. Goal: <= 30 s.

    uv run python bench/outreach.py [--emails 10000] [--programmes 100] [--participants 500]
"""

import argparse
import asyncio
import os
import smtplib
import subprocess
import sys
import time
from datetime import timedelta
from email.message import EmailMessage
from pathlib import Path
from typing import TYPE_CHECKING

sys.path.insert(0, str(Path(__file__).resolve().parent))
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/luukku_bench_outreach")

from _common import prepare_django, print_load

if TYPE_CHECKING:  # models can be imported only once Django is set up
    from luukku.accounts.models import User
    from luukku.programmes.models import Programme


def run_sink(port: int) -> None:
    """The SMTP server: accepts and counts, so that it is not what is measured."""
    from aiosmtpd.controller import Controller

    class Count:
        received = 0

        async def handle_DATA(  # noqa: N802  # aiosmtpd's hook name
            self, server: object, session: object, envelope: object
        ) -> str:
            Count.received += 1
            return "250 OK"

    controller = Controller(Count(), hostname="127.0.0.1", port=port)
    controller.start()
    print("ready", flush=True)
    try:
        asyncio.run(asyncio.sleep(10**6))
    finally:
        controller.stop()


def start_sink() -> tuple[subprocess.Popen[str], int]:
    from luukku.core.testing.smtp import free_port

    port = free_port()
    sink = subprocess.Popen(
        [sys.executable, __file__, "--sink", str(port)], stdout=subprocess.PIPE, text=True
    )
    assert sink.stdout is not None
    assert sink.stdout.readline().strip() == "ready"
    return sink, port


def build_programme(
    name: str, participants: int, *, joined_days_ago: int = 30
) -> tuple["Programme", "User"]:
    from django.utils import timezone

    from luukku.accounts.models import User
    from luukku.core.models import Organisation
    from luukku.programmes.models import Programme, ProgrammeMembership, ProgrammeRole

    organisation, _ = Organisation.objects.get_or_create(
        slug="bench-outreach", defaults={"name": "Bench"}
    )
    today = timezone.localdate()
    programme = Programme.objects.create(
        organisation=organisation,
        name=name,
        starts_on=today - timedelta(days=40),
        ends_on=today + timedelta(days=40),
        time_zone="Europe/Helsinki",
    )
    users = User.objects.bulk_create(
        User(email=f"{name}-{number}@bench.example", display_name=f"Person {number}", password="!")
        for number in range(participants)
    )
    joined = timezone.now() - timedelta(days=joined_days_ago)
    ProgrammeMembership.objects.bulk_create(
        ProgrammeMembership(
            programme=programme, user=user, role=ProgrammeRole.PARTICIPANT, joined_at=joined
        )
        for user in users
    )
    coach = User.objects.create_user(f"{name}-coach@bench.example")
    return programme, coach


def clean() -> None:
    from luukku.accounts.models import User
    from luukku.core.models import Organisation

    Organisation.objects.filter(slug="bench-outreach").delete()
    User.objects.filter(email__endswith="@bench.example").delete()


def baseline_smtplib(port: int, count: int) -> float:
    """Raw smtplib over one connection: the same number of small personalised messages."""
    started = time.perf_counter()
    with smtplib.SMTP("127.0.0.1", port) as connection:
        for number in range(count):
            message = EmailMessage()
            message["From"], message["To"] = "luukku@localhost", f"p{number}@bench.example"
            message["Subject"] = f"Hello Person {number}"
            message.set_content(f"Hi Person {number}, come back: https://example.com/{number}")
            connection.send_message(message)
    return count / (time.perf_counter() - started)


def bench_sending(port: int, count: int) -> None:
    from django.conf import settings
    from django.utils import timezone

    from luukku.core.models import OutboxMessage
    from luukku.core.outbox.worker import do_send_due
    from luukku.outreach.actions import do_queue_message
    from luukku.outreach.models import Delivery, DeliveryStatus, TimingKind
    from luukku.outreach.tests.conftest import draft

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_HOST_USER = ""
    programme, coach = build_programme("send", count)
    started = time.perf_counter()
    message = do_queue_message(
        programme=programme,
        author=coach,
        draft=draft(
            timing=TimingKind.AT, at=timezone.now() + timedelta(minutes=5), ignore_quiet_hours=True
        ),
    )
    queued = time.perf_counter() - started
    OutboxMessage.objects.filter(source_app="outreach", source_id=str(message.pk)).update(
        next_attempt_at=timezone.now()
    )
    baseline = baseline_smtplib(port, count)
    started = time.perf_counter()
    report = do_send_due()
    seconds = time.perf_counter() - started
    done = Delivery.objects.filter(message=message, status=DeliveryStatus.DONE).count()
    rate = report.sent / seconds
    print(f"queueing {count} personalised e-mails: {queued:.2f} s ({count / queued:.0f} rows/s)")
    print(f"raw smtplib baseline: {baseline:.0f} e-mails/s")
    print(
        f"outbox worker: {report.sent} sent ({done} rows done) in {seconds:.2f} s = "
        f"{rate:.0f} e-mails/s (goal >= 200); ratio to raw smtplib {rate / baseline:.2f}"
    )
    bench_notifications(programme, baseline, min(count, 2000))


def bench_notifications(programme: object, baseline: float, count: int) -> None:
    from luukku.accounts.models import User
    from luukku.core.outbox.worker import do_send_due
    from luukku.notifications.actions import do_notify
    from luukku.notifications.models import NotificationKind

    people = list(User.objects.filter(email__endswith="@bench.example")[:count])
    organisation = programme.organisation  # type: ignore[attr-defined]
    do_notify(recipients=people, organisation=organisation, kind=NotificationKind.MENTION,
              title="Bench mentioned you", url="/")  # fmt: skip
    started = time.perf_counter()
    report = do_send_due()
    rate = report.sent / (time.perf_counter() - started)
    print(
        f"outbox worker, notification e-mails: {report.sent} sent = {rate:.0f} e-mails/s; "
        f"ratio to raw smtplib {rate / baseline:.2f}"
    )


def bench_sweep(programmes: int, participants: int) -> None:
    from luukku.outreach.actions import do_create_automation, run_automations
    from luukku.outreach.models import Delivery

    automations = []
    for number in range(programmes):
        programme, coach = build_programme(f"sweep{number}", participants)
        automations.append(
            do_create_automation(
                programme=programme,
                author=coach,
                name="Passive 7 days",
                trigger="passive",
                days=7,
                subject="Hi {{ first_name }}",
                body="It has been {{ days_since_last_visit }} days: {{ continue_link }}",
            )
        )
    rows = programmes * participants
    baseline = _baseline_insert(rows)
    started = time.perf_counter()
    queued = run_automations()
    seconds = time.perf_counter() - started
    created = Delivery.objects.filter(message__automation__in=automations).count()
    print(
        f"daily sweep: {programmes} programmes x {participants} participants -> {queued} messages, "
        f"{created} outbox rows in {seconds:.2f} s (goal <= 30 s)"
    )
    print(
        f"baseline: bulk INSERT of {rows} outbox rows {baseline:.2f} s; "
        f"ratio {seconds / baseline:.1f}x"
    )


def _baseline_insert(rows: int) -> float:
    """Only the unavoidable write: the same number of outbox rows in one bulk INSERT."""
    from django.db import transaction
    from django.utils import timezone

    from luukku.accounts.models import User
    from luukku.outreach.models import Delivery, DeliveryGroup, DeliveryStatus, Message, new_token

    users = list(
        User.objects.filter(email__endswith="@bench.example").values_list("pk", flat=True)[:rows]
    )
    programme_message = Message.objects.create(
        organisation_id=_organisation_id(),
        programme_id=_any_programme_id(),
        subject="baseline",
        body="baseline",
        channel="email",
        audience="everyone",
        timing="now",
        send_at=timezone.now(),
    )
    now = timezone.now()
    started = time.perf_counter()
    with transaction.atomic():
        Delivery.objects.bulk_create(
            (
                Delivery(
                    message=programme_message,
                    user_id=user_id,
                    group=DeliveryGroup.RECIPIENT,
                    status=DeliveryStatus.NONE,
                    token=new_token(),
                    send_at=now,
                    context={
                        "first_name": "Person",
                        "days_since_last_visit": 9,
                        "continue_path": "/",
                    },
                )
                for user_id in users
            ),
            batch_size=2000,
        )
    seconds = time.perf_counter() - started
    programme_message.delete()
    return seconds


def _organisation_id() -> int:
    from luukku.core.models import Organisation

    return Organisation.objects.get(slug="bench-outreach").pk


def _any_programme_id() -> int:
    from luukku.programmes.models import Programme

    return Programme.objects.filter(organisation__slug="bench-outreach").values_list(
        "pk", flat=True
    )[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--emails", type=int, default=10_000)
    parser.add_argument("--programmes", type=int, default=100)
    parser.add_argument("--participants", type=int, default=500)
    parser.add_argument("--sink", type=int, help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.sink:
        run_sink(options.sink)
        return
    url = prepare_django()
    print(f"database {url.rsplit('@', 1)[-1]}")
    print_load()
    clean()
    sink, port = start_sink()
    try:
        bench_sending(port, options.emails)
        bench_sweep(options.programmes, options.participants)
    finally:
        sink.terminate()
        clean()
    print_load()


if __name__ == "__main__":
    main()
