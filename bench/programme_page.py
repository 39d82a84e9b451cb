"""A participant's programme home page: requests per second, against a bare Django view.

    uv run python bench/programme_page.py   (DATABASE_URL: PostgreSQL, see bench/README.md)

Goal: the page serves at least 0.3 times the requests per second of /healthz, measured in the
same run on the same server. See bench/README.md.
"""

import argparse
import datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

import _common

if TYPE_CHECKING:  # imported lazily, as the other modules are
    import httpx


def set_up(participants: int) -> tuple[int, list[str]]:
    """A programme from the built-in coaching plan, with participants and a week of events."""
    from django.utils import timezone

    from luukku.accounts.actions import do_get_or_create_user
    from luukku.activity.actions import record_event
    from luukku.activity.models import EventKind
    from luukku.core.actions import do_create_organisation
    from luukku.core.models import Organisation
    from luukku.programmes.actions import do_create_programme
    from luukku.programmes.builtin_templates import builtin_plan
    from luukku.programmes.models import Programme, ProgrammeMembership, ProgrammeRole

    organisation = Organisation.objects.filter(slug="bench").first()
    organisation = organisation or do_create_organisation(name="Bench", slug="bench")
    coach, _ = do_get_or_create_user(email="bench-coach@example.com")
    # Reused between runs, so repeated runs measure the same data, not a growing pile.
    programme = Programme.objects.filter(organisation=organisation, name="Page bench").first()
    programme = programme or do_create_programme(
        organisation=organisation,
        creator=coach,
        name="Page bench",
        starts_on=timezone.localdate(timezone=ZoneInfo(organisation.time_zone))
        - datetime.timedelta(weeks=3),
        plan=builtin_plan("coaching-10-week", "en"),
    )
    cookies = []
    for number in range(participants):
        user, _ = do_get_or_create_user(email=f"bench-participant-{number}@example.com")
        # Setup data only: the invitation e-mail of do_invite_members is not what we measure.
        _membership, joined = ProgrammeMembership.objects.get_or_create(
            programme=programme, user=user, defaults={"role": ProgrammeRole.PARTICIPANT}
        )
        for day in range(7 if joined else 0):
            record_event(
                organisation_id=organisation.pk,
                programme_id=programme.pk,
                user_id=user.pk,
                kind=EventKind.PAGE_VIEW,
                target="home",
                occurred_at=_days_ago(day + 1),
            )
        cookies.append(_common.session_cookie(user))
    return programme.pk, cookies


def _days_ago(days: int) -> datetime.datetime:
    return datetime.datetime.now(datetime.UTC) - datetime.timedelta(days=days)


def page_request(programme_id: int, cookies: list[str]) -> _common.Request:
    async def request(client: "httpx.AsyncClient", number: int) -> int:
        response = await client.get(
            f"/programmes/{programme_id}/", headers={"Cookie": cookies[number % len(cookies)]}
        )
        if response.status_code != 200:
            raise RuntimeError(f"{response.status_code} {response.text[:200]}")
        return 1

    return request


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--participants", type=int, default=50)
    parser.add_argument("--pool", choices=["auto", "on", "off"], default="auto")
    args = parser.parse_args()
    url = _common.prepare_django()
    pool = args.pool == "on" or (args.pool == "auto" and _common.pool_available())
    programme_id, cookies = set_up(args.participants)
    _common.print_conditions(url, pool, args.workers, args.concurrency)
    with _common.running_server(args.workers, pool=pool) as base:
        bare = _common.measure(
            base, _common.health_request(), concurrency=args.concurrency, seconds=args.seconds
        )
        page = _common.measure(
            base,
            page_request(programme_id, cookies),
            concurrency=args.concurrency,
            seconds=args.seconds,
        )
    print(f"baseline /healthz:        {bare.requests_per_second:8.0f} requests/s "
          f"({bare.failures} failed)")  # fmt: skip
    print(f"programme home page:      {page.requests_per_second:8.0f} requests/s "
          f"({page.failures} failed)")  # fmt: skip
    ratio = page.requests_per_second / bare.requests_per_second
    print(f"ratio page/healthz:       {ratio:8.2f} (goal ≥ 0.3)")
    _common.print_load()


if __name__ == "__main__":
    main()
