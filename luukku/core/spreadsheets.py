"""CSV exports that are safe to open in a spreadsheet.

Excel, LibreOffice and Google Sheets run a cell that starts with = + - or @ as a formula
(CSV injection). Names, titles and topics in exports are typed by people, so every export
passes its text cells through here.
"""

from collections.abc import Iterable, Mapping

FORMULA_STARTS = ("=", "+", "-", "@")


def spreadsheet_cell(value: object) -> object:
    """Text a spreadsheet would run as a formula gets a leading apostrophe; the rest is kept."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def spreadsheet_row(values: Iterable[object]) -> list[object]:
    return [spreadsheet_cell(value) for value in values]


def spreadsheet_dict(row: Mapping[str, object]) -> dict[str, object]:
    return {key: spreadsheet_cell(value) for key, value in row.items()}
