"""Handing e-mails to the mail server so that a crash can neither send one twice nor lose one
silently.

With SMTP the outbox row is committed as sent *after* the whole message has gone to the
server but *before* the line that ends it ("."): a worker killed before that commit leaves
an unfinished message the server throws away (the row is sent again later), and a worker
killed after it has only the final write left to do. The one moment that cannot be made
safe is the few microseconds between the database confirming the commit and that write;
such a row stays "sent, not confirmed" and is never sent again (docs/outbox.md).

Other Django backends (the local mailbox, locmem in tests) send inside the same database
transaction as the commit.
"""

import re
import smtplib
import socket
import ssl
from collections.abc import Callable, Sequence
from functools import partial
from typing import Protocol

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.core.mail.message import sanitize_address
from django.db import transaction

SMTP_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
DOT_AT_LINE_START = re.compile(rb"(?m)^\.")


class RefusedError(Exception):
    """The server refused the message; `temporary` for 4xx answers (try again later)."""

    def __init__(self, code: int, text: str, *, after_commit: bool) -> None:
        super().__init__(f"{code} {text}")
        self.code = code
        self.temporary = 400 <= code < 500
        self.after_commit = after_commit


class ConnectionLostError(Exception):
    """The connection broke after the row was committed: the message may have arrived."""


# An outcome per e-mail of a group: "sent", "declined" (commit refused it), or the error.
Outcome = str | Exception
# Called once per group just before the end-of-data lines, with the positions whose message
# is complete at the server; returns the positions committed as sent (the others are
# abandoned: cancelled, or another worker got there first).
CommitGroup = Callable[[list[int]], set[int]]
SMTP_CONNECTIONS = 8


class Transport(Protocol):
    width: int

    def send_group(self, emails: Sequence[EmailMessage], commit: CommitGroup) -> list[Outcome]: ...

    def close(self) -> None: ...


class _Lane:
    """One SMTP connection, reused for message after message (reopened when it breaks)."""

    def __init__(self) -> None:
        self.connection: smtplib.SMTP | None = None
        self.needs_reset = False

    def ready(self) -> smtplib.SMTP:
        if self.connection is None:
            self.connection = _open_smtp()
            self.needs_reset = False
        elif self.needs_reset:
            self.connection.rset()
            self.needs_reset = False
        return self.connection

    def drop(self) -> None:
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def close(self) -> None:
        if self.connection is not None:
            try:
                self.connection.quit()
            except (smtplib.SMTPException, OSError):
                self.connection.close()
            self.connection = None


def _open_smtp() -> smtplib.SMTP:
    timeout = getattr(settings, "EMAIL_TIMEOUT", None) or 30
    connection: smtplib.SMTP
    if settings.EMAIL_USE_SSL:
        context = ssl.create_default_context()
        connection = smtplib.SMTP_SSL(
            settings.EMAIL_HOST, settings.EMAIL_PORT, timeout=timeout, context=context
        )
    else:
        connection = smtplib.SMTP(settings.EMAIL_HOST, settings.EMAIL_PORT, timeout=timeout)
        if settings.EMAIL_USE_TLS:
            connection.starttls(context=ssl.create_default_context())
    # The end-of-data line goes out alone after the commit; with Nagle's algorithm it would
    # wait for the server's delayed ACK of the body (~40 ms per message).
    if connection.sock is not None:
        connection.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    connection.ehlo_or_helo_if_needed()
    if settings.EMAIL_HOST_USER:
        connection.login(settings.EMAIL_HOST_USER, settings.EMAIL_HOST_PASSWORD)
    return connection


class SmtpTransport:
    """Several SMTP connections driven in step, so one worker overlaps the server's answers.

    A group of up to `width` e-mails goes out together: MAIL on every connection, then the
    answers, then RCPT, DATA and the bodies likewise; then one database commit marks the
    whole group sent, and only then do the end-of-data lines go out.
    """

    def __init__(self, connections: int = SMTP_CONNECTIONS) -> None:
        self.lanes = [_Lane() for _ in range(connections)]
        self.width = connections

    def close(self) -> None:
        for lane in self.lanes:
            lane.close()

    def send_group(self, emails: Sequence[EmailMessage], commit: CommitGroup) -> list[Outcome]:
        outcomes: list[Outcome | None] = [None] * len(emails)
        active = [i for i in range(len(emails)) if self._step(i, outcomes, self.lanes[i].ready)]
        for verb, expected in (("mail", (250,)), ("rcpt", (250, 251)), ("data", (354,))):
            active = self._command(verb, expected, emails, active, outcomes)
        active = [i for i in active if self._step(i, outcomes, partial(self._body, i, emails[i]))]
        committed = commit(active) if active else set()
        for i in active:
            if i not in committed:
                # Inside DATA even "RSET" would be message text: closing the connection is
                # the only way to abandon the message, and the server throws it away.
                self.lanes[i].drop()
                outcomes[i] = "declined"
        finishing = [i for i in active if i in committed]
        for i in finishing:  # the end-of-data lines first, one write each...
            self._after_commit(i, outcomes, partial(self._end_data, i))
        for i in finishing:  # ...then the answers
            if outcomes[i] is None:
                self._after_commit(i, outcomes, partial(self._answer, i))
        return [outcome if outcome is not None else "sent" for outcome in outcomes]

    def _connection(self, i: int) -> smtplib.SMTP:
        connection = self.lanes[i].connection
        if connection is None:
            raise RuntimeError(f"lane {i} has no open connection")
        return connection

    def _step(self, i: int, outcomes: list[Outcome | None], run: Callable[[], object]) -> bool:
        try:
            run()
        except (smtplib.SMTPException, OSError) as error:
            self.lanes[i].drop()
            outcomes[i] = error
            return False
        return True

    def _command(
        self, verb: str, expected: tuple[int, ...], emails: Sequence[EmailMessage],
        active: list[int], outcomes: list[Outcome | None],
    ) -> list[int]:  # fmt: skip
        """Send one command on every active connection, then read every answer."""
        arguments = {i: _arguments(verb, emails[i]) for i in active}
        sent = [
            i for i in active if self._step(i, outcomes, partial(self._put, i, verb, arguments))
        ]
        replies: dict[int, list[tuple[int, bytes]]] = {}
        read = [
            i for i in sent if self._step(i, outcomes, partial(self._get, i, arguments, replies))
        ]
        still = []
        for i in read:
            refused = [(code, text) for code, text in replies[i] if code not in expected]
            if refused:
                self.lanes[i].needs_reset = True
                code, text = refused[0]
                outcomes[i] = RefusedError(code, text.decode(errors="replace"), after_commit=False)
            else:
                still.append(i)
        return still

    def _put(self, i: int, verb: str, arguments: dict[int, list[str]]) -> None:
        for argument in arguments[i]:
            self._connection(i).putcmd(verb, argument)

    def _get(
        self, i: int, arguments: dict[int, list[str]], replies: dict[int, list[tuple[int, bytes]]]
    ) -> None:
        replies[i] = [self._connection(i).getreply() for _ in arguments[i]]

    def _end_data(self, i: int) -> None:
        self._connection(i).send(b".\r\n")

    def _body(self, i: int, email: EmailMessage) -> None:
        raw = email.message().as_bytes(linesep="\r\n")  # type: ignore[call-arg]  # django-stubs lacks SafeMIMEMessage.as_bytes(linesep=)
        self._connection(i).send(_stuffed(raw))

    def _answer(self, i: int) -> None:
        code, text = self._connection(i).getreply()
        if code != 250:
            raise RefusedError(code, text.decode(errors="replace"), after_commit=True)

    def _after_commit(
        self, i: int, outcomes: list[Outcome | None], run: Callable[[], object]
    ) -> None:
        try:
            run()
        except RefusedError as error:
            outcomes[i] = error
        except (smtplib.SMTPException, OSError) as error:
            self.lanes[i].drop()
            outcomes[i] = ConnectionLostError(str(error))


def _arguments(verb: str, email: EmailMessage) -> list[str]:
    encoding = email.encoding or settings.DEFAULT_CHARSET
    if verb == "mail":
        return [f"FROM:{smtplib.quoteaddr(sanitize_address(email.from_email, encoding))}"]
    if verb == "rcpt":
        return [
            f"TO:{smtplib.quoteaddr(sanitize_address(address, encoding))}"
            for address in email.recipients()
        ]
    return [""]


def _stuffed(data: bytes) -> bytes:
    """The message body as DATA carries it: dots doubled at line starts, ending in CRLF."""
    data = DOT_AT_LINE_START.sub(b"..", data)
    return data if data.endswith(b"\r\n") else data + b"\r\n"


class BackendTransport:
    """Any other Django e-mail backend, sending inside the commit's transaction."""

    width = 1

    def __init__(self) -> None:
        self.connection = get_connection(fail_silently=False)

    def send_group(self, emails: Sequence[EmailMessage], commit: CommitGroup) -> list[Outcome]:
        outcomes: list[Outcome] = []
        for i, email in enumerate(emails):
            try:
                with transaction.atomic():
                    if i not in commit([i]):
                        outcomes.append("declined")
                        continue
                    self.connection.send_messages([email])
            except (smtplib.SMTPException, OSError) as error:
                outcomes.append(error)
                continue
            outcomes.append("sent")
        return outcomes

    def close(self) -> None:
        self.connection.close()


def open_transport(connections: int = SMTP_CONNECTIONS) -> SmtpTransport | BackendTransport:
    if settings.EMAIL_BACKEND == SMTP_BACKEND:
        return SmtpTransport(connections)
    return BackendTransport()
