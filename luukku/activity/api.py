"""The activity part of the HTTP API (mounted at /api/v1/activity/)."""

from ninja import Router

router = Router(tags=["activity"])
