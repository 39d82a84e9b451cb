import pytest


@pytest.fixture(autouse=True)
def _english():
    """Actions speak the active language (Finnish by default); the assertions read English."""
    from django.utils import translation

    with translation.override("en"):
        yield
