"""Setting up calendars and advisors' hours."""

import datetime as dt

from django.db import transaction

from luukku.accounts.models import User
from luukku.bookings.availability import LocalHours
from luukku.bookings.models import (
    AdvisorSchedule,
    BookingCalendar,
    CalendarAdvisor,
    DateException,
    Topic,
    WeeklyHours,
)


@transaction.atomic
def do_save_calendar(
    *, calendar: BookingCalendar, topics: list[str], advisors: list[User]
) -> BookingCalendar:
    """Validate and store the calendar, its topics (by name) and its advisors (in order)."""
    calendar.full_clean()
    calendar.save()
    _set_topics(calendar, topics)
    schedules = [
        do_get_schedule(organisation_id=calendar.organisation_id, user=user) for user in advisors
    ]
    CalendarAdvisor.objects.filter(calendar=calendar).exclude(
        schedule__in=[schedule.pk for schedule in schedules]
    ).delete()
    for position, schedule in enumerate(schedules):
        CalendarAdvisor.objects.update_or_create(
            calendar=calendar, schedule=schedule, defaults={"position": position}
        )
    return calendar


def _set_topics(calendar: BookingCalendar, names: list[str]) -> None:
    # Kept by name so that past bookings keep their topic for the statistics.
    wanted = [name.strip()[:200] for name in names if name.strip()]
    existing = {topic.name: topic for topic in Topic.objects.filter(calendar=calendar)}
    for topic in existing.values():
        if topic.name not in wanted:
            topic.delete()
    for position, name in enumerate(dict.fromkeys(wanted)):
        kept = existing.get(name)
        if kept is None:
            Topic.objects.create(calendar=calendar, name=name, position=position)
        elif kept.position != position:
            kept.position = position
            kept.save(update_fields=["position"])


def do_get_schedule(*, organisation_id: int, user: User) -> AdvisorSchedule:
    schedule, _created = AdvisorSchedule.objects.get_or_create(
        organisation_id=organisation_id,
        user=user,
        defaults={"time_zone": user.time_zone} if user.time_zone else {},
    )
    return schedule


def do_set_room(*, calendar: BookingCalendar, schedule: AdvisorSchedule, room_url: str) -> None:
    CalendarAdvisor.objects.filter(calendar=calendar, schedule=schedule).update(room_url=room_url)


@transaction.atomic
def do_set_availability(
    *,
    schedule: AdvisorSchedule,
    time_zone: str,
    weekly: dict[int, list[LocalHours]],
    exceptions: dict[dt.date, list[LocalHours]],
) -> AdvisorSchedule:
    """Replace the advisor's zone, weekly hours and date exceptions (empty list: closed)."""
    schedule.time_zone = time_zone
    schedule.full_clean()
    schedule.save(update_fields=["time_zone"])
    WeeklyHours.objects.filter(schedule=schedule).delete()
    WeeklyHours.objects.bulk_create(
        WeeklyHours(schedule=schedule, weekday=weekday, starts=opens, ends=closes)
        for weekday, hours in weekly.items()
        for opens, closes in hours
    )
    DateException.objects.filter(schedule=schedule).delete()
    rows: list[DateException] = []
    for day, hours in exceptions.items():
        rows.extend(
            DateException(schedule=schedule, date=day, starts=opens, ends=closes)
            for opens, closes in hours
        )
        if not hours:
            rows.append(DateException(schedule=schedule, date=day))
    DateException.objects.bulk_create(rows)
    return schedule


def do_rotate_feed(*, schedule: AdvisorSchedule) -> AdvisorSchedule:
    """Give the advisor a new feed address; the old one stops working."""
    schedule.feed_version += 1
    schedule.save(update_fields=["feed_version"])
    return schedule
