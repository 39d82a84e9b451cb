"""Writes for activation messages (every change goes through one of these functions)."""

from luukku.outreach.actions.automations import (
    do_create_automation,
    do_set_automation_paused,
    run_automations,
)
from luukku.outreach.actions.compose import do_cancel_message, do_queue_message, plan_draft, preview
from luukku.outreach.actions.engagement import (
    do_read_in_app,
    do_record_click,
    do_record_open,
    do_unsubscribe,
)
from luukku.outreach.actions.library import (
    do_reset_template,
    do_save_outreach_settings,
    do_save_template,
)
from luukku.outreach.actions.outbox import SendReport, do_send_due, register_builders

__all__ = [
    "SendReport",
    "do_cancel_message",
    "do_create_automation",
    "do_queue_message",
    "do_read_in_app",
    "do_record_click",
    "do_record_open",
    "do_reset_template",
    "do_save_outreach_settings",
    "do_save_template",
    "do_send_due",
    "do_set_automation_paused",
    "do_unsubscribe",
    "plan_draft",
    "preview",
    "register_builders",
    "run_automations",
]
