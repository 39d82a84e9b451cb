"""A helpdesk with two teams (one open weekdays 9-16 in Helsinki), topics and a rule."""

import datetime
from dataclasses import dataclass

import pytest

from luukku.accounts.models import User
from luukku.conftest import make_user
from luukku.core.actions import do_create_team, do_save_schedule
from luukku.core.models import Organisation, Team
from luukku.helpdesk import actions
from luukku.helpdesk.forms import TIME_TRAP_SALT
from luukku.helpdesk.models import Category, Request


@dataclass
class Desk:
    organisation: Organisation
    study: Team
    it: Team
    studies: Category
    passwords: Category


@pytest.fixture
def desk(organisation: Organisation) -> Desk:
    hours = do_save_schedule(
        organisation=organisation,
        name="Office",
        time_zone="Europe/Helsinki",
        periods=[(day, datetime.time(9), datetime.time(16)) for day in range(5)],
    )
    study = do_create_team(organisation=organisation, name="Study services")
    it = do_create_team(organisation=organisation, name="IT services")
    actions.do_save_team_desk(team=study, schedule=hours, first_reply_minutes=120)
    studies = actions.do_create_category(organisation=organisation, name="Studies", team=study)
    passwords = actions.do_create_category(organisation=organisation, name="Passwords", team=it)
    actions.do_create_routing_rule(organisation=organisation, keyword="salasana", team=it)
    return Desk(organisation, study, it, studies, passwords)


def stamp(seconds_ago: int = 60) -> str:
    """A fresh time-trap stamp as if the form had been shown `seconds_ago`."""
    import secrets
    import time

    from django.core import signing

    value = f"{int(time.time()) - seconds_ago}:{secrets.token_urlsafe(12)}"
    return signing.TimestampSigner(salt=TIME_TRAP_SALT).sign(value)


def form_data(desk: Desk, **overrides: object) -> dict[str, object]:
    data: dict[str, object] = {
        "name": "Veera Visitor",
        "email": "veera@example.com",
        "category": desk.studies.pk,
        "subject": "Transcript",
        "message": "Where do I get my transcript of records?",
        "website": "",
        "shown": stamp(),
    }
    data.update(overrides)
    return data


def submit(desk: Desk, **overrides: str) -> Request:
    fields: dict[str, object] = {
        "name": "Veera Visitor",
        "email": "veera@example.com",
        "subject": "Transcript",
        "message": "Where do I get my transcript of records?",
    }
    fields.update(overrides)
    return actions.do_submit_request(
        organisation=desk.organisation,
        category=desk.studies,
        **fields,  # type: ignore[arg-type]  # overrides of mixed types
    )


@pytest.fixture
def other_staff(other_organisation: Organisation) -> User:
    from luukku.accounts.actions import do_set_organisation_role
    from luukku.accounts.models import OrganisationRole

    user = make_user("other@example.com", "Olli Other")
    do_set_organisation_role(
        organisation=other_organisation, user=user, role=OrganisationRole.ADMIN
    )
    return user
