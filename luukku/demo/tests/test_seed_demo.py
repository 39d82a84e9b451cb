"""The seed_demo command: --if-empty, and the same seed giving the same data."""

import pytest
from django.core.management.base import CommandError
from django.db import transaction

from luukku.activity.models import Event
from luukku.core.models import Organisation
from luukku.demo.tests.demo_helpers import fingerprint, seed

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
