from django.urls import path

from luukku.helpdesk import catalogue_views, hours_views, setup_views, staff_views, views

app_name = "helpdesk"
urlpatterns = [
    path("c/<str:token>/", views.conversation, name="conversation"),
    path("c/<str:token>/rate/", views.rate, name="rate"),
    path(
        "c/<str:token>/files/<int:attachment_id>/",
        views.conversation_attachment,
        name="conversation_attachment",
    ),
    path("staff/", staff_views.desks, name="desks"),
    path("staff/<int:organisation_id>/", staff_views.inbox, name="inbox"),
    path("staff/<int:organisation_id>/statistics/", staff_views.statistics, name="statistics"),
    path(
        "staff/<int:organisation_id>/statistics.csv",
        staff_views.statistics_csv,
        name="statistics_csv",
    ),
    path("staff/<int:organisation_id>/services/", catalogue_views.services, name="services"),
    path(
        "staff/<int:organisation_id>/services/new/",
        catalogue_views.edit_service,
        name="service_new",
    ),
    path(
        "staff/<int:organisation_id>/services/<int:service_id>/",
        catalogue_views.edit_service,
        name="service_edit",
    ),
    path(
        "staff/<int:organisation_id>/services/<int:service_id>/delete/",
        catalogue_views.delete_service,
        name="service_delete",
    ),
    path("staff/<int:organisation_id>/hours/", hours_views.hours, name="hours"),
    path("staff/<int:organisation_id>/hours/new/", hours_views.edit_hours, name="hours_new"),
    path(
        "staff/<int:organisation_id>/hours/<int:schedule_id>/",
        hours_views.edit_hours,
        name="hours_edit",
    ),
    path("staff/<int:organisation_id>/setup/", setup_views.setup, name="setup"),
    path(
        "staff/<int:organisation_id>/setup/teams/<int:team_id>/",
        setup_views.save_targets,
        name="setup_targets",
    ),
    path(
        "staff/<int:organisation_id>/setup/<str:kind>/<int:item_id>/remove/",
        setup_views.remove,
        name="setup_remove",
    ),
    path("requests/<int:request_id>/", staff_views.detail, name="detail"),
    path("requests/<int:request_id>/reply/", staff_views.reply, name="reply"),
    path("requests/<int:request_id>/note/", staff_views.note, name="note"),
    path("requests/<int:request_id>/reroute/", staff_views.reroute, name="reroute"),
    path("requests/<int:request_id>/assign/", staff_views.assign, name="assign"),
    path("requests/<int:request_id>/status/", staff_views.set_status, name="status"),
    path(
        "requests/<int:request_id>/files/<int:attachment_id>/",
        staff_views.staff_attachment,
        name="attachment",
    ),
    path("<slug:slug>/", views.contact, name="contact"),
    path("<slug:slug>/sent/", views.sent, name="sent"),
]
