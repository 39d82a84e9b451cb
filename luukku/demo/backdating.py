"""Moving what the actions stamped "now" to the moments of the simulated story.

The discussions and notifications actions write rows as if things happened now, which is
right for real use. The demo's story spans ten weeks, so after calling them (inside the
same transaction, before anyone can read the rows) the demo moves those rows to their
simulated times. Nothing outside the demo should do this.
"""

from datetime import datetime, timedelta

from luukku.activity.models import Event, EventKind
from luukku.core.models import Organisation
from luukku.core.outbox.actions import do_skip_pending
from luukku.core.outbox.queries import pending_ids
from luukku.demo.conversations import Written
from luukku.discussions.models import Comment, Reaction, Thread
from luukku.discussions.notify import thread_url
from luukku.notifications.models import Notification, NotificationKind
from luukku.notifications.outbox import KIND as NOTIFICATION_EMAIL
from luukku.programmes.models import Programme

DISCUSSION_EVENT_KINDS = (EventKind.POST, EventKind.COMMENT, EventKind.REACTION)
# Notifications older than this are taken as read by the time the demo is opened.
READ_AFTER = timedelta(days=2)


def backdate_discussions(*, written: Written, programme: Programme) -> None:
    """Give threads, comments, reactions, their events and notifications the simulated times."""
    notifications = Notification.objects.filter(organisation_id=programme.organisation_id)
    last_activity: dict[int, datetime] = {}
    for thread, at in written.threads:
        Thread.objects.filter(pk=thread.pk).update(created_at=at)
        notifications.filter(url=thread_url(thread)).update(created_at=at)
        last_activity[thread.pk] = at
    for comment, at in written.comments:
        Comment.objects.filter(pk=comment.pk).update(created_at=at)
        notifications.filter(url=thread_url(comment.thread, comment)).update(created_at=at)
        last_activity[comment.thread_id] = max(at, last_activity[comment.thread_id])
    for thread_id, at in last_activity.items():
        Thread.objects.filter(pk=thread_id).update(last_activity_at=at)
    for user, kind, on_thread, on_comment, at in written.reactions:
        Reaction.objects.filter(user=user, kind=kind, thread=on_thread, comment=on_comment).update(
            created_at=at
        )
    _backdate_events(programme, written.event_moments)


def _backdate_events(programme: Programme, moments: list[datetime]) -> None:
    # Each action recorded exactly one event, so the events in insertion order pair up with
    # the moments in call order; zip(strict=True) fails loudly if that ever stops holding.
    recorded = list(
        Event.objects.filter(programme_id=programme.pk, kind__in=DISCUSSION_EVENT_KINDS).order_by(
            "id"
        )
    )
    for event, at in zip(recorded, moments, strict=True):
        event.occurred_at = at
    Event.objects.bulk_update(recorded, ["occurred_at"], batch_size=500)


def settle_notifications(*, organisation: Organisation, now: datetime) -> None:
    """Old notifications were read back then, and their e-mails went out back then.

    Withdrawing their outbox rows keeps the worker from mailing weeks of history to the demo
    addresses (which would bury the sign-in links in the local mailbox).
    """
    Notification.objects.filter(
        organisation=organisation, read_at__isnull=True, created_at__lt=now - READ_AFTER
    ).exclude(kind=NotificationKind.ANNOUNCEMENT).update(read_at=now - READ_AFTER)
    do_skip_pending(
        ids=pending_ids(organisation_id=organisation.pk, kinds=[NOTIFICATION_EMAIL]),
        reason="demo history: not mailed",
    )


def backdate_plan(*, programme: Programme) -> None:
    """Date the plan's sections, pages and tasks to the programme's first morning.

    Otherwise every page would look "new since your last visit" to every demo participant.
    """
    from datetime import time as wall_time
    from zoneinfo import ZoneInfo

    from luukku.programmes.models import Page, Section, Task

    written_at = datetime.combine(
        programme.starts_on - timedelta(days=3), wall_time(9), ZoneInfo(programme.time_zone)
    )
    Section.objects.filter(programme=programme).update(created_at=written_at)
    Page.objects.filter(section__programme=programme).update(
        created_at=written_at, updated_at=written_at
    )
    Task.objects.filter(section__programme=programme).update(created_at=written_at)
