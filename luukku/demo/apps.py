from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """Demo data for newcomers and for benchmarks; owns no tables."""

    name = "luukku.demo"
    label = "demo"
    verbose_name = _("Demo data")
