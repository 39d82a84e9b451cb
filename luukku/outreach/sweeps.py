"""The periodic work registered in OutreachConfig.ready(): bounded, idempotent, enqueueing."""

from luukku.outreach.actions.automations import run_automations


def automations() -> int:
    """Run every active automation once (each person once per rule and occasion)."""
    return run_automations()
