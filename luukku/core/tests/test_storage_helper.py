"""assert_nothing_stored catches a row added, changed or deleted, and passes otherwise."""

import pytest

from luukku.core.actions import do_create_organisation
from luukku.core.models import Organisation, Team
from luukku.core.testing.storage import assert_nothing_stored

pytestmark = pytest.mark.django_db


def test_a_block_that_writes_nothing_passes(organisation: Organisation) -> None:
    with assert_nothing_stored(Organisation, Team):
        Organisation.objects.filter(pk=organisation.pk).exists()


def test_an_added_row_fails() -> None:
    with pytest.raises(AssertionError, match="Organisation"), assert_nothing_stored(Organisation):
        do_create_organisation(name="Another", slug="another-town")


def test_a_changed_row_fails(organisation: Organisation) -> None:
    with pytest.raises(AssertionError, match="Organisation"), assert_nothing_stored(Organisation):
        Organisation.objects.filter(pk=organisation.pk).update(name="Renamed")


def test_a_deleted_row_fails(organisation: Organisation) -> None:
    with pytest.raises(AssertionError, match="Organisation"), assert_nothing_stored(Organisation):
        Organisation.objects.filter(pk=organisation.pk).delete()
