"""A programme with a coach, two participants and an observer; and one elsewhere."""

import pytest

from luukku.accounts.models import User
from luukku.conftest import make_user
from luukku.core.models import Organisation
from luukku.discussions import actions
from luukku.discussions.models import Thread
from luukku.programmes.models import Page, Programme, ProgrammeRole
from luukku.programmes.tests.factories import add_member, make_page, make_programme, make_section


def join(programme: Programme, user: User, role: str) -> User:
    add_member(programme, user, role)
    return user


@pytest.fixture
def programme(organisation: Organisation) -> Programme:
    return make_programme(organisation, name="Uravalmennus")


@pytest.fixture
def coach(programme: Programme) -> User:
    return join(programme, make_user("coach@example.com", "Kaisa Coach"), ProgrammeRole.COACH)


@pytest.fixture
def maija(programme: Programme) -> User:
    return join(
        programme, make_user("maija.m@example.com", "Maija Meikäläinen"), ProgrammeRole.PARTICIPANT
    )


@pytest.fixture
def pekka(programme: Programme) -> User:
    return join(
        programme, make_user("pekka@example.com", "Pekka Puupää"), ProgrammeRole.PARTICIPANT
    )


@pytest.fixture
def observer(programme: Programme) -> User:
    return join(programme, make_user("olli@example.com", "Olli Observer"), ProgrammeRole.OBSERVER)


@pytest.fixture
def outsider(other_organisation: Organisation) -> User:
    """A participant of a programme of another organisation."""
    outsider = make_user("outsider@example.com", "Maija Muualla")
    make_programme(other_organisation, name="Muualla", participants=[outsider])
    return outsider


@pytest.fixture
def page(programme: Programme) -> Page:
    return make_page(make_section(programme, title="Viikko 1"), title="Tervetuloa")


@pytest.fixture
def thread(programme: Programme, maija: User) -> Thread:
    return actions.do_create_thread(
        user=maija, programme=programme, title="Hei kaikki", body_html="<p>Esittäytykää!</p>"
    )


@pytest.fixture
def neighbour(organisation: Organisation) -> User:
    """A participant of another programme of the same organisation."""
    neighbour = make_user("neighbour@example.com", "Nea Naapuri")
    make_programme(organisation, name="Toinen", participants=[neighbour])
    return neighbour
