"""Rows are made with the worker asleep; each test decides when and how it runs."""

import pytest


@pytest.fixture(autouse=True)
def _worker_not_woken(monkeypatch: pytest.MonkeyPatch) -> None:
    from luukku.core.outbox import actions

    monkeypatch.setattr(actions, "wake_worker", lambda: None)
