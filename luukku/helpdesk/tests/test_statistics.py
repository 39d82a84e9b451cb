"""Service statistics and their CSV export."""

import csv
import datetime
import io

import pytest
import time_machine
from django.urls import reverse

from luukku.accounts.models import User
from luukku.accounts.testing import SignIn
from luukku.helpdesk import actions, stats
from luukku.helpdesk.models import Status
from luukku.helpdesk.tests.conftest import Desk, submit
from luukku.knowledge.actions import (
    do_create_article_category,
    do_record_deflection,
    do_save_article,
)

pytestmark = pytest.mark.django_db
UTC = datetime.UTC


def test_report_counts_teams_channels_times_deflection_and_ratings(
    desk: Desk, staff_user: User
) -> None:
    with time_machine.travel(datetime.datetime(2026, 3, 2, 8, 0, tzinfo=UTC), tick=False):
        first = submit(desk)
        submit(desk, message="salasana unohtui")
        actions.do_submit_request(
            organisation=desk.organisation, category=desk.studies, name="S", email="s@example.com",
            subject="s", message="m", user=staff_user,
        )  # fmt: skip
    with time_machine.travel(datetime.datetime(2026, 3, 2, 10, 0, tzinfo=UTC), tick=False):
        actions.do_reply(request=first, author=staff_user, body="Answer", status=Status.RESOLVED)
        actions.do_rate(request=first, score=4)
        category = do_create_article_category(organisation=desk.organisation, name="Studies")
        article = do_save_article(
            organisation=desk.organisation, category=category, language="en", title="T", body="B"
        )
        do_record_deflection(organisation=desk.organisation, article=article)
    report = stats.service_report(desk.organisation, now=datetime.datetime(2026, 3, 20, tzinfo=UTC))
    [month] = report.months
    assert (month.requests, month.open_form, month.signed_in) == (3, 2, 1)
    assert month.first_reply_hours == 2.0
    assert month.resolution_hours == 2.0
    assert month.deflected == 1
    assert month.deflection_rate == 0.25
    assert (month.ratings, month.rating_average) == (1, 4.0)
    assert sorted((team, count) for _m, team, count in report.by_team) == [
        ("IT services", 1), ("Study services", 2),
    ]  # fmt: skip


def test_statistics_page_and_csv(signed_in: SignIn, desk: Desk, staff_user: User) -> None:
    submit(desk)
    client = signed_in(staff_user)
    page = client.get(reverse("helpdesk:statistics", args=[desk.organisation.pk]))
    assert page.status_code == 200
    assert "Requests per team" in page.content.decode()
    response = client.get(reverse("helpdesk:statistics_csv", args=[desk.organisation.pk]))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:2] == ["Month", "Requests"]
    assert rows[1][1] == "1"
    assert ["Month", "Team", "Requests"] in rows


def test_statistics_are_per_organisation(signed_in: SignIn, desk: Desk, other_staff: User) -> None:
    submit(desk)
    response = signed_in(other_staff).get(
        reverse("helpdesk:statistics_csv", args=[desk.organisation.pk])
    )
    assert response.status_code == 404
