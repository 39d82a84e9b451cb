"""Websocket routes, gathered from the apps that push live updates."""

from django.urls import URLPattern

websocket_urlpatterns: list[URLPattern] = []
