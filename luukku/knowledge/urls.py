from django.urls import path

from luukku.knowledge import staff_views, views

app_name = "knowledge"
urlpatterns = [
    # Staff pages first: "staff" is then not usable as an organisation's short name here.
    path("staff/<int:organisation_id>/", staff_views.articles, name="staff_articles"),
    path("staff/<int:organisation_id>/new/", staff_views.edit_article, name="staff_article_new"),
    path(
        "staff/<int:organisation_id>/<int:article_id>/",
        staff_views.edit_article,
        name="staff_article_edit",
    ),
    path(
        "staff/<int:organisation_id>/<int:article_id>/delete/",
        staff_views.delete_article,
        name="staff_article_delete",
    ),
    path("", views.index, name="index"),
    path("<slug:slug>/", views.home, name="home"),
    path("<slug:slug>/ask/", views.ask, name="ask"),
    path("<slug:slug>/suggest/", views.suggest, name="suggest"),
    path("<slug:slug>/<int:article_id>/", views.article, name="article"),
    path("<slug:slug>/<int:article_id>/solved/", views.solved, name="solved"),
]
