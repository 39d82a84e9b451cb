"""Reads for organisations and the built-in mailbox."""

import datetime
from dataclasses import dataclass

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.dates import WEEKDAYS

from luukku.core.models import LocalMail, Organisation, Schedule, Service
from luukku.core.opening_hours import WeeklyHours, is_open, weekly_hours


def get_organisation_by_slug(slug: str) -> Organisation:
    try:
        return Organisation.objects.get(slug=slug)
    except Organisation.DoesNotExist as error:
        raise Http404 from error


def list_local_mail(*, recipient: str = "") -> QuerySet[LocalMail]:
    mails = LocalMail.objects.all()
    if recipient:
        mails = mails.filter(to_addresses__icontains=recipient)
    return mails


def access_local_mail(mail_id: int) -> LocalMail:
    try:
        return LocalMail.objects.get(pk=mail_id)
    except LocalMail.DoesNotExist as error:
        raise Http404 from error


def published_services(organisation: Organisation) -> QuerySet[Service]:
    return (
        Service.objects.filter(organisation=organisation, published=True)
        .select_related("schedule")
        .prefetch_related("schedule__periods")
    )


def published_service_url(organisation_id: int, kind: str) -> str | None:
    """The address of the first published service of a kind, e.g. the chat; None if none."""
    return (
        Service.objects.filter(organisation_id=organisation_id, kind=kind, published=True)
        .order_by("position", "id")
        .values_list("url", flat=True)
        .first()
    )


def hours_of(schedule: Schedule | None) -> WeeklyHours:
    """The schedule as pure data; no schedule at all means always open."""
    if schedule is None:
        return weekly_hours([], "UTC")
    periods = [(period.weekday, period.opens, period.closes) for period in schedule.periods.all()]
    return weekly_hours(periods, schedule.time_zone)


@dataclass(frozen=True)
class DayHours:
    weekday: int
    name: str
    periods: list[tuple[datetime.time, datetime.time]]


def opening_table(schedule: Schedule) -> list[DayHours]:
    """Monday to Sunday with the periods of each, for showing opening hours."""
    periods = list(schedule.periods.all())
    return [
        DayHours(
            day,
            str(WEEKDAYS[day]),
            [(period.opens, period.closes) for period in periods if period.weekday == day],
        )
        for day in range(7)
    ]


def is_open_now(schedule: Schedule) -> bool:
    return is_open(hours_of(schedule), timezone.now())


def organisations_with_services() -> QuerySet[Organisation]:
    return Organisation.objects.filter(services__published=True).distinct().order_by("name")
