"""Writes for organisations and teams."""

from django.db import transaction
from django.utils.text import slugify

from luukku.core.models import Organisation, Team


@transaction.atomic
def do_create_organisation(*, name: str, slug: str = "", time_zone: str = "") -> Organisation:
    organisation = Organisation(name=name, slug=slug or slugify(name)[:50])
    if time_zone:
        organisation.time_zone = time_zone
    organisation.full_clean()
    organisation.save()
    return organisation


def do_create_team(*, organisation: Organisation, name: str, description: str = "") -> Team:
    team = Team(organisation=organisation, name=name, description=description)
    team.full_clean()
    team.save()
    return team
