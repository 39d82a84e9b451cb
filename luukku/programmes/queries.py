"""Reads and permissions for programmes: one place decides who may see what."""

import datetime
import zoneinfo
from collections.abc import Iterable
from typing import Any

from django.contrib.auth.models import AnonymousUser
from django.db.models import Prefetch, Q, QuerySet
from django.http import Http404
from django.utils.translation import gettext

from luukku.accounts.models import OrganisationMembership, OrganisationRole, User
from luukku.accounts.queries import active_user, is_organisation_admin
from luukku.core.models import Organisation
from luukku.programmes.builtin_templates import BUILTIN_TEMPLATES, builtin_choices, builtin_plan
from luukku.programmes.models import (
    Page,
    PageFile,
    Programme,
    ProgrammeMembership,
    ProgrammeRole,
    ProgrammeTemplate,
    Section,
    Task,
)

AnyUser = User | AnonymousUser
COACH_ONLY = (ProgrammeRole.COACH,)


def _member_role(
    user: AnyUser, programme: Programme
) -> tuple[ProgrammeMembership | None, str | None]:
    """The user's membership and effective role, remembered on the programme instance.

    A page asks "who is this?" several times (access, template, tracking); one lookup
    per request is enough, since a role changed mid-request is followed by a redirect.
    """
    person = active_user(user)
    if person is None:
        return None, None
    cache: dict[int, tuple[ProgrammeMembership | None, str | None]]
    cache = programme.__dict__.setdefault("_member_role_cache", {})
    if person.pk not in cache:
        membership = ProgrammeMembership.objects.filter(programme=programme, user=person).first()
        role = membership.role if membership is not None else None
        if role != ProgrammeRole.COACH and is_organisation_admin(person, programme.organisation_id):
            role = ProgrammeRole.COACH
        cache[person.pk] = (membership, role)
    return cache[person.pk]


def get_membership(user: AnyUser, programme: Programme) -> ProgrammeMembership | None:
    return _member_role(user, programme)[0]


def role_in(user: AnyUser, programme: Programme) -> str | None:
    """The user's effective role: admins of the organisation count as coaches."""
    return _member_role(user, programme)[1]


def is_coach(user: AnyUser, programme: Programme) -> bool:
    return role_in(user, programme) == ProgrammeRole.COACH


def programme_page_context(user: AnyUser, programme: Programme) -> dict[str, object]:
    """What programmes/programme_base.html expects, for any app's page inside a programme."""
    return {
        "programme": programme,
        "membership": get_membership(user, programme),
        "is_coach": is_coach(user, programme),
    }


def access_programme(
    user: AnyUser, programme_id: int, *, roles: Iterable[str] | None = None
) -> Programme:
    """Return the programme if the user has one of `roles` in it (any role if None); else 404."""
    programme = Programme.objects.select_related("organisation").filter(pk=programme_id).first()
    if programme is None:
        raise Http404
    role = role_in(user, programme)
    if role is None or (roles is not None and role not in set(roles)):
        raise Http404
    return programme


def can_see_section(user: AnyUser, section: Section) -> bool:
    """Coaches see every section; others only those whose opening date has come."""
    role = role_in(user, section.programme)
    if role is None:
        return False
    return role == ProgrammeRole.COACH or section.is_open_on(section.programme.today())


def access_section(user: AnyUser, section_id: int, *, coach: bool = False) -> Section:
    section = Section.objects.select_related("programme__organisation").filter(pk=section_id)
    found = section.first()
    if found is None or not can_see_section(user, found):
        raise Http404
    if coach and not is_coach(user, found.programme):
        raise Http404
    return found


def access_page(user: AnyUser, page_id: int, *, coach: bool = False) -> Page:
    """Return the page if its section is visible to the user (see can_see_section); else 404."""
    page = Page.objects.select_related("section__programme__organisation").filter(pk=page_id)
    found = page.first()
    if found is None or not can_see_section(user, found.section):
        raise Http404
    if coach and not is_coach(user, found.section.programme):
        raise Http404
    return found


def access_page_file(user: AnyUser, file_id: int, *, coach: bool = False) -> PageFile:
    page_id = PageFile.objects.filter(pk=file_id).values_list("page_id", flat=True).first()
    if page_id is None:
        raise Http404
    page = access_page(user, page_id, coach=coach)
    found = PageFile.objects.get(pk=file_id)
    found.page = page  # already loaded with its section and programme
    return found


def access_task(user: AnyUser, task_id: int) -> Task:
    """Tasks are edited by coaches only; 404 for everybody else."""
    task = Task.objects.select_related("section__programme__organisation").filter(pk=task_id)
    found = task.first()
    if found is None or not is_coach(user, found.section.programme):
        raise Http404
    return found


def access_membership(user: AnyUser, membership_id: int) -> ProgrammeMembership:
    """A membership that the user may manage as a coach of its programme; else 404."""
    membership = (
        ProgrammeMembership.objects.select_related("programme__organisation", "user")
        .filter(pk=membership_id)
        .first()
    )
    if membership is None or not is_coach(user, membership.programme):
        raise Http404
    return membership


def programmes_for(user: AnyUser) -> QuerySet[Programme]:
    """Programmes the user belongs to, or runs as an admin of the organisation."""
    person = active_user(user)
    if person is None:
        return Programme.objects.none()
    admin_of = OrganisationMembership.objects.filter(
        user=person, role=OrganisationRole.ADMIN
    ).values("organisation_id")
    return (
        Programme.objects.filter(Q(memberships__user=person) | Q(organisation_id__in=admin_of))
        .select_related("organisation")
        .distinct()
    )


def member_user_ids(programme: Programme, role: str | None = None) -> list[int]:
    memberships = ProgrammeMembership.objects.filter(programme=programme)
    if role is not None:
        memberships = memberships.filter(role=role)
    return list(memberships.order_by("user_id").values_list("user_id", flat=True))


def visible_sections(user: AnyUser, programme: Programme) -> QuerySet[Section]:
    sections = Section.objects.filter(programme=programme).order_by("position", "id")
    if role_in(user, programme) != ProgrammeRole.COACH:
        today = programme.today()
        sections = sections.filter(Q(opens_on__isnull=True) | Q(opens_on__lte=today))
    return sections


def members_visible_to(user: AnyUser, programme: Programme) -> QuerySet[ProgrammeMembership]:
    """Coaches see everyone; others see their co-participants and the coaches."""
    memberships = ProgrammeMembership.objects.filter(programme=programme).select_related("user")
    if role_in(user, programme) != ProgrammeRole.COACH:
        memberships = memberships.filter(role__in=[ProgrammeRole.PARTICIPANT, ProgrammeRole.COACH])
    return memberships.order_by("role", "user__display_name", "user__email")


def programmes_listed_for(user: AnyUser) -> QuerySet[Programme]:
    """The user's programmes as lists show them: the latest to start first."""
    return programmes_for(user).order_by("-starts_on", "name")


def section_pages(section: Section) -> QuerySet[Page]:
    return section.pages.order_by("position", "id")


def section_tasks(section: Section) -> QuerySet[Task]:
    return section.tasks.order_by("due_on", "id")


def organisation_for_creating(user: AnyUser, organisation_id: int) -> Organisation | None:
    """The organisation if the user may create programmes in it, else None."""
    return organisations_for_creating(user).filter(pk=organisation_id).first()


def organisations_for_creating(user: AnyUser) -> QuerySet[Organisation]:
    """Organisations where the user is admin or staff and may so create programmes."""
    person = active_user(user)
    if person is None:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__user=person,
        memberships__role__in=[OrganisationRole.ADMIN, OrganisationRole.STAFF],
    ).distinct()


def templates_for(organisations: QuerySet[Organisation]) -> QuerySet[ProgrammeTemplate]:
    return ProgrammeTemplate.objects.filter(organisation__in=organisations).select_related(
        "organisation"
    )


def access_template(user: AnyUser, template_id: int) -> ProgrammeTemplate:
    template = templates_for(organisations_for_creating(user)).filter(pk=template_id).first()
    if template is None:
        raise Http404
    return template


def whats_new(user: AnyUser, programme: Programme, since: datetime.datetime) -> dict[str, Any]:
    """Pages created or updated and sections opened after `since`, as the user may see them."""
    sections = visible_sections(user, programme)
    pages = Page.objects.filter(section__in=sections).select_related("section")
    since_day = since.astimezone(zoneinfo.ZoneInfo(programme.time_zone)).date()
    return {
        "new_pages": list(pages.filter(created_at__gt=since).order_by("-created_at")[:20]),
        "updated_pages": list(
            pages.filter(created_at__lte=since, updated_at__gt=since).order_by("-updated_at")[:20]
        ),
        "opened_sections": list(
            sections.filter(opens_on__gt=since_day, opens_on__lte=programme.today())
        ),
    }


def upcoming_tasks(user: AnyUser, programme: Programme, *, limit: int = 5) -> list[Task]:
    """The next deadlines, from today on, in sections the user can see."""
    return list(
        Task.objects.filter(
            section__in=visible_sections(user, programme), due_on__gte=programme.today()
        )
        .select_related("section")
        .order_by("due_on", "id")[:limit]
    )


def plan_for(user: AnyUser, programme: Programme) -> list[Section]:
    """The sections the user can see, each with its pages and tasks loaded."""
    return list(
        visible_sections(user, programme).prefetch_related(
            Prefetch("pages", queryset=Page.objects.order_by("position", "id")),
            Prefetch("tasks", queryset=Task.objects.order_by("due_on", "id")),
        )
    )


def plan_from_choice(
    user: AnyUser, organisation: Organisation, choice: str, language: str
) -> dict[str, Any] | None:
    """The plan a template choice stands for: 'blank', 'builtin:<key>' or 'saved:<id>'.

    Raises Http404 for a saved template of another organisation or an unknown choice.
    """
    kind, _sep, value = choice.partition(":")
    if kind == "blank":
        return None
    if kind == "builtin" and value in BUILTIN_TEMPLATES:
        return builtin_plan(value, language)
    if kind == "saved" and value.isdigit():
        template = access_template(user, int(value))
        if template.organisation_id == organisation.pk:
            return dict(template.plan)
    raise Http404


def template_choices(user: AnyUser, language: str) -> list[tuple[str, str]]:
    """Choices for the create form: blank, the built-ins, then the saved templates."""
    organisations = organisations_for_creating(user)
    saved = [
        (f"saved:{template.pk}", f"{template.name} ({template.organisation.name})")
        for template in templates_for(organisations)
    ]
    builtins = [(f"builtin:{key}", label) for key, label in builtin_choices(language)]
    return [("blank", gettext("Blank programme")), *builtins, *saved]
