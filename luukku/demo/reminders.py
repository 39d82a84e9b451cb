"""Reminder days: the dates a coach nudged everyone, as real activation messages.

Each reminder is queued through the outreach app's own action (in-app, to everyone who had
joined by then, with a hold-out of HOLDOUT_PERCENT), delivered by its outbox worker, and
then moved to 09:00 local time on its day, so the programme's message table and effect
report show the seed's send-day effect. The people held out of a reminder do not make the
extra visits the simulation drew for it (drop_held_out_visits): what they would have done
without a message is what the report compares against, with intervals and a pooled estimate.
"""

import random
import zoneinfo
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from luukku.accounts.models import User
from luukku.demo import texts
from luukku.demo.simulation import REMINDER_SENT_AT, SimulatedVisit
from luukku.notifications.models import Notification
from luukku.outreach.actions import do_queue_message, do_send_due
from luukku.outreach.audiences import Audience
from luukku.outreach.models import (
    AudienceKind,
    Channel,
    Delivery,
    DeliveryGroup,
    Message,
    TimingKind,
)
from luukku.outreach.planning import Draft
from luukku.programmes.models import Programme

HOLDOUT_PERCENT = 20
# A reminder counts as read by those who visited within this long after it.
READ_WITHIN = timedelta(days=7)
REMINDER_BODY = (
    "Hei {{ first_name }},\n\nviikon %(week)d materiaali odottaa sinua ohjelmassa "
    "{{ programme }}. Jatka siitä, mihin jäit:\n{{ continue_link }}"
)


def sent_at(day: date, time_zone: str) -> datetime:
    return datetime.combine(day, REMINDER_SENT_AT, tzinfo=zoneinfo.ZoneInfo(time_zone))


def _send_reminder(
    programme: Programme, coach: User, recipients: Sequence[User], moment: datetime, week: int
) -> Message:
    draft = Draft(
        subject=texts.REMINDER_TITLE.format(week=week),
        body=REMINDER_BODY % {"week": week},
        channel=Channel.IN_APP,
        audience=Audience(AudienceKind.PICKED, user_ids=tuple(user.pk for user in recipients)),
        timing=TimingKind.NOW,
        holdout_percent=HOLDOUT_PERCENT,
    )
    rng = random.Random(moment.toordinal())  # the same hold-out for the same seed
    message = do_queue_message(programme=programme, author=coach, draft=draft, now=moment, rng=rng)
    do_send_due()
    return message


def _backdate(message: Message, moment: datetime, readers: list[int]) -> None:
    """Move the message, its outbox rows and its bell notifications to when it was sent."""
    Message.objects.filter(pk=message.pk).update(send_at=moment, created_at=moment)
    rows = Delivery.objects.filter(message=message)
    rows.update(send_at=moment)
    rows = rows.filter(group=DeliveryGroup.RECIPIENT)  # the hold-out got nothing
    rows.update(delivered_at=moment)
    notifications = Notification.objects.filter(pk__in=rows.values("notification_id"))
    notifications.update(created_at=moment)
    read_at = moment + timedelta(hours=3)
    rows.filter(user_id__in=readers).update(read_at=read_at)
    notifications.filter(recipient_id__in=readers).update(read_at=read_at)


def announce_reminders(
    *,
    programme: Programme,
    coach: User,
    participants: Sequence[User],
    joined: Sequence[datetime],
    visits: Sequence[Sequence[SimulatedVisit]],
    days: Sequence[date],
) -> dict[int, set[date]]:
    """One in-app reminder per reminder day to everyone who had joined by then; returns the
    reminder days each person was held out of."""
    held: dict[int, set[date]] = {}
    for day in days:
        moment = sent_at(day, programme.time_zone)
        week = (day - programme.starts_on).days // 7 + 1
        recipients = [user for user, at in zip(participants, joined, strict=True) if at <= moment]
        if not recipients:
            continue
        message = _send_reminder(programme, coach, recipients, moment, week)
        readers = [
            user.pk
            for user, own in zip(participants, visits, strict=True)
            if any(moment <= visit.started_at < moment + READ_WITHIN for visit in own)
        ]
        _backdate(message, moment, readers)
        holdout = Delivery.objects.filter(message=message, group=DeliveryGroup.HOLDOUT)
        for user_id in holdout.values_list("user_id", flat=True):
            held.setdefault(user_id, set()).add(day)
    return held


def drop_held_out_visits(
    participants: Sequence[User],
    visits: Sequence[Sequence[SimulatedVisit]],
    held: dict[int, set[date]],
    time_zone: str,
) -> list[list[SimulatedVisit]]:
    """Each person's visits without the reminder-brought ones of reminders they did not get."""
    zone = zoneinfo.ZoneInfo(time_zone)
    return [
        [
            visit
            for visit in own
            if not (
                visit.reminded
                and visit.started_at.astimezone(zone).date() in held.get(user.pk, set())
            )
        ]
        for user, own in zip(participants, visits, strict=True)
    ]
