"""The one outbox: every message to a person (e-mail today, webhooks later) is a row here.

One row per recipient and message, unique on its de-duplication key; each kind registers a
builder that renders the message late, at send time, from the ids on the row; one worker
claims due rows, sends them exactly once and retries with back-off (docs/outbox.md).

This module holds only the retry rule, so that the model module can import it cheaply.
"""

from datetime import timedelta

# A row that fails this many times is given up and marked failed.
MAX_SEND_ATTEMPTS = 5


def retry_delay(attempts: int) -> timedelta:
    """Back off 1, 4, 16, 64 minutes between attempts."""
    return timedelta(minutes=4 ** max(attempts - 1, 0))
