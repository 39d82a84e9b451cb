"""The booking's feedback request ("bookings.feedback"): bookings makes the rows, and this
builds them, because issuing the invitation is feedback's; bookings sits below feedback and
imports nothing of it (DESIGN, "Architecture").
"""

from django.conf import settings
from django.urls import reverse

from luukku.bookings.models import Booking, MessageKind
from luukku.bookings.outbox import KINDS, booking_email, bookings_of, why_not_sent
from luukku.core.mailbox import PRIVATE_LINK_HEADER
from luukku.core.outbox.models import OutboxMessage
from luukku.core.outbox.registry import Built, Outgoing, Rows, Skip, register_builder
from luukku.feedback.actions import do_issue_invitation

KIND = KINDS[MessageKind.FEEDBACK]


def build(rows: Rows) -> list[Built]:
    bookings = bookings_of(rows)
    return [_build_one(row, bookings.get(int(row.source_id))) for row in rows]


def _build_one(row: OutboxMessage, booking: Booking | None) -> Built:
    if booking is None:
        return Skip("the booking is gone")
    if skip := why_not_sent(row, booking):
        return skip
    # Writes nothing: no feedback row may share this message's transaction.
    raw = do_issue_invitation(
        calendar=booking.calendar,
        advisor=booking.advisor,
        session_start=booking.starts_at,
        subject=str(booking.uid),
    )
    url = settings.SITE_URL + reverse("feedback:answer", args=[raw])
    email = booking_email(row, booking, kind=MessageKind.FEEDBACK, extra={"feedback_url": url})
    # Only its recipient may read an anonymous feedback link: not the local mailbox.
    email.extra_headers[PRIVATE_LINK_HEADER] = "feedback"
    return Outgoing(email)


def register_builders() -> None:
    register_builder(KIND, build=build)
