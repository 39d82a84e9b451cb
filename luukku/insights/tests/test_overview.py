"""The analytics page's derived figures against the cohort's known visits."""

from datetime import timedelta

from luukku.insights.charts import chart_data, heatmap_cells
from luukku.insights.overview import build_overview
from luukku.insights.tests.conftest import TODAY, Cohort


def test_retention_counts_each_person_from_the_week_they_joined(cohort: Cohort) -> None:
    overview = build_overview(cohort.programme, today=TODAY)
    week0 = overview.retention[0]
    # Everyone has a week 0 and only keen visited in it: late joined on a Sunday (programme
    # week 5) and came on Tuesday, in its week 1.
    assert week0[:3] == (0, 5, 1)
    assert overview.retention[1][:3] == (1, 5, 2)
    assert overview.retention[-1][:2] == (6, 4)  # late has no week 6 after joining yet


def test_weekly_rows_and_day_parts(cohort: Cohort) -> None:
    overview = build_overview(cohort.programme, today=TODAY)
    assert sum(row.visits for row in overview.weekly) == 36
    assert [part for part, _n, _s in overview.day_parts] == ["day", "evening", "night"]
    assert [n for _p, n, _s in overview.day_parts] == [33, 2, 1]  # gone came at 23:30


def test_message_days_are_marked_in_the_chart(cohort: Cohort) -> None:
    overview = build_overview(cohort.programme, today=TODAY)
    overview.message_days = {TODAY - timedelta(days=1)}
    data = chart_data(overview)["visits"]
    marked = [label for label, sent in zip(data["labels"], data["messages"], strict=True) if sent]
    assert marked == [(TODAY - timedelta(days=1)).isoformat()]


def test_heatmap_shades_keep_black_text_readable(cohort: Cohort) -> None:
    cells = heatmap_cells(build_overview(cohort.programme, today=TODAY))
    shades = [shade for _day, row in cells for _count, shade in row]
    assert max(shades) == 0.8
    assert min(shades) == 0
