"""`manage.py outbox_worker`: a process that drains the outbox (every kind of message).

The task worker (db_worker) sends through the same code, woken on commit and by the minute
sweep; this command is for running dedicated senders on any number of machines, and for
the crash test and the bench.
"""

import time
from datetime import timedelta
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from luukku.core.outbox.transport import SMTP_CONNECTIONS, open_transport
from luukku.core.outbox.worker import BATCH_SIZE, LEASE, do_send_due


class Command(BaseCommand):
    help = "Send due messages from the outbox (all workers share it safely)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--once", action="store_true", help="Stop when nothing is due.")
        parser.add_argument("--batch", type=int, default=BATCH_SIZE, help="Rows per claim.")
        parser.add_argument("--sleep", type=float, default=5.0, help="Seconds between polls.")
        parser.add_argument(
            "--connections",
            type=int,
            default=SMTP_CONNECTIONS,
            help="SMTP connections driven in step (e-mails committed together).",
        )
        parser.add_argument(
            "--lease-seconds",
            type=float,
            default=LEASE.total_seconds(),
            help="How long claimed rows stay this worker's before others may take them.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        transport = open_transport(options["connections"])
        try:
            while True:
                report = do_send_due(
                    batch_size=options["batch"],
                    lease=timedelta(seconds=options["lease_seconds"]),
                    transport=transport,
                )
                if report.handled:
                    self.stdout.write(
                        f"sent {report.sent}, retried {report.retried}, failed {report.failed}, "
                        f"skipped {report.skipped}, unconfirmed {report.unconfirmed}"
                    )
                if options["once"]:
                    return
                time.sleep(options["sleep"])
        finally:
            transport.close()
