from django.urls import path

from luukku.accounts import views

app_name = "accounts"
urlpatterns = [
    path("sign-in/", views.sign_in, name="sign_in"),
    path("sign-in/sent/", views.link_sent, name="link_sent"),
    path("sign-in/password/", views.password_sign_in, name="password_sign_in"),
    path("link/<str:raw_token>/", views.use_link, name="use_link"),
    path("sign-out/", views.sign_out, name="sign_out"),
    path("profile/", views.profile, name="profile"),
    path("mail-log/", views.mail_log, name="mail_log"),
    path("mail-log/<int:message_id>/", views.mail_log_message, name="mail_log_message"),
]
