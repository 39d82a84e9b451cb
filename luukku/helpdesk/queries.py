"""Reads and permissions for the helpdesk: staff see their organisation's requests only."""

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import AnonymousUser
from django.core import signing
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import timezone

from luukku.accounts.models import OrganisationRole, User
from luukku.accounts.queries import active_user, is_organisation_admin
from luukku.core.models import Organisation, Schedule, Service, Team
from luukku.core.tokens import hash_token
from luukku.helpdesk.actions import LINK_SALT
from luukku.helpdesk.models import (
    OPEN_STATUSES,
    Attachment,
    CannedReply,
    Category,
    ConversationLink,
    Message,
    MessageKind,
    Request,
    RoutingNote,
    RoutingRule,
    Status,
    TeamDesk,
)

AnyUser = User | AnonymousUser
STAFF_ROLES = (OrganisationRole.ADMIN, OrganisationRole.STAFF)
INBOX_FILTERS = ("all", "new", "mine", "waiting", "overdue", "open", "resolved")
PAGE_SIZE = 50


def desk_organisations(user: AnyUser) -> QuerySet[Organisation]:
    """Organisations whose helpdesk the user answers (organisation admin or staff)."""
    person = active_user(user)
    if person is None:
        return Organisation.objects.none()
    return Organisation.objects.filter(
        memberships__user=person, memberships__role__in=STAFF_ROLES
    ).distinct()


def access_desk(user: AnyUser, organisation_id: int) -> Organisation:
    organisation = desk_organisations(user).filter(pk=organisation_id).first()
    if organisation is None:
        raise Http404
    return organisation


def access_desk_admin(user: AnyUser, organisation_id: int) -> Organisation:
    if not is_organisation_admin(user, organisation_id):
        raise Http404
    return Organisation.objects.get(pk=organisation_id)


def access_request(user: AnyUser, request_id: int) -> Request:
    """A request for staff of its organisation; 404 for everybody else."""
    found = (
        Request.objects.filter(pk=request_id, organisation__in=desk_organisations(user))
        .select_related("organisation", "team", "category", "assignee", "requester")
        .first()
    )
    if found is None:
        raise Http404
    return found


def access_conversation(token: str) -> Request:
    """The one conversation a private link opens; a bad or unknown link is a 404."""
    try:
        raw_token = signing.Signer(salt=LINK_SALT).unsign(token)
    except signing.BadSignature as error:
        raise Http404 from error
    link = (
        ConversationLink.objects.filter(token_hash=hash_token(raw_token))
        .select_related("request__organisation")
        .first()
    )
    if link is None:
        raise Http404
    return link.request


def access_attachment(request: Request, attachment_id: int, *, staff: bool) -> Attachment:
    attachments = Attachment.objects.filter(pk=attachment_id, message__request=request)
    if not staff:
        attachments = attachments.exclude(message__kind=MessageKind.NOTE)
    found = attachments.first()
    if found is None:
        raise Http404
    return found


def public_messages(request: Request) -> QuerySet[Message]:
    """What the requester sees: their messages and replies; never notes or routing."""
    return (
        request.messages.exclude(kind=MessageKind.NOTE)
        .select_related("author")
        .prefetch_related("attachments")
    )


def staff_messages(request: Request) -> QuerySet[Message]:
    return request.messages.select_related("author").prefetch_related("attachments")


def routing_notes(request: Request) -> QuerySet[RoutingNote]:
    return request.routings.select_related("from_team", "to_team", "by")


def teams_of(organisation: Organisation) -> QuerySet[Team]:
    return Team.objects.filter(organisation=organisation)


def categories_of(organisation: Organisation, *, with_team: bool = False) -> QuerySet[Category]:
    found = Category.objects.filter(organisation=organisation)
    return found.select_related("team") if with_team else found


def canned_replies_of(organisation: Organisation) -> QuerySet[CannedReply]:
    return CannedReply.objects.filter(organisation=organisation)


def desk_staff(organisation: Organisation) -> QuerySet[User]:
    return User.objects.filter(
        organisation_roles__organisation=organisation,
        organisation_roles__role__in=STAFF_ROLES,
        is_active=True,
    ).order_by("display_name", "email")


def overdue_q(now: datetime) -> Q:
    return Q(next_due__lt=now, status__in=[Status.NEW, Status.OPEN])


@dataclass
class InboxPage:
    requests: list[Request]
    has_next: bool
    page: int


def inbox(
    organisation: Organisation, *, user: User, team_id: int | None, filter_name: str, page: int = 1
) -> InboxPage:
    """One page of a team inbox (or all teams), newest first; overdue first when filtered."""
    requests = Request.objects.filter(organisation=organisation)
    if team_id is not None:
        requests = requests.filter(team_id=team_id)
    requests = _apply_filter(requests, filter_name, user)
    order = ["next_due", "id"] if filter_name == "overdue" else ["-created_at", "-id"]
    start = (page - 1) * PAGE_SIZE
    rows = list(
        requests.select_related("team", "assignee", "category").order_by(*order)[
            start : start + PAGE_SIZE + 1
        ]
    )
    now = timezone.now()
    # Labels looked up once: get_status_display() re-hashes the choices on every call.
    labels = dict(Status.choices)
    for row in rows:
        row.is_overdue = row.next_due is not None and row.next_due < now  # type: ignore[attr-defined]
        row.status_label = labels[row.status]  # type: ignore[attr-defined]
    return InboxPage(rows[:PAGE_SIZE], len(rows) > PAGE_SIZE, page)


def _apply_filter(requests: QuerySet[Request], filter_name: str, user: User) -> QuerySet[Request]:
    if filter_name == "new":
        return requests.filter(status=Status.NEW)
    if filter_name == "mine":
        return requests.filter(assignee=user, status__in=OPEN_STATUSES)
    if filter_name == "waiting":
        return requests.filter(status=Status.WAITING)
    if filter_name == "overdue":
        return requests.filter(overdue_q(timezone.now()))
    if filter_name == "open":
        return requests.filter(status__in=OPEN_STATUSES)
    if filter_name == "resolved":
        return requests.filter(status__in=[Status.RESOLVED, Status.CLOSED])
    return requests


def access_service(organisation: Organisation, service_id: int) -> Service:
    found = Service.objects.filter(organisation=organisation, pk=service_id).first()
    if found is None:
        raise Http404
    return found


def schedules_of(organisation: Organisation, *, with_periods: bool = False) -> QuerySet[Schedule]:
    found = Schedule.objects.filter(organisation=organisation)
    return found.prefetch_related("periods") if with_periods else found


def access_schedule(organisation: Organisation, schedule_id: int) -> Schedule:
    found = schedules_of(organisation).filter(pk=schedule_id).first()
    if found is None:
        raise Http404
    return found


def services_of(organisation: Organisation) -> QuerySet[Service]:
    """Every service of the catalogue, published or not, for its admins."""
    return Service.objects.filter(organisation=organisation).select_related("schedule")


def access_team(organisation: Organisation, team_id: int) -> Team:
    found = teams_of(organisation).filter(pk=team_id).first()
    if found is None:
        raise Http404
    return found


def team_desks_by_team(organisation: Organisation) -> dict[int, TeamDesk]:
    """Each team's reply targets, by team id (teams without targets are missing)."""
    desks = TeamDesk.objects.filter(team__organisation=organisation)
    return {desk.team_id: desk for desk in desks}


def routing_rules_of(organisation: Organisation) -> QuerySet[RoutingRule]:
    return RoutingRule.objects.filter(organisation=organisation).select_related("team")


SET_UP_ITEMS: dict[str, type[Category] | type[RoutingRule] | type[CannedReply]] = {
    "category": Category,
    "rule": RoutingRule,
    "canned": CannedReply,
}


def access_set_up_item(
    organisation: Organisation, kind: str, item_id: int
) -> Category | RoutingRule | CannedReply:
    """A topic, keyword rule or canned reply of the organisation, by kind; else 404."""
    model = SET_UP_ITEMS.get(kind)
    found = (
        model._default_manager.filter(organisation=organisation, pk=item_id).first()
        if model
        else None
    )
    if found is None:
        raise Http404
    return found
