"""django-ratelimit's decorator with a type: the package ships no type hints."""

from collections.abc import Callable
from typing import Any, TypeVar

from django_ratelimit.decorators import ratelimit as untyped_ratelimit

View = TypeVar("View", bound=Callable[..., Any])


def ratelimit(**options: Any) -> Callable[[View], View]:
    """The same decorator (same options); it returns the view it was given, wrapped."""
    decorate: Callable[[View], View] = untyped_ratelimit(**options)
    return decorate
