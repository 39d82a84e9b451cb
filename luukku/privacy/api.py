"""The privacy part of the HTTP API (mounted at /api/v1/privacy/)."""

from ninja import Router

router = Router(tags=["privacy"])
