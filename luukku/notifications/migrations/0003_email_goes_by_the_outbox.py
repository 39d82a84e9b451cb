"""Notification e-mails go by the one outbox (core); rows still waiting move there."""

from django.db import migrations


def move_pending_rows(apps, schema_editor):
    EmailDelivery = apps.get_model("notifications", "EmailDelivery")
    OutboxMessage = apps.get_model("core", "OutboxMessage")
    pending = EmailDelivery.objects.filter(status="pending").select_related(
        "notification", "recipient"
    )
    for delivery in pending.iterator(chunk_size=1000):
        notification = delivery.notification
        OutboxMessage.objects.get_or_create(
            key=f"notifications.email:{notification.pk}",
            defaults={
                "kind": "notifications.email",
                "source_app": "notifications",
                "source_id": str(notification.pk),
                "organisation_id": notification.organisation_id,
                "recipient": delivery.recipient.email,
                "attempts": delivery.attempts,
                "last_error": delivery.last_error,
                "created_at": delivery.created_at,
            },
        )


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0005_outbox_message"),
        ("notifications", "0002_alter_notification_kind_and_more"),
    ]

    operations = [
        migrations.RunPython(move_pending_rows, migrations.RunPython.noop),
        migrations.DeleteModel(name="EmailDelivery"),
    ]
