"""Programme test fixtures: files go to a temporary media folder, mail to mail.outbox."""

from pathlib import Path
from typing import Any

import pytest

from luukku.accounts.models import User
from luukku.core.models import Organisation
from luukku.programmes.models import Programme
from luukku.programmes.tests.factories import make_person, make_programme


@pytest.fixture(autouse=True)
def _media_and_mail(settings: Any, tmp_path: Path) -> None:
    settings.MEDIA_ROOT = str(tmp_path / "media")
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture
def coach(organisation: Organisation) -> User:
    return make_person("coach@example.com", "Kaisa Coach")


@pytest.fixture
def participant(organisation: Organisation) -> User:
    return make_person("participant@example.com", "Pekka Participant")


@pytest.fixture
def programme(organisation: Organisation, coach: User, participant: User) -> Programme:
    return make_programme(organisation, coach=coach, participants=[participant])
