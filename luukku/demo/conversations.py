"""The demo's discussions, written through the discussions actions at simulated times.

Participants post during one of their simulated visits, coaches on weekday working hours,
so threads, comments and reactions line up with the activity record. The actions stamp
everything "now"; `backdating` then moves the rows to the moments chosen here.
"""

import bisect
import random
import zoneinfo
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta

from django.utils.html import escape

from luukku.accounts.models import User
from luukku.demo import texts
from luukku.demo.simulation import SimulatedVisit
from luukku.discussions.actions import do_add_comment, do_create_thread, do_toggle_reaction
from luukku.discussions.models import Comment, ReactionKind, Thread
from luukku.programmes.models import Programme

# How far ahead a reply or reaction looks for a visit of someone who could write it.
REPLY_WINDOW = timedelta(days=6)


@dataclass
class Written:
    """What the actions wrote, with the simulated moment of each, in the order written."""

    threads: list[tuple[Thread, datetime]] = field(default_factory=list)
    comments: list[tuple[Comment, datetime]] = field(default_factory=list)
    reactions: list[tuple[User, str, Thread | None, Comment | None, datetime]] = field(
        default_factory=list
    )
    # Every action records one event; their moments, in call order.
    event_moments: list[datetime] = field(default_factory=list)


class VisitIndex:
    """All participants' visits sorted by start, to find who was around after a moment."""

    def __init__(self, visits: Sequence[Sequence[SimulatedVisit]]) -> None:
        rows = [(v.started_at, v.ended_at, who) for who, own in enumerate(visits) for v in own]
        self.rows = sorted(rows)
        self.starts = [row[0] for row in self.rows]

    def moment_after(
        self, rng: random.Random, after: datetime, exclude: set[int]
    ) -> tuple[int, datetime] | None:
        """A participant and a moment inside one of their visits soon after `after`."""
        first = bisect.bisect_left(self.starts, after)
        last = bisect.bisect_right(self.starts, after + REPLY_WINDOW)
        candidates = [row for row in self.rows[first:last] if row[2] not in exclude][:12]
        if not candidates:
            return None
        started_at, ended_at, who = rng.choice(candidates)
        return who, started_at + (ended_at - started_at) * rng.uniform(0.3, 0.9)


def coach_moment(rng: random.Random, after: datetime, zone: zoneinfo.ZoneInfo) -> datetime:
    """A weekday working-hours moment at least an hour after `after`."""
    day = (after + timedelta(hours=1)).astimezone(zone).date()
    while True:
        wall = datetime.combine(day, time(rng.randint(8, 15), rng.randrange(60)), tzinfo=zone)
        if day.weekday() < 5 and wall > after + timedelta(hours=1):
            return wall
        day += timedelta(days=1)


def paragraph(text: str) -> str:
    return f"<p>{escape(text)}</p>"


def write_discussions(
    *,
    rng: random.Random,
    programme: Programme,
    coaches: list[User],
    participants: list[User],
    visits: Sequence[Sequence[SimulatedVisit]],
    now: datetime,
) -> Written:
    """Open the threads of texts.THREADS whose week has come, with replies and reactions."""
    zone = zoneinfo.ZoneInfo(programme.time_zone)
    index = VisitIndex(visits)
    written = Written()
    for thread_text in texts.THREADS:
        week_start = datetime.combine(
            programme.starts_on + timedelta(weeks=thread_text.week), time(0), tzinfo=zone
        )
        opening = _thread_opening(rng, thread_text, coaches, participants, index, week_start)
        if opening is None or opening[1] >= now:
            continue
        author, at = opening
        thread = do_create_thread(
            user=author,
            programme=programme,
            title=thread_text.title,
            body_html=paragraph(thread_text.body),
        )
        written.threads.append((thread, at))
        written.event_moments.append(at)
        _reply(rng, thread, thread_text, coaches, participants, index, at, now, written)
        _react(rng, thread, participants, index, at, now, written)
    return written


def _coach_for(thread_text: texts.ThreadText, coaches: list[User]) -> User:
    return coaches[-1] if thread_text.language == "en" else coaches[thread_text.week % 2]


def _thread_opening(
    rng: random.Random,
    thread_text: texts.ThreadText,
    coaches: list[User],
    participants: list[User],
    index: VisitIndex,
    week_start: datetime,
) -> tuple[User, datetime] | None:
    """Who opens the thread and when: a coach on the week's Monday, or a visiting participant."""
    if thread_text.by_coach:
        zone = zoneinfo.ZoneInfo(str(week_start.tzinfo))
        return _coach_for(thread_text, coaches), coach_moment(rng, week_start, zone)
    found = index.moment_after(rng, week_start + timedelta(days=1), set())
    return None if found is None else (participants[found[0]], found[1])


def _reply(
    rng: random.Random,
    thread: Thread,
    thread_text: texts.ThreadText,
    coaches: list[User],
    participants: list[User],
    index: VisitIndex,
    at: datetime,
    now: datetime,
    written: Written,
) -> None:
    """Write the thread's replies in order, each after the last, by different participants."""
    zone = zoneinfo.ZoneInfo(thread.programme.time_zone)
    writers: set[int] = {thread.author_id} if thread.author_id else set()
    for by_coach, text in thread_text.replies:
        if by_coach:
            author, at = _coach_for(thread_text, coaches), coach_moment(rng, at, zone)
        else:
            taken = {who for who, user in enumerate(participants) if user.pk in writers}
            found = index.moment_after(rng, at + timedelta(minutes=20), taken)
            if found is None:
                continue
            author, at = participants[found[0]], found[1]
        if at >= now:
            break
        comment = do_add_comment(user=author, thread=thread, body_html=paragraph(text))
        written.comments.append((comment, at))
        written.event_moments.append(at)
        writers.add(author.pk)


def _react(
    rng: random.Random,
    thread: Thread,
    participants: list[User],
    index: VisitIndex,
    at: datetime,
    now: datetime,
    written: Written,
) -> None:
    """A few readers like the thread and some of its comments while visiting later."""
    targets: list[tuple[Thread | None, Comment | None, datetime, int | None]] = [
        (thread, None, at, thread.author_id)
    ]
    targets += [
        (None, c, c_at, c.author_id) for c, c_at in written.comments if c.thread_id == thread.pk
    ]
    for target_thread, comment, since, author_id in targets:
        given: set[int] = set()
        for _attempt in range(rng.choice((0, 1, 2, 2, 3, 4))):
            exclude = given | {who for who, u in enumerate(participants) if u.pk == author_id}
            found = index.moment_after(rng, since + timedelta(minutes=5), exclude)
            if found is None or found[1] >= now:
                continue
            who, moment = found
            kind = rng.choice(ReactionKind.values)
            user = participants[who]
            do_toggle_reaction(user=user, kind=kind, thread=target_thread, comment=comment)
            written.reactions.append((user, kind, target_thread, comment, moment))
            written.event_moments.append(moment)
            given.add(who)
