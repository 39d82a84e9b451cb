"""The helpdesk part of the HTTP API (mounted at /api/v1/helpdesk/)."""

from ninja import Router

router = Router(tags=["helpdesk"])
