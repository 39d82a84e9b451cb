"""The periodic work registered in OutreachConfig.ready(): bounded, idempotent, enqueueing."""

from luukku.outreach.actions.automations import run_automations
from luukku.outreach.actions.outbox import any_due
from luukku.outreach.tasks import send_due_deliveries


def automations() -> int:
    """Run every active automation once (each person once per rule and occasion)."""
    return run_automations()


def outbox() -> None:
    """Hand due rows to the task worker; nothing is enqueued while nothing is due."""
    if any_due():
        send_due_deliveries.enqueue()
