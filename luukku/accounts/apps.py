from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "luukku.accounts"
    label = "accounts"
    verbose_name = _("Accounts")

    def ready(self) -> None:
        from luukku.accounts.outbox import register_builders

        register_builders()
