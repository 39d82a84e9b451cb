"""An e-mail backend that stores messages in the database for the built-in mailbox."""

from collections.abc import Sequence
from email import policy
from email.parser import BytesParser

from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.message import EmailMessage

from luukku.core.models import LocalMail

# A message whose body only its recipient may read (an anonymous feedback link: whoever
# reads it can answer as them, or see whether they answered) carries this header; the
# local mailbox then keeps its envelope and subject but never its body.
PRIVATE_LINK_HEADER = "X-Luukku-Private-Link"
WITHHELD_BODY = (
    "The body of this message is not kept in the local mailbox: it carries a private link "
    "meant only for its recipient. Configure EMAIL_URL to deliver such messages."
)


def _parts_of(raw: bytes) -> tuple[str, str]:
    parsed = BytesParser(policy=policy.default).parsebytes(raw)
    text_part = parsed.get_body(preferencelist=("plain",))
    html_part = parsed.get_body(preferencelist=("html",))
    text = text_part.get_content() if text_part is not None else ""
    html = html_part.get_content() if html_part is not None else ""
    return str(text), str(html)


class MailboxBackend(BaseEmailBackend):
    def send_messages(self, email_messages: Sequence[EmailMessage]) -> int:
        stored = []
        for message in email_messages:
            raw = message.message().as_bytes()
            text, html = _parts_of(raw)
            if PRIVATE_LINK_HEADER in message.extra_headers:
                headers = raw.split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0]
                raw, text, html = headers + b"\n\n" + WITHHELD_BODY.encode(), WITHHELD_BODY, ""
            stored.append(
                LocalMail(
                    from_address=message.from_email,
                    to_addresses=", ".join(message.recipients()),
                    subject=str(message.subject),
                    body_text=text,
                    body_html=html,
                    raw_message=raw.decode("utf-8", errors="replace"),
                )
            )
        LocalMail.objects.bulk_create(stored)
        return len(stored)
