import csv
import io

from luukku.core.spreadsheets import spreadsheet_cell, spreadsheet_dict, spreadsheet_row
from luukku.insights.exports import participants_csv


def test_text_a_spreadsheet_would_run_is_quoted_and_the_rest_kept() -> None:
    assert spreadsheet_row(["=SUM(A1)", "+1", "-2", "@x", "Maija", "", 5, -3, None]) == [
        "'=SUM(A1)", "'+1", "'-2", "'@x", "Maija", "", 5, -3, None,
    ]  # fmt: skip
    assert spreadsheet_dict({"name": '=HYPERLINK("http://x")'}) == {
        "name": '\'=HYPERLINK("http://x")'
    }
    assert spreadsheet_cell("Matti -") == "Matti -"


def test_the_participant_export_quotes_a_formula_in_a_name() -> None:
    text = participants_csv(
        [{"name": "=cmd|' /C calc'!A0", "visits": 3, "visits_per_week": [1, 2]}]
    )
    [row] = list(csv.DictReader(io.StringIO(text)))
    assert row == {"name": "'=cmd|' /C calc'!A0", "visits": "3", "visits_per_week": "1 2"}
