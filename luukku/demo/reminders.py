"""Reminder days: the dates a coach nudged everyone, shown as in-app announcements.

A later issue models activation messages properly; until then the demo's reminders are
announcement notifications sent at 09:00 local time on the chosen days.
"""

import zoneinfo
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from django.urls import reverse

from luukku.accounts.models import User
from luukku.demo import texts
from luukku.demo.simulation import REMINDER_SENT_AT, SimulatedVisit
from luukku.notifications.actions import do_notify
from luukku.notifications.models import Notification, NotificationKind
from luukku.programmes.models import Programme

# A reminder counts as read by those who visited within this long after it.
READ_WITHIN = timedelta(days=7)


def sent_at(day: date, time_zone: str) -> datetime:
    return datetime.combine(day, REMINDER_SENT_AT, tzinfo=zoneinfo.ZoneInfo(time_zone))


def announce_reminders(
    *,
    programme: Programme,
    coach: User,
    participants: Sequence[User],
    joined: Sequence[datetime],
    visits: Sequence[Sequence[SimulatedVisit]],
    days: Sequence[date],
) -> None:
    """One announcement per reminder day to everyone who had joined by then."""
    url = reverse("programmes:home", args=[programme.pk])
    for day in days:
        moment = sent_at(day, programme.time_zone)
        week = (day - programme.starts_on).days // 7 + 1
        title = texts.REMINDER_TITLE.format(week=week)
        recipients = [user for user, at in zip(participants, joined, strict=True) if at <= moment]
        do_notify(
            recipients=recipients,
            organisation=programme.organisation,
            kind=NotificationKind.ANNOUNCEMENT,
            title=title,
            url=url,
            actor=coach,
        )
        sent = Notification.objects.filter(
            organisation_id=programme.organisation_id,
            kind=NotificationKind.ANNOUNCEMENT,
            title=title,
        )
        sent.update(created_at=moment)
        readers = [
            user.pk
            for user, own in zip(participants, visits, strict=True)
            if any(moment <= visit.started_at < moment + READ_WITHIN for visit in own)
        ]
        sent.filter(recipient_id__in=readers).update(read_at=moment + timedelta(hours=3))
