"""Turning a composed draft into a plan: who gets it when, who is held out or skipped, and why.

The preview shows the plan; queueing stores it. Both run the same checks, so what the
coach saw before pressing send is what is queued.
"""

import math
import random
import zoneinfo
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from luukku.accounts.models import User
from luukku.activity import queries as activity_queries
from luukku.outreach import placeholders, timing
from luukku.outreach.audiences import Audience, audience_ids
from luukku.outreach.models import (
    AudienceKind,
    Channel,
    Delivery,
    DeliveryGroup,
    DeliveryStatus,
    OutreachSettings,
    TimingKind,
    Unsubscribe,
)
from luukku.programmes.models import Programme, Section

MAX_HOLDOUT_PERCENT = 50
# A time this far in the past still counts as "now" (the form took a moment to submit).
PAST_TOLERANCE = timedelta(minutes=1)


@dataclass(frozen=True)
class Draft:
    subject: str
    body: str
    channel: str
    audience: Audience
    timing: str = TimingKind.NOW
    at: datetime | None = None
    section_id: int | None = None
    ignore_quiet_hours: bool = False
    ignore_frequency_cap: bool = False
    holdout_percent: int = 10


@dataclass(frozen=True)
class PlannedPerson:
    user: User
    group: str
    send_at: datetime

    @property
    def group_label(self) -> str:
        return str(DeliveryGroup(self.group).label)


@dataclass
class Plan:
    people: list[PlannedPerson]
    warnings: list[str] = field(default_factory=list)

    def in_group(self, group: str) -> list[PlannedPerson]:
        return [person for person in self.people if person.group == group]

    @property
    def recipients(self) -> list[PlannedPerson]:
        return self.in_group(DeliveryGroup.RECIPIENT)

    @property
    def first_send_at(self) -> datetime:
        sending = self.recipients or self.people
        return min(person.send_at for person in sending)


def check_draft(programme: Programme, draft: Draft, now: datetime) -> dict[str, list[str]]:
    """Every problem with the draft, by form field; empty when it can be queued."""
    errors = placeholders.text_errors(draft.subject, draft.body)
    if not draft.subject.strip():
        errors.setdefault("subject", []).append(_("Write a subject."))
    if not draft.body.strip():
        errors.setdefault("body", []).append(_("Write a message."))
    if draft.channel not in Channel.values:
        errors.setdefault("channel", []).append(_("Choose a channel."))
    sections = Section.objects.filter(programme=programme)
    if placeholders.needs_section(draft.subject, draft.body) and not (
        draft.section_id and sections.filter(pk=draft.section_id).exists()
    ):
        errors.setdefault("section", []).append(
            _("Choose the section that {{ section_link }} points to.")
        )
    if draft.audience.kind == AudienceKind.NOT_OPENED and not (
        draft.audience.section_id and sections.filter(pk=draft.audience.section_id).exists()
    ):
        errors.setdefault("audience_section", []).append(_("Choose a section of this programme."))
    if draft.timing == TimingKind.AT and (draft.at is None or draft.at < now - PAST_TOLERANCE):
        errors.setdefault("at", []).append(
            _("Choose a time in the future.") if draft.at else _("Choose a date and time.")
        )
    if not 0 <= draft.holdout_percent <= MAX_HOLDOUT_PERCENT:
        errors.setdefault("holdout_percent", []).append(
            _("The hold-out share must be between 0 and %(most)d %%.")
            % {"most": MAX_HOLDOUT_PERCENT}
        )
    return errors


def _base_times(
    programme: Programme, draft: Draft, people: Iterable[User], now: datetime
) -> dict[int, datetime]:
    zone = zoneinfo.ZoneInfo(programme.time_zone)
    if draft.timing == TimingKind.AT and draft.at is not None:
        return {user.pk: max(draft.at, now) for user in people}
    if draft.timing not in (TimingKind.BEST_TIME, TimingKind.PERSONAL):
        return {user.pk: now for user in people}
    slot = activity_queries.best_slot(programme)
    if draft.timing == TimingKind.BEST_TIME:
        moment = now if slot is None else timing.next_weekly_slot(now, zone, *slot)
        return {user.pk: moment for user in people}
    hours = activity_queries.most_active_hour_by_member(programme)
    fallback = slot[1] if slot is not None else None
    times = {}
    for user in people:
        hour = hours.get(user.pk, fallback)
        times[user.pk] = now if hour is None else timing.next_daily_hour(now, zone, hour)
    return times


def _recently_messaged(programme: Programme, times: dict[int, datetime], days: int) -> set[int]:
    """People with another activation message (sent or queued) within `days` of theirs."""
    if not times or days == 0:
        return set()
    window = timedelta(days=days)
    others = Delivery.objects.filter(
        user_id__in=list(times),
        group=DeliveryGroup.RECIPIENT,
        message__organisation_id=programme.organisation_id,
        send_at__gt=min(times.values()) - window,
        send_at__lt=max(times.values()) + window,
    ).filter(Q(status=DeliveryStatus.DONE) | Q(status=DeliveryStatus.PENDING))
    return {
        user_id
        for user_id, other in others.values_list("user_id", "send_at")
        if abs(other - times[user_id]) < window
    }


def _apply_quiet_hours(
    programme: Programme, draft: Draft, people: dict[int, User], times: dict[int, datetime],
    rules: OutreachSettings,
) -> int:  # fmt: skip
    """Move times out of quiet hours (or count those left in them when overridden)."""
    start, end = rules.quiet_hours_start, rules.quiet_hours_end
    inside = 0
    for user_id, moment in times.items():
        zone = timing.zone_for(people[user_id].time_zone, programme.time_zone)
        if draft.ignore_quiet_hours:
            inside += timing.in_quiet_hours(moment, zone, start, end)
        else:
            times[user_id] = timing.after_quiet_hours(moment, zone, start, end)
    return inside


def plan_message(
    programme: Programme,
    draft: Draft,
    rules: OutreachSettings,
    *,
    now: datetime,
    rng: random.Random | None = None,
) -> Plan:
    """Who gets the draft when; raises ValidationError when nobody would."""
    ids = audience_ids(programme, draft.audience)
    if not ids:
        raise ValidationError(_("Nobody is in this audience, so nothing was queued."), "empty")
    people = User.objects.in_bulk(ids)
    times = _base_times(programme, draft, people.values(), now)
    in_quiet = _apply_quiet_hours(programme, draft, people, times, rules)
    unsubscribed = set(
        Unsubscribe.objects.filter(programme=programme, user_id__in=ids).values_list(
            "user_id", flat=True
        )
    )
    recent = _recently_messaged(programme, times, rules.frequency_cap_days) - unsubscribed
    capped = set() if draft.ignore_frequency_cap else recent
    eligible = [uid for uid in ids if uid not in unsubscribed and uid not in capped]
    held = set((rng or random.SystemRandom()).sample(eligible, _holdout_size(draft, eligible)))
    plan = Plan([])
    for uid in ids:
        group = (
            DeliveryGroup.UNSUBSCRIBED if uid in unsubscribed
            else DeliveryGroup.CAPPED if uid in capped
            else DeliveryGroup.HOLDOUT if uid in held
            else DeliveryGroup.RECIPIENT
        )  # fmt: skip
        plan.people.append(PlannedPerson(people[uid], group, times[uid]))
    if not plan.recipients:
        raise ValidationError(_("Nobody in this audience can receive it now."), "no_recipients")
    plan.warnings = _warnings(draft, rules, in_quiet, len(recent))
    return plan


def _holdout_size(draft: Draft, eligible: list[int]) -> int:
    # Rounded down: a message to a handful of hand-picked people holds out nobody.
    return math.floor(len(eligible) * draft.holdout_percent / 100)


def _warnings(draft: Draft, rules: OutreachSettings, in_quiet: int, recent: int) -> list[str]:
    warnings = []
    if draft.ignore_quiet_hours and in_quiet:
        warnings.append(
            ngettext(
                "%(count)d person will get this during quiet hours (%(start)02d-%(end)02d).",
                "%(count)d people will get this during quiet hours (%(start)02d-%(end)02d).",
                in_quiet,
            )
            % {"count": in_quiet, "start": rules.quiet_hours_start, "end": rules.quiet_hours_end}
        )
    if draft.ignore_frequency_cap and recent:
        warnings.append(
            ngettext(
                "%(count)d person got another message within %(days)d days and gets this too.",
                "%(count)d people got another message within %(days)d days and get this too.",
                recent,
            )
            % {"count": recent, "days": rules.frequency_cap_days}
        )
    return warnings
