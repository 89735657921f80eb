"""Change records: what a mutating service did, so that a face refreshes only that, and how to undo it.

Every service that changes a dossier returns a `Change`: the ids of the items it added, changed and
removed, by kind ("motion"), and an `UndoStep` that puts the dossier back as it was. `edits.revert`
carries out an undo step and returns a Change of its own, whose undo step is the redo: the window's
undo stack holds nothing but these steps.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from raadsdossier.domain import kinds

if TYPE_CHECKING:  # the window's sections import this module before the data layer is loaded
    from raadsdossier.interchange.load import ImportReport

Ids = Mapping[str, frozenset[str]]  # kind ("motion") -> item ids


@dataclass(frozen=True)
class UndoStep:
    """What puts a dossier back: items to save again as they were, items to delete."""

    # (collection key, item as exported) to save back; for a checklist assessment ("checklist", its entry
    # with "template"), as ImportReport.previous has them.
    restore: tuple[tuple[str, dict], ...] = ()
    delete: tuple[str, ...] = ()  # ids of items (assessments too) that the change added

    def __bool__(self) -> bool:
        return bool(self.restore or self.delete)

    @property
    def size(self) -> int:
        """How many items undoing touches (the window runs a large undo off the GUI thread)."""
        return len(self.restore) + len(self.delete)


def _freeze(ids: Mapping[str, Iterable[str]]) -> dict[str, frozenset[str]]:
    return {kind: frozenset(found) for kind, found in ids.items() if found}


@dataclass(frozen=True)
class Change:
    """What one service call changed, by kind; `undo` undoes it (empty for a change that cannot be undone
    this way, such as a restore from a backup)."""

    added: Ids = field(default_factory=dict)
    changed: Ids = field(default_factory=dict)
    removed: Ids = field(default_factory=dict)
    undo: UndoStep = field(default_factory=UndoStep)
    everything: bool = False  # the whole dossier may differ (a restore, a repair): every view reads again

    def __post_init__(self) -> None:
        for name in ("added", "changed", "removed"):
            object.__setattr__(self, name, _freeze(getattr(self, name)))

    def __bool__(self) -> bool:
        return self.everything or bool(self.added or self.changed or self.removed)

    @property
    def kinds(self) -> frozenset[str]:
        """Every kind with an item added, changed or removed."""
        return frozenset(self.added) | frozenset(self.changed) | frozenset(self.removed)

    def touches(self, wanted: Iterable[str]) -> bool:
        """Whether a view showing items of the kinds `wanted` must read again."""
        return self.everything or not self.kinds.isdisjoint(wanted)

    @classmethod
    def whole_dossier(cls) -> "Change":
        return cls(everything=True)

    @classmethod
    def from_report(cls, report: ImportReport, removed: Ids | None = None) -> "Change":
        """The change an import (or a save, which is a one-item import) made; undo deletes what it added
        and puts back what it updated."""
        added = {kinds.by_key(key).name: ids for key, ids in report.added_ids.items()}
        changed = {kinds.by_key(key).name: ids for key, ids in report.updated_ids.items()}
        delete = tuple(item_id for ids in report.added_ids.values() for item_id in ids)
        return cls(added, changed, removed or {}, UndoStep(tuple(report.previous), delete))
