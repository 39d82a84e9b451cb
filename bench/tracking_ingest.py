"""Tracking ingest over HTTP on PostgreSQL: events per second, against a bare endpoint.

    uv run python bench/tracking_ingest.py   (DATABASE_URL: PostgreSQL, see bench/README.md)

Goal: at least 5,000 events/s (batches of 20) on a 2-core machine. See bench/README.md.
"""

import argparse
import json
import time
from typing import TYPE_CHECKING

import _common

if TYPE_CHECKING:  # imported lazily, as the other modules are
    import httpx


def set_up(users: int) -> tuple[list[str], list[str]]:
    """Create an organisation, a programme and signed-in members; return cookies and tokens."""
    from zoneinfo import ZoneInfo

    from django.utils import timezone

    from luukku.accounts.actions import do_get_or_create_user
    from luukku.activity.tokens import make_tracking_token
    from luukku.core.actions import do_create_organisation
    from luukku.core.models import Organisation
    from luukku.programmes.actions import do_create_programme
    from luukku.programmes.models import Programme

    organisation = Organisation.objects.filter(slug="bench").first()
    organisation = organisation or do_create_organisation(name="Bench", slug="bench")
    coach, _ = do_get_or_create_user(email="bench-coach@example.com")
    # Reused between runs (its events pile up, as they would in production).
    programme = Programme.objects.filter(organisation=organisation, name="Ingest bench").first()
    programme = programme or do_create_programme(
        organisation=organisation,
        creator=coach,
        name="Ingest bench",
        starts_on=timezone.localdate(timezone=ZoneInfo(organisation.time_zone)),
    )
    cookies, tokens = [], []
    for number in range(users):
        user, _ = do_get_or_create_user(email=f"bench-member-{number}@example.com")
        cookies.append(_common.session_cookie(user))
        tokens.append(
            make_tracking_token(
                user_id=user.pk, programme_id=programme.pk, organisation_id=organisation.pk
            )
        )
    return cookies, tokens


def batch_request(cookies: list[str], tokens: list[str], batch_size: int) -> _common.Request:
    async def request(client: "httpx.AsyncClient", number: int) -> int:
        member = number % len(cookies)
        now_ms = int(time.time() * 1000)
        # Pings 15 s apart inside the server's 5-minute clock window, as a real tab sends.
        events = [
            {"kind": "active_ping", "target": "page:1", "at": now_ms - (batch_size - i) * 15_000}
            for i in range(batch_size)
        ]
        body = json.dumps({"token": tokens[member], "sent": now_ms, "events": events})
        response = await client.post(
            "/api/v1/activity/batch",
            content=body,
            headers={"Cookie": cookies[member], "Content-Type": "text/plain;charset=UTF-8"},
        )
        if response.status_code != 202:
            raise RuntimeError(response.text)
        return int(response.json()["accepted"])

    return request


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--concurrency", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--users", type=int, default=200)
    parser.add_argument("--batch", type=int, default=20)
    parser.add_argument("--pool", choices=["auto", "on", "off"], default="auto")
    args = parser.parse_args()
    url = _common.prepare_django()
    pool = args.pool == "on" or (args.pool == "auto" and _common.pool_available())
    cookies, tokens = set_up(args.users)
    _common.print_conditions(url, pool, args.workers, args.concurrency)
    print(f"batches of {args.batch} events from {args.users} signed-in members")
    with _common.running_server(args.workers, pool=pool) as base:
        bare = _common.measure(
            base, _common.health_request(), concurrency=args.concurrency, seconds=args.seconds
        )
        ingest = _common.measure(
            base,
            batch_request(cookies, tokens, args.batch),
            concurrency=args.concurrency,
            seconds=args.seconds,
        )
    print(f"baseline /healthz:   {bare.requests_per_second:8.0f} requests/s "
          f"({bare.failures} failed)")  # fmt: skip
    print(f"ingest batches:      {ingest.requests_per_second:8.0f} requests/s "
          f"({ingest.failures} failed)")  # fmt: skip
    print(f"ingest events:       {ingest.units_per_second:8.0f} events/s (goal ≥ 5000)")
    ratio = ingest.requests_per_second / bare.requests_per_second
    print(f"ratio batch/healthz: {ratio:8.2f}")
    _common.print_load()


if __name__ == "__main__":
    main()
