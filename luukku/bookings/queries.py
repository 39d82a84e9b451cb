"""Reads and permissions for bookings: who may book, manage and see what; free times."""

import datetime as dt
import hashlib
import hmac
import zoneinfo
from collections import defaultdict
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.db import connections
from django.db.models import FloatField, Func, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from luukku.accounts.models import OrganisationMembership, OrganisationRole, User
from luukku.accounts.queries import active_user, is_organisation_admin, organisation_role
from luukku.bookings.availability import AdvisorRules, SlotRules, team_slots
from luukku.bookings.models import (
    Access,
    AdvisorSchedule,
    Booking,
    BookingCalendar,
    BookingStatus,
    CalendarAdvisor,
    DateException,
    Topic,
    WeeklyHours,
)
from luukku.core.models import Organisation
from luukku.core.tokens import hash_token
from luukku.programmes import queries as programme_queries

AnyUser = User | AnonymousUser


class SignInRequiredError(Exception):
    """The calendar takes bookings from signed-in people only."""


def may_book(user: AnyUser, calendar: BookingCalendar) -> bool:
    """Anyone, signed-in people, or members of the calendar's programme (any role)."""
    if calendar.access == Access.ANYONE:
        return True
    if active_user(user) is None:
        return False
    if calendar.access == Access.SIGNED_IN:
        return True
    programme = calendar.programme
    return programme is not None and programme_queries.role_in(user, programme) is not None


def access_calendar_for_booking(
    user: AnyUser, organisation_slug: str, calendar_slug: str
) -> BookingCalendar:
    """The open calendar if the user may book it; SignInRequiredError for visitors; else 404."""
    calendar = (
        BookingCalendar.objects.select_related("organisation", "programme")
        .filter(organisation__slug=organisation_slug, slug=calendar_slug, is_active=True)
        .first()
    )
    if calendar is None:
        raise Http404
    if calendar.access != Access.ANYONE and active_user(user) is None:
        raise SignInRequiredError
    if not may_book(user, calendar):
        raise Http404
    return calendar


def access_calendar(user: AnyUser, calendar_id: int, *, admin: bool = False) -> BookingCalendar:
    """A calendar for its organisation's admins, or (admin=False) also its advisors; else 404."""
    calendar = BookingCalendar.objects.select_related("organisation").filter(pk=calendar_id)
    found = calendar.first()
    if found is None:
        raise Http404
    if is_organisation_admin(user, found.organisation_id):
        return found
    person = active_user(user)
    is_advisor = person is not None and found.advisors.filter(schedule__user=person).exists()
    if admin or not is_advisor:
        raise Http404
    return found


def calendars_for_staff(user: AnyUser) -> QuerySet[BookingCalendar]:
    """Calendars the user runs: every one of organisations they admin, and those they advise."""
    person = active_user(user)
    if person is None:
        return BookingCalendar.objects.none()
    admin_of = OrganisationMembership.objects.filter(
        user=person, role=OrganisationRole.ADMIN
    ).values("organisation_id")
    advised = CalendarAdvisor.objects.filter(schedule__user=person).values("calendar_id")
    return (
        BookingCalendar.objects.filter(Q(organisation_id__in=admin_of) | Q(pk__in=advised))
        .select_related("organisation")
        .order_by("name")
    )


def staff_organisation_ids(user: AnyUser) -> list[int]:
    person = active_user(user)
    if person is None:
        return []
    return list(
        OrganisationMembership.objects.filter(user=person).values_list("organisation_id", flat=True)
    )


def calendar_topic(calendar: BookingCalendar, topic_id: int) -> Topic | None:
    """One of the topics the calendar offers, or None."""
    return Topic.objects.filter(calendar=calendar, pk=topic_id).first()


def staff_organisations(user: AnyUser) -> QuerySet[Organisation]:
    """Organisations where the user advises (admin or staff)."""
    return Organisation.objects.filter(pk__in=staff_organisation_ids(user))


def recent_calendar_bookings(calendar: BookingCalendar, *, days: int = 30) -> QuerySet[Booking]:
    """The calendar's bookings that ended at most `days` ago or are still to come, by start."""
    since = timezone.now() - dt.timedelta(days=days)
    return (
        Booking.objects.filter(calendar=calendar, ends_at__gte=since)
        .select_related("advisor__user", "topic")
        .order_by("starts_at")
    )


def feed_bookings(schedule: AdvisorSchedule, *, days: int = 60) -> QuerySet[Booking]:
    """What the advisor's calendar feed lists: bookings not cancelled, from `days` ago on."""
    since = timezone.now() - dt.timedelta(days=days)
    return (
        Booking.objects.filter(advisor=schedule, ends_at__gte=since)
        .exclude(status=BookingStatus.CANCELLED)
        .select_related("calendar", "advisor__user", "topic")
    )


def access_schedule(user: AnyUser, organisation_id: int) -> AdvisorSchedule:
    """The signed-in staff member's own schedule in the organisation (made on first use)."""
    person = active_user(user)
    if person is None or organisation_role(person, organisation_id) is None:
        raise Http404
    schedule, _created = AdvisorSchedule.objects.get_or_create(
        organisation_id=organisation_id,
        user=person,
        defaults={"time_zone": person.time_zone or settings.LUUKKU_TIME_ZONE},
    )
    return schedule


def access_booking_by_token(raw_token: str) -> Booking:
    """The booking a manage link belongs to; 404 for an unknown link."""
    booking = (
        Booking.objects.select_related("calendar__organisation", "advisor__user", "topic")
        .filter(manage_token_hash=hash_token(raw_token))
        .first()
    )
    if booking is None:
        raise Http404
    return booking


def access_advisor_booking(user: AnyUser, booking_id: int) -> Booking:
    """A booking for its advisor or an admin of its organisation; 404 for anyone else."""
    booking = (
        Booking.objects.select_related("calendar__organisation", "advisor__user", "topic")
        .filter(pk=booking_id)
        .first()
    )
    person = active_user(user)
    if booking is None or person is None:
        raise Http404
    if booking.advisor.user_id != person.pk and not is_organisation_admin(
        person, booking.organisation_id
    ):
        raise Http404
    return booking


def advisor_bookings(schedule: AdvisorSchedule, *, since: dt.datetime) -> QuerySet[Booking]:
    return (
        Booking.objects.filter(advisor=schedule, ends_at__gte=since)
        .select_related("calendar", "topic")
        .order_by("starts_at")
    )


def feed_token(schedule: AdvisorSchedule) -> str:
    """The secret in the advisor's feed address; raising feed_version revokes it."""
    message = f"bookings-feed:{schedule.pk}:{schedule.feed_version}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:40]


def access_feed(schedule_id: int, token: str) -> AdvisorSchedule:
    schedule = AdvisorSchedule.objects.select_related("user").filter(pk=schedule_id).first()
    if schedule is None or not hmac.compare_digest(feed_token(schedule), token):
        raise Http404
    # The address lives on in calendar apps: leaving the organisation (or a deactivated
    # account) must end it, as removal ends every other access.
    if organisation_role(schedule.user, schedule.organisation_id) is None:
        raise Http404
    return schedule


def slot_rules(calendar: BookingCalendar, now: dt.datetime) -> SlotRules:
    return SlotRules(
        duration=dt.timedelta(minutes=calendar.duration_minutes),
        buffer=dt.timedelta(minutes=calendar.buffer_minutes),
        earliest=now + dt.timedelta(minutes=calendar.notice_minutes),
        latest=now + dt.timedelta(days=calendar.horizon_days),
        daily_cap=calendar.daily_cap,
    )


def load_rules(
    calendar: BookingCalendar,
    schedule_ids: list[int],
    window: tuple[dt.datetime, dt.datetime],
    *,
    exclude_booking_id: int | None = None,
) -> list[AdvisorRules]:
    """Hours, exceptions and busy times of the advisors around the window: three queries."""
    start, end = window[0] - dt.timedelta(days=2), window[1] + dt.timedelta(days=2)
    schedules = AdvisorSchedule.objects.filter(pk__in=schedule_ids).order_by()
    rules = {
        schedule_id: AdvisorRules(schedule_id, zone, defaultdict(list), defaultdict(list))
        for schedule_id, zone in schedules.values_list("pk", "time_zone")
    }
    weekly = WeeklyHours.objects.filter(schedule_id__in=rules).order_by("starts")
    for schedule_id, weekday, opens, closes in weekly.values_list(
        "schedule_id", "weekday", "starts", "ends"
    ):
        rules[schedule_id].weekly[weekday].append((opens, closes))
    exceptions = DateException.objects.filter(
        schedule_id__in=rules, date__range=(start.date(), end.date())
    ).order_by("starts")
    for schedule_id, day, starts, ends in exceptions.values_list(
        "schedule_id", "date", "starts", "ends"
    ):
        hours = rules[schedule_id].exceptions[day]
        if starts is not None and ends is not None:
            hours.append((starts, ends))
    _add_busy(rules, calendar, (start, end), exclude_booking_id)
    return [rules[schedule_id] for schedule_id in schedule_ids if schedule_id in rules]


def _add_busy(
    rules: dict[int, AdvisorRules],
    calendar: BookingCalendar,
    window: tuple[dt.datetime, dt.datetime],
    exclude_booking_id: int | None,
) -> None:
    busy = Booking.objects.filter(
        advisor_id__in=rules, busy_until__gt=window[0], starts_at__lt=window[1]
    ).exclude(status=BookingStatus.CANCELLED)
    if exclude_booking_id is not None:
        busy = busy.exclude(pk=exclude_booking_id)
    # Seconds since the epoch rather than timestamps: a team's month has thousands of busy
    # rows, and parsing timestamptz text took most of the time of a free-times request.
    query = (
        busy.order_by("starts_at")
        .annotate(start=Epoch("starts_at"), end=Epoch("busy_until"))
        .values_list("advisor_id", "start", "end", "calendar_id")
    )
    # Run on a plain cursor: Django's per-row converters cost more than the query here.
    sql, params = query.query.sql_with_params()
    with connections[query.db].cursor() as cursor:
        cursor.execute(sql, params)
        rows = cursor.fetchall()
    zones = {schedule_id: zoneinfo.ZoneInfo(found.zone) for schedule_id, found in rules.items()}
    for advisor_id, start, end, booked_calendar_id in rows:
        starts_at = dt.datetime.fromtimestamp(round(start), dt.UTC)
        busy_until = dt.datetime.fromtimestamp(round(end), dt.UTC)
        found = rules[advisor_id]
        found.busy.append((starts_at, busy_until))
        # Counted only under a daily cap: the zone conversion is most of this loop's cost.
        if calendar.daily_cap and booked_calendar_id == calendar.pk:
            day = starts_at.astimezone(zones[advisor_id]).date()
            found.booked_per_day[day] = found.booked_per_day.get(day, 0) + 1


class Epoch(Func):
    """Seconds since 1970 of a datetime column, on PostgreSQL and SQLite."""

    output_field = FloatField()
    template = "EXTRACT(EPOCH FROM %(expressions)s)::float8"

    def as_sqlite(self, compiler: Any, connection: Any, **extra: Any) -> Any:
        template = "((julianday(%(expressions)s) - 2440587.5) * 86400.0)"
        return self.as_sql(compiler, connection, template=template, **extra)


def calendar_schedule_ids(calendar: BookingCalendar, advisor_id: int | None = None) -> list[int]:
    advisors = CalendarAdvisor.objects.filter(calendar=calendar)
    if advisor_id is not None:
        advisors = advisors.filter(schedule_id=advisor_id)
    return list(advisors.order_by("position", "id").values_list("schedule_id", flat=True))


def free_times(
    calendar: BookingCalendar,
    *,
    now: dt.datetime | None = None,
    advisor_id: int | None = None,
    exclude_booking_id: int | None = None,
) -> dict[dt.datetime, list[int]]:
    """Bookable start times (UTC) -> free advisors, within the calendar's notice and horizon."""
    rules = slot_rules(calendar, now or timezone.now())
    schedule_ids = calendar_schedule_ids(calendar, advisor_id)
    advisors = load_rules(
        calendar,
        schedule_ids,
        (rules.earliest, rules.latest),
        exclude_booking_id=exclude_booking_id,
    )
    return team_slots(advisors, rules)


def calendar_advisors(calendar: BookingCalendar) -> list[CalendarAdvisor]:
    return list(
        CalendarAdvisor.objects.filter(calendar=calendar)
        .select_related("schedule__user")
        .order_by("position", "id")
    )
