"""Parsing a council's free-text vote line ("Stemmen voor: 23 CDA, AL, …") into per-party choices."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from raadsdossier.domain.enums import VoteChoice

_SIDE = re.compile(r"^\s*(?:stemmen\s+|stemden\s+)?(voor|tegen)\b\s*(?:\(\s*(\d+)\s*\))?\s*:?\s*(.*)$", re.I)
_TOTAL = re.compile(r"^(\d+)\s*(?:stemmen|leden|zetels)?\s*(?:[-–:]\s*|\s+|$)(.*)$", re.I)
_WITH_SEATS = re.compile(r"^(.+?)\s*\(\s*(\d+)\s*(?:zetels?|stemmen|leden)?\s*\)$", re.I)
_MEMBER = re.compile(r"^(.+?)\s*\(\s*([^()\d][^()]*)\)$")
_SEPARATOR = re.compile(r"\s*(?:,|;|\s\ben\b\s)\s*")
_NOT_A_PARTY = re.compile(r"overig|andere|rest|alle\b|fracties|leden|iedereen", re.I)


@dataclass
class _Side:
    total: int | None = None
    seats: dict[str, int] = field(default_factory=dict)  # party name → seats, in order met
    unknown: list[str] = field(default_factory=list)  # parties named without seats
    vague: bool = False  # "overige fracties" and the like


def parse_vote_line(text: str) -> list[tuple[str, VoteChoice, int]] | None:
    """ "Stemmen voor: 3 - PA / Stemmen tegen: 20 CDA" → [("PA", for, 3), ("CDA", against, 20)].

    None unless the text fixes the seats of every party it names (see the module docstring).
    """
    sides: dict[VoteChoice, _Side] = {}
    for line in text.splitlines():
        match = _SIDE.match(line)
        if not match:
            continue
        choice = VoteChoice.FOR if match.group(1).lower() == "voor" else VoteChoice.AGAINST
        if choice in sides:
            return None  # two lines for one side: more than this parser should guess about
        side = sides[choice] = _Side()
        rest = match.group(3).strip().rstrip(".")
        if match.group(2):
            side.total = int(match.group(2))
        total = _TOTAL.match(rest)
        if total:
            side.total, rest = int(total.group(1)), total.group(2).strip()
        for entry in _SEPARATOR.split(rest):
            entry = re.sub(r"^en\s+", "", entry.strip(), flags=re.I).strip(" .-–")
            if not entry:
                continue
            with_seats, member = _WITH_SEATS.match(entry), _MEMBER.match(entry)
            if with_seats:
                name = with_seats.group(1).strip()
                side.seats[name] = side.seats.get(name, 0) + int(with_seats.group(2))
            elif member:
                name = member.group(2).strip()
                side.seats[name] = side.seats.get(name, 0) + 1
            elif _NOT_A_PARTY.search(entry):
                side.vague = True
            else:
                side.unknown.append(entry)
    if set(sides) != {VoteChoice.FOR, VoteChoice.AGAINST}:
        return None  # a side that is not given may still have had votes
    choices = []
    for choice, side in sides.items():
        if side.vague or len(side.unknown) > 1 or any(name in side.seats for name in side.unknown):
            return None
        if side.unknown:
            if side.total is None:
                return None
            side.seats = {side.unknown[0]: side.total - sum(side.seats.values()), **side.seats}
        elif side.total is not None and side.total != sum(side.seats.values()):
            return None
        if not side.seats or any(seats <= 0 for seats in side.seats.values()):
            return None
        choices.extend((name, choice, seats) for name, seats in side.seats.items())
    return choices


# -- reading the file ------------------------------------------------------------------------
