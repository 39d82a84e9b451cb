from django.urls import path

from luukku.helpdesk.views import catalogue, hours, public, setup, staff

app_name = "helpdesk"
urlpatterns = [
    path("c/<str:token>/", public.conversation, name="conversation"),
    path("c/<str:token>/rate/", public.rate, name="rate"),
    path(
        "c/<str:token>/files/<int:attachment_id>/",
        public.conversation_attachment,
        name="conversation_attachment",
    ),
    path("staff/", staff.desks, name="desks"),
    path("staff/<int:organisation_id>/", staff.inbox, name="inbox"),
    path("staff/<int:organisation_id>/statistics/", staff.statistics, name="statistics"),
    path(
        "staff/<int:organisation_id>/statistics.csv",
        staff.statistics_csv,
        name="statistics_csv",
    ),
    path("staff/<int:organisation_id>/services/", catalogue.services, name="services"),
    path(
        "staff/<int:organisation_id>/services/new/",
        catalogue.edit_service,
        name="service_new",
    ),
    path(
        "staff/<int:organisation_id>/services/<int:service_id>/",
        catalogue.edit_service,
        name="service_edit",
    ),
    path(
        "staff/<int:organisation_id>/services/<int:service_id>/delete/",
        catalogue.delete_service,
        name="service_delete",
    ),
    path("staff/<int:organisation_id>/hours/", hours.hours, name="hours"),
    path("staff/<int:organisation_id>/hours/new/", hours.edit_hours, name="hours_new"),
    path(
        "staff/<int:organisation_id>/hours/<int:schedule_id>/",
        hours.edit_hours,
        name="hours_edit",
    ),
    path("staff/<int:organisation_id>/setup/", setup.setup, name="setup"),
    path(
        "staff/<int:organisation_id>/setup/teams/<int:team_id>/",
        setup.save_targets,
        name="setup_targets",
    ),
    path(
        "staff/<int:organisation_id>/setup/<str:kind>/<int:item_id>/remove/",
        setup.remove,
        name="setup_remove",
    ),
    path("requests/<int:request_id>/", staff.detail, name="detail"),
    path("requests/<int:request_id>/reply/", staff.reply, name="reply"),
    path("requests/<int:request_id>/note/", staff.note, name="note"),
    path("requests/<int:request_id>/reroute/", staff.reroute, name="reroute"),
    path("requests/<int:request_id>/assign/", staff.assign, name="assign"),
    path("requests/<int:request_id>/status/", staff.set_status, name="status"),
    path(
        "requests/<int:request_id>/files/<int:attachment_id>/",
        staff.staff_attachment,
        name="attachment",
    ),
    path("<slug:slug>/", public.contact, name="contact"),
    path("<slug:slug>/sent/", public.sent, name="sent"),
]
