"""Periodic sweeps (rollups, automations, reminders) run by `manage.py run_sweeps`.

Apps register their sweeps in `AppConfig.ready()`; core imports no other app. The embedded
default needs no cron: `manage.py serve` starts the sweeper next to the task worker. Each
sweep is claimed through its SweepRun row inside a transaction, so any number of sweeper
processes on any number of machines run a due sweep once. A sweep must itself be
idempotent (a crash between claim and finish skips one period, never doubles work).
"""

import logging
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from django.db import transaction
from django.utils import timezone

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Sweep:
    name: str
    every: timedelta
    run: Callable[[], object]


_registry: dict[str, Sweep] = {}


def register_sweep(name: str, *, every: timedelta, run: Callable[[], object]) -> None:
    """Run `run()` about every `every`. Registering a name again replaces the old entry."""
    _registry[name] = Sweep(name=name, every=every, run=run)


def registered_sweeps() -> list[Sweep]:
    return sorted(_registry.values(), key=lambda sweep: sweep.name)


def _claim(sweep: Sweep, now: datetime) -> bool:
    from luukku.core.models import SweepRun

    with transaction.atomic():
        SweepRun.objects.get_or_create(name=sweep.name)
        run = SweepRun.objects.select_for_update().get(name=sweep.name)
        if run.last_started_at is not None and run.last_started_at + sweep.every > now:
            return False
        run.last_started_at = now
        run.save(update_fields=["last_started_at"])
    return True


def _finish(sweep: Sweep, error: str) -> None:
    from luukku.core.models import SweepRun

    SweepRun.objects.filter(name=sweep.name).update(
        last_finished_at=timezone.now(), last_error=error
    )


def run_due_sweeps(now: datetime | None = None) -> list[str]:
    """Run every sweep whose period has passed; return the names that ran.

    A failing sweep is logged and recorded; the others still run.
    """
    now = now or timezone.now()
    ran = []
    for sweep in registered_sweeps():
        if not _claim(sweep, now):
            continue
        error = ""
        try:
            sweep.run()
        except Exception:
            logger.exception("Sweep %s failed", sweep.name)
            error = traceback.format_exc(limit=5)
        _finish(sweep, error)
        ran.append(sweep.name)
    return ran
