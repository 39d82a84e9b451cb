"""Roll up new participation events now, or rebuild every rollup from the event log."""

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from luukku.activity.actions import do_rebuild_rollups, do_roll_up_events


class Command(BaseCommand):
    help = "Roll up new participation events (the worker's sweep does this every minute)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--rebuild", action="store_true", help="Recompute all rollups from the events."
        )
        parser.add_argument(
            "--programme", type=int, action="append", help="With --rebuild: only this programme."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["rebuild"]:
            count = do_rebuild_rollups(programme_ids=options["programme"])
            self.stdout.write(f"Rebuilt rollups from {count} events.")
        else:
            count = do_roll_up_events()
            self.stdout.write(f"Rolled up {count} new events.")
