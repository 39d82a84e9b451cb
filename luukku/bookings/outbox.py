"""The booking e-mail outbox: rows are made in the booking's transaction, sent after it.

One row per booking, recipient, kind, SEQUENCE and variant (unique in the database), so a
doubled sweep or worker makes and sends nothing twice, and a crashed one loses nothing:
pending rows are picked up again by the sweep.
"""

import base64
import hashlib
import hmac
import logging
import smtplib
import zoneinfo
from email.mime.text import MIMEText

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from luukku.bookings import ical
from luukku.bookings.models import Booking, BookingMessage, MessageKind, MessageStatus
from luukku.core.mailbox import PRIVATE_LINK_HEADER
from luukku.core.outbox import MAX_SEND_ATTEMPTS

logger = logging.getLogger(__name__)


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
    """Make the outbox rows for the booker (and the advisor) and send them after commit."""
    recipients = [booking.booker_email]
    if to_advisor:
        recipients.append(booking.advisor.user.email)
    BookingMessage.objects.bulk_create(
        [
            BookingMessage(
                booking=booking,
                recipient=recipient,
                kind=kind,
                sequence=booking.sequence,
                variant=variant,
            )
            for recipient in recipients
        ],
        ignore_conflicts=True,
    )
    message_ids = list(
        BookingMessage.objects.filter(
            booking=booking,
            kind=kind,
            sequence=booking.sequence,
            variant=variant,
            status=MessageStatus.PENDING,
        ).values_list("pk", flat=True)
    )
    transaction.on_commit(lambda: enqueue_sends(message_ids))


def enqueue_sends(message_ids: list[int]) -> None:
    from luukku.bookings import tasks

    for message_id in message_ids:
        tasks.send_booking_message.enqueue(message_id=message_id)


def do_send_booking_message(*, message_id: int) -> bool:
    """Send one pending outbox row; True when sent now. Safe to run twice.

    The row stays locked while the message goes out, so a second worker waits and then
    finds it sent.
    """
    with transaction.atomic():
        message = (
            BookingMessage.objects.select_for_update()
            .filter(pk=message_id, status=MessageStatus.PENDING)
            .first()
        )
        if message is None:
            return False
        message.attempts += 1
        try:
            with transaction.atomic():  # a failed send also undoes a feedback invitation
                _send(message)
        except (smtplib.SMTPException, OSError) as error:
            logger.warning("Booking e-mail %s failed: %s", message_id, error)
            message.last_error = f"{type(error).__name__}: {error}"[:2000]
            if message.attempts >= MAX_SEND_ATTEMPTS:
                message.status = MessageStatus.FAILED
            message.save(update_fields=["attempts", "last_error", "status"])
            return False
        message.status = MessageStatus.SENT
        message.sent_at = timezone.now()
        message.save(update_fields=["attempts", "status", "sent_at"])
        return True


def _recipient_settings(booking: Booking, recipient: str) -> tuple[bool, str, str]:
    """(is the booker, language, time zone) of a recipient."""
    if recipient == booking.booker_email:
        return True, booking.language, booking.booker_time_zone
    advisor = booking.advisor.user
    return False, advisor.language or settings.LANGUAGE_CODE, booking.advisor.time_zone


def _context(message: BookingMessage, booking: Booking, is_booker: bool) -> dict[str, object]:
    context: dict[str, object] = {
        "booking": booking,
        "is_booker": is_booker,
        "where": ical.where(booking),
        "manage_url": manage_url(booking) if is_booker else "",
        "advisor_url": settings.SITE_URL + reverse("bookings:advisor_home"),
        "minutes_before": message.variant,
    }
    if message.kind == MessageKind.FEEDBACK:
        from luukku.feedback.actions import do_issue_invitation

        # Writes nothing: no feedback row may share this message's transaction.
        raw = do_issue_invitation(
            calendar=booking.calendar,
            advisor=booking.advisor,
            session_start=booking.starts_at,
            subject=str(booking.uid),
        )
        context["feedback_url"] = settings.SITE_URL + reverse("feedback:answer", args=[raw])
    return context


def _send(message: BookingMessage) -> None:
    booking = Booking.objects.select_related(
        "calendar__organisation", "advisor__user", "topic"
    ).get(pk=message.booking_id)
    is_booker, language, zone = _recipient_settings(booking, message.recipient)
    context = _context(message, booking, is_booker)
    template = f"bookings/email/{message.kind}"
    with translation.override(language), timezone.override(zoneinfo.ZoneInfo(zone)):
        context["zone"] = zone
        subject = " ".join(render_to_string(f"{template}_subject.txt", context).split())
        body = render_to_string(f"{template}.txt", context)
    email = EmailMultiAlternatives(subject=subject, body=body, to=[message.recipient])
    if message.kind == MessageKind.FEEDBACK:
        # Only its recipient may read an anonymous feedback link: not the local mailbox.
        email.extra_headers[PRIVATE_LINK_HEADER] = "feedback"
    if message.kind in (MessageKind.REQUEST, MessageKind.CANCEL):
        _attach_itip(email, booking, "REQUEST" if message.kind == MessageKind.REQUEST else "CANCEL")
    email.send()


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
