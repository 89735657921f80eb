"""The directory of the sixteen provincial partnerships (Follow the Money, 2022), shipped as data."""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache

from raadsdossier.domain.enums import Level, PartnershipStatus
from raadsdossier.domain.errors import NotFound
from raadsdossier.services.dossiers import PartnershipFields
from raadsdossier.base.paths import resource


@dataclass(frozen=True)
class DirectoryRow:
    number: int
    dutch_side: str
    partner_name: str
    status: PartnershipStatus
    status_text: str
    status_period: str | None
    since: str | None

    def fields(self) -> PartnershipFields:
        return PartnershipFields(
            dutch_side=self.dutch_side, level=Level.PROVINCE, partner_name=self.partner_name,
            partner_country="China", since=self.since, status=self.status,
            status_period=self.status_period,
            status_note=self.status_text if self.status_period else None,
        )


@lru_cache(maxsize=1)
def source() -> dict:
    return _data()["source"]


def _data() -> dict:
    return json.loads(resource("directory", "provincial-partnerships.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def rows() -> tuple[DirectoryRow, ...]:
    return tuple(
        DirectoryRow(
            number=index, dutch_side=row["dutch_side"], partner_name=row["partner_name"],
            status=PartnershipStatus(row["status"]), status_text=row["status_text"],
            status_period=row.get("status_period"), since=row.get("since"),
        )
        for index, row in enumerate(_data()["rows"], start=1)
    )


def find(key: str) -> DirectoryRow:
    """A row by its number ("3") or by "Provincie–Partner" / "Provincie-Partner" (case-insensitive)."""
    if key.isdigit():
        number = int(key)
        for row in rows():
            if row.number == number:
                return row
    wanted = key.replace("–", "-").replace(" ", "").casefold()
    for row in rows():
        if f"{row.dutch_side}-{row.partner_name}".replace(" ", "").casefold() == wanted:
            return row
    raise NotFound(f"'{key}' staat niet in de lijst van provinciale stedenbanden (zie 'raadsdossier directory').")
