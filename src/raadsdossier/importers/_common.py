"""What several import formats share: what a council's wording says of a motion's status and a vote's result."""

from __future__ import annotations

import re

from raadsdossier.domain.enums import MotionStatus, VoteResult


def motion_status(text: str | None) -> MotionStatus | None:
    """The status a council's wording stands for ("Motie verworpen"); None when the words say none."""
    lowered = (text or "").lower()
    # Withdrawn or held first: "ingetrokken, niet aangenomen" was never voted down.
    if "ingetrokken" in lowered:
        return MotionStatus.WITHDRAWN
    if "aangehouden" in lowered:
        return MotionStatus.HELD
    if "verworpen" in lowered or "niet aangenomen" in lowered or "afgewezen" in lowered:
        return MotionStatus.REJECTED
    if "aangenomen" in lowered:
        return MotionStatus.ADOPTED
    if "ingediend" in lowered:
        return MotionStatus.SUBMITTED
    return None


def with_present(entry: dict, **values) -> dict:
    """`entry` with those of `values` that are not empty (a source's publisher, date, address)."""
    entry.update((key, value) for key, value in values.items() if value)
    return entry


def vote_result(text: str | None) -> VoteResult | None:
    """The result a council's (or the Tweede Kamer's) wording records: "Aangenomen." → adopted, "Verworpen." →
    rejected, "De stemmen staakten" → tied; None when the words say none."""
    status = motion_status(text or "")
    if status is MotionStatus.ADOPTED:
        return VoteResult.ADOPTED
    if status is MotionStatus.REJECTED:
        return VoteResult.REJECTED
    if status is None and re.search(r"staken|gelijke stemming|stemmen staakten", text or "", re.I):
        return VoteResult.TIED
    return None
