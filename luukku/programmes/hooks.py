"""What the apps above programmes add to its pages and actions, registered from their
`AppConfig.ready()` (as outbox builders and sweeps are).

Activity and discussions use programmes' models, so programmes may not import them (two
apps never import each other, DESIGN "Architecture"): the programme views call these slots
instead, and activity (tracking, visits, participation) and discussions (what is new) fill
them. An empty slot does nothing, so programmes also works, untracked, without them.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from luukku.accounts.models import User
from luukku.programmes.models import Programme

# The kinds of opening a programme view reports (activity's EventKind values).
PAGE_VIEW = "page_view"
FILE_OPEN = "file_open"

# (programme, user id, kind, target): a participant or coach opened something.
Viewed = Callable[[Programme, int, str, str], None]
# (user id, programme id): a member was removed.
MemberRemoved = Callable[[int, int], None]
# (user id, programme id): when the member's previous visit ended, or None.
PreviousVisit = Callable[[int, int], datetime | None]
# (programme id): each member's participation by user id, for the coach's member list.
Participation = Callable[[int], dict[int, Any]]
# (user, programme, since): more of the home page's context ("what is new" elsewhere).
HomeContext = Callable[[User, Programme, datetime], dict[str, Any]]


@dataclass
class _Hooks:
    """The slots; the dicts are keyed by the filling app's label, so filling again replaces."""

    viewed: dict[str, Viewed] = field(default_factory=dict)
    member_removed: dict[str, MemberRemoved] = field(default_factory=dict)
    home_context: dict[str, HomeContext] = field(default_factory=dict)
    previous_visit: PreviousVisit | None = None
    participation: Participation | None = None


slots = _Hooks()


def on_viewed(programme: Programme, user_id: int, kind: str, target: str) -> None:
    for hook in slots.viewed.values():
        hook(programme, user_id, kind, target)


def on_member_removed(user_id: int, programme_id: int) -> None:
    for hook in slots.member_removed.values():
        hook(user_id, programme_id)


def previous_visit_ended_at(user_id: int, programme_id: int) -> datetime | None:
    return slots.previous_visit(user_id, programme_id) if slots.previous_visit else None


def participation_by_member(programme_id: int) -> dict[int, Any]:
    return slots.participation(programme_id) if slots.participation else {}


def home_context(user: User, programme: Programme, since: datetime) -> dict[str, Any]:
    context: dict[str, Any] = {}
    for hook in slots.home_context.values():
        context |= hook(user, programme, since)
    return context
