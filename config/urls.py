from django.contrib import admin
from django.urls import include, path
from django.views.i18n import JavaScriptCatalog

from config.api import api
from luukku.accounts.views import admin_sign_in

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
    # Before admin.site.urls, so that the admin's password form is rate-limited.
    path("admin/login/", admin_sign_in, name="admin_sign_in"),
    path("admin/", admin.site.urls),
]
