from django.urls import path

from luukku.programmes.views import content, editing, members, programmes

app_name = "programmes"
urlpatterns = [
    path("", programmes.programme_list, name="list"),
    path("new/", programmes.programme_create, name="create"),
    path("<int:programme_id>/", programmes.home, name="home"),
    path("<int:programme_id>/plan/", programmes.plan, name="plan"),
    path("<int:programme_id>/cover/", programmes.cover, name="cover"),
    path("<int:programme_id>/settings/", programmes.programme_settings, name="settings"),
    path("<int:programme_id>/save-template/", programmes.save_template, name="save_template"),
    # Reading content
    path("<int:programme_id>/sections/<int:section_id>/", content.section, name="section"),
    path("<int:programme_id>/pages/<int:page_id>/", content.page, name="page"),
    path("<int:programme_id>/files/<int:file_id>/", content.download, name="file"),
    # Editing content (coaches)
    path("<int:programme_id>/sections/new/", editing.section_create, name="section_create"),
    path(
        "<int:programme_id>/sections/<int:section_id>/edit/",
        editing.section_edit,
        name="section_edit",
    ),
    path(
        "<int:programme_id>/sections/<int:section_id>/move/",
        editing.section_move,
        name="section_move",
    ),
    path(
        "<int:programme_id>/sections/<int:section_id>/delete/",
        editing.section_delete,
        name="section_delete",
    ),
    path(
        "<int:programme_id>/sections/<int:section_id>/pages/new/",
        editing.page_create,
        name="page_create",
    ),
    path("<int:programme_id>/pages/<int:page_id>/edit/", editing.page_edit, name="page_edit"),
    path("<int:programme_id>/pages/<int:page_id>/move/", editing.page_move, name="page_move"),
    path("<int:programme_id>/pages/<int:page_id>/delete/", editing.page_delete, name="page_delete"),
    path("<int:programme_id>/files/<int:file_id>/delete/", editing.file_delete, name="file_delete"),
    path(
        "<int:programme_id>/sections/<int:section_id>/tasks/new/",
        editing.task_create,
        name="task_create",
    ),
    path("<int:programme_id>/tasks/<int:task_id>/edit/", editing.task_edit, name="task_edit"),
    path("<int:programme_id>/tasks/<int:task_id>/delete/", editing.task_delete, name="task_delete"),
    # Members
    path("<int:programme_id>/members/", members.members, name="members"),
    path("<int:programme_id>/members/invite/", members.invite, name="invite"),
    path(
        "<int:programme_id>/members/<int:membership_id>/role/",
        members.member_role,
        name="member_role",
    ),
    path(
        "<int:programme_id>/members/<int:membership_id>/remove/",
        members.member_remove,
        name="member_remove",
    ),
]
