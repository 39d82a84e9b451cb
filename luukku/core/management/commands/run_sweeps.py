"""Run the registered periodic sweeps, in a loop or once."""

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from luukku.core.sweeps import registered_sweeps, run_due_sweeps


class Command(BaseCommand):
    help = "Run due periodic sweeps (rollups, automations, reminders) every --interval seconds."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--interval", type=float, default=15.0)
        parser.add_argument("--once", action="store_true", help="Run what is due, then exit.")

    def handle(self, *args: Any, **options: Any) -> None:
        names = ", ".join(sweep.name for sweep in registered_sweeps()) or "none"
        self.stdout.write(f"Sweeps: {names}")
        while True:
            for name in run_due_sweeps():
                self.stdout.write(f"ran {name}")
            if options["once"]:
                return
            time.sleep(options["interval"])
