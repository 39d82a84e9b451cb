"""The knowledge part of the HTTP API (mounted at /api/v1/knowledge/)."""

from ninja import Router

router = Router(tags=["knowledge"])
