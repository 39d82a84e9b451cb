"""Placeholders in a message's subject and body, their checks and their filling-in.

Pure functions: the checks run when a coach composes, the filling-in when the worker sends.
A placeholder is written `{{ name }}`; links are filled in as tracked redirect addresses.
"""

import re
from collections.abc import Mapping
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

# Longer subjects are cut off by mail clients and phones; many spam filters dislike them.
MAX_SUBJECT_LENGTH = 150
MAX_BODY_LENGTH = 10_000

PLACEHOLDER = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")

PLACEHOLDERS = {
    "first_name": gettext_lazy("the recipient's first name"),
    "programme": gettext_lazy("the programme's name"),
    "days_since_last_visit": gettext_lazy("days since the recipient's last visit"),
    "section_link": gettext_lazy("a link to the chosen section"),
    "continue_link": gettext_lazy("a link to continue where the recipient left off"),
}
LINK_PLACEHOLDERS = frozenset({"section_link", "continue_link"})
# CR and LF would start a new header line (header injection); other control characters
# have no business in a subject either.
SUBJECT_FORBIDDEN = re.compile(r"[\x00-\x1f\x7f\u2028\u2029]")
BODY_FORBIDDEN = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def placeholder_names(text: str) -> list[str]:
    return [match.group(1) for match in PLACEHOLDER.finditer(text)]


def valid_placeholder_list() -> str:
    return ", ".join(f"{{{{ {name} }}}}" for name in PLACEHOLDERS)


def check_placeholders(text: str) -> None:
    """Raise a ValidationError naming unknown placeholders and listing the valid ones."""
    unknown = [name for name in placeholder_names(text) if name not in PLACEHOLDERS]
    if unknown:
        raise ValidationError(
            _("Unknown placeholder %(unknown)s. Valid placeholders are: %(valid)s."),
            code="unknown_placeholder",
            params={
                "unknown": ", ".join(f"{{{{ {name} }}}}" for name in dict.fromkeys(unknown)),
                "valid": valid_placeholder_list(),
            },
        )


def check_subject(subject: str) -> None:
    """Subjects go into a mail header: one line, no control characters, a sane length."""
    if SUBJECT_FORBIDDEN.search(subject):
        raise ValidationError(
            _("The subject must be one line without control characters."), code="header_injection"
        )
    if len(subject) > MAX_SUBJECT_LENGTH:
        raise ValidationError(
            _("The subject is %(length)d characters long; at most %(limit)d are allowed."),
            code="subject_too_long",
            params={"length": len(subject), "limit": MAX_SUBJECT_LENGTH},
        )
    if "section_link" in placeholder_names(subject) or "continue_link" in placeholder_names(
        subject
    ):
        raise ValidationError(_("Links belong in the message, not in the subject."), code="link")
    check_placeholders(subject)


def check_body(body: str) -> None:
    if BODY_FORBIDDEN.search(body):
        raise ValidationError(_("The message contains control characters."), code="control")
    if len(body) > MAX_BODY_LENGTH:
        raise ValidationError(
            _("The message is %(length)d characters long; at most %(limit)d are allowed."),
            code="body_too_long",
            params={"length": len(body), "limit": MAX_BODY_LENGTH},
        )
    check_placeholders(body)


def text_errors(subject: str, body: str) -> dict[str, list[str]]:
    """Every problem with a subject and body, by form field; empty when both are fine."""
    errors: dict[str, list[str]] = {}
    for name, check, value in (("subject", check_subject, subject), ("body", check_body, body)):
        try:
            check(value)
        except ValidationError as error:
            errors[name] = list(error.messages)
    return errors


def needs_section(subject: str, body: str) -> bool:
    return "section_link" in placeholder_names(subject + body)


@dataclass(frozen=True)
class Filling:
    """What one recipient's placeholders become; links are already full addresses."""

    first_name: str
    programme: str
    days_since_last_visit: str
    section_link: str
    continue_link: str


def one_line(value: str) -> str:
    """A value safe inside a subject: a person's name must not be able to add a header."""
    return " ".join(SUBJECT_FORBIDDEN.sub(" ", value).split())


def fill(text: str, filling: Filling | Mapping[str, str], *, subject: bool = False) -> str:
    values = filling.__dict__ if isinstance(filling, Filling) else filling

    def replace(match: re.Match[str]) -> str:
        value = str(values.get(match.group(1), ""))
        return one_line(value) if subject else value

    return PLACEHOLDER.sub(replace, text)
