"""One participant's timeline: their visits and what they did in each (raw events of one
person, newest visits first, bounded)."""

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from luukku.activity.models import Event, EventKind
from luukku.activity.rollups.counting import TARGET_PATTERN
from luukku.activity.visits import VISIT_GAP, ping_bucket
from luukku.programmes.models import Page, PageFile, Programme, Section

# The newest events read for one timeline: months of ordinary use, a bounded read.
MAX_EVENTS = 20_000
MAX_VISITS = 100


@dataclass
class TimelineVisit:
    started_at: datetime
    ended_at: datetime
    active_seconds: int = 0
    actions: Counter[str] = field(default_factory=Counter)
    opened: list[str] = field(default_factory=list)

    @property
    def active_minutes(self) -> int:
        return round(self.active_seconds / 60)

    @property
    def action_list(self) -> list[tuple[str, int]]:
        return [(str(EventKind(kind).label), n) for kind, n in sorted(self.actions.items())]


def _target_titles(programme: Programme, targets: set[str]) -> dict[str, str]:
    ids: dict[str, set[int]] = {"section": set(), "page": set(), "file": set()}
    for target in targets:
        match = TARGET_PATTERN.match(target)
        if match:
            ids[match.group(1)].add(int(match.group(2)))
    titles = {
        f"section:{pk}": title
        for pk, title in Section.objects.filter(
            programme=programme, pk__in=ids["section"]
        ).values_list("pk", "title")
    }
    titles |= {
        f"page:{pk}": title
        for pk, title in Page.objects.filter(
            section__programme=programme, pk__in=ids["page"]
        ).values_list("pk", "title")
    }
    titles |= {
        f"file:{pk}": name
        for pk, name in PageFile.objects.filter(
            page__section__programme=programme, pk__in=ids["file"]
        ).values_list("pk", "original_name")
    }
    return titles


def participant_timeline(programme: Programme, user_id: int) -> list[TimelineVisit]:
    """The person's latest visits, newest first, each with its actions and what was opened."""
    rows = list(
        Event.objects.filter(programme_id=programme.pk, user_id=user_id)
        .order_by("-occurred_at", "-id")
        .values_list("occurred_at", "kind", "target", "active_seconds")[:MAX_EVENTS]
    )
    titles = _target_titles(programme, {row[2] for row in rows})
    visits: list[TimelineVisit] = []
    counted: set[int] = set()  # active time once per 15-second bucket, as in the rollups
    for at, kind, target, reported in rows:
        seconds = reported if reported and ping_bucket(at) not in counted else 0
        counted.add(ping_bucket(at))
        if not visits or visits[-1].started_at - at > VISIT_GAP:
            if len(visits) == MAX_VISITS:
                break
            visits.append(TimelineVisit(started_at=at, ended_at=at))
        visit = visits[-1]
        visit.started_at = at
        visit.active_seconds += seconds
        if kind != EventKind.ACTIVE_PING:
            visit.actions[kind] += 1
        title = titles.get(target)
        if title and title not in visit.opened:
            visit.opened.insert(0, title)
    return visits
