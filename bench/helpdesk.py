"""Helpdesk and answer bot speed, with baselines measured in the same run.

1. Answer bot: 2,000 articles per language (Finnish and English), the evaluation questions
   asked round-robin through `luukku.knowledge.queries.suggest` (version check + BM25 over the
   precomputed index). Baseline: the naive way, analysing every article for each question.
2. Team inbox: 100,000 requests in one organisation; one page of a team inbox through the
   real view (Django test client: middleware, query, template). Baseline: the same query
   with PostgreSQL's index scans switched off (a sequential scan of the table).
Also prints the answer bot's top-3 hit rate on the evaluation questions (goal >= 85 %).

    uv run python bench/helpdesk.py [--articles 2000] [--requests 100000] [--rounds 300]
"""

import argparse
import os
import random
import statistics
import time
from collections.abc import Callable
from typing import TYPE_CHECKING

os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/luukku_bench_helpdesk")

from _common import prepare_django, print_load

if TYPE_CHECKING:  # models can be imported only once Django is set up
    from django.test import Client

    from luukku.accounts.models import User
    from luukku.core.models import Organisation, Team


def percentiles(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[int(len(ordered) * 0.95) - 1]


def timed(function: Callable[[], object], rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def organisation(slug: str) -> "Organisation":
    from luukku.core.actions import do_create_organisation
    from luukku.core.models import Organisation

    return Organisation.objects.filter(slug=slug).first() or do_create_organisation(
        name=slug, slug=slug
    )


def build_articles(org: "Organisation", count: int) -> None:
    """Demo articles first, then variants mixing their sentences, per language, to `count`."""
    from luukku.knowledge.actions import do_create_article_category, do_import_articles
    from luukku.knowledge.demo import seed_demo_knowledge
    from luukku.knowledge.demo_articles import ARTICLES
    from luukku.knowledge.models import Article

    if Article.objects.filter(organisation=org).count() >= count * 2:
        return
    Article.objects.filter(organisation=org).delete()
    seed_demo_knowledge(organisation=org, staff=[], seed=1)
    category = do_create_article_category(organisation=org, name="Generated")
    rng = random.Random(7)
    for language in ("fi", "en"):
        sources = [a for a in ARTICLES if a[1] == language]
        sentences = [s for a in sources for s in a[4].split(". ")]
        rows = []
        for number in range(count - len(sources)):
            base = rng.choice(sources)
            rows.append({
                "category": category, "language": language,
                "title": f"{base[2]} ({number})",
                "questions": "\n".join(rng.sample(base[3].split("\n"), 1)),
                "body": ". ".join(rng.sample(sentences, 5)),
            })  # fmt: skip
        do_import_articles(organisation=org, articles=rows)


def bench_bot(rounds: int) -> None:
    from luukku.knowledge import index, queries
    from luukku.knowledge.demo import load_questions
    from luukku.knowledge.models import Article

    org = organisation("bench-kb")
    questions = [q for q in load_questions() if q["language"] in ("fi", "en")]
    started = time.perf_counter()
    for language in ("fi", "en"):
        index.get_index(org.pk, language)
    print(
        f"answer bot: index built/loaded for 2 languages in {time.perf_counter() - started:.1f} s"
    )
    cycle = iter(questions * (rounds // len(questions) + 1))

    def ask() -> None:
        item = next(cycle)
        queries.suggest(org.pk, item["language"], item["question"])

    p50, p95 = percentiles(timed(ask, rounds))
    count = Article.objects.filter(organisation=org, language="fi").count()
    print(f"answer bot over {count} articles per language: p50 {p50:.2f} ms, p95 {p95:.2f} ms "
          f"(goal p95 <= 50 ms)")  # fmt: skip

    def naive() -> None:
        item = next(cycle)
        articles = list(Article.objects.filter(organisation=org, language=item["language"]))
        index.build_index(articles, item["language"]).score(item["question"])

    b50, _b95 = percentiles(timed(naive, 5))
    print(f"baseline, analysing every article per question: p50 {b50:.0f} ms "
          f"-> indexed is {b50 / p50:.0f}x faster")  # fmt: skip
    print_hit_rates(org)


def print_hit_rates(org: "Organisation") -> None:
    from luukku.knowledge.demo import evaluate
    from luukku.knowledge.models import Article

    demo = organisation("bench-kb-demo")
    if not Article.objects.filter(organisation=demo).exists():
        from luukku.knowledge.demo import seed_demo_knowledge

        seed_demo_knowledge(organisation=demo, staff=[], seed=1)
    result = evaluate(demo)
    print(f"top-3 hit rate on {result.questions} evaluation questions: {result.top3_rate:.1%} "
          f"(top-1 {result.top1_hits / result.questions:.1%}; confident answers "
          f"{result.confident}, of which right {result.confident_right}) "
          "(goal >= 85 %)")  # fmt: skip
    # The same 2,000-article index, asked the evaluation questions that have an answer in it.
    big = evaluate(org)
    print(f"same, with the expected article competing against ~1,960 generated near-duplicates "
          f"of the demo articles: {big.top3_rate:.1%} "
          "(a duplicate ranked above it counts as a miss)")  # fmt: skip


def build_requests(org: "Organisation", count: int) -> None:
    """Bulk rows shaped like do_submit_request's (one action per row would take an hour)."""
    import datetime

    from django.utils import timezone

    from luukku.helpdesk.demo import seed_demo_helpdesk
    from luukku.helpdesk.models import Category, Request, Status

    if Request.objects.filter(organisation=org).count() >= count:
        return
    if not Category.objects.filter(organisation=org).exists():
        seed_demo_helpdesk(organisation=org, staff=[], seed=1)
    categories = list(Category.objects.filter(organisation=org))
    rng = random.Random(3)
    now = timezone.now()
    statuses = [Status.NEW, Status.OPEN, Status.WAITING, Status.RESOLVED, Status.CLOSED,
                Status.CLOSED, Status.CLOSED, Status.RESOLVED]  # fmt: skip
    batch = []
    for number in range(count - Request.objects.filter(organisation=org).count()):
        category = rng.choice(categories)
        created = now - datetime.timedelta(minutes=rng.randint(0, 60 * 24 * 365))
        status = rng.choice(statuses)
        due = created + datetime.timedelta(hours=rng.randint(4, 72))
        batch.append(Request(
            organisation=org, reference=f"HD-B{number:07d}"[:16], category=category,
            team_id=category.team_id, status=status, channel="open_form",
            subject=f"Question {number}", requester_name="Bench",
            requester_email=f"b{number}@example.com",
            created_at=created, first_reply_due=due, resolution_due=due,
            next_due=due if status in (Status.NEW, Status.OPEN) else None,
        ))  # fmt: skip
        if len(batch) == 5000:
            Request.objects.bulk_create(batch)
            batch = []
    Request.objects.bulk_create(batch)


def bench_inbox(count: int, rounds: int) -> None:
    from django.db import connection
    from django.test import Client

    from luukku.accounts.actions import do_get_or_create_user, do_set_organisation_role
    from luukku.accounts.models import OrganisationRole
    from luukku.helpdesk import queries
    from luukku.helpdesk.models import Request

    org = organisation("bench-helpdesk")
    build_requests(org, count)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE helpdesk_request")
    staff, _ = do_get_or_create_user(email="bench-advisor@example.com")
    do_set_organisation_role(organisation=org, user=staff, role=OrganisationRole.STAFF)
    team = queries.teams_of(org).first()
    assert team is not None, "the demo helpdesk has teams"
    total = Request.objects.filter(organisation=org).count()
    client = Client(headers={"accept-language": "en"})
    client.force_login(staff)
    for filter_name in ("open", "overdue", "all"):
        measure_inbox(client, org, staff, team, filter_name, rounds, total)


def measure_inbox(
    client: "Client",
    org: "Organisation",
    staff: "User",
    team: "Team",
    filter_name: str,
    rounds: int,
    total: int,
) -> None:
    from django.db import connection
    from django.urls import reverse

    from luukku.helpdesk import queries

    url = reverse("helpdesk:inbox", args=[org.pk]) + f"?team={team.pk}&filter={filter_name}"
    assert client.get(url).status_code == 200

    def page() -> None:
        client.get(url)

    def listing() -> None:
        queries.inbox(org, user=staff, team_id=team.pk, filter_name=filter_name)

    p50, p95 = percentiles(timed(page, rounds))
    q50, _ = percentiles(timed(listing, rounds))
    with connection.cursor() as cursor:
        cursor.execute("SET enable_indexscan = off; SET enable_bitmapscan = off;")
    s50, _ = percentiles(timed(listing, max(rounds // 10, 5)))
    with connection.cursor() as cursor:
        cursor.execute("RESET enable_indexscan; RESET enable_bitmapscan;")
    print(f"inbox '{filter_name}' over {total} requests: page p50 {p50:.1f} ms, p95 {p95:.1f} ms "
          f"(goal <= 200 ms); query p50 {q50:.1f} ms vs sequential scan {s50:.1f} ms "
          f"= {s50 / q50:.0f}x")  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--requests", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=300)
    options = parser.parse_args()
    url = prepare_django()
    from django.conf import settings

    settings.ALLOWED_HOSTS.append("testserver")  # the in-process client's host name
    print(f"database {url.rsplit('@', 1)[-1]}")
    print_load()
    build_articles(organisation("bench-kb"), options.articles)
    bench_bot(options.rounds)
    bench_inbox(options.requests, max(options.rounds // 6, 20))
    print_load()


if __name__ == "__main__":
    main()
