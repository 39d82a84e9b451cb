"""Inbound e-mail: RFC 5322 messages threaded into conversations by their reference.

Fed by an MTA pipe (`manage.py helpdesk_receive_mail`), an IMAP poller piping into it, or the
authenticated API endpoint. Every message is logged with its outcome; nothing malformed
raises out of `do_receive_mail`, so a worker never dies on one bad message.
"""

import email
import email.policy
import logging
import re
from dataclasses import dataclass
from email.message import EmailMessage
from email.utils import getaddresses, parseaddr

import nh3
from django.db import transaction

from luukku.core.html import sanitise_html
from luukku.helpdesk import actions
from luukku.helpdesk.models import InboundMail, Request
from luukku.helpdesk.routing import find_reference

logger = logging.getLogger(__name__)

# Lines that start the quoted earlier message in English, Finnish and Swedish mail clients.
QUOTE_HEADERS = [
    re.compile(r"^\s*On\b.{0,300}\bwrote:\s*$", re.IGNORECASE | re.DOTALL),
    # Finnish and Swedish clients put a date or address before the verb; requiring one keeps
    # "Opettaja kirjoitti:" in the requester's own text from cutting it short.
    re.compile(r"^.{0,300}[\d@].{0,300}\bkirjoitti\b.{0,40}:\s*$", re.IGNORECASE | re.DOTALL),
    re.compile(r"^.{0,300}[\d@].{0,300}\bskrev\b.{0,40}:\s*$", re.IGNORECASE | re.DOTALL),
    re.compile(r"^\s*-{2,}\s*(Original Message|Alkuperäinen viesti|Ursprungligt meddelande)", re.I),
    re.compile(r"^\s*_{10,}\s*$"),
    re.compile(r"^\s*(From|Lähettäjä|Från|Sent|Lähetetty|Skickat):\s", re.IGNORECASE),
]
SIGNATURE_SEPARATOR = "-- "


@dataclass(frozen=True)
class InboundResult:
    outcome: str
    reason: str = ""
    reference: str = ""


def strip_quoted(text: str) -> str:
    """The new part of a reply: cut at the first quote header, drop '>' lines and signatures."""
    lines = text.replace("\r\n", "\n").split("\n")
    kept: list[str] = []
    for index, line in enumerate(lines):
        # "On Mon, 1 Jan 2026 at 10.00, X <x@y> wrote:" is often wrapped over two lines.
        joined = line + " " + lines[index + 1] if index + 1 < len(lines) else line
        if any(p.match(line) or p.match(joined.strip()) for p in QUOTE_HEADERS[:3]):
            break
        if any(pattern.match(line) for pattern in QUOTE_HEADERS[3:]):
            break
        if line == SIGNATURE_SEPARATOR:
            break
        if not line.lstrip().startswith(">"):
            kept.append(line)
    return "\n".join(kept).strip()


def html_to_text(html: str) -> str:
    """Sanitised text of an HTML part: block ends become line breaks, every tag goes."""
    safe = sanitise_html(html)
    # Quoted history in HTML mail sits in <blockquote>; the allow-list keeps it, so drop it.
    safe = re.sub(r"(?is)<blockquote>.*</blockquote>", "\n", safe)
    safe = re.sub(r"(?i)<br\s*/?>|</p>|</div>|</li>", "\n", safe)
    text = nh3.clean(safe, tags=set())
    return re.sub(r"\n{3,}", "\n\n", _unescape(text)).strip()


def _unescape(text: str) -> str:
    import html

    return html.unescape(text)


def body_text(message: EmailMessage) -> str:
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        return ""
    content = part.get_content()
    if not isinstance(content, str):
        return ""
    return html_to_text(content) if part.get_content_type() == "text/html" else content


def reference_of(message: EmailMessage) -> str | None:
    """Threading: our Message-ID in In-Reply-To/References, the plus-address, the subject."""
    for header in ("In-Reply-To", "References"):
        found = find_reference(str(message.get(header, "")))
        if found:
            return found
    recipients = [
        str(value)
        for header in ("To", "Cc", "Delivered-To", "X-Original-To")
        for value in message.get_all(header, []) or []
    ]
    addresses = getaddresses(recipients)
    for _name, address in addresses:
        found = find_reference(address.split("@")[0].replace("+", " "))
        if found:
            return found
    return find_reference(str(message.get("Subject", "")))


def parse(raw: bytes) -> EmailMessage:
    message = email.message_from_bytes(raw, policy=email.policy.default)
    if not message.keys() or (message.defects and not message.get("From")):
        raise ValueError("not an e-mail message")
    return message


def _log(
    outcome: str, reason: str, message: EmailMessage | None, request: Request | None = None
) -> InboundResult:
    InboundMail.objects.create(
        message_id=str(message.get("Message-ID", "") if message else "")[:998],
        sender=str(message.get("From", "") if message else "")[:320],
        subject=str(message.get("Subject", "") if message else "")[:998],
        outcome=outcome,
        reason=reason,
        request=request,
    )
    if outcome == InboundMail.Outcome.REJECTED:
        logger.warning("Inbound mail rejected: %s", reason)
    return InboundResult(outcome, reason, request.reference if request else "")


def do_receive_mail(raw: bytes) -> InboundResult:
    """Add a reply from the requester to its conversation, or log why not. Never raises."""
    try:
        message = parse(raw)
    except Exception:  # any parser failure is the sender's problem, not the worker's
        return _log(InboundMail.Outcome.REJECTED, "malformed", None)
    try:
        return _thread(message)
    except Exception:
        logger.exception("Inbound mail could not be processed")
        return _log(InboundMail.Outcome.REJECTED, "malformed", None)


def _thread(message: EmailMessage) -> InboundResult:
    message_id = str(message.get("Message-ID", "")).strip()
    if message_id and InboundMail.objects.filter(message_id=message_id).exists():
        return _log(InboundMail.Outcome.DUPLICATE, "seen before", message)
    reference = reference_of(message)
    request = Request.objects.filter(reference=reference).first() if reference else None
    if request is None:
        return _log(InboundMail.Outcome.REJECTED, "no known reference", message)
    sender = parseaddr(str(message.get("From", "")))[1].strip().lower()
    if sender != request.requester_email:
        return _log(InboundMail.Outcome.REJECTED, "sender is not the requester", message)
    text = strip_quoted(body_text(message))
    if not text:
        return _log(InboundMail.Outcome.REJECTED, "no new text", message, request)
    try:
        with transaction.atomic():
            actions.do_add_requester_message(request=request, body=text, via_email=True)
    except actions.RequestClosedError:
        return _log(InboundMail.Outcome.REJECTED, "conversation closed", message, request)
    return _log(InboundMail.Outcome.ACCEPTED, "", message, request)
