"""Finding @mentions of programme members in what people write."""

import html
import re
from collections import defaultdict
from collections.abc import Iterable

from django.utils.html import strip_tags

from luukku.accounts.models import User


def _handles_of(members: Iterable[User]) -> dict[str, set[int]]:
    """Lower-cased handles -> user ids: full name, e-mail local part, and a first name
    when no other member shares it (so "@Maija" works in a small group)."""
    handles: dict[str, set[int]] = defaultdict(set)
    first_names: dict[str, set[int]] = defaultdict(set)
    for member in members:
        if member.display_name.strip():
            name = " ".join(member.display_name.split()).lower()
            handles[name].add(member.pk)
            first_names[name.split()[0]].add(member.pk)
        handles[member.email.split("@")[0].lower()].add(member.pk)
    for first_name, ids in first_names.items():
        if len(ids) == 1:
            handles[first_name] |= ids
    return handles


def mentioned_user_ids(body_html: str, members: Iterable[User]) -> set[int]:
    """Ids of the `members` named as "@Full Name", "@first" or "@email-local-part" in the text.

    Only the given members can be matched, so a namesake outside the programme never is.
    """
    text = " ".join(html.unescape(strip_tags(body_html)).split())
    if "@" not in text:
        return set()
    handles = _handles_of(members)
    if not handles:
        return set()
    # Longest first, so "@Maija Meikäläinen" wins over the first name "@Maija".
    alternatives = "|".join(re.escape(handle) for handle in sorted(handles, key=len, reverse=True))
    pattern = re.compile(rf"(?<![\w@])@({alternatives})(?![\w])", re.IGNORECASE)
    found: set[int] = set()
    for match in pattern.finditer(text):
        found |= handles[match.group(1).lower()]
    return found
