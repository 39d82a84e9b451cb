"""Anonymous feedback: one answer per link, nothing that leads back, results from five answers."""

import datetime as dt
import uuid
from collections.abc import Callable

import pytest
import time_machine
from django.db import models
from django.test import Client
from django.urls import reverse

from luukku.accounts.models import User
from luukku.accounts.testing import SignIn
from luukku.bookings.models import BookingCalendar
from luukku.bookings.tests.factories import at, make_advisor, make_calendar, schedule_of
from luukku.core.models import Organisation
from luukku.core.testing.storage import assert_nothing_stored
from luukku.feedback import actions
from luukku.feedback.models import FeedbackAnswer, FeedbackPoolEntry, SpentFeedbackRight


@pytest.fixture
def advisor(organisation: Organisation) -> User:
    return make_advisor(organisation, "anna@example.com")


@pytest.fixture
def calendar(organisation: Organisation, advisor: User) -> BookingCalendar:
    return make_calendar(organisation, [advisor])


def issue(calendar: BookingCalendar, advisor: User, start: str = "2026-11-24 10:00") -> str:
    return actions.do_issue_invitation(
        calendar=calendar,
        advisor=schedule_of(advisor, calendar.organisation),
        session_start=at(start),
    )


def answer_some(calendar: BookingCalendar, advisor: User, count: int, **fields: str) -> None:
    for _n in range(count):
        actions.do_answer(
            raw_token=issue(calendar, advisor),
            rating=5,
            helped=fields.get("helped", ""),
            idea=fields.get("idea", ""),
        )


def test_answer_once_then_the_link_is_gone(
    client: Client, calendar: BookingCalendar, advisor: User
) -> None:
    token = issue(calendar, advisor)
    url = reverse("feedback:answer", args=[token])
    assert "How helpful was the session?" in client.get(url).content.decode()
    response = client.post(url, {"rating": "4", "helped": "Clear steps", "idea": "Longer slots"})
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    again = client.post(url, {"rating": "1"})
    assert again.status_code == 410
    assert FeedbackPoolEntry.objects.count() == 1  # waiting, sealed, for four more
    assert SpentFeedbackRight.objects.count() == 1
    answer_some(calendar, advisor, 4)
    assert actions.do_release_answers() == 5
    answer = FeedbackAnswer.objects.get(rating=4)
    assert (answer.helped, answer.idea, answer.month) == (
        "Clear steps", "Longer slots", dt.date(2026, 11, 1),
    )  # fmt: skip
    assert not FeedbackPoolEntry.objects.exists()


def test_links_issued_for_the_same_booking_share_one_right(
    client: Client, calendar: BookingCalendar, advisor: User
) -> None:
    schedule = schedule_of(advisor, calendar.organisation)
    tokens = [
        actions.do_issue_invitation(
            calendar=calendar,
            advisor=schedule,
            session_start=at("2026-11-24 10:00"),
            subject="uid-1",
        )
        for _ in range(2)
    ]
    assert (
        client.post(reverse("feedback:answer", args=[tokens[0]]), {"rating": "5"}).status_code
        == 200
    )
    assert (
        client.post(reverse("feedback:answer", args=[tokens[1]]), {"rating": "1"}).status_code
        == 410
    )


def test_bad_answers_are_refused_and_the_link_still_works(
    client: Client, calendar: BookingCalendar, advisor: User
) -> None:
    url = reverse("feedback:answer", args=[issue(calendar, advisor)])
    with assert_nothing_stored(FeedbackAnswer, FeedbackPoolEntry, SpentFeedbackRight):
        assert client.post(url, {"rating": "9"}).status_code == 422
    assert client.post(url, {"rating": "5"}).status_code == 200
    assert client.get(reverse("feedback:answer", args=["made-up"])).status_code == 410


def test_expired_link_is_refused(client: Client, calendar: BookingCalendar, advisor: User) -> None:
    url = reverse("feedback:answer", args=[issue(calendar, advisor)])
    with (
        time_machine.travel(dt.datetime.now(dt.UTC) + dt.timedelta(days=40)),
        assert_nothing_stored(FeedbackAnswer, FeedbackPoolEntry, SpentFeedbackRight),
    ):
        assert client.post(url, {"rating": "5"}).status_code == 410


def test_a_link_lasts_to_the_end_of_its_last_day_where_the_organisation_is(
    client: Client, calendar: BookingCalendar, advisor: User
) -> None:
    # Issued on 1 November in Helsinki, the link's last day there is 1 December.
    with time_machine.travel(dt.datetime(2026, 11, 1, 10, 0, tzinfo=dt.UTC), tick=False):
        late, early = issue(calendar, advisor), issue(calendar, advisor)
    # 23:30 on 1 December in Helsinki is 21:30 UTC: still the last day.
    with time_machine.travel(dt.datetime(2026, 12, 1, 21, 30, tzinfo=dt.UTC), tick=False):
        assert (
            client.post(reverse("feedback:answer", args=[early]), {"rating": "5"}).status_code
            == 200
        )
    # 00:30 on 2 December in Helsinki, though the server's UTC date is still 1 December.
    with (
        time_machine.travel(dt.datetime(2026, 12, 1, 22, 30, tzinfo=dt.UTC), tick=False),
        assert_nothing_stored(FeedbackAnswer, FeedbackPoolEntry, SpentFeedbackRight),
    ):
        assert (
            client.post(reverse("feedback:answer", args=[late]), {"rating": "5"}).status_code == 410
        )


def test_an_answer_cannot_be_tied_back_to_a_booking_or_a_person() -> None:
    fields = {field.name: field for field in FeedbackAnswer._meta.get_fields()}
    assert set(fields) == {
        "id",
        "organisation",
        "calendar",
        "advisor",
        "month",
        "rating",
        "helped",
        "idea",
    }
    related = {
        field.related_model._meta.label  # type: ignore[union-attr]  # a relation's related_model is a model
        for field in fields.values()
        if field.is_relation
    }
    assert related == {"core.Organisation", "bookings.BookingCalendar", "bookings.AdvisorSchedule"}
    assert not any(isinstance(field, models.DateTimeField) for field in fields.values())
    assert isinstance(fields["id"], models.UUIDField)  # no counter that follows time
    waiting = {field.name for field in FeedbackPoolEntry._meta.get_fields()}
    assert waiting == {"id", "group", "sealed"}
    assert {field.name for field in SpentFeedbackRight._meta.get_fields()} == {
        "id",
        "key_hash",
        "expires_on",
    }


def test_answer_keys_do_not_follow_the_order_of_sessions(
    calendar: BookingCalendar, advisor: User
) -> None:
    for day in range(10, 30):
        token = issue(calendar, advisor, f"2026-11-{day} 10:00")
        actions.do_answer(raw_token=token, rating=5, helped=f"day {day}", idea="")
    actions.do_release_answers()
    rows = list(FeedbackAnswer.objects.values_list("id", "helped"))  # the summaries' order
    assert all(isinstance(pk, uuid.UUID) for pk, _helped in rows)
    assert [pk for pk, _helped in rows] == sorted(pk for pk, _helped in rows)
    assert [helped for _pk, helped in rows] != [f"day {day}" for day in range(10, 30)]


def test_results_show_only_from_five_answers(
    signed_in: SignIn, calendar: BookingCalendar, advisor: User, org_admin: User
) -> None:
    url = reverse("feedback:summary", args=[calendar.pk])
    for rating in (5, 4, 4, 2):
        actions.do_answer(raw_token=issue(calendar, advisor), rating=rating, helped="Kind", idea="")
    assert actions.do_release_answers() == 0
    hidden = signed_in(org_admin).get(url).content.decode()
    assert "Fewer than 5 answers so far: too few to show." in hidden
    assert "4 answers" not in hidden
    assert "Kind" not in hidden
    actions.do_answer(raw_token=issue(calendar, advisor), rating=5, helped="", idea="More evenings")
    assert actions.do_release_answers() == 5
    shown = signed_in(org_admin).get(url).content.decode()
    assert "5 answers, mean rating 4.0 / 5." in shown
    assert "More evenings" in shown
    assert "Kind" in shown
    assert 'id="chart-0"' in shown
    assert "<caption>Answers per rating</caption>" in shown
    assert "chart.umd.min.js" in shown


def test_advisor_sees_own_summary_only(
    signed_in: SignIn, organisation: Organisation, calendar: BookingCalendar, advisor: User
) -> None:
    other = make_advisor(organisation, "ben@example.com")
    from luukku.bookings.actions import do_save_calendar

    do_save_calendar(calendar=calendar, topics=["Applying"], advisors=[advisor, other])
    page = signed_in(advisor).get(reverse("feedback:summary", args=[calendar.pk])).content.decode()
    assert "Anna" in page
    assert "Ben" not in page


@pytest.mark.parametrize("who", ["participant", "other_organisation_admin", "anonymous"])
def test_outsiders_never_reach_the_answers(
    client: Client,
    signed_in: SignIn,
    calendar: BookingCalendar,
    advisor: User,
    other_organisation: Organisation,
    make_user_in: Callable[[Organisation | None], User],
    who: str,
) -> None:
    for rating in (5, 4, 4, 2, 3):
        actions.do_answer(
            raw_token=issue(calendar, advisor), rating=rating, helped="Secret", idea=""
        )
    actions.do_release_answers()
    url = reverse("feedback:summary", args=[calendar.pk])
    if who == "anonymous":
        response = client.get(url)
        assert response.status_code == 302
        assert "/accounts/" in response["Location"]
        return
    visitor = make_user_in(other_organisation if who == "other_organisation_admin" else None)
    response = signed_in(visitor).get(url)
    assert response.status_code == 404
    assert b"Secret" not in response.content


@pytest.fixture
def make_user_in() -> Callable[[Organisation | None], User]:
    from luukku.accounts.actions import do_set_organisation_role
    from luukku.accounts.models import OrganisationRole
    from luukku.conftest import make_user

    def make(organisation: Organisation | None) -> User:
        user = make_user(f"outsider{uuid.uuid4().hex[:6]}@example.com", "Outsider")
        if organisation is not None:
            do_set_organisation_role(
                organisation=organisation, user=user, role=OrganisationRole.ADMIN
            )
        return user

    return make
