from django.urls import URLPattern

app_name = "helpdesk"
urlpatterns: list[URLPattern] = []
