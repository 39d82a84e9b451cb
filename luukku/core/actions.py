"""Writes for organisations, teams and the service catalogue."""

import datetime
from collections.abc import Iterable
from typing import Any

from django.db import transaction
from django.utils.text import slugify

from luukku.core.models import OpeningPeriod, Organisation, Schedule, Service, Team


@transaction.atomic
def do_create_organisation(*, name: str, slug: str = "", time_zone: str = "") -> Organisation:
    organisation = Organisation(name=name, slug=slug or slugify(name)[:50])
    if time_zone:
        organisation.time_zone = time_zone
    organisation.full_clean()
    organisation.save()
    return organisation


def do_update_organisation(
    *, organisation: Organisation, name: str, time_zone: str, brand_colour: str
) -> Organisation:
    """Rename or re-zone an organisation; its slug stays, being in links people already hold."""
    organisation.name, organisation.time_zone = name, time_zone
    organisation.brand_colour = brand_colour
    organisation.full_clean()
    organisation.save(update_fields=["name", "time_zone", "brand_colour"])
    return organisation


def do_create_team(*, organisation: Organisation, name: str, description: str = "") -> Team:
    team = Team(organisation=organisation, name=name, description=description)
    team.full_clean()
    team.save()
    return team


@transaction.atomic
def do_save_schedule(
    *,
    organisation: Organisation,
    name: str,
    time_zone: str,
    periods: Iterable[tuple[int, datetime.time, datetime.time]],
    schedule: Schedule | None = None,
) -> Schedule:
    """Create or replace a week of opening hours (all periods are replaced together)."""
    creating = schedule is None
    if schedule is None:
        schedule = Schedule(organisation=organisation)
    schedule.name, schedule.time_zone = name, time_zone
    schedule.full_clean()
    schedule.save(update_fields=None if creating else ["name", "time_zone"])
    rows = [OpeningPeriod(schedule=schedule, weekday=d, opens=o, closes=c) for d, o, c in periods]
    for row in rows:
        row.full_clean(exclude=["schedule"])
    schedule.periods.all().delete()
    OpeningPeriod.objects.bulk_create(rows)
    return schedule


SERVICE_FIELDS = (
    "kind",
    "name",
    "description",
    "audience",
    "sign_in_required",
    "url",
    "schedule",
    "position",
    "published",
)


def do_save_service(
    *, organisation: Organisation, service: Service | None = None, **fields: Any
) -> Service:
    """Create a catalogue entry, or update the given one with `fields`."""
    unknown = set(fields) - set(SERVICE_FIELDS)
    if unknown:
        raise TypeError(f"unknown service fields: {sorted(unknown)}")
    creating = service is None
    if service is None:
        service = Service(organisation=organisation)
    for name, value in fields.items():
        setattr(service, name, value)
    service.full_clean()
    if creating:
        service.save()
    else:
        service.save(update_fields=list(fields))
    return service


def do_delete_service(*, service: Service) -> None:
    service.delete()
