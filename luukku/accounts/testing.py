"""Types of the shared test fixtures that hand out signed-in people (see luukku/conftest.py)."""

from collections.abc import Callable

from django.test import Client

from luukku.accounts.models import User

# The `signed_in` fixture: sign a person in on the test client and get that client back.
SignIn = Callable[[User], Client]
