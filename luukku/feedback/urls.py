from django.urls import path

from luukku.feedback import views

app_name = "feedback"
urlpatterns = [
    path("answer/<str:token>/", views.answer, name="answer"),
    path("calendars/<int:calendar_id>/", views.summary, name="summary"),
]
