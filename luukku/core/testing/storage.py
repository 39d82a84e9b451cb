"""Refusal tests: a refused write must leave the database as it was."""

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from django.db import models


def _rows(model: type[models.Model]) -> list[dict[str, Any]]:
    return list(model._default_manager.order_by("pk").values())


@contextmanager
def assert_nothing_stored(*tables: type[models.Model]) -> Iterator[None]:
    """Every row of the given models is the same after the block: none added, changed or gone.

    Name the models the refused request would have written (and those it might touch).
    """
    before = {model: _rows(model) for model in tables}
    yield
    for model, rows in before.items():
        after = _rows(model)
        assert after == rows, (
            f"{model.__name__}: {len(rows)} rows before, {len(after)} after, or one changed"
        )
