"""Booking pages: the public flow, the manage link and the advisors' and admins' pages."""
