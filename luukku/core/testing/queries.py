"""Query budgets for list pages: the count stays the same however many rows there are."""

from collections.abc import Callable

from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext


def count_queries(client: Client, url: str) -> int:
    """The queries one GET of `url` makes (it must answer 200)."""
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return len(captured)


def assert_flat_queries(
    client: Client,
    url: str,
    add_rows: Callable[[int], object],
    *,
    budget: int,
    rows: int = 3,
) -> int:
    """Show `url` with `rows` rows and with three times as many: the same count, within budget.

    `add_rows(n)` adds n more of what the page lists. A first GET warms the caches (session,
    content types, translations) so that they do not count as growth. Returns the count.
    """
    add_rows(rows)
    count_queries(client, url)
    few = count_queries(client, url)
    add_rows(2 * rows)
    many = count_queries(client, url)
    assert many == few, f"{url}: {few} queries with {rows} rows, {many} with {3 * rows}"
    assert few <= budget, f"{url}: {few} queries, over the budget of {budget}"
    return few
