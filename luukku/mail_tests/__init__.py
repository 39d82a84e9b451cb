"""Tests across every kind of the one outbox (core): each kind built by its own app.

They live outside the apps because they drive all of them; no app imports this package.
"""
