"""The insights part of the HTTP API (mounted at /api/v1/insights/)."""

from ninja import Router

router = Router(tags=["insights"])
