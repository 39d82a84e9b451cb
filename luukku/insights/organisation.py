"""Programmes of an organisation side by side, for its admins, over a date range."""

from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Exists, OuterRef, Q, Sum

from luukku.activity.models import MemberDayRollup
from luukku.activity.queries import dropped_off_counts
from luukku.core.models import Organisation
from luukku.programmes.models import Programme, ProgrammeMembership, ProgrammeRole


@dataclass
class ProgrammeComparison:
    programme: Programme
    participants: int
    taking_part: int  # participants with any event in the range (on a visit)
    visits: int
    active_minutes_per_participant: float
    dropped_off: int

    @property
    def participation_share(self) -> float:
        return self.taking_part / self.participants if self.participants else 0.0

    @property
    def drop_off_share(self) -> float:
        return self.dropped_off / self.participants if self.participants else 0.0


def _range_totals(
    organisation: Organisation, start: date, end: date
) -> dict[int, tuple[int, int, int]]:
    """Per programme: participants' visits, active seconds and people with a visit.

    Every day row in the range counts, also one where no visit started: the after-midnight
    half of a visit across midnight has its active time there (and its visit the day before).
    """
    is_participant = ProgrammeMembership.objects.filter(
        programme_id=OuterRef("programme_id"),
        user_id=OuterRef("user_id"),
        role=ProgrammeRole.PARTICIPANT,
    )
    rows = (
        MemberDayRollup.objects.filter(
            organisation_id=organisation.pk, day__range=(start, end), events__gt=0
        )
        .filter(Exists(is_participant))
        .values("programme_id")
        .annotate(
            visits=Sum("visits"),
            active=Sum("active_seconds"),
            people=Count("user_id", distinct=True),
        )
        .values_list("programme_id", "visits", "active", "people")
    )
    return {programme_id: (visits, active, people) for programme_id, visits, active, people in rows}


def compare_programmes(
    organisation: Organisation, start: date, end: date
) -> list[ProgrammeComparison]:
    """Programmes running at some point in the range, with their figures in it."""
    programmes = list(
        Programme.objects.filter(organisation=organisation, starts_on__lte=end, ends_on__gte=start)
        .select_related("organisation")
        .annotate(
            participants=Count("memberships", filter=Q(memberships__role=ProgrammeRole.PARTICIPANT))
        )
        .order_by("starts_on", "name")
    )
    totals = _range_totals(organisation, start, end)
    dropped_off = dropped_off_counts(dict.fromkeys(programmes, end))
    result = []
    for programme in programmes:
        visits, active, people = totals.get(programme.pk, (0, 0, 0))
        count: int = programme.participants
        result.append(
            ProgrammeComparison(
                programme=programme,
                participants=count,
                taking_part=people,
                visits=visits,
                active_minutes_per_participant=round(active / 60 / count, 1) if count else 0.0,
                dropped_off=dropped_off[programme.pk],
            )
        )
    return result
