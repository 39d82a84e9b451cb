from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.utils import timezone

from luukku.core import sweeps
from luukku.core.models import SweepRun


@pytest.fixture
def counting_sweep() -> Iterator[list[int]]:
    calls: list[int] = []
    saved = dict(sweeps._registry)
    sweeps._registry.clear()
    sweeps.register_sweep("test.count", every=timedelta(minutes=5), run=lambda: calls.append(1))
    yield calls
    sweeps._registry.clear()
    sweeps._registry.update(saved)


def test_a_sweep_runs_once_per_period(db: None, counting_sweep: list[int]) -> None:
    start = timezone.now()
    assert sweeps.run_due_sweeps(start) == ["test.count"]
    assert sweeps.run_due_sweeps(start + timedelta(minutes=1)) == []
    assert sweeps.run_due_sweeps(start + timedelta(minutes=5)) == ["test.count"]
    assert len(counting_sweep) == 2


def test_a_failing_sweep_is_recorded_and_the_others_still_run(
    db: None, counting_sweep: list[int]
) -> None:
    def fail() -> None:
        raise RuntimeError("broken rollup")

    sweeps.register_sweep("test.a_failing", every=timedelta(minutes=5), run=fail)
    assert sweeps.run_due_sweeps() == ["test.a_failing", "test.count"]
    assert "broken rollup" in SweepRun.objects.get(name="test.a_failing").last_error
    assert counting_sweep == [1]
