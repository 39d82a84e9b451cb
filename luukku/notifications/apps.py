from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class NotificationsConfig(AppConfig):
    name = "luukku.notifications"
    label = "notifications"
    verbose_name = _("Notifications")

    def ready(self) -> None:
        from luukku.notifications.outbox import register_builders

        register_builders()
