"""What the page's charts draw (Chart.js reads it from a json_script element)."""

from typing import Any

from django.utils.translation import gettext as _

from luukku.insights.overview import Overview

WEEKDAY_NAMES = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def day_part_label(part: str) -> str:
    return {
        "day": _("Day (07-17)"),
        "evening": _("Evening (17-23)"),
        "night": _("Night (23-07)"),
        "weekdays": _("Monday to Friday"),
        "weekend": _("Weekend"),
    }[part]


def weekday_names() -> list[str]:
    return [_("Mon"), _("Tue"), _("Wed"), _("Thu"), _("Fri"), _("Sat"), _("Sun")]


def percent(value: float) -> float:
    return round(value * 100, 1)


def chart_data(overview: Overview) -> dict[str, Any]:
    weeks = [row.week_starts.isoformat() for row in overview.weekly]
    return {
        "visits": {
            "labels": [day.day.isoformat() for day in overview.days],
            "values": [day.visits for day in overview.days],
            "messages": [day.day in overview.message_days for day in overview.days],
            "label": _("Visits"),
            "messageLabel": _("Message sent"),
        },
        "active": {
            "labels": weeks,
            "values": [row.active_minutes_per_participant for row in overview.weekly],
            "label": _("Active minutes per participant"),
        },
        "dayParts": {
            "labels": [day_part_label(part) for part, _n, _s in overview.day_parts],
            "values": [percent(s) for _p, _n, s in overview.day_parts],
            "label": _("Share of visits (%)"),
        },
        "weekend": {
            "labels": [day_part_label(part) for part, _n, _s in overview.weekend],
            "values": [percent(s) for _p, _n, s in overview.weekend],
            "label": _("Share of visits (%)"),
        },
    } | _plan_and_discussion(overview, weeks)


def _plan_and_discussion(overview: Overview, weeks: list[str]) -> dict[str, Any]:
    return {
        "sections": {
            "labels": [section.title for section, _n, _s in overview.sections],
            "values": [n for _section, n, _s in overview.sections],
            "label": _("Participants who opened it"),
        },
        "retention": {
            "labels": [str(k) for k, *_rest in overview.retention],
            "values": [percent(s) for *_rest, s in overview.retention],
            "label": _("Visited in that week (%)"),
        },
        "discussion": {
            "labels": weeks,
            "series": [
                {"label": _("Posts"), "values": [row.posts for row in overview.weekly]},
                {"label": _("Comments"), "values": [row.comments for row in overview.weekly]},
                {"label": _("Reactions"), "values": [row.reactions for row in overview.weekly]},
            ],
        },
    }


def heatmap_cells(overview: Overview) -> list[tuple[str, list[tuple[int, float]]]]:
    """Rows of (count, shade 0..0.8): the darkest shade keeps black text readable (AA)."""
    top = overview.heatmap_max or 1
    names = weekday_names()
    return [
        (names[weekday], [(count, round(0.8 * count / top, 2)) for count in hours])
        for weekday, hours in enumerate(overview.heatmap)
    ]
