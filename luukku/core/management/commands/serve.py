"""Serve the web app and the task worker together in the foreground; Ctrl-C stops both."""

import os
import signal
import subprocess
import sys
import time
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser


class Command(BaseCommand):
    help = "Run uvicorn (web), db_worker (background tasks) and run_sweeps until interrupted."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--host", default=os.environ.get("HOST", "127.0.0.1"))
        parser.add_argument("--port", type=int, default=int(os.environ.get("PORT", "8000")))
        parser.add_argument(
            "--web-workers", type=int, default=int(os.environ.get("WEB_CONCURRENCY", "1"))
        )
        parser.add_argument("--no-worker", action="store_true", help="Serve the web app only.")

    def handle(self, *args: Any, **options: Any) -> None:
        web = web_command(options["host"], options["port"], options["web_workers"])
        worker = [sys.executable, "manage.py", "db_worker", "--interval", "1"]
        sweeper = [sys.executable, "manage.py", "run_sweeps"]
        commands = [web] if options["no_worker"] else [web, worker, sweeper]
        processes = [subprocess.Popen(command, cwd=settings.BASE_DIR) for command in commands]
        everywhere = "0.0.0.0"  # noqa: S104  # compared with --host to print a link, not bound
        shown_host = (
            "localhost" if options["host"] in {"127.0.0.1", everywhere} else options["host"]
        )
        url = f"http://{shown_host}:{options['port']}/"
        self.stdout.write(self.style.SUCCESS(f"Luukku is running at {url}  (Ctrl-C stops it)"))
        try:
            self._wait_for_any_exit(processes)
        except KeyboardInterrupt:
            self.stdout.write("Stopping ...")
        finally:
            self._stop_all(processes)

    @staticmethod
    def _wait_for_any_exit(processes: list[subprocess.Popen[bytes]]) -> None:
        # If either half dies, stop the other: a web server without its worker silently
        # stops sending e-mail, which is worse than stopping.
        while all(process.poll() is None for process in processes):
            time.sleep(0.5)

    @staticmethod
    def _stop_all(processes: list[subprocess.Popen[bytes]]) -> None:
        for process in processes:
            if process.poll() is None:
                process.send_signal(signal.SIGTERM)
        deadline = time.monotonic() + 10
        for process in processes:
            try:
                process.wait(timeout=max(0.1, deadline - time.monotonic()))
            except subprocess.TimeoutExpired:
                process.kill()


def web_command(host: str, port: int, workers: int) -> list[str]:
    """The uvicorn command line (a function so that tests can parse it with uvicorn's CLI)."""
    return [
        sys.executable,
        "-m",
        "uvicorn",
        "config.asgi:application",
        "--host",
        host,
        "--port",
        str(port),
        "--workers",
        str(workers),
        "--no-access-log",
        # The visitor's address is worked out once, by luukku.core.client_ip from
        # LUUKKU_TRUSTED_PROXIES; uvicorn's own rewriting trusts X-Forwarded-For from
        # loopback by default, which would let anyone on the host pick their address.
        "--no-proxy-headers",
        "--lifespan",
        "off",
    ]
