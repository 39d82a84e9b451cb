"""The discussions part of the HTTP API (mounted at /api/v1/discussions/)."""

from ninja import Router

router = Router(tags=["discussions"])
