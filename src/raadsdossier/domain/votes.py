"""How a vote is counted: the weight of each choice and the result, from the choices alone.

The model (Vote.tally) and the plain-SQL reads (storage/glance.py, for `raadsdossier info`) count with
these functions, so both say the same.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from raadsdossier.domain.enums import VoteChoice, VoteResult


@dataclass(frozen=True)
class Tally:
    for_: int
    against: int
    not_voting: int

    @property
    def result(self) -> VoteResult:
        if self.for_ > self.against:
            return VoteResult.ADOPTED
        if self.for_ < self.against:
            return VoteResult.REJECTED
        return VoteResult.TIED


def weight(seats: int | None, by_member: bool) -> int:
    """Seats for a party's choice; one for a member's own vote (roll call); nothing for a party whose seats
    are unknown."""
    if seats is not None:
        return seats
    return 1 if by_member else 0


def tally(casts: Iterable[tuple[VoteChoice | str, int | None, bool]]) -> Tally | None:
    """Votes for, against and not cast from (choice, seats, by a member) per choice; None when no choices, or
    no seats for any party, are known (a party's choice without its seats says how it voted, not how many
    votes that was)."""
    casts = list(casts)
    if not casts or all(seats is None and not by_member for _choice, seats, by_member in casts):
        return None
    counts = {choice: 0 for choice in VoteChoice}
    for choice, seats, by_member in casts:
        counts[VoteChoice(choice)] += weight(seats, by_member)
    return Tally(counts[VoteChoice.FOR], counts[VoteChoice.AGAINST], counts[VoteChoice.NOT_VOTING])


def disagrees(counted: Tally | None, recorded: VoteResult | str | None) -> bool:
    """True when the recorded result contradicts the one counted from the choices."""
    return bool(counted and recorded and counted.result != VoteResult(recorded))
