"""What one seeded demo (30 participants, seed 7) holds, and the shape of its activity."""

import datetime
from collections import Counter

import pytest

from luukku.accounts.models import OrganisationMembership, OrganisationRole, User
from luukku.activity.dayparts import DayPart, day_part, is_weekend
from luukku.activity.models import Event, EventKind
from luukku.activity.queries import visits_for
from luukku.core.models import OutboxMessage
from luukku.demo.tests.conftest import DemoRun
from luukku.demo.tests.demo_helpers import (
    HELSINKI,
    NOW,
    PARTICIPANTS,
    PASSWORD,
    participant_ids,
    participant_visit_starts,
    seed,
)
from luukku.demo.texts import email_local_part
from luukku.discussions.models import Thread
from luukku.notifications.models import Notification, NotificationKind
from luukku.programmes.models import ProgrammeRole

pytestmark = pytest.mark.django_db


def test_demo_has_an_admin_three_coaches_and_the_participants(demo: DemoRun) -> None:
    roles = Counter(demo.programme.memberships.values_list("role", flat=True))
    assert roles == {ProgrammeRole.COACH: 3, ProgrammeRole.PARTICIPANT: PARTICIPANTS}
    admin = OrganisationMembership.objects.get(role=OrganisationRole.ADMIN).user
    assert admin.is_staff
    assert demo.programme.time_zone == "Europe/Helsinki"
    assert demo.programme.sections.count() == 10


def test_today_falls_in_the_last_week_of_the_programme(demo: DemoRun) -> None:
    today = NOW.astimezone(HELSINKI).date()
    assert demo.programme.starts_on.weekday() == 0
    assert (today - demo.programme.starts_on).days // 7 == 9
    assert demo.programme.ends_on >= today


def test_addresses_are_made_of_the_names(demo: DemoRun) -> None:
    assert email_local_part("Väinö Åström") == "vaino.astrom"
    for name, email in User.objects.values_list("display_name", "email"):
        assert email.endswith("@demo.luukku.fi")
        assert email.isascii()
        assert email.split("@")[0].startswith(email_local_part(name))


def test_rerun_with_if_empty_creates_nothing(demo: DemoRun) -> None:
    counts = Event.objects.count(), User.objects.count()
    seed("--if-empty")
    assert (Event.objects.count(), User.objects.count()) == counts


def test_password_from_the_environment_signs_in_the_three_printed_people(demo: DemoRun) -> None:
    with_password = [user for user in User.objects.all() if user.check_password(PASSWORD)]
    assert len(with_password) == 3
    assert all(user.email in demo.output for user in with_password)
    assert "http://" in demo.output or "https://" in demo.output


def test_visits_are_shaped_like_the_seed(demo: DemoRun) -> None:
    starts = participant_visit_starts(demo.programme)
    parts = Counter(day_part(start) for start in starts)
    total = len(starts)
    assert total > 300
    assert 0.55 <= parts[DayPart.DAY] / total <= 0.75
    assert 0.2 <= parts[DayPart.EVENING] / total <= 0.4
    assert parts[DayPart.NIGHT] / total < 0.08
    assert 0.05 <= sum(is_weekend(start) for start in starts) / total <= 0.15


def test_visits_jump_on_reminder_days(demo: DemoRun) -> None:
    programme = demo.programme
    reminders = Notification.objects.filter(kind=NotificationKind.ACTIVATION)
    reminder_days = {n.created_at.astimezone(HELSINKI).date() for n in reminders}
    assert 4 <= len(reminder_days) <= 6
    per_day = Counter(start.date() for start in participant_visit_starts(programme))
    today = NOW.astimezone(HELSINKI).date()
    days = [programme.starts_on + datetime.timedelta(days=n) for n in range(70)]
    ordinary = [per_day[day] for day in days if day < today and day not in reminder_days]
    on_reminder_days = sum(per_day[day] for day in reminder_days) / len(reminder_days)
    assert on_reminder_days >= 1.8 * sum(ordinary) / len(ordinary)


def test_enthusiasm_fades(demo: DemoRun) -> None:
    starts_on = demo.programme.starts_on
    weeks = Counter(
        (start.date() - starts_on).days // 7 for start in participant_visit_starts(demo.programme)
    )
    assert weeks[7] + weeks[8] < 0.75 * (weeks[0] + weeks[1])


def test_some_participants_drop_out(demo: DemoRun) -> None:
    last_seen = [
        max((visit.ended_at for visit in visits_for(user_id, demo.programme.pk)), default=None)
        for user_id in participant_ids(demo.programme)
    ]
    gone = [at for at in last_seen if at is None or NOW - at > datetime.timedelta(days=21)]
    assert 1 <= len(gone) <= PARTICIPANTS // 2


def test_nothing_happens_in_the_future(demo: DemoRun) -> None:
    assert not Event.objects.filter(occurred_at__gt=NOW).exists()
    assert not Notification.objects.filter(created_at__gt=NOW).exists()
    assert not Thread.objects.filter(last_activity_at__gt=NOW).exists()


def test_discussions_spread_over_the_weeks_in_two_languages(demo: DemoRun) -> None:
    threads = list(Thread.objects.filter(programme=demo.programme))
    assert len(threads) >= 8
    assert {t.title for t in threads} >= {"Esittäytymiskierros", "Introductions in English"}
    assert len({t.created_at.astimezone(HELSINKI).date() for t in threads}) >= 6
    assert all(demo.programme.starts_on <= t.created_at.date() for t in threads)
    assert Event.objects.filter(kind=EventKind.COMMENT).count() >= 15


def test_no_old_e_mails_wait_to_be_sent(demo: DemoRun) -> None:
    mails = OutboxMessage.objects.filter(kind="notifications.email")
    assert mails.exists()
    assert not mails.filter(status="pending").exists()
