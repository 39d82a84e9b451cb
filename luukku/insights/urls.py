from django.urls import path, re_path

from luukku.insights import views

app_name = "insights"
urlpatterns = [
    path("", views.index, name="index"),
    path("programmes/<int:programme_id>/", views.programme, name="programme"),
    path("programmes/<int:programme_id>/participants/", views.participants, name="participants"),
    path(
        "programmes/<int:programme_id>/participants/<int:user_id>/",
        views.participant,
        name="participant",
    ),
    re_path(
        r"^programmes/(?P<programme_id>\d+)/export/(?P<what>figures|participants)\.(?P<fmt>csv|json)$",
        views.export,
        name="export",
    ),
    path("organisations/<int:organisation_id>/", views.organisation, name="organisation"),
    path(
        "organisations/<int:organisation_id>/settings/",
        views.organisation_settings,
        name="organisation_settings",
    ),
]
