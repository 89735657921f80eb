"""Partial dates ("2021", "2021-07", "2021-07-05"): what sources often give instead of a day."""

from __future__ import annotations

import re
from datetime import date

_PARTIAL = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")

_MONTHS_NL = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
              "september", "oktober", "november", "december"]


def check_partial_date(value: str | None) -> str | None:
    """Return `value` if it is a valid partial ISO date (or None); raise ValueError otherwise."""
    if value is None or value == "":
        return None
    match = _PARTIAL.match(value)
    if not match:
        raise ValueError(f"'{value}' is geen datum van de vorm JJJJ, JJJJ-MM of JJJJ-MM-DD")
    year, month, day = match.groups()
    try:
        date(int(year), int(month or 1), int(day or 1))
    except ValueError as exc:
        raise ValueError(f"'{value}' is geen bestaande datum") from exc
    return value


def year_of(value: str | None) -> int | None:
    """The first four-digit year in a text such as "Voor 2007" or "2014"."""
    if not value:
        return None
    match = re.search(r"\b(\d{4})\b", value)
    return int(match.group(1)) if match else None


def format_partial_nl(value: str | None) -> str:
    """Dutch reading form: "2021", "juli 2021", "5 juli 2021". A value that is no partial date (a dossier changed
    outside Raadsdossier: `raadsdossier check` names it) is shown as it is stored."""
    if not value:
        return ""
    try:
        check_partial_date(value)
    except (TypeError, ValueError):
        return str(value)
    year, _, rest = value.partition("-")
    if not rest:
        return year
    month, _, day = rest.partition("-")
    name = _MONTHS_NL[int(month) - 1]
    return f"{int(day)} {name} {year}" if day else f"{name} {year}"
