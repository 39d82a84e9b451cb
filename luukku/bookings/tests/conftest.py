import pytest
import time_machine

from luukku.bookings.tests.factories import at, make_advisor, make_calendar

NOW = at("2026-11-23 08:00")  # a Monday morning in Helsinki


@pytest.fixture
def frozen():
    with time_machine.travel(NOW, tick=False) as traveller:
        yield traveller


@pytest.fixture
def advisor(organisation):
    return make_advisor(organisation, "anna@example.com")


@pytest.fixture
def calendar(organisation, advisor):
    return make_calendar(organisation, [advisor])


@pytest.fixture(autouse=True)
def _english():
    """Actions speak the active language (Finnish by default); the assertions read English."""
    from django.utils import translation

    with translation.override("en"):
        yield
