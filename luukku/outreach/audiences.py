"""Who a message is for: the audience rules, evaluated against the participation figures."""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from luukku.activity import queries as activity_queries
from luukku.outreach.models import AudienceKind
from luukku.programmes.models import Programme, ProgrammeMembership, ProgrammeRole

DEFAULT_PASSIVE_DAYS = 7


@dataclass(frozen=True)
class Audience:
    kind: str
    passive_days: int = DEFAULT_PASSIVE_DAYS
    section_id: int | None = None
    user_ids: tuple[int, ...] = field(default_factory=tuple)

    def detail(self) -> dict[str, object]:
        """What is stored with the message to say how the audience was chosen."""
        if self.kind == AudienceKind.PASSIVE:
            return {"passive_days": self.passive_days}
        if self.kind == AudienceKind.NOT_OPENED:
            return {"section_id": self.section_id}
        if self.kind == AudienceKind.PICKED:
            return {"user_ids": list(self.user_ids)}
        return {}


def participant_joins(programme: Programme) -> dict[int, datetime | None]:
    """Active participants of the programme and when each joined."""
    rows = ProgrammeMembership.objects.filter(
        programme=programme, role=ProgrammeRole.PARTICIPANT, user__is_active=True
    ).values_list("user_id", "joined_at")
    return dict(rows)


def passive_ids(programme: Programme, joined: dict[int, datetime | None], days: int) -> set[int]:
    """No visit for `days` programme-local days, the analytics' definition (people who never
    visited count from the day they joined): see activity.rules.idle_days."""
    idle = activity_queries.idle_days_by_member(programme)
    return {user_id for user_id in joined if idle.get(user_id, 0) >= days}


def audience_ids(programme: Programme, audience: Audience) -> list[int]:
    """The participants the audience rule picks, sorted by id."""
    joined = participant_joins(programme)
    everyone = set(joined)
    chosen: Iterable[int]
    if audience.kind == AudienceKind.EVERYONE:
        chosen = everyone
    elif audience.kind == AudienceKind.PASSIVE:
        chosen = passive_ids(programme, joined, audience.passive_days)
    elif audience.kind == AudienceKind.NOT_OPENED:
        opened = activity_queries.opened_section_ids_by_member(programme)
        chosen = {uid for uid in everyone if audience.section_id not in opened.get(uid, set())}
    elif audience.kind == AudienceKind.NOT_POSTED:
        chosen = everyone - activity_queries.posted_member_ids(programme)
    elif audience.kind == AudienceKind.DROPPED_OFF:
        statuses = activity_queries.member_statuses(programme)
        chosen = {uid for uid in everyone if statuses.get(uid) == "dropped_off"}
    else:
        chosen = everyone & set(audience.user_ids)
    return sorted(set(chosen) & everyone)
