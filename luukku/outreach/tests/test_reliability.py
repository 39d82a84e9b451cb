"""Kill the sending worker in the middle of a 5,000-recipient send and start it again.

The worker is a real separate process (`manage.py outbox_worker`) sending to a real SMTP
server (aiosmtpd, in this process) over a real PostgreSQL database. It is SIGKILLed once
a fifth of the mail has arrived, then started again to finish.

What must hold (docs/outbox.md, "Exactly once"): nobody gets two e-mails; everybody gets
one, except at most the group of rows (one per SMTP connection) the worker had committed in
the microseconds before their final writes when it was killed, which are then on record as
"sent, not confirmed".
"""

import collections
import os
import signal
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from luukku.accounts.models import User
from luukku.core.actions import do_create_organisation
from luukku.core.models import OutboxMessage
from luukku.core.outbox.transport import SMTP_CONNECTIONS
from luukku.core.testing.smtp import SmtpServer
from luukku.outreach import actions
from luukku.outreach.models import Delivery, DeliveryStatus, TimingKind
from luukku.outreach.tests.conftest import draft
from luukku.programmes.models import ProgrammeMembership, ProgrammeRole
from luukku.programmes.tests.factories import make_person, make_programme

RECIPIENTS = 5000
ROOT = Path(settings.BASE_DIR)

pytestmark = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="needs PostgreSQL: the worker is a second process sharing the database, and "
    "SQLite's in-memory test database cannot be shared between processes",
)


def _database_url() -> str:
    db = settings.DATABASES["default"]
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _worker(port: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "EMAIL_URL": f"smtp://127.0.0.1:{port}",
        "LOG_LEVEL": "WARNING",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    command = [sys.executable, "manage.py", "outbox_worker", "--once", "--batch", "100",
               "--lease-seconds", "3"]  # fmt: skip
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)


def _queue_big_send() -> None:
    organisation = do_create_organisation(name="Big", slug="big")
    coach = make_person("coach@example.com", "Cai Coach")
    programme = make_programme(organisation, coach=coach)
    users = User.objects.bulk_create(
        User(email=f"p{number}@example.com", display_name=f"P{number}", password="!")
        for number in range(RECIPIENTS)
    )
    ProgrammeMembership.objects.bulk_create(
        ProgrammeMembership(programme=programme, user=user, role=ProgrammeRole.PARTICIPANT)
        for user in users
    )
    # Scheduled a little ahead so that queueing sends nothing in this process...
    at = timezone.now() + timedelta(minutes=5)
    actions.do_queue_message(
        programme=programme, author=coach,
        draft=draft(timing=TimingKind.AT, at=at, ignore_quiet_hours=True),
    )  # fmt: skip
    # ...then made due, for the worker processes to find.
    OutboxMessage.objects.update(next_attempt_at=timezone.now())


@pytest.mark.real_clock
@pytest.mark.django_db(transaction=True)
def test_killing_the_worker_mid_send_sends_nobody_two_and_loses_nobody_silently() -> None:
    _queue_big_send()
    with SmtpServer() as server:
        worker = _worker(server.port)
        server.catcher.wait_for(RECIPIENTS // 5, timeout=120)
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
        arrived_at_kill = len(server.catcher.received)
        assert arrived_at_kill < RECIPIENTS, "the worker finished before it could be killed"
        time.sleep(3.5)  # let the killed worker's lease run out
        again = _worker(server.port)
        assert again.wait(timeout=300) == 0
        time.sleep(0.5)  # the server may still be parsing the last message
        received = list(server.catcher.received)

    per_address = collections.Counter(mail.envelope_to[0] for mail in received)
    twice = [address for address, count in per_address.items() if count > 1]
    assert twice == []
    rows = Delivery.objects.select_related("user")
    assert not rows.exclude(status=DeliveryStatus.DONE).exists()
    unconfirmed = {row.user.email for row in rows.filter(outbox_message__confirmed_at__isnull=True)}
    missing = {row.user.email for row in rows} - set(per_address)
    # The group in flight, and the group before it whose confirmation rides on the next commit.
    assert len(unconfirmed) <= 2 * SMTP_CONNECTIONS
    assert missing <= unconfirmed
    assert len(missing) <= SMTP_CONNECTIONS
    assert len(per_address) + len(missing) == RECIPIENTS
