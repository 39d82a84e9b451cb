"""Read one RFC 5322 message from a file or stdin and thread it into its conversation.

For an MTA pipe (Postfix: `helpdesk: "|/path/manage.py helpdesk_receive_mail"`) or an IMAP
poller (fetchmail/getmail delivering to this command). Exit status 0 when the message was
taken or was a duplicate, 65 (EX_DATAERR) when it was rejected; it never raises.
"""

import sys
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser

from luukku.helpdesk.inbound import do_receive_mail
from luukku.helpdesk.models import InboundMail

EX_DATAERR = 65


class Command(BaseCommand):
    help = "Thread one e-mail message (from a file or stdin) into its helpdesk conversation."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", nargs="?", help="A .eml file; stdin when left out.")

    def handle(self, *args: Any, **options: Any) -> None:
        limit = settings.HELPDESK_INBOUND_MAX_BYTES
        if options["path"]:
            with open(options["path"], "rb") as source:
                raw = source.read(limit + 1)
        else:
            raw = sys.stdin.buffer.read(limit + 1)
        if len(raw) > limit:
            self.stderr.write("rejected: larger than LUUKKU_HELPDESK_INBOUND_MAX_BYTES")
            sys.exit(EX_DATAERR)
        result = do_receive_mail(raw)
        if result.outcome == InboundMail.Outcome.REJECTED:
            self.stderr.write(f"rejected: {result.reason}")
            sys.exit(EX_DATAERR)
        self.stdout.write(f"{result.outcome} {result.reference}")
