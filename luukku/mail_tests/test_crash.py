"""Kill the sending worker in the middle of a send and start it again: for every kind.

The worker is a real separate process (`manage.py outbox_worker`) sending to a real SMTP
server (aiosmtpd, in this process, a little slow so the kill lands mid-send) over a real
PostgreSQL database. It is SIGKILLed once a fifth of the rows are sent, then started
again to finish.

What must hold (docs/outbox.md, "Exactly once"): nobody gets two messages; everybody gets
one, except at most the group of rows (one per SMTP connection) the worker had committed
in the microseconds before their final writes when it was killed, which are then on
record as "sent, not confirmed".
"""

import asyncio
import collections
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from aiosmtpd.smtp import SMTP, Envelope, Session
from django.conf import settings
from django.db import connection

from luukku.core.actions import do_create_organisation
from luukku.core.models import OutboxMessage
from luukku.core.outbox.transport import SMTP_CONNECTIONS
from luukku.core.testing.smtp import SmtpServer
from luukku.mail_tests.scenarios import SCENARIOS, make_due_rows
from luukku.notifications.models import Notification

ROOT = Path(settings.BASE_DIR)
ROWS = {"outreach.in_app": 1500}  # in-app rows need no SMTP round trip: more of them
DEFAULT_ROWS = 300

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs PostgreSQL: the worker is a second process sharing the database, and "
        "SQLite's in-memory test database cannot be shared between processes",
    ),
    pytest.mark.real_clock,
]


def _database_url() -> str:
    db = settings.DATABASES["default"]
    auth = db["USER"] + (f":{db['PASSWORD']}" if db["PASSWORD"] else "")
    return f"postgres://{auth}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"


def _worker(port: int) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "LOG_LEVEL": "WARNING",
        "EMAIL_URL": f"smtp://127.0.0.1:{port}",
        "DJANGO_SETTINGS_MODULE": "config.settings",
    }
    command = [sys.executable, "manage.py", "outbox_worker", "--once", "--batch", "50",
               "--lease-seconds", "3"]  # fmt: skip
    return subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)


def _sent(kind: str) -> int:
    return OutboxMessage.objects.filter(kind=kind, status="sent").count()


def _kill_when_a_fifth_is_sent(worker: subprocess.Popen[bytes], kind: str, total: int) -> None:
    deadline = time.monotonic() + 120
    while _sent(kind) < total // 5:
        assert time.monotonic() < deadline, "the worker sent nothing"
        assert worker.poll() is None, "the worker stopped before it could be killed"
        time.sleep(0.02)
    worker.send_signal(signal.SIGKILL)
    worker.wait(timeout=10)
    assert _sent(kind) < total, "the worker finished before it could be killed"


@pytest.mark.parametrize("kind", sorted(SCENARIOS))
@pytest.mark.django_db(transaction=True)
def test_killing_the_worker_mid_send_sends_nobody_two_and_loses_nobody_silently(
    kind: str,
) -> None:
    organisation = do_create_organisation(name="Big", slug="big")
    total = ROWS.get(kind, DEFAULT_ROWS)
    rows = make_due_rows(kind, organisation, total)
    assert len(rows) == total
    with SmtpServer() as server:
        accept = server.catcher.handle_DATA

        async def slowly(server_: SMTP, session: Session, envelope: Envelope) -> str:
            await asyncio.sleep(0.02)
            return await accept(server_, session, envelope)

        server.catcher.handle_DATA = slowly  # type: ignore[method-assign,assignment]  # the hook, made slow
        _kill_when_a_fifth_is_sent(_worker(server.port), kind, total)
        time.sleep(3.5)  # let the killed worker's lease run out
        assert _worker(server.port).wait(timeout=300) == 0
        time.sleep(0.5)  # the server may still be parsing the last message
        received = list(server.catcher.received)

    rows_now = OutboxMessage.objects.filter(kind=kind)
    assert set(rows_now.values_list("status", flat=True)) == {"sent"}
    if kind == "outreach.in_app":
        per_person = collections.Counter(
            Notification.objects.values_list("recipient__email", flat=True)
        )
        assert set(per_person.values()) == {1}
        assert len(per_person) == total
        return
    per_address = collections.Counter(mail.envelope_to[0] for mail in received)
    assert [address for address, count in per_address.items() if count > 1] == []
    unconfirmed = set(
        rows_now.filter(confirmed_at__isnull=True).values_list("recipient", flat=True)
    )
    missing = set(rows_now.values_list("recipient", flat=True)) - set(per_address)
    # The group in flight, and the group before it whose confirmation rides on the next commit.
    assert len(unconfirmed) <= 2 * SMTP_CONNECTIONS
    assert missing <= unconfirmed
    assert len(missing) <= SMTP_CONNECTIONS
    assert len(per_address) + len(missing) == total
