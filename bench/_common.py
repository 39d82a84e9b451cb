"""Shared parts of the benchmark scripts: a PostgreSQL database, a real server, a load loop.

Not a test: the scripts print figures and a ratio against a baseline measured in the same
run, so a slow machine slows both sides alike.
"""

import asyncio
import os
import socket
import subprocess
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # httpx and the models load lazily: Django is set up first
    import httpx

    from luukku.accounts.models import User

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATABASE_URL = "postgres://postgres@127.0.0.1:5432/luukku_bench"


def prepare_django() -> str:
    """Point Django at the benchmark database (created if missing), migrate it, set it up."""
    url = os.environ.setdefault("DATABASE_URL", DEFAULT_DATABASE_URL)
    if not url.startswith(("postgres://", "postgresql://")):
        sys.exit("DATABASE_URL must point at PostgreSQL, e.g. " + DEFAULT_DATABASE_URL)
    os.environ["DEBUG"] = "false"  # the server is measured as it runs in production
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    _ensure_database(url)
    sys.path.insert(0, str(ROOT))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("createcachetable", verbosity=0)
    return url


def _ensure_database(url: str) -> None:
    import dj_database_url
    import psycopg

    config = dj_database_url.parse(url)
    admin = psycopg.connect(
        dbname="postgres",
        user=config["USER"] or None,
        password=config["PASSWORD"] or None,
        host=config["HOST"] or None,
        port=config["PORT"] or None,
        autocommit=True,
    )
    with admin:
        exists = admin.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [config["NAME"]]
        ).fetchone()
        if not exists:
            admin.execute(f'CREATE DATABASE "{config["NAME"]}"')


def session_cookie(user: "User") -> str:
    """Sign a user in the way a browser would end up: a session row (and cache entry)."""
    from django.conf import settings
    from django.test import Client

    client = Client()
    client.force_login(user)
    return f"{settings.SESSION_COOKIE_NAME}={client.cookies[settings.SESSION_COOKIE_NAME].value}"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_environment(pool: bool) -> dict[str, str]:
    """The server's environment: no persistent connections, optionally a connection pool.

    Under ASGI every request runs its database work in a fresh thread context, so a
    persistent connection (CONN_MAX_AGE > 0) is never reused and lingers until garbage
    collection; PostgreSQL soon refuses new clients. Django's own pool (psycopg_pool,
    "?pool=true" in DATABASE_URL) reuses connections across requests instead.
    """
    env = os.environ.copy()
    env["DATABASE_CONN_MAX_AGE"] = "0"
    if pool:
        url = env["DATABASE_URL"]
        env["DATABASE_URL"] = url + ("&" if "?" in url else "?") + "pool=true"
    return env


def pool_available() -> bool:
    try:
        import psycopg_pool  # noqa: F401  # only whether it can be imported
    except ImportError:
        return False
    return True


@contextmanager
def running_server(workers: int, *, pool: bool) -> Iterator[str]:
    """Serve config.asgi with uvicorn in a subprocess; yield its base URL."""
    port = _free_port()
    command = [
        sys.executable, "-m", "uvicorn", "config.asgi:application",
        "--host", "127.0.0.1", "--port", str(port), "--workers", str(workers),
        "--no-access-log", "--log-level", "warning",
    ]  # fmt: skip
    server = subprocess.Popen(command, cwd=ROOT, env=server_environment(pool))
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_until_up(base, server)
        yield base
    finally:
        server.terminate()
        server.wait(timeout=20)


def _wait_until_up(base: str, server: subprocess.Popen[bytes]) -> None:
    import httpx

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        if server.poll() is not None:
            sys.exit("The server did not start.")
        try:
            if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.2)
    sys.exit("The server did not answer within 30 s.")


@dataclass
class Measurement:
    requests: int
    units: int
    failures: int
    seconds: float

    @property
    def requests_per_second(self) -> float:
        return self.requests / self.seconds

    @property
    def units_per_second(self) -> float:
        return self.units / self.seconds


# One request: returns how many units (events, pages) it delivered, or raises on failure.
Request = Callable[["httpx.AsyncClient", int], Awaitable[int]]


async def _load(base: str, request: Request, concurrency: int, seconds: float) -> Measurement:
    import httpx

    totals = Measurement(0, 0, 0, seconds)
    deadline = time.monotonic() + seconds

    async def worker(number: int) -> None:
        # One client with one keep-alive connection per loop: a single httpx pool shared
        # by dozens of connections spends more CPU on its own bookkeeping than the server
        # spends answering (it measured ~150 requests/s against a bare ASGI app here).
        limits = httpx.Limits(max_connections=1, max_keepalive_connections=1)
        async with httpx.AsyncClient(base_url=base, limits=limits, timeout=30) as client:
            while time.monotonic() < deadline:
                try:
                    # Await first: `units += await ...` would read units before awaiting
                    # and lose the other loops' updates.
                    delivered = await request(client, number)
                    totals.units += delivered
                    totals.requests += 1
                except Exception:  # a failed request counts, it does not stop the run
                    totals.failures += 1

    started = time.monotonic()
    await asyncio.gather(*(worker(number) for number in range(concurrency)))
    totals.seconds = time.monotonic() - started
    return totals


def measure(
    base: str, request: Request, *, concurrency: int, seconds: float, warm_up: float = 2.0
) -> Measurement:
    """Run `request` from `concurrency` loops for `seconds` (after a discarded warm-up)."""
    asyncio.run(_load(base, request, concurrency, warm_up))
    return asyncio.run(_load(base, request, concurrency, seconds))


def print_conditions(url: str, pool: bool, workers: int, concurrency: int) -> None:
    print(f"database {url.rsplit('@', 1)[-1]} (connection pool {'on' if pool else 'off'}), "
          f"{workers} uvicorn workers, {concurrency} requests in flight")  # fmt: skip
    print_load()


def print_load() -> None:
    """The machine's load average: other work on the same cores skews both figures."""
    one, five, _fifteen = os.getloadavg()
    print(f"load average {one:.2f} (1 min), {five:.2f} (5 min) on {os.cpu_count()} cores")


def health_request() -> Request:
    async def request(client: "httpx.AsyncClient", number: int) -> int:
        response = await client.get("/healthz")
        response.raise_for_status()
        return 1

    return request
