"""What the e-mail outboxes (notifications, activation messages, bookings) share.

Each app keeps its own outbox table, one row per message and recipient, unique in the
database; how many times a row is tried and how long to wait between tries is one rule.
"""

from datetime import timedelta

# A row that fails this many times is given up and marked failed.
MAX_SEND_ATTEMPTS = 5


def retry_delay(attempts: int) -> timedelta:
    """Back off 1, 4, 16, 64 minutes between attempts."""
    return timedelta(minutes=4 ** max(attempts - 1, 0))
