"""The one way views get the signed-in person."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.test import RequestFactory

from luukku.accounts.adapters import signed_in_user
from luukku.accounts.models import User


def test_signed_in_user_is_the_requests_user() -> None:
    request = RequestFactory().get("/")
    request.user = person = User(email="anna@example.com")
    assert signed_in_user(request) is person


def test_a_view_reached_by_a_visitor_refuses_rather_than_crashes() -> None:
    request = RequestFactory().get("/")
    request.user = AnonymousUser()
    with pytest.raises(PermissionDenied):
        signed_in_user(request)
