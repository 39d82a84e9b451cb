"""Background work of core. Tasks take ids (or nothing) and are idempotent."""

from django_tasks import task

# One task run handles at most this many rows, then hands the rest to a fresh task, so a
# big send never holds one worker slot for long.
ROWS_PER_TASK = 2000


@task()
def deliver_due_messages() -> int:
    """Deliver due outbox rows; running it twice at once is harmless (rows are leased)."""
    from luukku.core.outbox.worker import any_due, do_send_due

    report = do_send_due(limit=ROWS_PER_TASK)
    if report.handled >= ROWS_PER_TASK and any_due():
        deliver_due_messages.enqueue()
    return report.sent
