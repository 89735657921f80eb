"""Thin undo commands over the item services; the dossier view carries them out and refreshes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoCommand


def _t(text: str) -> str:
    return QCoreApplication.translate("Undo", text)


class SaveItemCommand(QUndoCommand):
    """A created or edited item. `before` is None for a new item (undo deletes it)."""

    def __init__(self, view, key: str, before: dict | None, after: dict, description: str) -> None:
        super().__init__(description)
        self.view, self.key, self.before, self.after = view, key, before, after
        self._first = True  # the change is already saved when the command is pushed

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self.view.perform_save(self.key, self.after)

    def undo(self) -> None:
        if self.before is None:
            self.view.perform_delete(self.after["id"])
        else:
            self.view.perform_save(self.key, self.before)


class DeleteItemCommand(QUndoCommand):
    """A deleted item; undo puts it back together with the links other items had to it."""

    def __init__(self, view, item_id: str, restored: list[tuple[str, dict]], description: str) -> None:
        super().__init__(description)
        self.view, self.item_id, self.restored = view, item_id, restored
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self.restored = self.view.perform_delete(self.item_id)

    def undo(self) -> None:
        self.view.perform_restore(self.restored)


class AssessCommand(QUndoCommand):
    """A new dated assessment of a checklist item; undo removes it again."""

    def __init__(self, view, template: str, entry: dict, assessment_id: str, description: str) -> None:
        super().__init__(description)
        self.view, self.template, self.entry, self.assessment_id = view, template, entry, assessment_id
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self.view.perform_assess(self.template, {**self.entry, "assessment_id": self.assessment_id})

    def undo(self) -> None:
        self.view.perform_remove_assessment(self.assessment_id)


class ImportCommand(QUndoCommand):
    """Items added or updated by one import; undo deletes the added ones and restores the others."""

    def __init__(self, view, added: list[str], before: list[tuple[str, dict]], documents: list, description: str) -> None:
        super().__init__(description)
        self.view, self.added, self.before, self.documents = view, added, before, documents
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self.view.perform_import(self.documents)

    def undo(self) -> None:
        for item_id in reversed(self.added):  # later items may refer to earlier ones
            self.view.perform_delete(item_id)
        if self.before:
            self.view.perform_restore(self.before)


class AssignVoteCommand(QUndoCommand):
    """An unassigned vote made a vote of a motion; undo puts both back as they were."""

    def __init__(self, view, vote_id: str, motion_id: str, before: list[tuple[str, dict]], description: str) -> None:
        super().__init__(description)
        self.view, self.vote_id, self.motion_id, self.before = view, vote_id, motion_id, before
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self.view._guard(lambda: self.view_items().assign_vote(self.view.dossier, self.vote_id, self.motion_id), "*")

    def undo(self) -> None:
        self.view.perform_restore(self.before)

    @staticmethod
    def view_items():
        from raadsdossier.services import items

        return items
