"""Helpdesk pages: requesters (public), staff inboxes, and the admins' catalogue, hours, set-up."""
