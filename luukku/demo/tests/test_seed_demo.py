"""The seed_demo command: --if-empty, and the same seed giving the same data."""

import datetime

import pytest
from django.core.management.base import CommandError
from django.db import transaction

from luukku.activity.models import Event
from luukku.core.models import Organisation
from luukku.demo.tests.demo_helpers import NOW, fingerprint, seed
from luukku.discussions.models import Comment, Thread
from luukku.notifications.models import Notification
from luukku.programmes.models import Programme

pytestmark = pytest.mark.django_db


def test_if_empty_does_nothing_when_an_organisation_exists(organisation: Organisation) -> None:
    output = seed("--if-empty")
    assert Organisation.objects.count() == 1
    assert not Event.objects.exists()
    assert "no demo data" in output


def test_same_seed_gives_the_same_people_and_events() -> None:
    with transaction.atomic():
        seed("--seed", "5")
        first = fingerprint()
        transaction.set_rollback(True)  # back to an empty database
    assert not Organisation.objects.exists()
    seed("--seed", "5")
    assert fingerprint() == first


def test_seeding_twice_without_if_empty_is_refused() -> None:
    seed()
    with pytest.raises(CommandError, match="exists already"):
        seed()


def test_a_short_history_writes_nothing_in_the_future() -> None:
    output = seed("--weeks", "2")
    assert "none yet" not in output
    programme = Programme.objects.get()
    assert programme.ends_on - programme.starts_on >= datetime.timedelta(weeks=10, days=-1)
    assert not Event.objects.filter(occurred_at__gt=NOW).exists()
    assert not Thread.objects.filter(created_at__gt=NOW).exists()
    assert not Comment.objects.filter(created_at__gt=NOW).exists()
    assert not Notification.objects.filter(created_at__gt=NOW).exists()
