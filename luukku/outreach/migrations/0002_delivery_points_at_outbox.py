"""Deliveries point at their row in the one outbox (core); the sending columns move there.

Rows still waiting to be sent get an outbox row each, with their attempts, next attempt and
last error, so nothing queued before the upgrade is lost or sent twice.
"""

import django.db.models.deletion
from django.db import migrations, models


def move_pending_rows(apps, schema_editor):
    Delivery = apps.get_model("outreach", "Delivery")
    OutboxMessage = apps.get_model("core", "OutboxMessage")
    pending = Delivery.objects.filter(status="pending").select_related("message", "user")
    for delivery in pending.iterator(chunk_size=1000):
        message = delivery.message
        by_email = message.channel in ("email", "both")
        row = OutboxMessage.objects.create(
            kind="outreach.email" if by_email else "outreach.in_app",
            key=f"outreach:{message.pk}:{delivery.user_id}",
            source_app="outreach",
            source_id=str(message.pk),
            organisation_id=message.organisation_id,
            recipient=delivery.user.email,
            attempts=delivery.attempts,
            next_attempt_at=delivery.next_attempt_at,
            last_error=delivery.last_error,
        )
        Delivery.objects.filter(pk=delivery.pk).update(outbox_message=row)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0005_outbox_message"),
        ("outreach", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="delivery",
            name="outbox_message",
            field=models.OneToOneField(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="core.outboxmessage",
            ),
        ),
        migrations.RunPython(move_pending_rows, migrations.RunPython.noop),
        migrations.RemoveIndex(model_name="delivery", name="delivery_due_idx"),
        migrations.RemoveField(model_name="delivery", name="attempts"),
        migrations.RemoveField(model_name="delivery", name="email_confirmed_at"),
        migrations.RemoveField(model_name="delivery", name="lease_until"),
        migrations.RemoveField(model_name="delivery", name="next_attempt_at"),
    ]
