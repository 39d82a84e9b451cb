"""Sanitising user-written HTML: one allow-list for every place people write rich text."""

import nh3

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "b",
    "i",
    "u",
    "s",
    "blockquote",
    "code",
    "pre",
    "ul",
    "ol",
    "li",
    "h2",
    "h3",
    "h4",
    "a",
    "hr",
    "table",
    "thead",
    "tbody",
    "tr",
    "th",
    "td",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}, "th": {"scope"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}


def sanitise_html(text: str) -> str:
    """Return `text` with every tag, attribute and URL scheme outside the allow-list removed.

    Links get rel="noopener noreferrer nofollow" so that shared content cannot hijack the
    opener window or lend its page rank to spam.
    """
    return nh3.clean(
        text,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer nofollow",
    )


def plain_text_to_html(text: str) -> str:
    """Turn plain text (from a textarea without an editor) into safe paragraphs."""
    from django.utils.html import linebreaks

    return sanitise_html(linebreaks(text, autoescape=True))
