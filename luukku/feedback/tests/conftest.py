from collections.abc import Iterator

import pytest


@pytest.fixture(autouse=True)
def _english() -> Iterator[None]:
    """Actions speak the active language (Finnish by default); the assertions read English."""
    from django.utils import translation

    with translation.override("en"):
        yield
