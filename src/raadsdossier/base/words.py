"""Counts in Dutch words: "1 motie", "3 moties", never "motie(s)"."""

from __future__ import annotations


def number_of(count: int, one: str, many: str) -> str:
    """"{count} {one}" for 1, else "{count} {many}": number_of(3, "rij", "rijen") == "3 rijen"."""
    return f"{count} {one if count == 1 else many}"
