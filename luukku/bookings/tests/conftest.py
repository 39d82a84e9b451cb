from collections.abc import Iterator

import pytest
import time_machine

from luukku.accounts.models import User
from luukku.bookings.models import BookingCalendar
from luukku.bookings.tests.factories import at, make_advisor, make_calendar
from luukku.core.models import Organisation

NOW = at("2026-11-23 08:00")  # a Monday morning in Helsinki


@pytest.fixture
def frozen() -> Iterator[time_machine.Traveller]:
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def advisor(organisation: Organisation) -> User:
    return make_advisor(organisation, "anna@example.com")


@pytest.fixture
def calendar(organisation: Organisation, advisor: User) -> BookingCalendar:
    return make_calendar(organisation, [advisor])


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    """Actions speak the active language (Finnish by default); the assertions read English."""
    from django.utils import translation

    with translation.override("en"):
        yield
