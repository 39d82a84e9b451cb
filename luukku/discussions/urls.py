from django.urls import path

from luukku.discussions import views

app_name = "discussions"
urlpatterns = [
    path("programme/<int:programme_id>/", views.thread_list, name="list"),
    path("programme/<int:programme_id>/new/", views.create_thread, name="create"),
    path("<int:thread_id>/", views.thread_detail, name="thread"),
    path("<int:thread_id>/edit/", views.edit_thread, name="edit_thread"),
    path("<int:thread_id>/delete/", views.delete_thread, name="delete_thread"),
    path("<int:thread_id>/pin/", views.pin_thread, name="pin_thread"),
    path("<int:thread_id>/lock/", views.lock_thread, name="lock_thread"),
    path("<int:thread_id>/comments/", views.add_comment, name="add_comment"),
    path("<int:thread_id>/react/", views.react_to_thread, name="react_to_thread"),
    path("comments/<int:comment_id>/edit/", views.edit_comment, name="edit_comment"),
    path("comments/<int:comment_id>/delete/", views.delete_comment, name="delete_comment"),
    path("comments/<int:comment_id>/moderate/", views.moderate_comment, name="moderate_comment"),
    path("comments/<int:comment_id>/react/", views.react_to_comment, name="react_to_comment"),
]
