"""The programme analytics page's figures, from rollups: a handful of GROUP BY queries.

The same objects feed the page, its data tables and the CSV/JSON exports, so the numbers
on the page and in an export cannot disagree.
"""

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

from django.db.models import Count, Q, Sum

from luukku.activity.models import (
    HOUR_COLUMNS,
    MemberDayRollup,
    MemberRollupState,
    MemberTargetRollup,
    MemberWeekRollup,
    ProgrammeDayRollup,
)
from luukku.activity.queries import (
    joined_days,
    member_statuses,
    participant_memberships,
)
from luukku.activity.rules import MemberStatus, PublishSlot, best_slots, median_or_zero
from luukku.programmes.models import Programme, Section

# Most weeks the per-member weekly columns cover (sparklines, retention).
MAX_WEEKS = 26
DAY_PART_HOURS = {
    "day": range(7, 17),
    "evening": range(17, 23),
    "night": (23, *range(7)),
}


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


@dataclass(frozen=True)
class Period:
    """The programme's days so far; weeks are calendar weeks (Monday to Sunday, local)."""

    start: date
    end: date

    @classmethod
    def of(cls, programme: Programme, today: date | None = None) -> "Period":
        end = min(today or programme.today(), programme.ends_on)
        return cls(programme.starts_on, max(end, programme.starts_on))

    @property
    def weeks(self) -> list[date]:
        """The Monday of each week in the period, the last MAX_WEEKS at most."""
        first = monday_of(self.start)
        count = (monday_of(self.end) - first).days // 7 + 1
        return [first + timedelta(weeks=n) for n in range(count)][-MAX_WEEKS:]

    def week_of(self, day: date) -> int:
        """Weeks since the period's first week."""
        return (monday_of(day) - monday_of(self.start)).days // 7


@dataclass(frozen=True)
class DayTotals:
    """Participants' rollups summed per day."""

    day: date
    visits: int
    active_seconds: int
    posts: int
    comments: int
    reactions: int
    hours: tuple[int, ...]


@dataclass
class MemberWeeks:
    """One participant's totals over the period and visits per programme week."""

    visits: int = 0
    active_seconds: int = 0
    visits_this_week: int = 0
    weekly_visits: list[int] = field(default_factory=list)


def _participant_filter(programme: Programme) -> Q:
    return Q(user_id__in=participant_memberships(programme).values("user_id"))


def day_totals(programme: Programme, period: Period) -> list[DayTotals]:
    """Participants' counters per day: the programme-day rollup less the few other members
    (coaches, observers, people who left) who have rollups."""
    columns = ("visits", "active_seconds", "posts", "comments", "reactions", *HOUR_COLUMNS)
    rows = ProgrammeDayRollup.objects.filter(
        programme_id=programme.pk, day__range=(period.start, period.end)
    ).values_list("day", *columns)
    totals = {day: list(counts) for day, *counts in rows}
    others = MemberRollupState.objects.filter(programme_id=programme.pk).exclude(
        _participant_filter(programme)
    )
    if others.exists():
        theirs = (
            MemberDayRollup.objects.filter(
                programme_id=programme.pk,
                user_id__in=others.values("user_id"),
                day__range=(period.start, period.end),
            )
            .values("day")
            .annotate(**{column: Sum(column) for column in columns})
            .values_list("day", *columns)
        )
        for day, *counts in theirs:
            totals[day] = [a - (b or 0) for a, b in zip(totals[day], counts, strict=True)]
    return [
        DayTotals(day, c[0], c[1], c[2], c[3], c[4], tuple(c[5:]))
        for day, c in sorted(totals.items())
    ]


def member_weeks(programme: Programme, period: Period) -> dict[int, MemberWeeks]:
    """Per participant: totals over the period and visits in each week: one GROUP BY over
    the week rollups with a conditional sum per week."""
    weeks = period.weeks
    per_week = {f"w{n}": Sum("visits", filter=Q(week=week)) for n, week in enumerate(weeks)}
    rows = (
        MemberWeekRollup.objects.filter(
            _participant_filter(programme),
            programme_id=programme.pk,
            week__range=(monday_of(period.start), monday_of(period.end)),
        )
        .values("user_id")
        .annotate(total=Sum("visits"), active=Sum("active_seconds"), **per_week)
        .values_list("user_id", "total", "active", *per_week)
    )
    result = {}
    for user_id, visits, seconds, *weekly in rows:
        counts = [count or 0 for count in weekly]
        result[user_id] = MemberWeeks(visits, seconds, counts[-1] if counts else 0, counts)
    _remove_days_outside(programme, period, result)
    return result


def _remove_days_outside(
    programme: Programme, period: Period, members: dict[int, MemberWeeks]
) -> None:
    """Take out what the first and last calendar weeks hold outside the period (a visit on
    the Monday before a Wednesday start, or after the end), so that the table sums the
    same days as the page: at most twelve day rows per person."""
    last_sunday = monday_of(period.end) + timedelta(days=6)
    outside = Q(day__range=(monday_of(period.start), period.start - timedelta(days=1))) | Q(
        day__range=(period.end + timedelta(days=1), last_sunday)
    )
    rows = (
        MemberDayRollup.objects.filter(_participant_filter(programme), programme_id=programme.pk)
        .filter(outside)
        .values_list("user_id", "day", "visits", "active_seconds")
    )
    shown = {week: index for index, week in enumerate(period.weeks)}
    for user_id, day, visits, seconds in rows:
        member = members.get(user_id)
        if member is None:
            continue
        member.visits -= visits
        member.active_seconds -= seconds
        index = shown.get(monday_of(day))
        if index is not None:
            member.weekly_visits[index] -= visits
            if index == len(shown) - 1:
                member.visits_this_week -= visits


def share(part: float, whole: float) -> float:
    return part / whole if whole else 0.0


@dataclass(frozen=True)
class WeekRow:
    week_starts: date
    visits: int
    active_minutes: int
    active_minutes_per_participant: float
    posts: int
    comments: int
    reactions: int


@dataclass
class Overview:
    """Everything the analytics page shows (aggregates only: safe for observers)."""

    period: Period
    figures: dict[str, float]
    days: list[DayTotals]
    message_days: set[date]
    weekly: list[WeekRow]
    day_parts: list[tuple[str, int, float]]
    weekend: list[tuple[str, int, float]]
    heatmap: list[list[int]]
    sections: list[tuple[Section, int, float]]
    retention: list[tuple[int, int, int, float]]
    slots: list[PublishSlot]
    statuses: dict[int, str]
    members: dict[int, MemberWeeks]

    @property
    def heatmap_max(self) -> int:
        return max((max(row) for row in self.heatmap), default=0)


def message_days(programme: Programme) -> set[date]:
    # Imported here: outreach builds on insights, not the other way round.
    try:
        from luukku.outreach.queries import message_send_dates
    except ImportError:  # pragma: no cover - outreach is optional for analytics
        return set()
    return set(message_send_dates(programme))


def build_overview(programme: Programme, *, today: date | None = None) -> Overview:
    period = Period.of(programme, today)
    days = day_totals(programme, period)
    members = member_weeks(programme, period)
    joined = joined_days(programme)
    statuses = member_statuses(programme, today=period.end, joined=joined)
    hours = [0] * 168
    for day in days:  # each day's totals carry its visit starts by hour
        for hour, count in enumerate(day.hours):
            hours[day.day.weekday() * 24 + hour] += count or 0
    return Overview(
        period=period,
        figures=key_figures(period, days, members, statuses, joined),
        days=days,
        message_days=message_days(programme),
        weekly=weekly_rows(period, days, members, joined),
        day_parts=day_part_split(hours),
        weekend=weekend_split(hours),
        heatmap=[hours[weekday * 24 : weekday * 24 + 24] for weekday in range(7)],
        sections=section_progress(programme, len(joined)),
        retention=retention(period, members, joined),
        slots=best_slots(hours, 3),
        statuses=statuses,
        members=members,
    )


def median_weekly_active_minutes(
    period: Period, members: dict[int, MemberWeeks], joined: dict[int, date]
) -> float:
    """Median over participants of their active minutes per week of membership so far."""
    per_week = []
    for user_id, joined_day in joined.items():
        days = (period.end - max(joined_day, period.start)).days + 1
        if days <= 0:
            continue
        seconds = members[user_id].active_seconds if user_id in members else 0
        per_week.append(seconds / 60 / max(days / 7, 1))
    return round(median_or_zero(per_week), 1)


def key_figures(
    period: Period,
    days: list[DayTotals],
    members: dict[int, MemberWeeks],
    statuses: dict[int, str],
    joined: dict[int, date],
) -> dict[str, float]:
    counted = Counter(statuses.values())
    return {
        "participants": len(joined),
        "active_this_week": sum(1 for m in members.values() if m.visits_this_week),
        "passive": counted[MemberStatus.PASSIVE],
        "dropped_off": counted[MemberStatus.DROPPED_OFF],
        "median_active_minutes_per_week": median_weekly_active_minutes(period, members, joined),
        "visits": sum(day.visits for day in days),
        "posts": sum(day.posts for day in days),
        "comments": sum(day.comments for day in days),
    }


def weekly_rows(
    period: Period, days: list[DayTotals], members: dict[int, MemberWeeks], joined: dict[int, date]
) -> list[WeekRow]:
    """Per week: visits, active minutes (in all, and per participant there), discussion."""
    sums: dict[date, Counter[str]] = {start: Counter() for start in period.weeks}
    for day in days:
        if monday_of(day.day) in sums:
            sums[monday_of(day.day)].update(
                visits=day.visits, active_seconds=day.active_seconds, posts=day.posts,
                comments=day.comments, reactions=day.reactions,
            )  # fmt: skip
    joined_days_sorted = sorted(joined.values())
    result = []
    for start, totals in sums.items():
        present = bisect_right(joined_days_sorted, start + timedelta(days=6))
        minutes = totals["active_seconds"] / 60
        result.append(
            WeekRow(
                week_starts=start,
                visits=totals["visits"],
                active_minutes=round(minutes),
                active_minutes_per_participant=round(share(minutes, present), 1),
                posts=totals["posts"],
                comments=totals["comments"],
                reactions=totals["reactions"],
            )
        )
    return result


def day_part_split(hours: list[int]) -> list[tuple[str, int, float]]:
    by_part = {
        part: sum(hours[d * 24 + h] for d in range(7) for h in hs)
        for part, hs in DAY_PART_HOURS.items()
    }
    total = sum(by_part.values())
    return [(part, count, share(count, total)) for part, count in by_part.items()]


def weekend_split(hours: list[int]) -> list[tuple[str, int, float]]:
    weekend = sum(hours[5 * 24 :])
    weekdays = sum(hours[: 5 * 24])
    total = weekend + weekdays
    return [
        ("weekdays", weekdays, share(weekdays, total)),
        ("weekend", weekend, share(weekend, total)),
    ]


def opened_counts_by_section(programme: Programme) -> dict[int, int]:
    rows = (
        MemberTargetRollup.objects.filter(
            programme_id=programme.pk,
            user_id__in=participant_memberships(programme).values("user_id"),
            section_id__isnull=False,
        )
        .values("section_id")
        .annotate(people=Count("user_id", distinct=True))
        .values_list("section_id", "people")
    )
    return {section_id: people for section_id, people in rows if section_id is not None}


def section_progress(programme: Programme, participants: int) -> list[tuple[Section, int, float]]:
    """Per plan section: how many participants opened it (the section, a page or a file)."""
    opened = opened_counts_by_section(programme)
    sections = Section.objects.filter(programme=programme).order_by("position", "id")
    return [(s, opened.get(s.pk, 0), share(opened.get(s.pk, 0), participants)) for s in sections]


def retention(
    period: Period, members: dict[int, MemberWeeks], joined: dict[int, date]
) -> list[tuple[int, int, int, float]]:
    """(weeks since joining, people that long in, of them with a visit that week, share).

    Weeks are calendar weeks: week 0 is the week the person joined in (or the first week).
    """
    weeks = period.weeks
    first_week = period.week_of(weeks[0])
    eligible = [0] * len(weeks)
    returned = [0] * len(weeks)
    for user_id, joined_day in joined.items():
        start = max(period.week_of(max(joined_day, period.start)), first_week) - first_week
        eligible[len(weeks) - start - 1] += 1  # cumulated below: in for weeks 0..n-start-1
        if user_id in members:
            visited = members[user_id].weekly_visits
            for since, count in enumerate(visited[start:]):
                if count:
                    returned[since] += 1
    for since in range(len(weeks) - 2, -1, -1):
        eligible[since] += eligible[since + 1]
    return [
        (k, eligible[k], returned[k], share(returned[k], eligible[k]))
        for k in range(len(weeks))
        if eligible[k]
    ]
