"""`manage.py outreach_worker`: the old name of `outbox_worker`, kept for existing scripts."""

from luukku.core.management.commands.outbox_worker import Command as OutboxWorker


class Command(OutboxWorker):
    help = "Old name of outbox_worker: send due messages from the outbox."
