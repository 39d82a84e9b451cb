"""Background work for bookings. Tasks take ids and can run twice without harm."""

from django_tasks import task


@task()
def send_booking_message(*, message_id: int) -> None:
    """Send one outbox row; a failure stays pending for the next sweep to retry."""
    from luukku.bookings.outbox import do_send_booking_message

    do_send_booking_message(message_id=message_id)
