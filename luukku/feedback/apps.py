from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    name = "luukku.feedback"
    label = "feedback"
    verbose_name = _("Feedback")

    def ready(self) -> None:
        from luukku.core.sweeps import register_sweep
        from luukku.feedback.actions import do_release_answers
        from luukku.feedback.outbox import register_builders

        # Answers wait sealed until their group has five; this releases them in batches.
        register_sweep("feedback.release", every=timedelta(minutes=10), run=do_release_answers)
        # Bookings makes the feedback requests' rows; issuing the invitation is ours.
        register_builders()
