from types import SimpleNamespace

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template import Context, Template
from django.test import RequestFactory

from luukku.accounts.models import User
from luukku.activity.tokens import TrackingToken, read_tracking_token
from luukku.conftest import make_user

PROGRAMME = SimpleNamespace(pk=7, organisation_id=3)
TEMPLATE = Template("{% load tracking %}{% tracking_script programme %}")


def render_for(user: User | AnonymousUser) -> str:
    request = RequestFactory().get("/")
    request.user = user
    return TEMPLATE.render(Context({"request": request, "programme": PROGRAMME}))


@pytest.mark.django_db
def test_signed_in_member_gets_a_deferred_script_with_a_token_for_them() -> None:
    user: User = make_user("member@example.com")
    html = render_for(user)
    assert html.startswith('<script src="/static/activity/tracking.js" defer')
    assert 'data-endpoint="/api/v1/activity/batch"' in html
    token = html.split('data-token="')[1].split('"')[0]
    assert read_tracking_token(token) == TrackingToken(user.pk, 7, 3)


def test_anonymous_visitor_gets_nothing() -> None:
    assert render_for(AnonymousUser()) == ""
