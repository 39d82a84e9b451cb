"""Template context about the viewer's roles, for navigation."""

from collections.abc import Callable
from functools import cache

from django.http import HttpRequest

from luukku.accounts import queries


def organisation_roles(request: HttpRequest) -> dict[str, Callable[[], bool]]:
    """`works_for_an_organisation`: whether to show the staff links (helpdesk, bookings).

    A callable, so the query runs only on pages whose template asks for it, and once.
    """
    user = getattr(request, "user", None)

    @cache
    def works_for_an_organisation() -> bool:
        return queries.works_for_an_organisation(user)

    @cache
    def can_read_mail_log() -> bool:
        return queries.can_read_mail_log(user)

    return {
        "works_for_an_organisation": works_for_an_organisation,
        "can_read_mail_log": can_read_mail_log,
    }
