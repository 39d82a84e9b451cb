from django.urls import path

from luukku.knowledge.views import public, staff

app_name = "knowledge"
urlpatterns = [
    # Staff pages first: "staff" is then not usable as an organisation's short name here.
    path("staff/<int:organisation_id>/", staff.articles, name="staff_articles"),
    path("staff/<int:organisation_id>/new/", staff.edit_article, name="staff_article_new"),
    path(
        "staff/<int:organisation_id>/<int:article_id>/",
        staff.edit_article,
        name="staff_article_edit",
    ),
    path(
        "staff/<int:organisation_id>/<int:article_id>/delete/",
        staff.delete_article,
        name="staff_article_delete",
    ),
    path("", public.index, name="index"),
    path("<slug:slug>/", public.home, name="home"),
    path("<slug:slug>/ask/", public.ask, name="ask"),
    path("<slug:slug>/suggest/", public.suggest, name="suggest"),
    path("<slug:slug>/<int:article_id>/", public.article, name="article"),
    path("<slug:slug>/<int:article_id>/solved/", public.solved, name="solved"),
]
