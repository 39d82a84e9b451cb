"""Reads for anonymous feedback: summaries, shown only for groups of at least five."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import QuerySet

from luukku.accounts.queries import active_user, is_organisation_admin
from luukku.bookings.models import AdvisorSchedule, BookingCalendar, CalendarAdvisor
from luukku.bookings.queries import AnyUser
from luukku.feedback.models import MIN_ANSWERS_SHOWN, FeedbackAnswer


@dataclass
class Summary:
    """Counts per rating 1-5, the mean and the comments; empty unless `shown`."""

    title: str
    count: int
    shown: bool
    distribution: list[int] = field(default_factory=list)
    mean: float | None = None
    helped: list[str] = field(default_factory=list)
    ideas: list[str] = field(default_factory=list)


def summarise(title: str, answers: QuerySet[FeedbackAnswer]) -> Summary:
    rows = list(answers.order_by("id").values_list("rating", "helped", "idea"))
    if len(rows) < MIN_ANSWERS_SHOWN:
        return Summary(title=title, count=len(rows), shown=False)
    counts = Counter(rating for rating, _helped, _idea in rows)
    return Summary(
        title=title,
        count=len(rows),
        shown=True,
        distribution=[counts.get(rating, 0) for rating in range(1, 6)],
        mean=round(sum(rating for rating, _h, _i in rows) / len(rows), 2),
        # Ordered by the random key: the list order tells nothing about time.
        helped=[helped for _r, helped, _i in rows if helped],
        ideas=[idea for _r, _h, idea in rows if idea],
    )


def calendar_summaries(user: AnyUser, calendar: BookingCalendar) -> list[Summary]:
    """The calendar's summary, then one per advisor the viewer may see.

    Admins of the organisation see every advisor's; an advisor sees only their own.
    """
    answers = FeedbackAnswer.objects.filter(calendar=calendar)
    summaries = [summarise(calendar.name, answers)]
    advisors = CalendarAdvisor.objects.filter(calendar=calendar).values("schedule_id")
    schedules = AdvisorSchedule.objects.filter(pk__in=advisors).select_related("user")
    if not is_organisation_admin(user, calendar.organisation_id):
        person = active_user(user)
        schedules = schedules.filter(user=person) if person else schedules.none()
    for schedule in schedules.order_by("user__display_name", "user__email"):
        summaries.append(summarise(str(schedule.user), answers.filter(advisor=schedule)))
    return summaries
