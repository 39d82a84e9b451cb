"""Reads and permissions for participation analytics, over the activity rollups.

Dates are programme-local (the programme's time zone). Only participants count: coaches'
and observers' own visits are not participation. Every function here reads the rollups,
except members_returned_between, which reads raw events bounded by people and a window.
"""

import functools
import zoneinfo
from collections.abc import Iterable
from datetime import date, datetime, timedelta

from django.db.models import F, Q, QuerySet, Sum
from django.http import Http404

from luukku.accounts.models import OrganisationMembership, OrganisationRole, User
from luukku.activity.models import (
    HOUR_COLUMNS,
    Event,
    MemberDayRollup,
    MemberRollupState,
    MemberTargetRollup,
)
from luukku.core.models import Organisation
from luukku.insights.rules import (
    COHORT_WINDOW_DAYS,
    MemberStatus,
    PublishSlot,
    best_slots,
    cohort_median,
    member_status,
)
from luukku.programmes.models import Programme, ProgrammeMembership, ProgrammeRole
from luukku.programmes.queries import AnyUser, access_programme, role_in

__all__ = [
    "PublishSlot",
    "access_organisation_analytics",
    "access_participant",
    "access_programme_analytics",
    "best_publish_slots",
    "can_see_analytics",
    "can_see_people",
    "hour_of_week_visits",
    "last_visit_by_member",
    "member_statuses",
    "members_returned_between",
    "most_active_hour_by_member",
    "opened_section_ids_by_member",
    "participant_days",
    "posted_member_ids",
    "visits_by_member_between",
    "visits_per_day",
]

ANALYTICS_ROLES = (ProgrammeRole.COACH, ProgrammeRole.OBSERVER)


# ---- permissions ---------------------------------------------------------------------


def access_programme_analytics(user: AnyUser, programme_id: int) -> Programme:
    """Coaches (and organisation admins) and observers; participants and others get 404."""
    return access_programme(user, programme_id, roles=ANALYTICS_ROLES)


def can_see_analytics(user: AnyUser, programme: Programme) -> bool:
    return role_in(user, programme) in ANALYTICS_ROLES


def can_see_people(user: AnyUser, programme: Programme) -> bool:
    """Observers see aggregates only: no names, no participant table, no timelines."""
    return role_in(user, programme) == ProgrammeRole.COACH


def access_participant(user: AnyUser, programme_id: int, user_id: int) -> ProgrammeMembership:
    """A participant's membership, for a coach of the programme; else 404."""
    programme = access_programme(user, programme_id, roles=(ProgrammeRole.COACH,))
    membership = (
        ProgrammeMembership.objects.select_related("user")
        .filter(programme=programme, user_id=user_id, role=ProgrammeRole.PARTICIPANT)
        .first()
    )
    if membership is None:
        raise Http404
    membership.programme = programme
    return membership


def administered_organisations(user: AnyUser) -> QuerySet[Organisation]:
    """Organisations the user is an admin of."""
    if not isinstance(user, User) or not user.is_active:
        return Organisation.objects.none()
    admin_of = OrganisationMembership.objects.filter(user=user, role=OrganisationRole.ADMIN)
    return Organisation.objects.filter(pk__in=admin_of.values("organisation_id"))


def analysable_programmes(user: AnyUser) -> QuerySet[Programme]:
    """Programmes whose analytics the user may see (can_see_analytics), in one query."""
    if not isinstance(user, User) or not user.is_active:
        return Programme.objects.none()
    return (
        Programme.objects.filter(
            Q(memberships__user=user, memberships__role__in=ANALYTICS_ROLES)
            | Q(organisation_id__in=administered_organisations(user).values("pk"))
        )
        .select_related("organisation")
        .distinct()
        .order_by("-starts_on", "name")
    )


def access_organisation_analytics(user: AnyUser, organisation_id: int) -> Organisation:
    """The organisation, for its admins only; else 404."""
    organisation = administered_organisations(user).filter(pk=organisation_id).first()
    if organisation is None:
        raise Http404
    return organisation


# ---- building blocks -----------------------------------------------------------------


def participant_memberships(programme: Programme) -> QuerySet[ProgrammeMembership]:
    return ProgrammeMembership.objects.filter(programme=programme, role=ProgrammeRole.PARTICIPANT)


def participant_days(programme: Programme) -> QuerySet[MemberDayRollup]:
    """Day rollups of the programme's current participants."""
    return MemberDayRollup.objects.filter(
        programme_id=programme.pk,
        user_id__in=participant_memberships(programme).values("user_id"),
    )


def local_day(programme: Programme, moment: datetime) -> date:
    """The programme-local date of a moment."""
    return moment.astimezone(_zone(programme.time_zone)).date()


@functools.cache
def _zone(name: str) -> zoneinfo.ZoneInfo:
    return zoneinfo.ZoneInfo(name)


def joined_days(programme: Programme) -> dict[int, date]:
    rows = participant_memberships(programme).values_list("user_id", "joined_at")
    return {user_id: local_day(programme, joined) for user_id, joined in rows}


def hour_of_week_visits(days: QuerySet[MemberDayRollup]) -> list[int]:
    """168 visit-start counts, Monday 00-01 first, from day rollups."""
    totals = [0] * 168
    sums = {column: Sum(column) for column in HOUR_COLUMNS}
    rows = days.values("day").annotate(**sums).values_list("day", *HOUR_COLUMNS)
    for day, *counts in rows:
        base = day.weekday() * 24
        for hour, count in enumerate(counts):
            totals[base + hour] += count or 0
    return totals


# ---- the contract other apps code against --------------------------------------------


def last_visit_by_member(programme: Programme) -> dict[int, datetime | None]:
    """Each participant's latest event time (None: never came)."""
    last: dict[int, datetime | None] = dict.fromkeys(
        participant_memberships(programme).values_list("user_id", flat=True)
    )
    states = MemberRollupState.objects.filter(
        programme_id=programme.pk,
        user_id__in=participant_memberships(programme).values("user_id"),
    )
    last.update(states.values_list("user_id", "last_event_at"))
    return last


def member_statuses(
    programme: Programme,
    *,
    passive_days: int = 7,
    today: date | None = None,
    last: dict[int, datetime | None] | None = None,
    joined: dict[int, date] | None = None,
) -> dict[int, str]:
    """'active', 'passive' or 'dropped_off' per participant (DESIGN definitions).

    `last` and `joined` may pass last_visit_by_member's and joined_days' answers when the
    caller has them already.
    """
    as_of = min(today or programme.today(), programme.ends_on)
    joined = joined if joined is not None else joined_days(programme)
    window_start = as_of - timedelta(days=COHORT_WINDOW_DAYS - 1)
    window = dict.fromkeys(joined, 0)
    rows = (
        participant_days(programme)
        .filter(day__range=(window_start, as_of))
        .values("user_id")
        .annotate(visits=Sum("visits"))
        .values_list("user_id", "visits")
    )
    window.update(rows)
    median = cohort_median(window, joined, window_start)
    statuses: dict[int, str] = {}
    for user_id, seen in (last if last is not None else last_visit_by_member(programme)).items():
        status: MemberStatus = member_status(
            last_day=local_day(programme, seen) if seen else None,
            joined_day=joined[user_id],
            window_visits=window[user_id],
            median=median,
            as_of=as_of,
            passive_days=passive_days,
        )
        statuses[user_id] = str(status)
    return statuses


def opened_section_ids_by_member(programme: Programme) -> dict[int, set[int]]:
    """The plan sections each participant has opened (the section, a page or a file in it)."""
    rows = (
        MemberTargetRollup.objects.filter(
            programme_id=programme.pk,
            user_id__in=participant_memberships(programme).values("user_id"),
            section_id__isnull=False,
        )
        .values_list("user_id", "section_id")
        .distinct()
    )
    opened: dict[int, set[int]] = {}
    for user_id, section_id in rows:
        if section_id is not None:
            opened.setdefault(user_id, set()).add(section_id)
    return opened


def posted_member_ids(programme: Programme) -> set[int]:
    """Participants with any post or comment."""
    rows = (
        participant_days(programme)
        .values("user_id")
        .annotate(written=Sum(F("posts") + F("comments")))
        .filter(written__gt=0)
    )
    return {row["user_id"] for row in rows}


def visits_per_day(programme: Programme, start: date, end: date) -> dict[date, int]:
    """Participants' visits per local day from `start` to `end` inclusive (0 on quiet days)."""
    days = {start + timedelta(days=n): 0 for n in range((end - start).days + 1)}
    rows = (
        participant_days(programme)
        .filter(day__range=(start, end))
        .values("day")
        .annotate(visits=Sum("visits"))
    )
    days.update({row["day"]: row["visits"] for row in rows})
    return days


def visits_by_member_between(
    programme: Programme, user_ids: Iterable[int], start: date, end: date
) -> dict[int, int]:
    """Visits of each given person from `start` to `end` inclusive (local days)."""
    wanted = list(user_ids)
    counts = dict.fromkeys(wanted, 0)
    rows = (
        MemberDayRollup.objects.filter(
            programme_id=programme.pk, user_id__in=wanted, day__range=(start, end)
        )
        .values("user_id")
        .annotate(visits=Sum("visits"))
    )
    counts.update({row["user_id"]: row["visits"] for row in rows})
    return counts


def best_publish_slots(programme: Programme, count: int = 3) -> list[PublishSlot]:
    """The best hours of the week to publish, from when participants' visits start."""
    return best_slots(hour_of_week_visits(participant_days(programme)), count)


def most_active_hour_by_member(programme: Programme) -> dict[int, int]:
    """The local hour in which each participant most often starts a visit (earliest on ties)."""
    sums = {column: Sum(column) for column in HOUR_COLUMNS}
    rows = (
        participant_days(programme)
        .values("user_id")
        .annotate(**sums)
        .values_list("user_id", *HOUR_COLUMNS)
    )
    result = {}
    for user_id, *sums_by_hour in rows:
        counts = [count or 0 for count in sums_by_hour]
        if any(counts):
            result[user_id] = counts.index(max(counts))
    return result


def members_returned_between(
    programme: Programme, user_ids: Iterable[int], start: datetime, end: datetime
) -> set[int]:
    """Who of `user_ids` has any event in [start, end) (raw events: bounded by both)."""
    rows = Event.objects.filter(
        programme_id=programme.pk,
        user_id__in=list(user_ids),
        occurred_at__gte=start,
        occurred_at__lt=end,
    ).values_list("user_id", flat=True)
    return set(rows.distinct().order_by())
