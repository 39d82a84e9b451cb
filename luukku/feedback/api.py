"""The feedback part of the HTTP API (mounted at /api/v1/feedback/)."""

from ninja import Router

router = Router(tags=["feedback"])
