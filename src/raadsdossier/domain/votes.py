"""How a vote is counted: the weight of each choice and the result, from the choices alone.

The model (Vote.tally) and the plain-SQL reads (storage/glance.py, for `raadsdossier info`) count with
these functions, so both say the same.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
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
    counts = dict.fromkeys(VoteChoice, 0)  # a choice given as its text finds its member: VoteChoice is a StrEnum
    for choice, seats, by_member in casts:
        counts[choice if choice in counts else VoteChoice(choice)] += weight(seats, by_member)
    return Tally(counts[VoteChoice.FOR], counts[VoteChoice.AGAINST], counts[VoteChoice.NOT_VOTING])


def disagrees(counted: Tally | None, recorded: VoteResult | str | None) -> bool:
    """True when the recorded result contradicts the one counted from the choices."""
    return bool(counted and recorded and counted.result != VoteResult(recorded))


def party_choice(choices: Iterable[VoteChoice | str]) -> str | None:
    """What a party chose in one vote, from its choices there: its own (a party vote, one choice), or in a roll
    call what most of its members chose (for before against before not voting when as many chose each); None
    when it took no part. A fraction's record and its pack say the same with this."""
    chosen = [VoteChoice(choice).value for choice in choices]
    if not chosen:
        return None
    order = [choice.value for choice in VoteChoice]  # for, against, not voting
    return max(order, key=lambda c: (chosen.count(c), -order.index(c)))


@dataclass(frozen=True)
class SideChange:
    """A party that voted otherwise on a motion than it did the vote before: vote `number` → `number + 1`."""

    party: str
    before: VoteChoice | str
    after: VoteChoice | str
    number: int  # the earlier vote's place on the motion, from 1


def side_changes(votes: Sequence[Mapping[str, VoteChoice | str]]) -> list[SideChange]:
    """Where a party changed sides between repeated votes on one motion: `votes` the choice per party (any key
    that names one party the same way in every vote) of each vote in order. A party that did not take part in
    one of two consecutive votes did not change sides between them."""
    changes = []
    for number in range(1, len(votes)):
        before, after = votes[number - 1], votes[number]
        for party, choice in after.items():
            if party in before and before[party] != choice:
                changes.append(SideChange(party, before[party], choice, number))
    return changes
