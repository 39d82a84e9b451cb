"""Plain factory functions for programme tests; other apps' tests may import them."""

import datetime
from collections.abc import Iterable

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from luukku.accounts.models import User
from luukku.core.models import Organisation
from luukku.core.uploads import DOCUMENT_TYPES, verify_upload
from luukku.programmes import actions
from luukku.programmes.models import (
    Page,
    PageFile,
    Programme,
    ProgrammeMembership,
    ProgrammeRole,
    Section,
    Task,
)

PDF_BYTES = b"%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"


def make_person(email: str, name: str = "", language: str = "") -> User:
    return User.objects.create_user(email, display_name=name, language=language)


def add_member(
    programme: Programme, user: User, role: str = ProgrammeRole.PARTICIPANT
) -> ProgrammeMembership:
    return ProgrammeMembership.objects.create(programme=programme, user=user, role=role)


def make_programme(
    organisation: Organisation,
    *,
    coach: User | None = None,
    participants: Iterable[User] = (),
    observers: Iterable[User] = (),
    name: str = "Spring coaching",
    starts_on: datetime.date | None = None,
    ends_on: datetime.date | None = None,
    plan_unit: str = "week",
    time_zone: str = "",
) -> Programme:
    """A programme starting today (by default) for ten weeks, with the given members."""
    starts_on = starts_on or timezone.localdate()
    ends_on = ends_on or starts_on + datetime.timedelta(weeks=10)
    if coach is None:
        programme = Programme.objects.create(
            organisation=organisation,
            name=name,
            starts_on=starts_on,
            ends_on=ends_on,
            plan_unit=plan_unit,
            time_zone=time_zone or organisation.time_zone,
        )
    else:
        programme = actions.do_create_programme(
            organisation=organisation,
            creator=coach,
            name=name,
            starts_on=starts_on,
            ends_on=ends_on,
            plan_unit=plan_unit,
            time_zone=time_zone,
        )
    for user in participants:
        add_member(programme, user, ProgrammeRole.PARTICIPANT)
    for user in observers:
        add_member(programme, user, ProgrammeRole.OBSERVER)
    return programme


def make_section(
    programme: Programme, *, title: str = "Week 1", opens_on: datetime.date | None = None
) -> Section:
    return actions.do_create_section(programme=programme, title=title, opens_on=opens_on)


def make_page(section: Section, *, title: str = "Welcome", body: str = "Hello.") -> Page:
    return actions.do_create_page(section=section, title=title, body=body)


def make_task(
    section: Section, *, title: str = "Write goals", due_on: datetime.date | None = None
) -> Task:
    return actions.do_create_task(section=section, title=title, due_on=due_on)


def make_page_file(page: Page, *, name: str = "notes.pdf", content: bytes = PDF_BYTES) -> PageFile:
    upload = SimpleUploadedFile(name, content, content_type="application/pdf")
    verified = verify_upload(upload, allowed_types=DOCUMENT_TYPES)
    return actions.do_attach_file(page=page, upload=verified)
