from django.conf import settings
from django.http import HttpRequest
from django.utils import timezone


def luukku(request: HttpRequest) -> dict[str, object]:
    return {
        "site_name": "Luukku",
        "viewer_time_zone": timezone.get_current_timezone_name(),
        "mailbox_enabled": settings.EMAIL_BACKEND == "luukku.core.mailbox.MailboxBackend",
    }
