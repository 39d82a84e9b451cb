"""Booking e-mail goes by the one outbox (core); rows still waiting move there."""

from django.db import migrations


def move_pending_rows(apps, schema_editor):
    BookingMessage = apps.get_model("bookings", "BookingMessage")
    OutboxMessage = apps.get_model("core", "OutboxMessage")
    pending = BookingMessage.objects.filter(status="pending").select_related(
        "booking__advisor__user"
    )
    for message in pending.iterator(chunk_size=1000):
        booking = message.booking
        role = "booker" if message.recipient.lower() == booking.booker_email.lower() else "advisor"
        kind = f"bookings.{message.kind}"
        OutboxMessage.objects.get_or_create(
            key=f"{kind}:{booking.pk}:{message.sequence}:{message.variant}:{role}",
            defaults={
                "kind": kind,
                "source_app": "bookings",
                "source_id": str(booking.pk),
                "organisation_id": booking.organisation_id,
                "recipient": message.recipient.lower(),
                "params": {
                    "sequence": message.sequence,
                    "variant": message.variant,
                    "role": role,
                },
                "attempts": message.attempts,
                "last_error": message.last_error,
                "created_at": message.created_at,
            },
        )


class Migration(migrations.Migration):
    dependencies = [
        ("bookings", "0002_no_overlap_on_postgresql"),
        ("core", "0005_outbox_message"),
    ]

    operations = [
        migrations.RunPython(move_pending_rows, migrations.RunPython.noop),
        migrations.DeleteModel(name="BookingMessage"),
    ]
