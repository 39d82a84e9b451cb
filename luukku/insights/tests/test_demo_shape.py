"""The analytics of the seeded demo programme show the seed's shape (DESIGN, seed 000)."""

import pytest
import time_machine

from luukku.activity.queries import visits_for
from luukku.demo.tests.conftest import DemoRun, demo  # noqa: F401  # the shared demo fixture, used by name
from luukku.demo.tests.demo_helpers import NOW, participant_ids
from luukku.insights.overview import build_overview

pytestmark = pytest.mark.django_db


def test_demo_analytics_show_the_seed_shape(demo: DemoRun) -> None:  # noqa: F811  # the fixture imported above
    with time_machine.travel(NOW, tick=False):
        overview = build_overview(demo.programme)
    shares = {part: share for part, _count, share in overview.day_parts}
    assert 0.55 <= shares["day"] <= 0.75  # about two thirds in the daytime
    assert 0.2 <= shares["evening"] <= 0.4  # about a third in the evening
    assert shares["night"] < 0.08  # a few per cent at night
    weekend = {part: share for part, _count, share in overview.weekend}["weekend"]
    assert 0.05 <= weekend <= 0.15  # about one in ten at weekends
    assert overview.figures["participants"] == 30
    assert overview.figures["dropped_off"] >= 1


def test_demo_rollups_count_the_same_visits_as_the_raw_events(demo: DemoRun) -> None:  # noqa: F811  # the fixture imported above
    programme = demo.programme
    raw = sum(len(visits_for(user_id, programme.pk)) for user_id in participant_ids(programme))
    with time_machine.travel(NOW, tick=False):
        overview = build_overview(programme)
    assert overview.figures["visits"] == raw
