"""CSV and JSON of the analytics: built from the same objects the pages render."""

import csv
import io
from dataclasses import asdict
from datetime import date
from typing import Any

from luukku.core.spreadsheets import spreadsheet_dict, spreadsheet_row
from luukku.insights.overview import Overview, WeekRow
from luukku.insights.participants import ParticipantRow
from luukku.programmes.models import Programme

WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")


def figures_data(programme: Programme, overview: Overview) -> dict[str, Any]:
    """Every figure and chart of the analytics page, as plain JSON-ready data."""
    return {
        "programme": {
            "id": programme.pk,
            "name": programme.name,
            "time_zone": programme.time_zone,
            "from": overview.period.start.isoformat(),
            "to": overview.period.end.isoformat(),
        },
        "figures": overview.figures,
        "visits_per_day": [
            {
                "day": d.day.isoformat(),
                "visits": d.visits,
                "message_sent": d.day in overview.message_days,
            }
            for d in overview.days
        ],
        "weeks": [_plain(row) for row in overview.weekly],
        "day_parts": [
            {"part": p, "visits": n, "share": round(s, 4)} for p, n, s in overview.day_parts
        ],
        "weekdays_and_weekend": [
            {"part": p, "visits": n, "share": round(s, 4)} for p, n, s in overview.weekend
        ],
        "visits_by_weekday_and_hour": {
            WEEKDAYS[weekday]: hours for weekday, hours in enumerate(overview.heatmap)
        },
    } | _plan_and_slots(overview)


def _plan_and_slots(overview: Overview) -> dict[str, Any]:
    return {
        "sections": [
            {"section_id": s.pk, "title": s.title, "opened_by": n, "share": round(sh, 4)}
            for s, n, sh in overview.sections
        ],
        "retention": [
            {"weeks_since_joining": k, "members": e, "visited": r, "share": round(sh, 4)}
            for k, e, r, sh in overview.retention
        ],
        "best_publish_slots": [
            {"weekday": WEEKDAYS[s.weekday], "hour": s.hour, "share": round(s.share, 4)}
            for s in overview.slots
        ],
    }


def _plain(row: WeekRow) -> dict[str, object]:
    return {k: v.isoformat() if isinstance(v, date) else v for k, v in asdict(row).items()}


def participants_data(rows: list[ParticipantRow], *, pseudonymised: bool) -> list[dict[str, Any]]:
    return [row.as_export(pseudonymised=pseudonymised) for row in rows]


def figures_csv(data: dict[str, Any]) -> str:
    """Key figures, then visits per day, as one long table: section, key, value."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["section", "key", "value"])
    for key, value in data["figures"].items():
        writer.writerow(["figures", key, value])
    for row in data["visits_per_day"]:
        writer.writerow(["visits_per_day", row["day"], row["visits"]])
    for row in data["day_parts"] + data["weekdays_and_weekend"]:
        writer.writerow(["share_of_visits", row["part"], row["share"]])
    for row in data["sections"]:
        # Section titles are typed by coaches.
        writer.writerow(spreadsheet_row(["section_opened_by", row["title"], row["opened_by"]]))
    for row in data["best_publish_slots"]:
        writer.writerow(
            ["best_publish_slot", f"{row['weekday']} {row['hour']:02d}:00", row["share"]]
        )
    return out.getvalue()


def participants_csv(rows: list[dict[str, Any]]) -> str:
    out = io.StringIO()
    if not rows:
        return ""
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    for row in rows:
        weeks = " ".join(map(str, row["visits_per_week"]))
        writer.writerow(spreadsheet_dict({**row, "visits_per_week": weeks}))
    return out.getvalue()
