"""The programmes part of the HTTP API (mounted at /api/v1/programmes/).

Same reads and actions as the pages; a programme the caller may not see is a 404.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest
from django.urls import reverse
from ninja import Router, Schema, Status
from ninja.errors import HttpError
from ninja.security import django_auth

from luukku.accounts.adapters import signed_in_user
from luukku.accounts.addresses import parse_address_list
from luukku.accounts.models import User
from luukku.core.models import Organisation
from luukku.programmes import actions, queries
from luukku.programmes.models import PlanUnit, Programme, ProgrammeRole

router = Router(tags=["programmes"], auth=django_auth)


class ApiError(HttpError):
    """An HttpError carrying the machine-readable code config.api puts in "error"."""

    def __init__(self, status: int, code: str, detail: str) -> None:
        super().__init__(status, detail)
        self.code = code


class ErrorOut(Schema):
    error: str
    detail: str | list[str]


class ProgrammeOut(Schema):
    id: int
    name: str
    organisation: str
    starts_on: datetime.date
    ends_on: datetime.date
    time_zone: str
    plan_unit: str
    role: str | None
    url: str


class PageOut(Schema):
    id: int
    title: str
    updated_at: datetime.datetime
    url: str


class TaskOut(Schema):
    id: int
    title: str
    due_on: datetime.date | None


class SectionOut(Schema):
    id: int
    title: str
    summary: str
    opens_on: datetime.date | None
    pages: list[PageOut]
    tasks: list[TaskOut]


class ProgrammeDetailOut(ProgrammeOut):
    description: str
    sections: list[SectionOut]


class ProgrammeIn(Schema):
    organisation_id: int
    name: str
    description: str = ""
    starts_on: datetime.date
    ends_on: datetime.date | None = None
    time_zone: str = ""
    plan_unit: PlanUnit = PlanUnit.WEEK
    template: str = "blank"


class InvitationIn(Schema):
    addresses: str
    role: ProgrammeRole = ProgrammeRole.PARTICIPANT
    message: str = ""


class InvitationOut(Schema):
    invited: list[str]
    already_members: list[str]
    duplicates_merged: int


def _access(
    request: HttpRequest, programme_id: int, roles: tuple[str, ...] | None = None
) -> Programme:
    try:
        return queries.access_programme(request.user, programme_id, roles=roles)
    except Http404 as error:
        raise ApiError(404, "not_found", "No such programme.") from error


def _programme_out(request: HttpRequest, programme: Programme) -> dict[str, object]:
    return {
        "id": programme.pk,
        "name": programme.name,
        "organisation": programme.organisation.name,
        "starts_on": programme.starts_on,
        "ends_on": programme.ends_on,
        "time_zone": programme.time_zone,
        "plan_unit": programme.plan_unit,
        "role": queries.role_in(request.user, programme),
        "url": reverse("programmes:home", args=[programme.pk]),
    }


@router.get("/", response=list[ProgrammeOut])
def list_programmes(request: HttpRequest) -> list[dict[str, object]]:
    """The programmes I belong to (or run as an organisation admin)."""
    programmes = queries.programmes_listed_for(request.user)
    return [_programme_out(request, programme) for programme in programmes]


@router.get("/{programme_id}", response=ProgrammeDetailOut)
def get_programme(request: HttpRequest, programme_id: int) -> dict[str, object]:
    """A programme with its plan; participants see only the sections already open."""
    programme = _access(request, programme_id)
    sections = [
        {
            "id": section.pk,
            "title": section.title,
            "summary": section.summary,
            "opens_on": section.opens_on,
            "pages": [
                {
                    "id": page.pk,
                    "title": page.title,
                    "updated_at": page.updated_at,
                    "url": reverse("programmes:page", args=[programme.pk, page.pk]),
                }
                for page in section.pages.all()
            ],
            "tasks": [
                {"id": task.pk, "title": task.title, "due_on": task.due_on}
                for task in section.tasks.all()
            ],
        }
        for section in queries.plan_for(request.user, programme)
    ]
    out = _programme_out(request, programme)
    return {**out, "description": programme.description, "sections": sections}


@router.post("/", response={201: ProgrammeOut})
def create_programme(request: HttpRequest, payload: ProgrammeIn) -> Status[dict[str, object]]:
    """Create a programme from 'blank', 'builtin:<key>' or 'saved:<id>' (organisation staff)."""
    user = signed_in_user(request)
    organisation = queries.organisation_for_creating(user, payload.organisation_id)
    if organisation is None:
        raise ApiError(403, "forbidden", "You may not create programmes in this organisation.")
    plan = _plan(user, organisation, payload.template)
    try:
        programme = actions.do_create_programme(
            organisation=organisation,
            creator=user,
            name=payload.name,
            description=payload.description,
            starts_on=payload.starts_on,
            ends_on=payload.ends_on,
            time_zone=payload.time_zone,
            plan_unit=payload.plan_unit,
            plan=plan,
        )
    except ValidationError as error:
        raise ApiError(400, "invalid", " ".join(error.messages)) from error
    return Status(201, _programme_out(request, programme))


def _plan(user: User, organisation: Organisation, template: str) -> dict[str, object] | None:
    try:
        return queries.plan_from_choice(
            user, organisation, template, user.language or settings.LANGUAGE_CODE
        )
    except Http404 as error:
        raise ApiError(400, "unknown_template", "No such template.") from error


@router.post("/{programme_id}/invitations", response={200: InvitationOut, 400: ErrorOut})
def invite(
    request: HttpRequest, programme_id: int, payload: InvitationIn
) -> Status[dict[str, object]]:
    """Invite a list of addresses; if any line is bad, nobody is invited (400, by line)."""
    programme = _access(request, programme_id, roles=queries.COACH_ONLY)
    address_list = parse_address_list(payload.addresses)
    if address_list.errors or not address_list.invitees:
        lines = [f"Line {line}: {error}" if line else error for line, error in address_list.errors]
        return Status(
            400, {"error": "invalid_addresses", "detail": lines or ["No addresses given."]}
        )
    result = actions.do_invite_members(
        programme=programme,
        inviter=signed_in_user(request),
        invitees=address_list.invitees,
        role=payload.role,
        message=payload.message,
    )
    return Status(
        200,
        {
            "invited": [user.email for user in result.invited],
            "already_members": [user.email for user in result.already_members],
            "duplicates_merged": address_list.duplicates_merged,
        },
    )
