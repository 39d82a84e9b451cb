from datetime import timedelta

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookingsConfig(AppConfig):
    name = "luukku.bookings"
    label = "bookings"
    verbose_name = _("Bookings")

    def ready(self) -> None:
        from luukku.bookings.actions import run_booking_sweep
        from luukku.bookings.outbox import register_builders
        from luukku.core.sweeps import register_sweep

        register_sweep("bookings.messages", every=timedelta(minutes=5), run=run_booking_sweep)
        register_builders()
