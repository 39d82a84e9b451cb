"""Parse pasted or CSV lists of e-mail addresses, reporting bad rows by line."""

import csv
import io
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.utils.translation import gettext as _

from luukku.accounts.models import normalise_email

MAX_ADDRESSES_PER_LIST = 2000


@dataclass
class Invitee:
    email: str
    display_name: str = ""


@dataclass
class AddressList:
    invitees: list[Invitee] = field(default_factory=list)
    errors: list[tuple[int, str]] = field(default_factory=list)
    duplicates_merged: int = 0


def _split_row(cells: list[str]) -> tuple[str, str] | None:
    """Find the address among a row's cells; the other non-empty cell is the name."""
    cells = [cell.strip() for cell in cells if cell.strip()]
    if not cells:
        return None
    addresses = [cell for cell in cells if "@" in cell]
    if len(addresses) != 1:
        return ("", " ".join(cells)) if not addresses else (addresses[0], "")
    others = [cell for cell in cells if cell != addresses[0]]
    return addresses[0], " ".join(others)


def parse_address_list(text: str) -> AddressList:
    """Read one address per line, optionally `name, address` or a CSV with a header row."""
    result = AddressList()
    seen: set[str] = set()
    # Old Mac and some Excel CSV files end lines with a bare CR, which csv.reader refuses.
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    dialect = ";" if text.count(";") > text.count(",") else ","
    try:
        rows = list(csv.reader(io.StringIO(text), delimiter=dialect))
    except csv.Error:  # e.g. a field over csv's size limit: say so instead of failing
        result.errors.append((0, _("The list could not be read as CSV.")))
        return result
    for line_number, cells in enumerate(rows, start=1):
        row = _split_row(cells)
        if row is None:
            continue
        address, name = row
        if line_number == 1 and not address and "mail" in name.lower():
            continue  # a CSV header such as "name,email"
        email = normalise_email(address)
        try:
            validate_email(email)
        except ValidationError:
            result.errors.append(
                (
                    line_number,
                    _("“%(value)s” is not a valid e-mail address.") % {"value": address or name},
                )
            )
            continue
        if email in seen:
            result.duplicates_merged += 1
            continue
        seen.add(email)
        result.invitees.append(Invitee(email=email, display_name=name[:150]))
    if len(result.invitees) > MAX_ADDRESSES_PER_LIST:
        result.errors.append(
            (0, _("A list may hold at most %(max)d addresses.") % {"max": MAX_ADDRESSES_PER_LIST})
        )
    return result
