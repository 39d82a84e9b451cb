from django.urls import path

from luukku.outreach.views import automations, compose, library, public, reports

app_name = "outreach"
urlpatterns = [
    # Coaches, per programme
    path("programmes/<int:programme_id>/", reports.message_list, name="messages"),
    path("programmes/<int:programme_id>/compose/", compose.compose, name="compose"),
    path("programmes/<int:programme_id>/effect/", reports.programme_effects, name="effects"),
    path(
        "programmes/<int:programme_id>/messages/<int:message_id>/",
        reports.message_detail,
        name="message",
    ),
    path(
        "programmes/<int:programme_id>/messages/<int:message_id>/cancel/",
        reports.message_cancel,
        name="message_cancel",
    ),
    path(
        "programmes/<int:programme_id>/automations/",
        automations.automation_list,
        name="automations",
    ),
    path(
        "programmes/<int:programme_id>/automations/<int:automation_id>/",
        automations.automation_detail,
        name="automation",
    ),
    path(
        "programmes/<int:programme_id>/automations/<int:automation_id>/pause/",
        automations.automation_pause,
        name="automation_pause",
    ),
    # Organisation admins and staff
    path("organisations/<int:organisation_id>/templates/", library.template_list, name="templates"),
    path(
        "organisations/<int:organisation_id>/effect/",
        reports.organisation_effects,
        name="organisation_effects",
    ),
    path(
        "organisations/<int:organisation_id>/templates/<str:kind>/<str:language>/",
        library.template_edit,
        name="template_edit",
    ),
    path(
        "organisations/<int:organisation_id>/settings/",
        library.outreach_settings,
        name="settings",
    ),
    # Recipients
    path("go/<str:token>/<str:slot>/", public.go, name="go"),
    path("open/<str:token>.gif", public.open_image, name="open"),
    path("unsubscribe/<str:token>/", public.unsubscribe, name="unsubscribe"),
    path("inbox/<int:delivery_id>/", public.inbox_message, name="inbox_message"),
]
