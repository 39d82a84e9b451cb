"""Statistics of a calendar: sessions per month, topic and mode; cancellations; no-shows."""

import csv
import io
import zoneinfo
from dataclasses import dataclass
from datetime import date

from django.db.models import Count, Q
from django.db.models.functions import TruncMonth

from luukku.bookings.models import Booking, BookingCalendar, BookingStatus, Mode
from luukku.core.spreadsheets import spreadsheet_cell


@dataclass(frozen=True)
class StatisticsRow:
    month: date
    topic: str
    mode: str
    booked: int  # every booking made for a session in the month, cancelled or not
    cancelled: int
    no_shows: int

    @property
    def held(self) -> int:
        return self.booked - self.cancelled - self.no_shows


def monthly_statistics(calendar: BookingCalendar) -> list[StatisticsRow]:
    """One row per month (organisation's zone, by session start), topic and mode; one query."""
    zone = zoneinfo.ZoneInfo(calendar.organisation.time_zone)
    rows = (
        Booking.objects.filter(calendar=calendar)
        .annotate(month=TruncMonth("starts_at", tzinfo=zone))
        .values("month", "topic__name", "mode")
        .annotate(
            booked=Count("id"),
            cancelled=Count("id", filter=Q(status=BookingStatus.CANCELLED)),
            no_shows=Count("id", filter=Q(status=BookingStatus.NO_SHOW)),
        )
        .order_by("-month", "topic__name", "mode")
    )
    return [
        StatisticsRow(
            month=row["month"].date() if hasattr(row["month"], "date") else row["month"],
            topic=row["topic__name"] or "",
            mode=str(Mode(row["mode"]).label),
            booked=row["booked"],
            cancelled=row["cancelled"],
            no_shows=row["no_shows"],
        )
        for row in rows
    ]


def statistics_csv(rows: list[StatisticsRow], header: list[str]) -> str:
    output = io.StringIO()
    writer = csv.writer(output)
    writer.writerow(header)
    for row in rows:
        writer.writerow(
            [
                f"{row.month:%Y-%m}",
                spreadsheet_cell(row.topic),
                row.mode,
                row.booked,
                row.cancelled,
                row.no_shows,
                row.held,
            ]
        )
    return output.getvalue()
