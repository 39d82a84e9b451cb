"""The bookings part of the HTTP API (mounted at /api/v1/bookings/)."""

from ninja import Router

router = Router(tags=["bookings"])
