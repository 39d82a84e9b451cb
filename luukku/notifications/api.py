"""The notifications part of the HTTP API (mounted at /api/v1/notifications/)."""

from ninja import Router

router = Router(tags=["notifications"])
