"""Background e-mail for notifications. Tasks take ids, never model objects."""

from django.utils import timezone
from django_tasks import task

from luukku.core.outbox import retry_delay


@task()
def send_notification_email(*, delivery_id: int) -> None:
    """Send one outbox row; a failed attempt is retried later when the backend can defer."""
    # Imported here: actions enqueues this task, so a top-level import would be circular.
    from luukku.notifications import actions

    result = actions.do_send_email_delivery(delivery_id=delivery_id)
    if result.outcome is not actions.DeliveryOutcome.RETRY:
        return
    backend = send_notification_email.get_backend()
    if not backend.supports_defer:
        # Without deferral a retry would run at once and hit the same fault; the row
        # stays pending with its error recorded for a later sweep.
        return
    send_notification_email.using(run_after=timezone.now() + retry_delay(result.attempts)).enqueue(
        delivery_id=delivery_id
    )
