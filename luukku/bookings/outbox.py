"""Booking e-mail in the one outbox (core): rows are made in the booking's transaction.

One row per booking, kind, SEQUENCE, variant and recipient (the key is unique), so a doubled
sweep or worker makes and sends nothing twice, and a crashed one loses nothing. The builder
renders at send time: a reschedule or cancel since the row was made supersedes it (the
newer row carries the newer SEQUENCE), and a cancelled session gets no reminder or
feedback request.
"""

import base64
import hashlib
import hmac
import zoneinfo
from email.mime.text import MIMEText

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils import timezone, translation

from luukku.bookings import ical
from luukku.bookings.models import Booking, MessageKind
from luukku.core.outbox.actions import NewMessage, do_enqueue_messages
from luukku.core.outbox.models import OutboxMessage
from luukku.core.outbox.plain_text import render_plain_subject, render_plain_text
from luukku.core.outbox.registry import Built, Outgoing, Rows, Skip, register_builder

KINDS = {kind: f"bookings.{kind}" for kind in MessageKind.values}
# The feedback request's builder is feedback's (feedback/outbox.py): it issues the
# invitation, and bookings sits below feedback, so bookings only makes its rows.
OWN_KINDS = [name for kind, name in KINDS.items() if kind != MessageKind.FEEDBACK]


def manage_token(booking: Booking) -> str:
    """The secret of the booker's manage link: an HMAC of the booking's UID.

    Derived rather than stored so that every e-mail can carry it again; the table keeps
    only its SHA-256 hash for the lookup.
    """
    message = f"booking-manage:{booking.uid}".encode()
    digest = hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode().rstrip("=")


def manage_url(booking: Booking) -> str:
    return settings.SITE_URL + reverse("bookings:manage", args=[manage_token(booking)])


def queue_messages(
    booking: Booking, kind: str, *, to_advisor: bool = True, variant: int = 0
) -> None:
    """Make the outbox rows for the booker (and the advisor); they are sent after commit."""
    roles = ["booker", "advisor"] if to_advisor else ["booker"]
    do_enqueue_messages([_new_message(booking, kind, role, variant) for role in roles])


def _new_message(booking: Booking, kind: str, role: str, variant: int) -> NewMessage:
    recipient = booking.booker_email if role == "booker" else booking.advisor.user.email
    return NewMessage(
        kind=KINDS[kind],
        key=f"{KINDS[kind]}:{booking.pk}:{booking.sequence}:{variant}:{role}",
        recipient=recipient,
        source_app="bookings",
        source_id=booking.pk,
        organisation_id=booking.organisation_id,
        params={"sequence": booking.sequence, "variant": variant, "role": role},
    )


def bookings_of(rows: Rows) -> dict[int, Booking]:
    """The rows' bookings by id, with what their e-mails show."""
    return Booking.objects.select_related(
        "calendar__organisation", "advisor__user", "topic"
    ).in_bulk([int(row.source_id) for row in rows])


def build(rows: Rows) -> list[Built]:
    bookings = bookings_of(rows)
    return [_build_one(row, bookings.get(int(row.source_id))) for row in rows]


def why_not_sent(row: OutboxMessage, booking: Booking) -> Skip | None:
    """Why a row is no longer to be sent (superseded, cancelled); None: send it."""
    kind = row.kind.removeprefix("bookings.")
    if row.params["sequence"] != booking.sequence:
        return Skip("superseded by a later change of the booking")
    if booking.is_cancelled and kind != MessageKind.CANCEL:
        return Skip("the booking was cancelled")
    return None


def _build_one(row: OutboxMessage, booking: Booking | None) -> Built:
    if booking is None:
        return Skip("the booking is gone")
    if skip := why_not_sent(row, booking):
        return skip
    kind = row.kind.removeprefix("bookings.")
    return Outgoing(booking_email(row, booking, kind=kind))


def _recipient_settings(booking: Booking, is_booker: bool) -> tuple[str, str, str]:
    """(address, language, time zone) of a recipient."""
    if is_booker:
        return booking.booker_email, booking.language, booking.booker_time_zone
    advisor = booking.advisor.user
    return advisor.email, advisor.language or settings.LANGUAGE_CODE, booking.advisor.time_zone


def _context(booking: Booking, is_booker: bool, variant: int) -> dict[str, object]:
    return {
        "booking": booking,
        "is_booker": is_booker,
        "where": ical.where(booking),
        "manage_url": manage_url(booking) if is_booker else "",
        "advisor_url": settings.SITE_URL + reverse("bookings:advisor_home"),
        "minutes_before": variant,
    }


def booking_email(
    row: OutboxMessage, booking: Booking, *, kind: str, extra: dict[str, object] | None = None
) -> EmailMultiAlternatives:
    """The e-mail of one row, in its recipient's language and time zone; `extra` adds to
    the template's context (feedback's builder adds the answer link)."""
    is_booker = row.params["role"] == "booker"
    address, language, zone = _recipient_settings(booking, is_booker)
    context = _context(booking, is_booker, row.params["variant"]) | (extra or {})
    template = f"bookings/email/{kind}"
    with translation.override(language), timezone.override(zoneinfo.ZoneInfo(zone)):
        context["zone"] = zone
        subject = render_plain_subject(f"{template}_subject.txt", context)
        body = render_plain_text(f"{template}.txt", context)
    email = EmailMultiAlternatives(subject=subject, body=body, to=[address])
    if kind in (MessageKind.REQUEST, MessageKind.CANCEL):
        _attach_itip(email, booking, "REQUEST" if kind == MessageKind.REQUEST else "CANCEL")
    return email


def _attach_itip(email: EmailMultiAlternatives, booking: Booking, method: str) -> None:
    """RFC 6047: the calendar part's `method` parameter equals the file's METHOD.

    The part goes into multipart/alternative next to the text, which is where Outlook and
    Gmail look for an invitation to act on; a copy as an .ics attachment helps clients that
    only offer attachments.
    """
    content = ical.itip_file(booking, method).decode()
    email.attach_alternative(content, f"text/calendar; method={method}")
    attachment = MIMEText(content, "calendar", "utf-8")
    attachment.set_param("method", method)
    attachment.add_header("Content-Disposition", "attachment", filename="invite.ics")
    email.attach(attachment)


def register_builders() -> None:
    for kind in OWN_KINDS:
        register_builder(kind, build=build)
