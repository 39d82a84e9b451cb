import datetime

import pytest
import time_machine
from django.http import Http404
from django.template.loader import render_to_string
from django.test import RequestFactory

from luukku.accounts.models import User
from luukku.discussions import actions, queries
from luukku.programmes.models import Page, Programme

pytestmark = pytest.mark.usefixtures("coach", "maija", "pekka", "observer")

MONDAY = datetime.datetime(2025, 3, 3, 9, tzinfo=datetime.UTC)


def test_new_since_counts_others_posts_after_the_time(
    programme: Programme, maija: User, pekka: User
) -> None:
    with time_machine.travel(MONDAY, tick=False):
        old = actions.do_create_thread(user=pekka, programme=programme, title="Old", body_html="x")
    with time_machine.travel(MONDAY + datetime.timedelta(days=2), tick=False):
        actions.do_create_thread(user=pekka, programme=programme, title="New", body_html="x")
        actions.do_create_thread(user=maija, programme=programme, title="Mine", body_html="x")
        actions.do_add_comment(user=pekka, thread=old, body_html="Reply")
    news = queries.new_since(maija, programme, MONDAY + datetime.timedelta(days=1))
    assert news["thread_count"] == 1
    assert [thread.title for thread in news["threads"]] == ["New"]
    assert news["comment_count"] == 1
    assert news["comments"][0].thread == old


def test_new_since_leaves_out_deleted_threads(
    programme: Programme, maija: User, pekka: User
) -> None:
    thread = actions.do_create_thread(user=pekka, programme=programme, title="x", body_html="x")
    actions.do_delete_thread(user=pekka, thread=thread)
    news = queries.new_since(maija, programme, MONDAY)
    assert news["thread_count"] == 0


def test_page_threads_template_lists_threads_and_offers_a_new_one(
    programme: Programme, page: Page, pekka: User
) -> None:
    actions.do_create_thread(
        user=pekka, programme=programme, page=page, title="Tästä sivusta", body_html="x"
    )
    request = RequestFactory().get("/")
    request.user = pekka
    html = render_to_string(
        "discussions/_page_threads.html",
        {"page": page, "programme": programme, "user": pekka},
        request=request,
    )
    assert "Tästä sivusta" in html
    assert f"?page={page.pk}" in html


def test_thread_under_an_unopened_page_is_hidden_from_participants(
    programme: Programme, page: Page, coach: User, pekka: User
) -> None:
    thread = actions.do_create_thread(
        user=coach, programme=programme, page=page, title="Tuleva", body_html="x"
    )
    page.section.opens_on = datetime.date(2099, 1, 1)
    page.section.save(update_fields=["opens_on"])
    assert thread not in queries.threads_of_programme(pekka, programme)
    with pytest.raises(Http404):
        queries.access_thread(pekka, thread.pk)
    assert queries.access_thread(coach, thread.pk) == thread
