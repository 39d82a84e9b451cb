"""The programmes part of the HTTP API (mounted at /api/v1/programmes/)."""

from ninja import Router

router = Router(tags=["programmes"])
