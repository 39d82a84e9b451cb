"""A fixed daytime for tests whose outcome would otherwise depend on when they run."""

import zoneinfo
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, time, timedelta

import time_machine
from django.utils import timezone


@contextmanager
def office_hours_tomorrow(zone: str = "Europe/Helsinki") -> Iterator[datetime]:
    """Travel to 10:00 tomorrow in `zone`, with the clock ticking on from there.

    Activation messages sent "now" wait for the end of quiet hours (21-08 in the
    programme's zone), so their tests would pass by day and fail by night. Tomorrow, not a
    fixed date, so that a browser on the real clock keeps the sessions' cookies.
    """
    local = zoneinfo.ZoneInfo(zone)
    tomorrow = timezone.now().astimezone(local).date() + timedelta(days=1)
    moment = datetime.combine(tomorrow, time(10), tzinfo=local)
    with time_machine.travel(moment, tick=True):
        yield moment
