"""The participant table: one row per participant, from rollups, sorted and filtered."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from django.db.models import Count
from django.utils.crypto import salted_hmac

from luukku.activity.models import MemberTargetRollup
from luukku.activity.queries import (
    last_visit_by_member,
    last_visit_days,
    local_day,
    member_statuses,
    participant_memberships,
)
from luukku.activity.rules import MemberStatus, idle_days
from luukku.insights.overview import MemberWeeks, Period, member_weeks
from luukku.programmes.models import Programme

SPARK_WIDTH, SPARK_HEIGHT = 80, 20
STATUS_ORDER = {MemberStatus.DROPPED_OFF: 0, MemberStatus.PASSIVE: 1, MemberStatus.ACTIVE: 2}


def pseudonym(organisation_id: int, user_id: int) -> str:
    """A stable code instead of a name: the same person always gets the same one."""
    digest = salted_hmac("luukku.insights.pseudonym", f"{organisation_id}:{user_id}").hexdigest()
    return "P-" + digest[:6].upper()


@dataclass
class ParticipantRow:
    user_id: int
    name: str
    email: str
    joined: date
    last_visit: datetime | None
    idle_days: int
    visits: int
    active_minutes: int
    weekly_visits: list[int]
    status: str
    sections_opened: int

    @property
    def status_label(self) -> str:
        return str(MemberStatus(self.status).label)

    @property
    def sparkline_points(self) -> str:
        """SVG polyline points of the weekly visits, scaled into the sparkline box."""
        values = self.weekly_visits or [0]
        top = max(values) or 1
        step = SPARK_WIDTH / max(len(values) - 1, 1)
        return " ".join(
            f"{index * step:.1f},{SPARK_HEIGHT - 2 - (value / top) * (SPARK_HEIGHT - 4):.1f}"
            for index, value in enumerate(values)
        )

    def as_export(self, *, pseudonymised: bool) -> dict[str, Any]:
        row: dict[str, Any] = {"participant": self.name}
        if not pseudonymised:
            row |= {"user_id": self.user_id, "email": self.email}
        return row | {
            "joined": self.joined.isoformat(),
            "last_visit": self.last_visit.isoformat() if self.last_visit else None,
            "days_without_visit": self.idle_days,
            "visits": self.visits,
            "active_minutes": self.active_minutes,
            "visits_per_week": self.weekly_visits,
            "status": self.status,
            "sections_opened": self.sections_opened,
        }


def sections_opened_by_member(programme: Programme) -> dict[int, int]:
    rows = (
        MemberTargetRollup.objects.filter(programme_id=programme.pk, section_id__isnull=False)
        .values("user_id")
        .annotate(sections=Count("section_id", distinct=True))
        .values_list("user_id", "sections")
    )
    return dict(rows)


def participant_rows(
    programme: Programme, *, passive_days: int = 7, today: date | None = None
) -> list[ParticipantRow]:
    """Every participant's row (unsorted), names replaced when the organisation asks."""
    period = Period.of(programme, today)
    weeks = member_weeks(programme, period)
    last = last_visit_by_member(programme)
    people = list(
        participant_memberships(programme).values_list(
            "user_id", "joined_at", "user__display_name", "user__email"
        )
    )
    joined_on = {user_id: local_day(programme, at) for user_id, at, _name, _email in people}
    statuses = member_statuses(
        programme, passive_days=passive_days, today=period.end, last=last, joined=joined_on
    )
    last_days = last_visit_days(programme, period.end, last)
    opened = sections_opened_by_member(programme)
    hide = programme.organisation.pseudonymise_analytics
    empty = MemberWeeks(weekly_visits=[0] * len(period.weeks))
    return [
        ParticipantRow(
            user_id=user_id,
            name=pseudonym(programme.organisation_id, user_id) if hide else name or email,
            email="" if hide else email,
            joined=joined_on[user_id],
            last_visit=last.get(user_id),
            idle_days=idle_days(last_days.get(user_id), joined_on[user_id], period.end),
            visits=weeks.get(user_id, empty).visits,
            active_minutes=weeks.get(user_id, empty).active_seconds // 60,
            weekly_visits=weeks.get(user_id, empty).weekly_visits,
            status=statuses[user_id],
            sections_opened=opened.get(user_id, 0),
        )
        for user_id, _joined_at, name, email in people
    ]


NEVER = datetime.min.replace(tzinfo=UTC)  # sorts before every visit
SORT_KEYS: dict[str, Callable[[ParticipantRow], Any]] = {
    "name": lambda row: row.name.casefold(),
    "last_visit": lambda row: (row.last_visit is not None, row.last_visit or NEVER),
    "visits": lambda row: row.visits,
    "active": lambda row: row.active_minutes,
    "status": lambda row: STATUS_ORDER.get(MemberStatus(row.status), 3),
    "sections": lambda row: row.sections_opened,
    "idle": lambda row: row.idle_days,
}


def filter_and_sort(
    rows: list[ParticipantRow],
    *,
    status: str = "",
    min_idle_days: int | None = None,
    person_ids: set[int] | None = None,
    sort: str = "name",
    descending: bool = False,
) -> list[ParticipantRow]:
    chosen = [
        row
        for row in rows
        if (not status or row.status == status)
        and (min_idle_days is None or row.idle_days >= min_idle_days)
        and (person_ids is None or row.user_id in person_ids)
    ]
    key = SORT_KEYS.get(sort, SORT_KEYS["name"])
    return sorted(chosen, key=lambda row: (key(row), row.name.casefold()), reverse=descending)
