"""The demo's cast: an organisation admin, coaches and participants with believable names."""

import random
from dataclasses import dataclass
from datetime import datetime

from luukku.accounts.actions import do_set_organisation_role
from luukku.accounts.models import OrganisationRole, User
from luukku.core.models import Organisation
from luukku.demo import texts


@dataclass(frozen=True)
class Person:
    display_name: str
    email: str
    language: str


@dataclass
class Cast:
    admin: User
    coaches: list[User]
    participants: list[User]


def draw_people(rng: random.Random, count: int, taken_emails: set[str]) -> list[Person]:
    """`count` different people, mostly Finnish speakers, some Swedish and English speakers.

    Addresses already in `taken_emails` (local parts) are not given again.
    """
    weights = [pool[0] for pool in texts.NAME_POOLS]
    taken_names: set[str] = set()
    people: list[Person] = []
    while len(people) < count:
        _weight, first_names, surnames, language = rng.choices(texts.NAME_POOLS, weights)[0]
        name = f"{rng.choice(first_names)} {rng.choice(surnames)}"
        if name in taken_names and len(taken_names) < count * 3:
            continue  # prefer new combinations; a namesake now and then is realistic
        taken_names.add(name)
        people.append(Person(name, unique_email(name, taken_emails), language))
    return people


def unique_email(display_name: str, taken: set[str]) -> str:
    """aino.virtanen@demo.luukku.fi, or aino.virtanen2@... for a namesake."""
    local = texts.email_local_part(display_name)
    candidate, number = local, 1
    while candidate in taken:
        number += 1
        candidate = f"{local}{number}"
    taken.add(candidate)
    return f"{candidate}@{texts.EMAIL_DOMAIN}"


def staff_person(display_name: str, language: str, taken_emails: set[str]) -> Person:
    return Person(display_name, unique_email(display_name, taken_emails), language)


def create_user(person: Person, *, joined: datetime, password: str, **fields: object) -> User:
    """The account; `password` only for the demo sign-ins, others use magic links."""
    return User.objects.create_user(
        person.email,
        password=password or None,
        display_name=person.display_name,
        language=person.language,
        date_joined=joined,
        **fields,
    )


def create_cast(
    *,
    rng: random.Random,
    organisation: Organisation,
    participant_count: int,
    joined: datetime,
    password: str,
) -> Cast:
    """Create the admin (installation staff too), the coaches and the participants.

    The admin, the first coach and the first participant get `password`, if any.
    """
    taken: set[str] = set()
    admin = create_user(
        staff_person(*texts.ADMIN, taken), joined=joined, password=password, is_staff=True
    )
    do_set_organisation_role(organisation=organisation, user=admin, role=OrganisationRole.ADMIN)
    coaches = []
    for index, (name, language) in enumerate(texts.COACHES):
        coach = create_user(
            staff_person(name, language, taken),
            joined=joined,
            password=password if index == 0 else "",
        )
        do_set_organisation_role(organisation=organisation, user=coach, role=OrganisationRole.STAFF)
        coaches.append(coach)
    participants = [
        create_user(person, joined=joined, password=password if index == 0 else "")
        for index, person in enumerate(draw_people(rng, participant_count, taken))
    ]
    return Cast(admin=admin, coaches=coaches, participants=participants)
