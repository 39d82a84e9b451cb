"""What every web adapter (page view, API endpoint) needs from accounts: the signed-in person."""

from django.core.exceptions import PermissionDenied
from django.http import HttpRequest

from luukku.accounts.models import User


def signed_in_user(request: HttpRequest) -> User:
    """The request's user, typed; for views behind login_required or the API's django_auth.

    Those turn visitors away before the view runs (and sessions of deactivated accounts sign
    nobody in); a view that forgot them refuses (403) rather than act for an AnonymousUser.
    """
    user = request.user
    if not isinstance(user, User):
        raise PermissionDenied
    return user
