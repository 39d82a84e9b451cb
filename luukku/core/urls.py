from django.urls import path

from luukku.core import views

app_name = "core"
urlpatterns = [
    path("", views.landing, name="home"),
    path("healthz", views.health, name="health"),
    path("mailbox/", views.mailbox, name="mailbox"),
    path("mailbox/<int:mail_id>/", views.mailbox_message, name="mailbox_message"),
    path("services/", views.service_catalogues, name="service_catalogues"),
    path("services/<slug:slug>/", views.service_catalogue, name="service_catalogue"),
]
