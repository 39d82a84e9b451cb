"""Demo feedback on the demo's past booked sessions (bookings/demo.py calls `answer_session`
for each, as the demo builder passes it): here, because bookings imports nothing of feedback.
"""

import random

from luukku.bookings.models import Booking
from luukku.feedback.actions import do_answer, do_issue_invitation

HELPED = ["Clear next steps", "The advisor listened", "Concrete examples", "", ""]
IDEAS = ["Evening times would help", "Send the link earlier", "", "", ""]


def answer_session(booking: Booking, rng: random.Random) -> None:
    """Invite the session's booker, who answers four times in five."""
    # Calendar-wide (no advisor), so that the demo's few sessions make groups of five.
    raw = do_issue_invitation(
        calendar=booking.calendar, advisor=None, session_start=booking.starts_at
    )
    if rng.random() < 0.8:
        do_answer(
            raw_token=raw,
            rating=rng.choice([3, 4, 4, 5, 5, 5]),
            helped=rng.choice(HELPED),
            idea=rng.choice(IDEAS),
        )
