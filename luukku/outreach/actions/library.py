"""Writes for an organisation's template library and outreach settings."""

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from luukku.accounts.models import User
from luukku.core.models import Organisation
from luukku.outreach import placeholders
from luukku.outreach.models import MessageTemplate, OutreachSettings, TemplateKind


def do_save_template(
    *, organisation: Organisation, kind: str, language: str, subject: str, body: str, user: User
) -> MessageTemplate:
    """Store the organisation's own wording of a library template (checked like a message)."""
    errors = placeholders.text_errors(subject, body)
    if kind not in TemplateKind.values:
        errors["kind"] = [_("Unknown template.")]
    if errors:
        raise ValidationError(errors)
    template, _created = MessageTemplate.objects.update_or_create(
        organisation=organisation,
        kind=kind,
        language=language,
        defaults={
            "subject": subject,
            "body": body,
            "updated_by": user,
            "updated_at": timezone.now(),
        },
    )
    return template


def do_reset_template(*, organisation: Organisation, kind: str, language: str) -> None:
    """Go back to the built-in wording."""
    MessageTemplate.objects.filter(organisation=organisation, kind=kind, language=language).delete()


def do_save_outreach_settings(
    *,
    organisation: Organisation,
    open_tracking: bool,
    quiet_hours_start: int,
    quiet_hours_end: int,
    frequency_cap_days: int,
    holdout_percent: int,
) -> OutreachSettings:
    found, _created = OutreachSettings.objects.update_or_create(
        organisation=organisation,
        defaults={
            "open_tracking": open_tracking,
            "quiet_hours_start": quiet_hours_start,
            "quiet_hours_end": quiet_hours_end,
            "frequency_cap_days": frequency_cap_days,
            "holdout_percent": holdout_percent,
        },
    )
    return found
