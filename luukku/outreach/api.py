"""The outreach part of the HTTP API (mounted at /api/v1/outreach/)."""

from ninja import Router

router = Router(tags=["outreach"])
