"""Reminder days: the dates a coach nudged everyone, as real activation messages.

Each reminder is queued through the outreach app's own action (in-app, to everyone who had
joined by then), delivered by its outbox worker, and then moved to 09:00 local time on its
day, so the programme's message table and effect report show the seed's send-day effect.
"""

import zoneinfo
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from luukku.accounts.models import User
from luukku.demo import texts
from luukku.demo.simulation import REMINDER_SENT_AT, SimulatedVisit
from luukku.notifications.models import Notification
from luukku.outreach.actions import do_queue_message, do_send_due
from luukku.outreach.audiences import Audience
from luukku.outreach.models import AudienceKind, Channel, Delivery, Message, TimingKind
from luukku.outreach.planning import Draft
from luukku.programmes.models import Programme

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
        holdout_percent=0,
    )
    message = do_queue_message(programme=programme, author=coach, draft=draft, now=moment)
    do_send_due()
    return message


def _backdate(message: Message, moment: datetime, readers: list[int]) -> None:
    """Move the message, its outbox rows and its bell notifications to when it was sent."""
    Message.objects.filter(pk=message.pk).update(send_at=moment, created_at=moment)
    rows = Delivery.objects.filter(message=message)
    rows.update(send_at=moment, delivered_at=moment)
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
) -> None:
    """One in-app reminder per reminder day to everyone who had joined by then."""
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
