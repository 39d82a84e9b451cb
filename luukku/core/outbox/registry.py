"""Builders per kind: how each app turns its outbox rows into messages, at send time.

Apps register in `AppConfig.ready()`, as they register sweeps; core imports no other app.
A builder renders late from the ids on the rows, so the message says what is true when it
leaves (a cancelled booking sends no reminder, an unsubscribed person gets nothing), and a
secret in a link is derived then, never stored on the row or in a task's arguments.
"""

from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.core.mail import EmailMessage

from luukku.core.outbox.models import OutboxMessage


@dataclass(frozen=True)
class Outgoing:
    """What to send for one row. `email` may carry attachments and alternative parts (an
    iTIP calendar part, an HTML version); None sends nothing to the mail server and the row
    is done when committed (an activation message shown only in the app)."""

    email: EmailMessage | None
    subject: str = ""

    @property
    def shown_subject(self) -> str:
        return self.subject or (str(self.email.subject) if self.email is not None else "")


@dataclass(frozen=True)
class Skip:
    """Nothing to send any more (unsubscribed, cancelled, link already used); `reason` is
    kept on the row for staff."""

    reason: str


Built = Outgoing | Skip
Rows = Sequence[OutboxMessage]


def _accept_all(rows: Rows, now: datetime) -> Collection[int] | None:
    return None


def _nothing(rows: Rows) -> None:
    return None


@dataclass(frozen=True)
class Builder:
    """One kind's callbacks. Only `build` is required.

    - build(rows): one Outgoing or Skip per row, in order; reads only.
    - on_sent(rows, now): runs inside the transaction that marks the rows sent (before the
      mail server is told to deliver); records the app's own state. It may return the ids
      it still accepts (a row cancelled meanwhile is left out and not sent); None: all.
    - on_skipped(rows), on_failed(rows): after a row was skipped or given up.
    - on_unsent(rows): a row committed as sent was refused at its end; undo on_sent's marks.
    - after_batch(rows): once per claimed batch of this kind, when every row is handled.
    """

    kind: str
    build: Callable[[Rows], Sequence[Built]]
    on_sent: Callable[[Rows, datetime], Collection[int] | None] = _accept_all
    on_skipped: Callable[[Rows], None] = _nothing
    on_failed: Callable[[Rows], None] = _nothing
    on_unsent: Callable[[Rows], None] = _nothing
    after_batch: Callable[[Rows], None] = _nothing


_registry: dict[str, Builder] = {}


def register_builder(
    kind: str,
    *,
    build: Callable[[Rows], Sequence[Built]],
    on_sent: Callable[[Rows, datetime], Collection[int] | None] = _accept_all,
    on_skipped: Callable[[Rows], None] = _nothing,
    on_failed: Callable[[Rows], None] = _nothing,
    on_unsent: Callable[[Rows], None] = _nothing,
    after_batch: Callable[[Rows], None] = _nothing,
) -> None:
    """Register how rows of `kind` are built; registering a kind again replaces it."""
    _registry[kind] = Builder(kind, build, on_sent, on_skipped, on_failed, on_unsent, after_batch)


def builder_for(kind: str) -> Builder | None:
    return _registry.get(kind)


def registered_builder(kind: str) -> Builder:
    """The builder of a kind the worker has already built rows of (so it is registered)."""
    builder = _registry.get(kind)
    if builder is None:
        raise LookupError(f"no outbox builder is registered for {kind!r}")
    return builder


def registered_kinds() -> list[str]:
    return sorted(_registry)
