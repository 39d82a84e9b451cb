from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from config.api import api

urlpatterns = [
    path("", include("luukku.core.urls")),
    path("accounts/", include("luukku.accounts.urls")),
    path("programmes/", include("luukku.programmes.urls")),
    path("discussions/", include("luukku.discussions.urls")),
    path("notifications/", include("luukku.notifications.urls")),
    path("activity/", include("luukku.activity.urls")),
    path("my-data/", include("luukku.privacy.urls")),
    path("insights/", include("luukku.insights.urls")),
    path("outreach/", include("luukku.outreach.urls")),
    path("help/", include("luukku.helpdesk.urls")),
    path("knowledge/", include("luukku.knowledge.urls")),
    path("bookings/", include("luukku.bookings.urls")),
    path("feedback/", include("luukku.feedback.urls")),
    path("api/v1/", api.urls),
    path("i18n/", include("django.conf.urls.i18n")),
    path("jsi18n/", JavaScriptCatalog.as_view(), name="javascript-catalog"),
    path("admin/", admin.site.urls),
]
