"""Service statistics: requests per team and category per month, times, deflection, channels.

Months are the organisation's local calendar months. Times are wall-clock medians from
arrival to the first reply and to resolution (the targets in inboxes count opening hours).
Deflection rate = questions the answer bot's suggestions solved ÷ (those + requests sent).
"""

import statistics
import zoneinfo
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from django.utils import timezone
from django.utils.translation import gettext as _

from luukku.core.models import Organisation
from luukku.helpdesk.models import Channel, Rating, Request

MONTHS_SHOWN = 12


@dataclass
class MonthRow:
    month: date
    requests: int = 0
    open_form: int = 0
    signed_in: int = 0
    first_reply_hours: float | None = None
    resolution_hours: float | None = None
    deflected: int = 0
    rating_average: float | None = None
    ratings: int = 0

    @property
    def deflection_rate(self) -> float | None:
        total = self.deflected + self.requests
        return self.deflected / total if total else None

    @property
    def open_form_share(self) -> float | None:
        return self.open_form / self.requests if self.requests else None


@dataclass
class ServiceReport:
    months: list[MonthRow]
    by_team: list[tuple[date, str, int]] = field(default_factory=list)
    by_category: list[tuple[date, str, int]] = field(default_factory=list)


def _month(moment: datetime, zone: zoneinfo.ZoneInfo) -> date:
    return moment.astimezone(zone).date().replace(day=1)


def _hours(deltas: list[timedelta]) -> float | None:
    return round(statistics.median(d.total_seconds() for d in deltas) / 3600, 1) if deltas else None


def service_report(organisation: Organisation, *, now: datetime | None = None) -> ServiceReport:
    zone = zoneinfo.ZoneInfo(organisation.time_zone)
    now = now or timezone.now()
    since = (now.astimezone(zone).replace(day=1) - timedelta(days=31 * (MONTHS_SHOWN - 1))).replace(
        day=1, hour=0, minute=0, second=0, microsecond=0
    )
    rows = Request.objects.filter(organisation=organisation, created_at__gte=since).values_list(
        "created_at", "first_reply_at", "resolved_at", "channel", "team__name", "category__name"
    )
    months: dict[date, MonthRow] = {}
    teams: Counter[tuple[date, str]] = Counter()
    categories: Counter[tuple[date, str]] = Counter()
    replies: dict[date, list[timedelta]] = defaultdict(list)
    resolutions: dict[date, list[timedelta]] = defaultdict(list)
    for created, replied, resolved, channel, team, category in rows.iterator():
        month = _month(created, zone)
        row = months.setdefault(month, MonthRow(month))
        row.requests += 1
        row.open_form += channel == Channel.OPEN_FORM
        row.signed_in += channel == Channel.SIGNED_IN
        teams[(month, team)] += 1
        categories[(month, category)] += 1
        if replied:
            replies[month].append(replied - created)
        if resolved:
            resolutions[month].append(resolved - created)
    for month, row in months.items():
        row.first_reply_hours = _hours(replies[month])
        row.resolution_hours = _hours(resolutions[month])
    _add_deflections(organisation, months, since, zone)
    _add_ratings(organisation, months, since, zone)
    return ServiceReport(
        months=[months[month] for month in sorted(months, reverse=True)],
        by_team=sorted(((m, t, n) for (m, t), n in teams.items()), key=_newest_first),
        by_category=sorted(((m, c, n) for (m, c), n in categories.items()), key=_newest_first),
    )


def _newest_first(row: tuple[date, str, int]) -> tuple[int, str]:
    return (-row[0].toordinal(), row[1])


def _add_deflections(
    organisation: Organisation,
    months: dict[date, MonthRow],
    since: datetime,
    zone: zoneinfo.ZoneInfo,
) -> None:
    # Imported here: the knowledge base is optional to the helpdesk's own pages.
    from luukku.knowledge.queries import solved_times

    for moment in solved_times(organisation, since=since):
        month = _month(moment, zone)
        months.setdefault(month, MonthRow(month)).deflected += 1


def _add_ratings(
    organisation: Organisation,
    months: dict[date, MonthRow],
    since: datetime,
    zone: zoneinfo.ZoneInfo,
) -> None:
    ratings = Rating.objects.filter(
        request__organisation=organisation, created_at__gte=since
    ).values_list("created_at", "score")
    scores: dict[date, list[int]] = defaultdict(list)
    for created, score in ratings:
        scores[_month(created, zone)].append(score)
    for month, values in scores.items():
        row = months.setdefault(month, MonthRow(month))
        row.ratings = len(values)
        row.rating_average = round(sum(values) / len(values), 2)


def _percent(value: float | None) -> str:
    return "" if value is None else f"{value * 100:.1f}"


def csv_rows(report: ServiceReport) -> Iterator[Iterable[object]]:
    """The report as CSV rows: one section per table, each with its own header row."""
    yield [_("Month"), _("Requests"), _("Open form"), _("Signed in"), _("Open form share %"),
           _("Median first reply (h)"), _("Median resolution (h)"), _("Solved by suggestions"),
           _("Deflection rate %"), _("Ratings"), _("Average rating")]  # fmt: skip
    for row in report.months:
        yield [row.month.strftime("%Y-%m"), row.requests, row.open_form, row.signed_in,
               _percent(row.open_form_share), _blank(row.first_reply_hours),
               _blank(row.resolution_hours), row.deflected, _percent(row.deflection_rate),
               row.ratings, _blank(row.rating_average)]  # fmt: skip
    yield []
    yield [_("Month"), _("Team"), _("Requests")]
    for month, team, count in report.by_team:
        yield [month.strftime("%Y-%m"), team, count]
    yield []
    yield [_("Month"), _("Category"), _("Requests")]
    for month, category, count in report.by_category:
        yield [month.strftime("%Y-%m"), category, count]


def _blank(value: object) -> object:
    return "" if value is None else value
