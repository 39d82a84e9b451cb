"""One demo built for the whole module of read-only tests, rolled back afterwards."""

from collections.abc import Iterator

import pytest
from django.db import transaction
from pytest_django import DjangoDbBlocker

from luukku.demo.tests.demo_helpers import PASSWORD, seed
from luukku.programmes.models import Programme


class DemoRun:
    def __init__(self, programme: Programme, output: str) -> None:
        self.programme = programme
        self.output = output


@pytest.fixture(scope="module")
def demo(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[DemoRun]:
    """Seeding takes seconds, so the tests that only read share one demo.

    It lives in a transaction that is rolled back when the module's tests are done; each
    test's own transaction nests inside it as a savepoint.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        with pytest.MonkeyPatch.context() as patch:
            patch.setenv("LUUKKU_DEMO_PASSWORD", PASSWORD)
            output = seed("--seed", "7")
        yield DemoRun(Programme.objects.get(), output)
        transaction.set_rollback(True)
