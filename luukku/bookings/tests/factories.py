"""Test data for bookings: a calendar with advisors who keep office hours."""

import datetime as dt

from luukku.accounts.actions import do_set_organisation_role
from luukku.accounts.models import OrganisationRole, User
from luukku.bookings import actions
from luukku.bookings.models import AdvisorSchedule, BookingCalendar, Topic
from luukku.core.models import Organisation

OFFICE_HOURS = [(dt.time(9), dt.time(16))]


def make_advisor(
    organisation: Organisation,
    email: str,
    *,
    zone: str = "Europe/Helsinki",
    hours: list[tuple[dt.time, dt.time]] | None = None,
    weekdays: range = range(7),
) -> User:
    user = User.objects.filter(email=email).first() or User.objects.create_user(
        email, display_name=email.split("@")[0].title()
    )
    do_set_organisation_role(organisation=organisation, user=user, role=OrganisationRole.STAFF)
    schedule = actions.do_get_schedule(organisation_id=organisation.pk, user=user)
    actions.do_set_availability(
        schedule=schedule,
        time_zone=zone,
        weekly={day: list(hours or OFFICE_HOURS) for day in weekdays},
        exceptions={},
    )
    return user


def make_calendar(
    organisation: Organisation, advisors: list[User], **fields: object
) -> BookingCalendar:
    values: dict[str, object] = {
        "name": "Guidance",
        "slug": "guidance",
        "access": "anyone",
        "modes": ["video", "phone"],
        "notice_minutes": 60,
        "horizon_days": 30,
        "meeting_link": "generated",
        "meeting_base_url": "https://meet.example.org",
    }
    values.update(fields)
    calendar = BookingCalendar(organisation=organisation, **values)
    topics = ["Applying", "Studies"]
    return actions.do_save_calendar(calendar=calendar, topics=topics, advisors=advisors)


def schedule_of(user: User, organisation: Organisation) -> AdvisorSchedule:
    return AdvisorSchedule.objects.get(user=user, organisation=organisation)


def booker(
    name: str = "Vera Visitor", email: str = "vera@example.com", **fields: object
) -> actions.BookerDetails:
    values: dict[str, object] = {"name": name, "email": email, "time_zone": "Europe/Helsinki"}
    values.update(fields)
    return actions.BookerDetails(**values)  # type: ignore[arg-type]  # overrides of mixed types


def at(text: str) -> dt.datetime:
    """An aware datetime from 'YYYY-MM-DD HH:MM' in Helsinki."""
    import zoneinfo

    return dt.datetime.fromisoformat(text).replace(tzinfo=zoneinfo.ZoneInfo("Europe/Helsinki"))


def first_topic(calendar: BookingCalendar) -> Topic:
    topic = calendar.topics.first()
    assert topic is not None, "make_calendar gives every calendar its topics"
    return topic
