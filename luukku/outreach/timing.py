"""When a message reaches each person: chosen times, best slots, quiet hours (pure functions).

Wall-clock rules are applied in the person's zone (their own, else the programme's), so
"not before 08:00" means eight in the morning where they are, across DST changes.
"""

import zoneinfo
from datetime import UTC, date, datetime, time, timedelta


def local_moment(day: date, hour: int, zone: zoneinfo.ZoneInfo, minute: int = 0) -> datetime:
    """The UTC instant of a wall-clock time; a time skipped by DST moves to after the gap."""
    # fold=0 (PEP 495) reads a time inside the spring gap with the offset before the change,
    # which lands after the gap, and an autumn time that occurs twice as its first occurrence.
    return datetime.combine(day, time(hour, minute), tzinfo=zone).astimezone(UTC)


def in_quiet_hours(moment: datetime, zone: zoneinfo.ZoneInfo, start: int, end: int) -> bool:
    hour = moment.astimezone(zone).hour
    if start == end:
        return False
    if start > end:  # across midnight, e.g. 21-08
        return hour >= start or hour < end
    return start <= hour < end


def after_quiet_hours(moment: datetime, zone: zoneinfo.ZoneInfo, start: int, end: int) -> datetime:
    """`moment`, or the end of the quiet hours it falls into (the next morning at `end`)."""
    if not in_quiet_hours(moment, zone, start, end):
        return moment
    local = moment.astimezone(zone)
    day = local.date()
    if local.hour >= end and start > end:
        day += timedelta(days=1)
    return local_moment(day, end, zone)


def next_weekly_slot(after: datetime, zone: zoneinfo.ZoneInfo, weekday: int, hour: int) -> datetime:
    """The first moment at or after `after` that is `weekday` (0=Mon) at `hour` in `zone`."""
    local_day = after.astimezone(zone).date()
    for offset in range(8):
        day = local_day + timedelta(days=offset)
        if day.weekday() != weekday:
            continue
        moment = local_moment(day, hour, zone)
        if moment >= after:
            return moment
    return local_moment(local_day + timedelta(days=7), hour, zone)


def next_daily_hour(after: datetime, zone: zoneinfo.ZoneInfo, hour: int) -> datetime:
    """The first moment at or after `after` at `hour` o'clock in `zone` (today or tomorrow)."""
    local_day = after.astimezone(zone).date()
    moment = local_moment(local_day, hour, zone)
    if moment < after:
        moment = local_moment(local_day + timedelta(days=1), hour, zone)
    return moment


def zone_for(person_zone: str, programme_zone: str) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(person_zone or programme_zone)
