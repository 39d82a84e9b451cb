from datetime import datetime
from typing import Any

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DiscussionsConfig(AppConfig):
    name = "luukku.discussions"
    label = "discussions"
    verbose_name = _("Discussions")

    def ready(self) -> None:
        from luukku.accounts.models import User
        from luukku.discussions.queries import new_since
        from luukku.programmes import hooks
        from luukku.programmes.models import Programme

        # The programme home shows what is new here; programmes may not import discussions.
        def home_context(user: User, programme: Programme, since: datetime) -> dict[str, Any]:
            return {"discussion_news": new_since(user, programme, since)}

        hooks.slots.home_context["discussions"] = home_context
