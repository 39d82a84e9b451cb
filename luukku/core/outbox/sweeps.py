"""The outbox's minute sweep (registered in CoreConfig.ready)."""

from luukku.core.outbox.worker import any_due


def wake_for_due_messages() -> bool:
    """Hand due rows to the task worker; nothing is enqueued while nothing is due."""
    from luukku.core import tasks

    if not any_due():
        return False
    tasks.deliver_due_messages.enqueue()
    return True
