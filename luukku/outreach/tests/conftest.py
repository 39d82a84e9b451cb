"""Fixtures for outreach tests: a coach and a programme with participants."""

from collections.abc import Iterator
from dataclasses import dataclass

import pytest

from luukku.accounts.models import User
from luukku.core.models import Organisation
from luukku.core.testing.clock import office_hours_tomorrow
from luukku.outreach.audiences import Audience
from luukku.outreach.models import AudienceKind, Channel
from luukku.outreach.planning import Draft
from luukku.programmes.models import Programme
from luukku.programmes.tests.factories import make_person, make_programme


@pytest.fixture(autouse=True)
def _office_hours(request: pytest.FixtureRequest) -> Iterator[None]:
    """Messages sent "now" wait out quiet hours: test at 10:00, whenever the suite runs.

    Tests that need another moment travel there themselves; tests marked real_clock (a
    worker in another process shares no fake time) keep the real one.
    """
    if request.node.get_closest_marker("real_clock"):
        yield
        return
    with office_hours_tomorrow():
        yield


@dataclass
class Cast:
    coach: User
    programme: Programme
    participants: list[User]


def make_cast(organisation: Organisation, count: int = 5, prefix: str = "p") -> Cast:
    coach = make_person(f"coach-{prefix}@example.com", "Cai Coach")
    participants = [
        make_person(f"{prefix}{number}@example.com", f"Person{number} Test")
        for number in range(count)
    ]
    programme = make_programme(organisation, coach=coach, participants=participants)
    return Cast(coach, programme, participants)


@pytest.fixture
def cast(organisation: Organisation) -> Cast:
    return make_cast(organisation)


def draft(**changes: object) -> Draft:
    values: dict[str, object] = {
        "subject": "Hello {{ first_name }}",
        "body": "Come back to {{ programme }}: {{ continue_link }}",
        "channel": Channel.EMAIL,
        "audience": Audience(AudienceKind.EVERYONE),
        "holdout_percent": 0,
    }
    values.update(changes)
    return Draft(**values)  # type: ignore[arg-type]  # overrides of mixed types
