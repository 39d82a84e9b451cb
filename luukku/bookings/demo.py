"""Demo bookings like the seed university's: applicants book a video session without signing
in, students sign in and meet on a Teams-like link. Past sessions carry anonymous feedback,
given by feedback's demo (feedback/demo.py) through `on_session_over`: bookings sits below
feedback and imports nothing of it.
"""

import datetime as dt
import random
from collections.abc import Callable, Sequence

from django.utils import timezone

from luukku.accounts.models import User
from luukku.bookings import actions
from luukku.bookings.models import Booking, BookingCalendar, BookingStatus
from luukku.bookings.queries import free_times
from luukku.core.models import Organisation
from luukku.core.outbox.actions import do_skip_pending
from luukku.core.outbox.queries import pending_ids_for_sources

OFFICE_HOURS = [(dt.time(9), dt.time(11, 30)), (dt.time(12, 30), dt.time(16))]
BOOKERS = ["Aada Aho", "Bruno Berg", "Chen Li", "Dina Ek", "Eero Mäki", "Fatima Ali", "Gustav Lind"]
# What happens after a past session that took place (feedback's demo answers some).
SessionOver = Callable[[Booking, random.Random], None]


def _calendar(
    organisation: Organisation, advisors: list[User], fields: dict[str, object]
) -> BookingCalendar:
    values = dict(fields)
    topics = [str(topic) for topic in values.pop("topics")]  # type: ignore[attr-defined]  # the demo's topics are a list of str
    found = BookingCalendar.objects.filter(organisation=organisation, slug=values["slug"]).first()
    calendar = found or BookingCalendar(organisation=organisation, **values)
    return actions.do_save_calendar(calendar=calendar, topics=topics, advisors=advisors)


def _set_hours(organisation: Organisation, advisors: list[User]) -> None:
    for advisor in advisors:
        schedule = actions.do_get_schedule(organisation_id=organisation.pk, user=advisor)
        actions.do_set_availability(
            schedule=schedule,
            time_zone=organisation.time_zone,
            weekly={weekday: list(OFFICE_HOURS) for weekday in range(5)},
            exceptions={},
        )


def _book_some(
    calendar: BookingCalendar, rng: random.Random, now: dt.datetime, count: int
) -> list[Booking]:
    """Book free times as if people had booked them two days before each session."""
    made: list[Booking] = []
    for days_ago in range(-10, 40, 3):
        moment = now - dt.timedelta(days=days_ago + 2)
        free = free_times(calendar, now=moment)
        if not free or len(made) >= count:
            continue
        start = rng.choice(list(free)[:12])
        name = rng.choice(BOOKERS)
        try:
            made.append(
                actions.do_create_booking(
                    calendar=calendar,
                    start=start,
                    advisor_id=rng.choice(free[start]),
                    mode=rng.choice(calendar.modes),
                    topic=rng.choice(list(calendar.topics.all())),
                    booker=actions.BookerDetails(
                        name=name,
                        email=name.split()[0].lower() + "@example.com",
                        time_zone=calendar.organisation.time_zone,
                        phone="+358 40 000 0000",
                        question="",
                    ),
                    now=moment,
                )
            )
        except actions.BookingError:
            continue
    return made


def _finish_past(
    bookings: Sequence[Booking],
    rng: random.Random,
    now: dt.datetime,
    on_session_over: SessionOver | None,
) -> None:
    for booking in bookings:
        if booking.ends_at > now:
            continue
        if rng.random() < 0.1:
            actions.do_mark_no_show(booking=booking, no_show=True, now=now)
            continue
        if on_session_over is not None:
            on_session_over(booking, rng)


APPLICANTS: dict[str, object] = {
    "name": "Applicant guidance",
    "slug": "applicants",
    "access": "anyone",
    "modes": ["video", "phone"],
    "meeting_link": "generated",
    "meeting_base_url": "https://meet.jit.si",
    "topics": ["Applying", "Entrance exams", "Recognition of earlier studies"],
    "cancel_deadline_hours": 2,
    "booker_limit": 1,
    "booker_limit_days": 7,
}
STUDENTS: dict[str, object] = {
    "name": "Student guidance",
    "slug": "students",
    "access": "signed_in",
    "modes": ["video", "on_site"],
    "meeting_link": "template",
    "location": "Main building, room A101",
    "meeting_url_template": "https://teams.example.com/l/meetup-join/{room}",
    "topics": ["Study plan", "Thesis", "Wellbeing"],
    "assignment": "pick",
    "daily_cap": 4,
}


def seed_demo_bookings(
    *,
    organisation: Organisation,
    staff: Sequence[User],
    seed: int,
    on_session_over: SessionOver | None = None,
) -> list[BookingCalendar]:
    """Two calendars with advisors' hours, past and coming sessions; `on_session_over` runs
    for each past session that took place, with the same random source (so the demo stays
    the same for a seed)."""
    rng = random.Random(f"{seed}:bookings")
    advisors = list(staff)[:3]
    if not advisors:
        return []
    _set_hours(organisation, advisors)
    calendars = [_calendar(organisation, advisors, fields) for fields in (APPLICANTS, STUDENTS)]
    now = timezone.now()
    for calendar, count in zip(calendars, (12, 8), strict=True):
        seeded = Booking.objects.filter(calendar=calendar).exclude(status=BookingStatus.CANCELLED)
        if not seeded.exists():
            _finish_past(_book_some(calendar, rng, now, count), rng, now, on_session_over)
    # Invitations for sessions already over would only clutter the demo mailbox.
    past = Booking.objects.filter(calendar__organisation=organisation, ends_at__lt=now)
    do_skip_pending(
        ids=pending_ids_for_sources("bookings", past.values_list("pk", flat=True)),
        reason="demo history: not mailed",
    )
    return calendars
