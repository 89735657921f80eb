"""The checklist's rule for what counts as done."""

from __future__ import annotations

from raadsdossier.domain import checklist
from raadsdossier.domain.enums import ChecklistStatus


def test_done_means_done_or_not_applicable_as_the_statuses_say():
    assert set(checklist.DONE_STATUSES) == {ChecklistStatus.DONE, ChecklistStatus.NOT_APPLICABLE}
    assert ChecklistStatus.NOT_APPLICABLE in checklist.DONE_STATUSES
    assert all(status not in checklist.DONE_STATUSES
               for status in (ChecklistStatus.NOT_STARTED, ChecklistStatus.IN_PROGRESS))
