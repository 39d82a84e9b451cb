"""Running the demo command at a fixed moment, and reading what it made."""

import datetime
import zoneinfo
from io import StringIO

import time_machine
from django.core.management import call_command

from luukku.activity.models import Event
from luukku.activity.queries import visits_for
from luukku.programmes.models import Programme, ProgrammeMembership, ProgrammeRole

HELSINKI = zoneinfo.ZoneInfo("Europe/Helsinki")
# A Wednesday three and a half weeks after the autumn DST change, so the weeks span it.
NOW = datetime.datetime(2025, 11, 19, 12, 30, tzinfo=datetime.UTC)
PARTICIPANTS = 30
PASSWORD = "demo-salasana-123"


def seed(*args: str) -> str:
    """Run seed_demo with 30 participants at NOW; return what it printed."""
    out = StringIO()
    with time_machine.travel(NOW, tick=False):
        call_command("seed_demo", "--participants", str(PARTICIPANTS), *args, stdout=out)
    return out.getvalue()


def participant_ids(programme: Programme) -> list[int]:
    return list(
        ProgrammeMembership.objects.filter(
            programme=programme, role=ProgrammeRole.PARTICIPANT
        ).values_list("user_id", flat=True)
    )


def participant_visit_starts(programme: Programme) -> list[datetime.datetime]:
    """Start times of every participant's visits, in Helsinki time."""
    return [
        visit.started_at.astimezone(HELSINKI)
        for user_id in participant_ids(programme)
        for visit in visits_for(user_id, programme.pk)
    ]


def fingerprint() -> tuple[int, str, list[datetime.datetime]]:
    """Event count, the first participant's address and every event time."""
    programme = Programme.objects.get()
    first = (
        ProgrammeMembership.objects.filter(programme=programme, role=ProgrammeRole.PARTICIPANT)
        .select_related("user")
        .order_by("user_id")
        .first()
    )
    assert first is not None
    times = sorted(Event.objects.values_list("occurred_at", flat=True))
    return Event.objects.count(), first.user.email, times
