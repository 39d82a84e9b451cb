"""Which team answers, what a request is called, and when its answers are due."""

import datetime
import re
import secrets

from luukku.core.models import Team
from luukku.core.opening_hours import WeeklyHours, add_open_time, open_time_between
from luukku.core.queries import hours_of
from luukku.helpdesk.models import OPEN_STATUSES, Category, Request, RoutingRule, Status, TeamDesk

# Crockford's base32 without look-alikes (no I, L, O, U): easy to read out on the phone.
REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
REFERENCE_PATTERN = re.compile(r"\bHD-([0-9A-HJKMNP-TV-Z]{6})\b", re.IGNORECASE)


def new_reference() -> str:
    while True:
        reference = "HD-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))
        if not Request.objects.filter(reference=reference).exists():
            return reference


def find_reference(text: str) -> str | None:
    match = REFERENCE_PATTERN.search(text or "")
    return "HD-" + match.group(1).upper() if match else None


def _words(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.casefold()))


def pick_team(category: Category, subject: str, message: str) -> Team:
    """The first keyword rule that matches a word of the text wins; else the category's team.

    A keyword matches whole words or their beginning ("opintotuki" matches "opintotukea"), so
    inflected Finnish forms are caught without matching inside unrelated words.
    """
    words = _words(f"{subject} {message}")
    rules = RoutingRule.objects.filter(organisation_id=category.organisation_id).select_related(
        "team"
    )
    for rule in rules:
        keyword = rule.keyword.casefold().strip()
        if keyword and any(word.startswith(keyword) for word in words):
            return rule.team
    return category.team


def team_desk(team: Team) -> TeamDesk:
    """The team's settings; a team never configured gets the defaults, always open."""
    desk = TeamDesk.objects.filter(team=team).select_related("schedule").first()
    return desk or TeamDesk(team=team)


def team_hours(team: Team) -> WeeklyHours:
    return hours_of(team_desk(team).schedule)


def set_due_times(request: Request) -> None:
    """Targets count opening time of the request's current team from when it arrived."""
    desk = team_desk(request.team)
    hours = hours_of(desk.schedule)
    request.first_reply_due = add_open_time(
        hours, request.created_at, datetime.timedelta(minutes=desk.first_reply_minutes)
    )
    request.resolution_due = add_open_time(
        hours, request.created_at, datetime.timedelta(minutes=desk.resolution_minutes)
    )
    request.next_due = next_due(request)


def next_due(request: Request) -> datetime.datetime | None:
    """The earliest unmet target; none while the ball is in the requester's court."""
    if request.status not in OPEN_STATUSES or request.status == Status.WAITING:
        return None
    candidates = [request.resolution_due]
    if request.first_reply_at is None:
        candidates.append(request.first_reply_due)
    known = [due for due in candidates if due is not None]
    return min(known) if known else None


def resume_clock(request: Request, now: datetime.datetime) -> None:
    """The requester answered: move the resolution target by the opening time spent waiting."""
    if request.waiting_since is not None and request.resolution_due is not None:
        hours = team_hours(request.team)
        paused = open_time_between(hours, request.waiting_since, now)
        request.resolution_due = add_open_time(hours, request.resolution_due, paused)
    request.waiting_since = None
